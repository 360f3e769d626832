// The checks that run before the lint rules (YAML syntax, then the schema), named once: their
// findings carry these ids in every report, and no rule runs on a map that fails them.
import type { RuleDescriptor } from "../diagnostic.js";

export const YAML_SYNTAX = "yaml-syntax";
export const SCHEMA = "schema";

export const VALIDATION_CHECKS: readonly RuleDescriptor[] = [
  {
    id: YAML_SYNTAX,
    description: "the file is readable UTF-8 YAML with one document",
    rationale: "A map that does not parse cannot be checked or rendered.",
    defaultSeverity: "error",
  },
  {
    id: SCHEMA,
    description: "the map matches the journeymap schema (keys, types, ids, emotion scores)",
    rationale: "The schema is the format's single source of truth; the rules only run on maps that match it.",
    defaultSeverity: "error",
  },
];

const VALIDATION_IDS = new Set(VALIDATION_CHECKS.map((check) => check.id));

/** True for the ids of the checks above: a finding from one means the rules did not run. */
export function isValidationCheck(ruleId: string): boolean {
  return VALIDATION_IDS.has(ruleId);
}
