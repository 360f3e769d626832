// The checks that are not lint rules, as reports describe them: validation's (src/journey/checks.ts)
// and lint --data's data-source, each with a name and its section of docs/rules/validation.md.
import type { RuleDescriptor } from "../diagnostic.js";
import { SCHEMA, VALIDATION_CHECKS, YAML_SYNTAX } from "../journey/checks.js";
import { DOCS_BASE } from "./types.js";

/** data/measure.ts's DATA_SOURCE, named here so that reports need not load the data module
 * (test/report/sarif.test.ts checks that the two agree). */
export const DATA_SOURCE_CHECK = "data-source";

/** SARIF wants a name that is more than the id in another case ("schema" would give "Schema"). */
const NAMES: Record<string, string> = { [YAML_SYNTAX]: "YamlSyntax", [SCHEMA]: "MapSchema" };

/** Every check's page: one page for all of them, a section (anchor) per check. */
export function checkDocsUrl(id: string): string {
  return `${DOCS_BASE}validation.md#${id}`;
}

export const CHECK_DESCRIPTORS: readonly RuleDescriptor[] = [
  ...VALIDATION_CHECKS.map((check) => ({ ...check, name: NAMES[check.id], docsUrl: checkDocsUrl(check.id) })),
  {
    id: DATA_SOURCE_CHECK,
    name: "DataSource",
    description: "a metric source (lint --data) is readable and matches the map: file, columns, ids, dates",
    rationale: "A metric read from the wrong file, column or row would put a wrong number on the map.",
    defaultSeverity: "error",
    docsUrl: checkDocsUrl(DATA_SOURCE_CHECK),
  },
];
