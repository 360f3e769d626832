// Worker threads that rasterize PNG pictures for a run of many maps: resvg takes ~0.4 s of CPU per
// picture (laying out its text, drawing, encoding), and one thread drew 200 maps in 37 s. This thread
// draws each SVG, a worker turns it into a PNG (svgToPng, the same function, there), and the run
// writes and reports the maps in input order, so its output is the same whatever the number of threads.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker, parentPort } from "node:worker_threads";
import { JourneymapError } from "../errors.js";
import type { svgToPng } from "./png.js";

type PngOptions = Parameters<typeof svgToPng>[1];

/** A picture to rasterize, and the worker's answer. */
type Request = { id: number; svg: string; options: PngOptions } | { close: true };
type Answer = { id: number; png: Uint8Array } | { id: number; failure: { message: string; exitCode?: number } };

/** Fewer maps than this are drawn on this thread: starting a worker (and resvg in it) costs ~0.1 s. */
export const POOL_MAPS = 4;

/** The worker's script beside this module (dist/render/raster-worker.js), or in the bundle
 * dist/bundle/raster-worker.js. Undefined when running from the TypeScript sources. */
function workerScript(): URL | undefined {
  const script = new URL("./raster-worker.js", import.meta.url);
  return existsSync(fileURLToPath(script)) ? script : undefined;
}

/** Threads for `maps` pictures: one per core, at most 8, and none (undefined) when a pool would not
 * pay: few maps, one core, or no worker script. */
export function rasterThreads(maps: number): number | undefined {
  if (maps < POOL_MAPS || !workerScript()) return undefined;
  const threads = Math.min(availableParallelism(), 8, Math.ceil(maps / 2));
  return threads > 1 ? threads : undefined;
}

export class RasterPool {
  readonly #workers: Worker[];
  readonly #busy: number[];
  readonly #waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor(threads: number) {
    const script = workerScript()!;
    this.#workers = Array.from({ length: threads }, () => new Worker(script));
    this.#busy = this.#workers.map(() => 0);
    this.#workers.forEach((worker, w) => {
      worker.on("message", (answer: Answer) => {
        this.#busy[w]!--;
        const waiting = this.#waiting.get(answer.id);
        this.#waiting.delete(answer.id);
        if ("png" in answer) waiting?.resolve(answer.png);
        else {
          const { message, exitCode } = answer.failure;
          waiting?.reject(exitCode === undefined ? new Error(message) : new JourneymapError(message, exitCode));
        }
      });
      worker.on("error", (error) => this.failAll(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.failAll(new Error(`a PNG worker thread stopped (exit code ${code})`));
      });
    });
  }

  /** The PNG of `svg`, drawn by the least busy worker: svgToPng's result, or its error. */
  readonly svgToPng = async (svg: string, { warn, ...options }: PngOptions): Promise<Uint8Array> => {
    // A function cannot cross to a thread: the missing fonts are told from here.
    if (warn) (await import("./png.js")).warnMissingFonts(svg, warn);
    const id = this.#next++;
    const w = this.#busy.indexOf(Math.min(...this.#busy));
    this.#busy[w]!++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#workers[w]!.postMessage({ id, svg, options } satisfies Request);
    });
  };

  private failAll(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  /** Ends the workers: each on its own (which lets it write its code cache), then for sure. */
  async close(): Promise<void> {
    await Promise.all(
      this.#workers.map(
        (worker) =>
          new Promise<void>((ended) => {
            worker.once("exit", () => ended());
            worker.postMessage({ close: true } satisfies Request);
          }),
      ),
    );
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/** The loop of a PNG worker thread (see raster-worker.ts): pictures in, PNGs out, one at a time. */
export function serveRasterWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("serveRasterWorker runs on a worker thread");
  let queue = Promise.resolve();
  port.on("message", (request: Request) => {
    if ("close" in request) {
      queue = queue.then(() => port.close());
      return;
    }
    queue = queue.then(async () => {
      let answer: Answer;
      try {
        const { svgToPng } = await import("./png.js");
        answer = { id: request.id, png: await svgToPng(request.svg, request.options) };
      } catch (error) {
        const { message } = error as Error;
        answer = {
          id: request.id,
          failure: { message, ...(error instanceof JourneymapError ? { exitCode: error.exitCode } : {}) },
        };
      }
      port.postMessage(answer, "png" in answer ? [answer.png.buffer as ArrayBuffer] : []);
    });
  });
}
