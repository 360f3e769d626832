// The sync's overall time limit (--timeout): one instant by which every request, answer, retry and wait
// of a run must be over, so that an API that drips bytes or asks for long waits cannot hold a CI job.
import { timeoutSeconds } from "../../../action/github-api.mjs";
import { JourneymapError } from "../../errors.js";
import { printable } from "../../text/shorten.js";

// Five minutes; named in action/github-api.mjs, where the Action's step reads it too.
export { DEFAULT_TIMEOUT_SECONDS } from "../../../action/github-api.mjs";

/** Parses `--timeout`: seconds ("300", "90s"), minutes ("5m") or hours ("1h"), at most 6 hours. */
export function parseTimeout(value: string): number {
  const seconds = timeoutSeconds(value);
  if (seconds === undefined)
    throw new JourneymapError(
      `--timeout needs a time from 1 second to 6 hours, such as 300 (seconds), 90s or 5m (got "${printable(value)}")`,
    );
  return seconds;
}

/** A time as --timeout takes it back: "90s", "5m", "2h". */
export function timeoutText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** Milliseconds on a clock that the system's time changes never move. */
function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1_000_000n);
}

/** The instant a sync must be over by, `seconds` from its creation. */
export class Deadline {
  readonly #end: number;

  constructor(
    readonly seconds: number,
    private readonly clock: () => number = monotonicMs,
  ) {
    this.#end = clock() + seconds * 1000;
  }

  /** Milliseconds left; 0 once the deadline has passed. */
  left(): number {
    return Math.max(0, this.#end - this.clock());
  }

  /** The limit as a message names it. */
  get named(): string {
    return `the sync's time limit (--timeout ${timeoutText(this.seconds)})`;
  }
}
