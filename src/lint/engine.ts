// The lint engine: validates first, runs every enabled rule over the typed map, applies in-file
// suppressions, and returns the findings as Diagnostics in source order.
import { compareDiagnostics, type Diagnostic, type Range } from "../diagnostic.js";
import { localDefinitions } from "../journey/definitions.js";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import { SuggestionBudget } from "../journey/suggest.js";
import { resolveConfig, type LintConfig, type ResolvedConfig } from "./config.js";
import { rules, ruleIds } from "./rules/index.js";
import { repositoryRuleIds } from "./repository/rules/index.js";
import { deferDirectives, parseDirectives, splitSuppressed, type Directive } from "./suppressions.js";
import type { SuppressedDiagnostic } from "../diagnostic.js";
import type { RuleContext } from "./types.js";

const REPOSITORY_RULES: ReadonlySet<string> = new Set(repositoryRuleIds);

const START_OF_FILE: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The findings for one map: its YAML and schema errors when it has any (no rule runs on an invalid
 * map), else the findings of every enabled rule that no journeymap-disable comment suppresses.
 * Takes a loaded map, or a map's text (loaded with `file` as its name); `asOf` (YYYY-MM-DD) is the
 * day stale-metric measures ages at (the library reads no clock). */
export function lintJourney(
  input: LoadedJourney | string,
  config: LintConfig = {},
  options: { file?: string; asOf?: string } = {},
): Diagnostic[] {
  const loaded = typeof input === "string" ? loadJourney(input, options) : input;
  const resolved = resolveConfig(config);
  return lintLoaded(loaded, options.asOf === undefined ? resolved : { ...resolved, asOf: options.asOf });
}

/** lintJourney for a configuration that is already resolved (the command line resolves it once per folder). */
export function lintLoaded(loaded: LoadedJourney, config: ResolvedConfig): Diagnostic[] {
  return lintLoadedWithSuppressed(loaded, config).messages;
}

/** The rules in catalog order, listed once (a run over many maps walks this for each). */
const RULES = Object.entries(rules);

/** lintLoaded, also returning the findings that in-file comments silenced, each with the comment's
 * `-- reason` as justification (reports put them in FileResult.suppressed). */
export function lintLoadedWithSuppressed(
  loaded: LoadedJourney,
  config: ResolvedConfig,
): { messages: Diagnostic[]; suppressed: SuppressedDiagnostic[]; deferred: Directive[] } {
  const { journey, source, file } = loaded;
  if (!journey) return { messages: loaded.diagnostics, suppressed: [], deferred: [] };
  const findings: Diagnostic[] = [...loaded.diagnostics];
  const definitions = loaded.definitions ?? localDefinitions(journey);
  const settings: RuleContext["settings"] = {
    stages: config.stages,
    maxAgeDays: config.maxAgeDays,
    reviewDays: config.reviewDays,
    ...(config.reviewConfigured ? { reviewConfigured: true } : {}),
    ...(config.asOf !== undefined ? { asOf: config.asOf } : {}),
  };
  // One budget for the whole map: 20,000 unknown references cost what the map's size allows, no more.
  const suggestions = SuggestionBudget.for(loaded.text.length);
  for (const [id, rule] of RULES) {
    const severity = config.rules[id] ?? rule.meta.defaultSeverity;
    if (severity === "off") continue;
    const context: RuleContext = {
      journey,
      source,
      settings,
      definitions,
      suggestions,
      report(message, range, subject) {
        // Written out rather than spread: a map with 100,000 findings makes this hot.
        const at = range ?? START_OF_FILE;
        const finding: Diagnostic = {
          file,
          ruleId: id,
          severity,
          message,
          line: at.line,
          column: at.column,
          endLine: at.endLine,
          endColumn: at.endColumn,
        };
        if (subject) finding.subject = subject;
        findings.push(finding);
      },
    };
    rule.check(context);
  }
  // Comments that name repository rules wait for the repository pass, which knows their findings.
  const { now, later } = deferDirectives(parseDirectives(loaded.text, loaded.comments), REPOSITORY_RULES);
  const { kept, suppressed } = splitSuppressed(findings, now, {
    file,
    knownRules: ruleIds,
    suggestions,
    unusedSeverity: config.rules["unused-disable"] ?? rules["unused-disable"]!.meta.defaultSeverity,
  });
  return { messages: kept.sort(compareDiagnostics), suppressed: suppressed.sort(compareDiagnostics), deferred: later };
}

/** The ids of the rules a configuration runs (for reports that list what was checked). */
export function enabledRules(config: ResolvedConfig): string[] {
  return ruleIds.filter((id) => (config.rules[id] ?? rules[id]!.meta.defaultSeverity) !== "off");
}
