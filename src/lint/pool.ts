// Worker threads for runs over many maps: this thread resolves each map's configuration and reads its
// bytes in input order, while the workers lint the maps read before (lint-map.ts, the same unit a
// single-threaded run uses), and lints maps itself whenever the workers have enough queued. Results come back in input order, and the first failure in input order
// is the one thrown, so a run gives the same output, byte for byte, whatever the number of threads.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, parentPort } from "node:worker_threads";
import { JourneymapError } from "../errors.js";
import type { SharedScope } from "../journey/definitions.js";
import type { ResolvedConfig } from "./config.js";
import { lintMap, type MapLint } from "./lint-map.js";

/** What this thread tells a worker: a configuration or shared scope (each once), or a map to lint with
 * one of them. */
type Request =
  | { kind: "config"; id: number; config: ResolvedConfig; checks: string[] }
  | { kind: "scope"; id: number; scope: SharedScope }
  | {
      kind: "map";
      index: number;
      file: string;
      path?: string;
      bytes: Uint8Array;
      config: number;
      scope?: number;
      quiet: boolean;
    }
  | { kind: "close" };

/** A worker's answer for one map. */
type Answer = { index: number; lint: MapLint } | { index: number; failure: Failure };

interface Failure {
  message: string;
  stack?: string;
  /** Set for a JourneymapError, which keeps its message and exit code across the thread boundary. */
  exitCode?: number;
}

/** A map as this thread hands it over: read, with its configuration decided. */
export interface PreparedMap {
  file: string;
  /** The map's absolute path (absent for standard input). */
  path?: string;
  bytes: Uint8Array;
  config: ResolvedConfig;
  checks: string[];
  /** The shared definitions in the map's scope. */
  shared?: SharedScope;
}

/** Maps posted to one worker and not yet answered: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 16;

/** The worker's script beside this module: dist/lint/lint-worker.js, or in the bundle dist/bundle/lint-worker.js
 * (which starts the bundle through its code cache). Undefined when running from the TypeScript sources. */
export function workerScript(): URL | undefined {
  const script = new URL("./lint-worker.js", import.meta.url);
  return existsSync(fileURLToPath(script)) ? script : undefined;
}

/** Lints `count` maps on `threads` threads: this one and `threads - 1` workers. `prepare(index)` reads
 * and configures map `index` (called in order, on this thread; it may throw); this thread hands each
 * map to a worker with room in its queue, or lints it itself when every queue is full; `done(index,
 * lint)` gets each result in order. */
export async function lintOnThreads(
  count: number,
  threads: number,
  script: URL,
  options: { quiet: boolean },
  prepare: (index: number) => Promise<PreparedMap>,
  done: (index: number, lint: MapLint) => void,
): Promise<void> {
  // A small young generation per worker: each linted map's garbage dies young, and the run's memory
  // stays near that of one thread (measured: 4 MB instead of the default keeps 10,000 maps ~20 MB lower).
  const workers = Array.from(
    { length: Math.max(1, threads - 1) },
    () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 4 } }),
  );
  const sentConfigs = workers.map(() => new Map<ResolvedConfig, number>());
  const sentScopes = workers.map(() => new Map<SharedScope, number>());
  const busy = workers.map(() => 0);
  const answers = new Map<number, MapLint>();
  let failure: { index: number; error: Error } | undefined;
  let next = 0; // the next index to hand to `done`
  let wake: (() => void) | undefined;
  const settle = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const fail = (index: number, error: Error) => {
    if (!failure || index < failure.index) failure = { index, error };
    settle();
  };
  const answered = (index: number, lint: MapLint) => {
    answers.set(index, lint);
    while (answers.has(next)) {
      done(next, answers.get(next)!);
      answers.delete(next);
      next++;
    }
  };
  workers.forEach((worker, w) => {
    worker.on("message", (answer: Answer) => {
      busy[w]!--;
      if ("failure" in answer) fail(answer.index, errorOf(answer.failure));
      else answered(answer.index, answer.lint);
      settle();
    });
    worker.on("error", (error) => fail(-1, error));
    worker.on("exit", (code) => {
      if (code !== 0 && next < count) fail(-1, new Error(`a lint worker thread stopped (exit code ${code})`));
    });
  });
  const idle = () => new Promise<void>((resume) => (wake = resume));
  // The workers' answers arrive as events: let them in between maps.
  const letIn = () => new Promise<void>((resume) => setImmediate(resume));
  try {
    for (let index = 0; index < count && !failure; index++) {
      let map: PreparedMap;
      try {
        map = await prepare(index);
      } catch (error) {
        fail(index, error as Error);
        break;
      }
      await letIn();
      const w = busy.indexOf(Math.min(...busy));
      if (busy[w]! >= IN_FLIGHT) {
        // Every worker has work queued: this thread lints this map meanwhile.
        try {
          answered(
            index,
            lintMap(map.file, map.bytes, map.config, {
              checks: map.checks,
              quiet: options.quiet,
              ...(map.path !== undefined ? { path: map.path } : {}),
              ...(map.shared ? { shared: map.shared } : {}),
            }),
          );
        } catch (error) {
          fail(index, error as Error);
        }
        continue;
      }
      const worker = workers[w]!;
      let id = sentConfigs[w]!.get(map.config);
      if (id === undefined) {
        id = sentConfigs[w]!.size;
        sentConfigs[w]!.set(map.config, id);
        worker.postMessage({ kind: "config", id, config: map.config, checks: map.checks } satisfies Request);
      }
      // A folder's shared definitions go to each worker once, like its configuration.
      let scope = map.shared && sentScopes[w]!.get(map.shared);
      if (map.shared && scope === undefined) {
        scope = sentScopes[w]!.size;
        sentScopes[w]!.set(map.shared, scope);
        worker.postMessage({ kind: "scope", id: scope, scope: map.shared } satisfies Request);
      }
      busy[w]!++;
      const request: Request = {
        kind: "map",
        index,
        file: map.file,
        ...(map.path !== undefined ? { path: map.path } : {}),
        bytes: map.bytes,
        config: id,
        ...(scope !== undefined ? { scope } : {}),
        quiet: options.quiet,
      };
      // The bytes move to the worker (no copy) when they own their memory.
      const movable = map.bytes.byteOffset === 0 && map.bytes.byteLength === map.bytes.buffer.byteLength;
      worker.postMessage(request, movable ? [map.bytes.buffer as ArrayBuffer] : []);
    }
    // Every map handed over is answered before deciding, so that the failure thrown is the first in
    // input order, as a run on one thread would meet it (a worker that died answers nothing more).
    while (busy.some((inFlight) => inFlight > 0) && failure?.index !== -1) await idle();
    if (failure) throw failure.error;
    // Done: each worker ends on its own, which lets it write its code cache (src/cli/start.ts).
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((ended) => {
            worker.once("exit", () => ended());
            worker.postMessage({ kind: "close" } satisfies Request);
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The error a worker reported, as this thread throws it. */
function errorOf(failure: Failure): Error {
  const error =
    failure.exitCode === undefined
      ? new Error(failure.message)
      : new JourneymapError(failure.message, failure.exitCode);
  if (failure.stack) error.stack = failure.stack;
  return error;
}

/** The loop of a lint worker thread (see lint-worker.ts): configurations in, maps in, results out. */
export function serveLintWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("serveLintWorker runs on a worker thread");
  const configs = new Map<number, { config: ResolvedConfig; checks: string[] }>();
  const scopes = new Map<number, SharedScope>();
  port.on("message", (request: Request) => {
    if (request.kind === "close") {
      port.close();
      return;
    }
    if (request.kind === "config") {
      configs.set(request.id, { config: request.config, checks: request.checks });
      return;
    }
    if (request.kind === "scope") {
      scopes.set(request.id, request.scope);
      return;
    }
    const shared = request.scope === undefined ? undefined : scopes.get(request.scope);
    const { config, checks } = configs.get(request.config)!;
    let answer: Answer;
    try {
      answer = {
        index: request.index,
        lint: lintMap(request.file, request.bytes, config, {
          checks,
          quiet: request.quiet,
          ...(request.path !== undefined ? { path: request.path } : {}),
          ...(shared ? { shared } : {}),
        }),
      };
    } catch (error) {
      const { message, stack } = error as Error;
      answer = {
        index: request.index,
        failure: { message, stack, ...(error instanceof JourneymapError ? { exitCode: error.exitCode } : {}) },
      };
    }
    port.postMessage(answer);
  });
}
