// One map's lint, the unit that a run repeats (on this thread or on a worker thread): the map's bytes
// and its resolved configuration in, its FileResult and counts out, all plain data that a worker can
// post back. No I/O: the runner reads the map.
import { countBySeverity, type FileResult, type Severity } from "../diagnostic.js";
import { loadJourney, type LoadedJourney } from "../journey/load.js";
import type { ResolvedConfig } from "./config.js";
import { lintLoadedWithSuppressed } from "./engine.js";

export interface MapLintOptions {
  /** The ids of the checks the configuration runs (FileResult.checks). */
  checks: string[];
  /** Keep only errors in the result; every finding is still counted (--quiet). */
  quiet?: boolean;
}

export interface MapLint {
  result: FileResult;
  /** Findings per severity, before --quiet dropped any. */
  counts: Record<Severity, number>;
}

/** Loads and lints one map. */
export function lintMap(
  file: string,
  bytes: Uint8Array | string,
  config: ResolvedConfig,
  options: MapLintOptions,
): MapLint {
  return lintLoadedMap(loadJourney(bytes, { file }), config, options);
}

/** Lints a map that is already loaded (the runner loads it itself when --fix rewrites it first). */
export function lintLoadedMap(map: LoadedJourney, config: ResolvedConfig, options: MapLintOptions): MapLint {
  const { messages, suppressed } = lintLoadedWithSuppressed(map, config);
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
  };
}
