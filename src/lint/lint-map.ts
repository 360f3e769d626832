// One map's lint, the unit that a run repeats (on this thread or on a worker thread): the map's bytes,
// its resolved configuration and shared definitions in, its FileResult, counts and facts for the
// repository rules out, all plain data that a worker can post back. No I/O: the runner reads the map.
import { countBySeverity, type FileResult, type Severity } from "../diagnostic.js";
import type { SharedScope } from "../journey/definitions.js";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import { factsOf, repositoryFactsOf, type RepositoryFacts } from "../workspace/facts.js";
import type { ResolvedConfig } from "./config.js";
import { lintLoadedWithSuppressed } from "./engine.js";
import type { Directive } from "./suppressions.js";

export interface MapLintOptions {
  /** The ids of the checks the configuration runs (FileResult.checks). */
  checks: string[];
  /** Keep only errors in the result; every finding is still counted (--quiet). */
  quiet?: boolean;
  /** The map's absolute path (absent for standard input), for its facts. */
  path?: string;
}

export interface MapLint {
  result: FileResult;
  /** Findings per severity, before --quiet dropped any. */
  counts: Record<Severity, number>;
  /** What the repository rules need of the map (absent when it has errors: no model to take them from). */
  facts?: RepositoryFacts;
  /** The map's comments that silence repository rules, for the repository pass. */
  deferred: Directive[];
}

/** Loads and lints one map. */
export function lintMap(
  file: string,
  bytes: Uint8Array | string,
  config: ResolvedConfig,
  options: MapLintOptions & { shared?: SharedScope },
): MapLint {
  const loaded = loadJourney(bytes, { file, ...(options.shared ? { shared: options.shared } : {}) });
  return lintLoadedMap(loaded, config, options);
}

/** Lints a map that is already loaded (the runner loads it itself when --fix rewrites it first). */
export function lintLoadedMap(map: LoadedJourney, config: ResolvedConfig, options: MapLintOptions): MapLint {
  const { messages, suppressed, deferred } = lintLoadedWithSuppressed(map, config);
  const shown = options.quiet ? messages.filter((message) => message.severity === "error") : messages;
  return {
    result: {
      filePath: map.file,
      // The text is for code frames: a map with nothing to show keeps none, so that a run over
      // thousands of clean maps holds only their names.
      ...(shown.length > 0 ? { source: map.text } : {}),
      messages: shown,
      checks: options.checks,
      ...(suppressed.length > 0 ? { suppressed } : {}),
    },
    counts: countBySeverity(messages),
    ...(map.journey ? { facts: repositoryFactsOf(factsOf({ ...map, journey: map.journey }, options.path)) } : {}),
    deferred,
  };
}
