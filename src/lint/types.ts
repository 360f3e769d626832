// What a lint rule is: its description (meta) and one check over the typed map that reports findings.
import type { Range, Severity } from "../diagnostic.js";
import type { MapDefinitions } from "../journey/definitions.js";
import type { Journey } from "../journey/model.js";
import type { SourceMap } from "../journey/source-map.js";
import { PACKAGE_VERSION } from "../version.js";
import type { SuggestionBudget } from "../journey/suggest.js";

/** A rule's severity in configuration: a diagnostic severity, or "off" to skip the rule. */
export type RuleSeverity = Severity | "off";

export const RULE_SEVERITIES: readonly RuleSeverity[] = ["error", "warning", "info", "off"];

/** The repository (package.json "repository"): a rule's page is linked there, as GitHub shows it. */
export const REPOSITORY_URL = "https://github.com/journeymap/journeymap";

/** The rules' pages at the tag of the version that runs (v0.1.0): the page always describes the rule
 * that reported the finding, and GitHub serves it rendered (a CDN's raw Markdown 404ed, issue 20). */
export const DOCS_BASE = `${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/`;

export interface RuleMeta {
  /** Stable id, equal to the rule's file name (rules/<id>.ts) and docs page (docs/rules/<id>.md). */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  /** Why it matters, in a sentence or two (SARIF's full description, the docs page's "why"). */
  rationale: string;
  defaultSeverity: RuleSeverity;
  docsUrl: string;
}

/** Settings that rules read from the configuration. */
export interface RuleSettings {
  /** The stage ids every map is expected to have, in order. */
  stages: readonly string[];
  /** stale-metric: a value older than this many days is stale. */
  maxAgeDays: number;
  /** review-overdue: a map reviewed longer ago than this many days is overdue (default 180). */
  reviewDays: number;
  /** The configuration sets the review period: every map is then expected to have an owner. */
  reviewConfigured?: boolean;
  /** The day ages are measured at (YYYY-MM-DD): the CLI passes --as-of or today; rules read no clock,
   * so without it stale-metric finds nothing. */
  asOf?: string;
}

export interface RuleContext {
  readonly journey: Journey;
  readonly source: SourceMap;
  readonly settings: RuleSettings;
  /** Where the map's personas, teams and metrics came from: its own lists, references by id, shared
   * files. */
  readonly definitions: MapDefinitions;
  /** The map's budget for "did you mean" (journey/suggest.ts): every rule's suggestions share it. */
  readonly suggestions: SuggestionBudget;
  /** Reports a finding at a source range (the start of the file when the range is unknown), about
   * a subject (journey/queries.ts `subjectOf`) that identifies it when lines move. */
  readonly report: (message: string, range: Range | undefined, subject?: string) => void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
