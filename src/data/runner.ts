// Runs the sources of many maps: reads each map with the shared definitions of its folder, measures it
// from its CSV files and writes the values into its text (data pull), or into the loaded map in memory
// (render --data, lint --data). Every value of every map is computed and checked before the caller
// writes any file.
import { dirname } from "node:path";
import { compareDiagnostics, type Diagnostic, type FileResult } from "../diagnostic.js";
import type { MapInput } from "../io/find-maps.js";
import { readMapBytes } from "../io/read-maps.js";
import { openSourceFile } from "../io/source-files.js";
import { LineIndex } from "../lint/fix/edits.js";
import { asWritten, loadJourney, type LoadedJourney } from "../journey/load.js";
import type { Journey } from "../journey/model.js";
import { SharedFinder } from "../workspace/scope.js";
import { applyUpdates, EditProblem, writeUpdates } from "./apply.js";
import { DATA_SOURCE, measureMap, type MeasureOptions, type MetricUpdate } from "./measure.js";
import { SourceTables } from "./table.js";

export interface DataRunOptions extends MeasureOptions {
  /** Refuse maps and shared files larger than this many bytes (--max-file-size). */
  maxBytes?: number;
  /** Where the search for shared files stops outside a repository (default: the working directory). */
  cwd?: string;
}

/** One map that data pull changes (or would change). */
export interface PulledMap {
  file: string;
  path: string;
  /** The map's text before and after (LF line breaks, as shown in a diff). */
  before: string;
  after: string;
  /** The new text as the file is to be written (its byte-order mark and line breaks kept). */
  written: string;
  updates: MetricUpdate[];
  /** How many sources the map names. */
  sources: number;
}

export interface PullRun {
  /** Maps whose text the values change, in input order. */
  changed: PulledMap[];
  /** Maps with sources whose values are already in their text. */
  unchanged: string[];
  /** Maps with sources that measured no value at all (no row in the window, no answer): the notes
   * say why. Not "up to date": nothing was compared. */
  idle: string[];
  /** Problems by file (a map, or a CSV file): when there is any error, nothing may be written. */
  results: FileResult[];
  notes: string[];
}

function grouped(problems: readonly Diagnostic[], results: FileResult[], sources: Map<string, string>): void {
  for (const problem of [...problems].sort(compareDiagnostics)) {
    let result = results.find((entry) => entry.filePath === problem.file);
    if (!result) {
      result = { filePath: problem.file, messages: [], checks: [DATA_SOURCE] };
      const source = sources.get(problem.file);
      if (source !== undefined) result.source = source;
      results.push(result);
    }
    result.messages.push(problem);
  }
}

/** The CSV files this process has read, as tables: a run (a command) reads each file once, however
 * many sources and maps name it. Keyed by device, inode, size and times, so a file changed since
 * (render --watch) is read again. */
const tables = new SourceTables();

/** Measures a loaded map from its sources (files found from `path`, the map's file). */
export async function measureLoaded(
  loaded: LoadedJourney & { journey: Journey },
  path: string | undefined,
  options: DataRunOptions,
): ReturnType<typeof measureMap> {
  return measureMap(loaded, (source) => openSourceFile(source.file, path, { mapShown: loaded.file }), {
    tables,
    ...options,
  });
}

/** render --data and lint --data: the map's values replaced in memory; the problems by file. */
export async function applySources(
  loaded: LoadedJourney,
  path: string | undefined,
  options: DataRunOptions,
): Promise<{ results: FileResult[]; notes: string[] }> {
  const results: FileResult[] = [];
  if (!loaded.journey?.sources?.length) return { results, notes: [] };
  const measured = await measureLoaded(loaded as LoadedJourney & { journey: Journey }, path, options);
  grouped(measured.problems, results, new Map([[loaded.file, loaded.text]]));
  if (measured.problems.length === 0) applyUpdates(loaded.journey, measured.updates);
  return { results, notes: measured.notes };
}

/** data pull: every map's new text, computed and checked; writes nothing. */
export async function pullMaps(inputs: readonly MapInput[], options: DataRunOptions): Promise<PullRun> {
  const run: PullRun = { changed: [], unchanged: [], idle: [], results: [], notes: [] };
  // The shared definitions of each map's folder, as lint and render find them: a source may fill a
  // metric that a journeymap.shared.yaml defines.
  const finder = new SharedFinder({ cwd: options.cwd, maxBytes: options.maxBytes });
  for (const input of inputs) {
    const shared = finder.forFolder(input.path ? dirname(input.path) : process.cwd());
    const bytes = await readMapBytes(input, { maxBytes: options.maxBytes });
    const loaded = loadJourney(bytes, { file: input.file, ...(shared ? { shared } : {}) });
    const bom = loaded.written?.bom ? "\ufeff" : "";
    const texts = new Map([[loaded.file, loaded.text]]);
    if (!loaded.journey) {
      grouped(loaded.diagnostics, run.results, texts);
      continue;
    }
    const sources = loaded.journey.sources?.length ?? 0;
    if (sources === 0) continue;
    const measured = await measureLoaded(loaded as LoadedJourney & { journey: Journey }, input.path, options);
    run.notes.push(...measured.notes);
    if (measured.problems.length > 0) {
      grouped(measured.problems, run.results, texts);
      continue;
    }
    let after: string;
    try {
      after = writeUpdates(loaded.text, measured.updates, loaded);
    } catch (error) {
      if (!(error instanceof EditProblem)) throw error;
      const { line, column } = new LineIndex(loaded.text).position(error.offset);
      const problem = { file: loaded.file, ruleId: DATA_SOURCE, severity: "error" as const, message: error.message };
      grouped([{ ...problem, line, column, endLine: line, endColumn: column + 1 }], run.results, texts);
      continue;
    }
    if (!input.path) {
      run.results.push({
        filePath: loaded.file,
        messages: [
          {
            file: loaded.file,
            ruleId: DATA_SOURCE,
            severity: "error",
            message: "data pull writes into map files: name the map's file, not standard input",
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
          },
        ],
      });
      continue;
    }
    if (measured.updates.length === 0) run.idle.push(loaded.file);
    else if (after === loaded.text) run.unchanged.push(loaded.file);
    else
      run.changed.push({
        file: loaded.file,
        path: input.path,
        before: bom + loaded.text,
        after: bom + after,
        written: asWritten(loaded, after),
        updates: measured.updates,
        sources,
      });
  }
  // A shared file with errors defines nothing: the values of the maps below it would be judged without
  // their definitions, so its errors stop the pull like a map's.
  for (const file of finder.files.values())
    if (file.diagnostics.length > 0) grouped(file.diagnostics, run.results, new Map([[file.file, file.text]]));
  return run;
}
