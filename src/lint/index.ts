// The lint module's public face: the engine, configuration, rule catalog and descriptors for reports.
import type { RuleDescriptor } from "../report/types.js";
import { rules } from "./rules/index.js";

export { lintJourney, lintLoaded, enabledRules } from "./engine.js";
export {
  CONFIG_FILE_NAMES,
  ConfigFinder,
  findRepositoryRoot,
  loadConfigFile,
  parseConfig,
  parseRuleOption,
  resolveConfig,
  withRuleOverrides,
  type LintConfig,
  type ResolvedConfig,
} from "./config.js";
export { DEFAULT_PRESET, STAGE_PRESETS, type PresetName } from "./presets.js";
export { rules, ruleIds } from "./rules/index.js";
export { applySuppressions, parseDirectives, type Directive } from "./suppressions.js";
export { RULE_SEVERITIES, type Rule, type RuleContext, type RuleMeta, type RuleSeverity, type RuleSettings } from "./types.js";

/** The checks that run before the rules; their findings carry these ids too. */
export const VALIDATION_CHECKS: RuleDescriptor[] = [
  {
    id: "yaml-syntax",
    description: "the file is readable UTF-8 YAML with one document",
    rationale: "A map that does not parse cannot be checked or rendered.",
    defaultSeverity: "error",
  },
  {
    id: "schema",
    description: "the map matches the journeymap schema (keys, types, ids, emotion scores)",
    rationale: "The schema is the format's single source of truth; the rules only run on maps that match it.",
    defaultSeverity: "error",
  },
];

/** Every rule as reports describe it, in catalog order. */
export function ruleDescriptors(): RuleDescriptor[] {
  return Object.values(rules).map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    rationale: meta.rationale,
    defaultSeverity: meta.defaultSeverity,
    docsUrl: meta.docsUrl,
  }));
}
