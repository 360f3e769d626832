// The progress of a long run on a terminal: one line on standard error, drawn in place ("rendering
// 120/200 maps · 12 s left"), at most ten times a second, and cleared when the run ends. Only on a
// terminal, never in CI logs, pipes or files, and not for a run too short to need it.
import { stderr as standardError, type StandardStream } from "./standard-streams.js";

/** Milliseconds on a monotonic clock. Not `performance.now()`: the first use of that global loads
 * node:perf_hooks, about 2 ms of every run's start. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A run of at least this many maps shows its progress from the start; a smaller one after SHOW_AFTER_MS. */
export const PROGRESS_MAPS = 20;
const SHOW_AFTER_MS = 1000;
/** At most ten redraws a second, whatever the number of maps. */
const REDRAW_MS = 100;
/** The estimate waits for a few maps, so that it is not a guess from the first (slowest) one. */
const ESTIMATE_AFTER = 3;

/** Whether a run may show a progress line: standard error is a terminal that can redraw a line, the
 * run is not in CI (CI set to anything but "false" or "0"), and --quiet was not given. */
export function progressWanted(quiet: boolean | undefined, stream: StandardStream = standardError): boolean {
  if (quiet) return false;
  const ci = process.env.CI ?? "";
  if (ci !== "" && ci !== "0" && ci.toLowerCase() !== "false") return false;
  if (process.env.TERM === "dumb") return false;
  return stream.isTTY;
}

/** A whole number of seconds as people say it: "12 s", "3 min". */
function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** The progress of one run over `total` maps. `verb` says what is done to them ("rendering", "linting"). */
export class ProgressLine {
  readonly #stream: StandardStream;
  readonly #started = monotonicMs();
  #done = 0;
  #drawnAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly verb: string,
    private readonly total: number,
    stream: StandardStream = standardError,
  ) {
    this.#stream = stream;
    // Between maps the line also moves on its own (the estimate, a slow map), without keeping the process up.
    this.#timer = setInterval(() => this.draw(), 500);
    this.#timer.unref();
  }

  /** One more map done. */
  advance(): void {
    this.#done++;
    this.draw();
  }

  /** Clears the line for good: the run is over (its summary, if any, follows on a line of its own). */
  finish(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stream.status("");
  }

  private draw(): void {
    if (!this.#timer) return;
    const now = monotonicMs();
    const elapsed = now - this.#started;
    if (now - this.#drawnAt < REDRAW_MS) return;
    if (this.total < PROGRESS_MAPS && elapsed < SHOW_AFTER_MS) return;
    if (this.#done >= this.total) return;
    this.#drawnAt = now;
    const maps = this.total === 1 ? "map" : "maps";
    let line = `${this.verb} ${this.#done}/${this.total} ${maps}`;
    if (this.#done >= ESTIMATE_AFTER) line += ` · ${duration((elapsed / this.#done) * (this.total - this.#done))} left`;
    // Never wider than the terminal: a line that wraps cannot be drawn again in place.
    const columns = this.#stream.columns || 80;
    this.#stream.status(line.slice(0, Math.max(0, columns - 1)));
  }
}
