// Lints a run's maps: each map's configuration (found per folder, or given), command-line rule
// overrides, one map in memory at a time, on worker threads when there are many (pool.ts). Each map
// is one unit (lint-map.ts); the repository rules run once over every map's facts at the end
// (repository/pass.ts). The CLI parses options, calls lintFiles, reports and exits.
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { countBySeverity, type FileResult, type Severity } from "../diagnostic.js";
import type { MapInput } from "../io/find-maps.js";
import { readMap, readMapBytes } from "../io/read-maps.js";
import { ConfigFinder, loadConfigFile, resolveConfig, withRuleOverrides, type ResolvedConfig } from "./config.js";
import { enabledRules } from "./engine.js";
import { lintLoadedMap, type MapLint } from "./lint-map.js";
import { lintOnThreads, workerScript } from "./pool.js";
import type { RuleSeverity } from "./types.js";
import type { AppliedFix } from "./fix/index.js";
import { asWritten, loadJourney, type LoadedJourney } from "../journey/load.js";
import { writeOutput } from "../io/write-output.js";
import { JourneymapError } from "../errors.js";
import { RepositoryPass } from "./repository/pass.js";
import { isSharedFile } from "../journey/shared.js";

export interface LintRunOptions {
  /** A configuration file to use for every map instead of searching (--config). */
  config?: string;
  /** Use the defaults, read no configuration file (--no-config). */
  noConfig?: boolean;
  /** Rule severities that win over any configuration (--rule id:severity). */
  rules?: Readonly<Record<string, RuleSeverity>>;
  /** Keep only errors in the results; warnings are still counted (--quiet). */
  quiet?: boolean;
  /** Refuse maps and configurations larger than this many bytes (--max-file-size). */
  maxBytes?: number;
  /** Where the configuration search stops outside a repository (default: the working directory). */
  cwd?: string;
  /** Apply the certain fixes (src/lint/fix) first: "write" saves them into the map files (--fix),
   * "dry-run" only reports them (--fix-dry-run). Findings are those of the fixed maps. */
  fix?: "write" | "dry-run";
  /** The folders the run lints whole (a portfolio): repository rules that need every map run on them. */
  folders?: readonly string[];
  /** The day stale-metric measures ages at (--as-of, or today from the CLI). */
  asOf?: string;
  /** lint --data: computes a map's metric values from its sources in place before the rules run, and
   * returns the problems of its CSV files as results of their own (this thread only: no workers). */
  measure?: (map: LoadedJourney, path: string | undefined) => Promise<FileResult[]>;
  /** Threads that lint (--concurrency): 1 lints on this thread only; by default a run over many maps
   * uses one worker thread per core. The results are the same either way. */
  concurrency?: number;
  /** Called as each map is done, in input order (the CLI's progress line). */
  onMapDone?: () => void;
}

/** Below this many maps, starting worker threads costs more than it saves. */
export const MAPS_PER_THREAD = 64;

/** One map that --fix changed (or would change). */
export interface FixedMap {
  file: string;
  before: string;
  after: string;
  fixes: AppliedFix[];
}

export interface LintRun {
  results: FileResult[];
  /** Findings per severity before --quiet dropped any: --max-warnings counts these. */
  counts: Record<Severity, number>;
  /** The configuration files read (absolute paths): with the maps, the inputs no output may replace. */
  configFiles: string[];
  /** The maps that --fix or --fix-dry-run changed, in input order. */
  fixed: FixedMap[];
}

/** Decides the configuration for each map's folder: one resolution per configuration, not per map. */
export class ConfigResolver {
  readonly #explicit: ResolvedConfig | undefined;
  readonly #finder: ConfigFinder;
  readonly #overrides: Readonly<Record<string, RuleSeverity>>;
  readonly #asOf: string | undefined;
  readonly #effective = new Map<ResolvedConfig, { config: ResolvedConfig; checks: string[] }>();

  constructor(options: LintRunOptions = {}) {
    this.#overrides = options.rules ?? {};
    this.#asOf = options.asOf;
    this.#explicit = options.noConfig
      ? resolveConfig()
      : options.config === undefined
        ? undefined
        : loadConfigFile(resolve(options.cwd ?? process.cwd(), options.config), { maxBytes: options.maxBytes });
    this.#finder = new ConfigFinder({ cwd: options.cwd, maxBytes: options.maxBytes });
  }

  /** The configuration that applies to the map at `path` (standard input: the working directory's). */
  forMap(path: string | undefined): { config: ResolvedConfig; checks: string[] } {
    const found = this.#explicit ?? this.#finder.forFolder(path ? dirname(path) : process.cwd());
    let entry = this.#effective.get(found);
    if (!entry) {
      const overridden = withRuleOverrides(found, this.#overrides);
      const config = this.#asOf === undefined ? overridden : { ...overridden, asOf: this.#asOf };
      entry = { config, checks: enabledRules(config) };
      this.#effective.set(found, entry);
    }
    return entry;
  }

  /** The configuration files this run reads (an output must never replace one). */
  get files(): string[] {
    return [...this.#effective.keys()].flatMap((config) => (config.file ? [config.file] : []));
  }
}

/** Lints every input in order; throws JourneymapError (exit 2) for a configuration or I/O problem. */
export async function lintFiles(given: readonly MapInput[], options: LintRunOptions = {}): Promise<LintRun> {
  const resolver = new ConfigResolver(options);
  const results: FileResult[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const fixed: FixedMap[] = [];
  const repository = new RepositoryPass(options);
  const count = (counted: Record<Severity, number>) => {
    for (const severity of ["error", "warning", "info"] as const) counts[severity] += counted[severity];
  };
  const add = ({ result, counts: counted, facts, deferred }: MapLint) => {
    count(counted);
    results.push(result);
    repository.addMap(result.filePath, facts, deferred);
    options.onMapDone?.();
  };
  // A shared-definitions file named on the command line is checked as one (its schema, and the
  // repository rules about it), not as a map.
  const inputs = given.filter((input) => !isSharedFile(input));
  for (const input of given) if (isSharedFile(input)) repository.addSharedFile(input.path!);
  if (options.fix === "write" && inputs.some((input) => !input.path)) {
    throw new JourneymapError("--fix writes into map files: for standard input use --fix-dry-run");
  }
  // --fix writes maps and --data reads CSV files as it goes: both on this thread.
  const threads = options.fix || options.measure ? 1 : threadCount(inputs.length, options.concurrency);
  const script = threads > 1 ? workerScript() : undefined;
  if (script) {
    await lintOnThreads(
      inputs.length,
      threads,
      script,
      { quiet: options.quiet ?? false },
      async (index) => {
        const input = inputs[index]!;
        const { config, checks } = resolver.forMap(input.path);
        const shared = repository.scopeFor(input.path);
        const bytes = await readMapBytes(input, { maxBytes: options.maxBytes });
        return { file: input.file, path: input.path, bytes, config, checks, ...(shared ? { shared } : {}) };
      },
      (_index, lint) => add(lint),
    );
  } else {
    // Loaded only when asked for: the fixers re-parse the map with the yaml Document API.
    const fixer = options.fix ? await import("./fix/index.js") : undefined;
    for (const input of inputs) {
      const { config, checks } = resolver.forMap(input.path);
      const shared = repository.scopeFor(input.path);
      // One map at a time: only its findings, facts and (for code frames) its text are kept.
      let map = await readMap(input, { maxBytes: options.maxBytes, shared });
      if (fixer && map.journey) {
        // fixMap loads without shared definitions: a map loaded with them is loaded again.
        const { text, fixes, loaded } = fixer.fixMap(map.text, {
          file: map.file,
          config,
          ...(shared ? {} : { loaded: map }),
        });
        if (fixes.length > 0) {
          fixed.push({ file: map.file, before: map.text, after: text, fixes });
          // The map itself is the target here, on purpose: written atomically, through a symlink to its file.
          if (options.fix === "write" && input.path)
            writeOutput(input.path, asWritten(map, text), { shown: map.file, replacesInput: true });
          map =
            !shared && loaded?.text === text
              ? loaded
              : loadJourney(text, { file: map.file, ...(shared ? { shared } : {}) });
        }
      }
      const measured = options.measure ? await options.measure(map, input.path) : [];
      for (const result of measured) count(countBySeverity(result.messages));
      results.push(...measured);
      add(lintLoadedMap(map, config, { checks, quiet: options.quiet, path: input.path }));
    }
  }
  repository.finish(results, counts, { resolver, folders: options.folders ?? [], quiet: options.quiet });
  const cwd = options.cwd ?? process.cwd();
  return {
    results,
    counts,
    configFiles: [...resolver.files.map((file) => resolve(cwd, file)), ...repository.sharedFiles],
    fixed,
  };
}

/** How many threads lint `count` maps: as asked, or one per core (at most 8) when there are enough maps. */
function threadCount(count: number, asked: number | undefined): number {
  // Too few maps to share: one thread, without asking the system how many cores it has.
  if (asked === undefined && count < 2 * MAPS_PER_THREAD) return 1;
  const wanted = asked ?? Math.min(availableParallelism(), 8, Math.floor(count / MAPS_PER_THREAD));
  return Math.max(1, Math.min(wanted, count));
}
