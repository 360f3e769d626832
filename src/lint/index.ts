// The lint module's public face: the engine, configuration, rule catalog and descriptors for reports.
import type { RuleDescriptor } from "../diagnostic.js";
import { repositoryRules } from "./repository/rules/index.js";
import { rules } from "./rules/index.js";

export { lintJourney, lintLoaded, lintLoadedWithSuppressed, enabledRules } from "./engine.js";
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
export { ConfigResolver, lintFiles, type LintRun, type LintRunOptions } from "./runner.js";
export { lintLoadedMap, type MapLint } from "./lint-map.js";
export { RepositoryPass } from "./repository/pass.js";
export { DEFAULT_PRESET, STAGE_PRESETS, type PresetName } from "./presets.js";
export { rules, ruleIds } from "./rules/index.js";
export { parseDirectives, splitSuppressed, type Directive } from "./suppressions.js";
export {
  RULE_SEVERITIES,
  type Rule,
  type RuleContext,
  type RuleMeta,
  type RuleSeverity,
  type RuleSettings,
} from "./types.js";

export { VALIDATION_CHECKS } from "../journey/checks.js";
export { CHECK_DESCRIPTORS } from "./checks.js";

export { lintRepository, type RepositoryInput } from "./repository/engine.js";
export { repositoryRules, repositoryRuleIds } from "./repository/rules/index.js";

/** Every rule as reports describe it, in catalog order: the map rules, then the repository rules. */
export function ruleDescriptors(): RuleDescriptor[] {
  return [...Object.values(rules), ...Object.values(repositoryRules)].map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    rationale: meta.rationale,
    defaultSeverity: meta.defaultSeverity,
    docsUrl: meta.docsUrl,
  }));
}
