// The public API of journeymap, for tools that embed it (editor extensions, docs builds).
import type { Diagnostic } from "./diagnostic.js";
import { loadJourney, type LoadOptions } from "./journey/load.js";

export type { Diagnostic, Range, Severity } from "./diagnostic.js";
export { loadJourney, type LoadedJourney, type LoadOptions } from "./journey/load.js";
export type { Journey, JourneyDocument, Persona, Score, Stage, Team, Touchpoint } from "./journey/model.js";
export { emotionOf, personasAt, touchpointsOf } from "./journey/model.js";
export { SourceMap } from "./journey/source-map.js";
export {
  formatters,
  type FileResult,
  type Formatter,
  type ReportContext,
  type RuleDescriptor,
} from "./report/index.js";

/** The diagnostics of a map's text (YAML syntax and schema); an empty list means the map is valid. */
export function validateJourney(input: string | Uint8Array, options: LoadOptions = {}): Diagnostic[] {
  return loadJourney(input, options).diagnostics;
}

// A repository of maps: shared personas, teams and metrics (journeymap.shared.yaml), links between maps,
// facts.
export { loadWorkspace, type Workspace, type WorkspaceOptions } from "./lint/workspace.js";
export { loadMapFile } from "./workspace/load.js";
export { loadSharedFile, SHARED_FILE, type SharedFile } from "./journey/shared.js";
export {
  DEFINITION_KINDS,
  type DefinitionKindName,
  type MapDefinitions,
  type SharedDefinition,
  type SharedScope,
} from "./journey/definitions.js";
export { SharedFinder } from "./workspace/scope.js";
export { buildGraph, breadcrumbsOf, type MapGraph } from "./workspace/graph.js";
export { factsOf, mapIdOf, type MapFacts, type MapLink } from "./workspace/facts.js";
export { renderPortfolio, type PortfolioMap, type BacklogItem } from "./render/site/portfolio.js";
export { renderHeatmap } from "./render/site/heatmap.js";

// Lint: the rules over a loaded map (or its text), configuration, and the rule catalog.
export {
  lintJourney,
  resolveConfig,
  parseConfig,
  loadConfigFile,
  ConfigFinder,
  rules,
  ruleDescriptors,
  STAGE_PRESETS,
  lintFiles,
  type LintRun,
  type LintRunOptions,
  type LintConfig,
  type ResolvedConfig,
  type Rule,
  type RuleMeta,
  type RuleSeverity,
} from "./lint/index.js";

// Fixes that lint --fix applies: certain edits that keep every other byte of the map.
export {
  fixMap,
  formatFixDiff,
  fixableRules,
  type AppliedFix,
  type FixOptions,
  type FixResult,
} from "./lint/fix/index.js";

// Mermaid and Markdown renderers: pure functions from a journey to text.
export { renderMermaid, type MermaidOptions } from "./render/mermaid.js";
export { renderMarkdown, type MarkdownOptions, type PageLinks, type PageLink } from "./render/markdown.js";
export { renderIndexPage, type IndexEntry } from "./render/index-page.js";

// The catalog of render formats (names, extensions, engines), as the render command reads it.
export { renderFormats, FORMAT_NAMES, ENGINE_NAMES, type FormatName, type EngineName } from "./render/formats.js";

// The native journey-map picture (resvg and the browser load only when PNG or PDF is asked for).
export { renderSvg, type SvgOptions } from "./render/svg/index.js";
export { svgToPng } from "./render/png.js";
export { svgToPdf } from "./render/pdf.js";

// Diff: what changed between two versions of a map, and its outputs (stylish, markdown, json, svg, png).
export {
  diffJourneys,
  isEmptyDiff,
  diffFormats,
  diffPicture,
  type ComparedMap,
  type DiffPicture,
  type DiffOptions,
  type DiffFormatter,
  type JourneyDiff,
  type TouchpointChange,
  type EmotionChange,
  type MetricChange,
} from "./diff/index.js";
