// GitHub's REST API for the sync: the token, a timeout and a size bound on every answer, waits on the
// rate limit (bounded), bounded retries on 5xx, pagination by Link headers that never leaves the API, and
// the run's overall deadline, which clips every timeout, retry pause and wait.
import { JourneymapError } from "../../errors.js";
import { printable } from "../../text/shorten.js";
import { checkApiUrl, readBounded } from "../../../action/github-api.mjs";
import type { Deadline } from "./deadline.js";

export interface GitHubOptions {
  /** The API's base URL: https, or http to this machine only (a test's fake API). */
  apiBase?: string;
  token: string;
  /** One request, answer included; 30 s by default. */
  timeoutMs?: number;
  /** The longest wait on a rate limit before giving up; 60 s by default. */
  maxWaitSeconds?: number;
  /** Retries of a request that met a rate limit or (for reads and updates) a 5xx or a network error; 3 by default. */
  retries?: number;
  /** The first pause before retrying after a 5xx, doubled each time; 1 s by default. */
  retryDelayMs?: number;
  /** The largest answer read; 32 MiB by default. */
  maxResponseBytes?: number;
  /** Told when the client waits on a rate limit. */
  onWait?: (message: string) => void;
  /** The whole run's time limit: each request's timeout is clipped to the time left, and a pause or a
   * wait that would outlast it is not begun. None by default (the CLI always gives one). */
  deadline?: Deadline;
}

/** A request GitHub refused, with its status (0 when it never answered), and whether its rate limit did. */
export class GitHubError extends JourneymapError {
  constructor(
    message: string,
    readonly status: number,
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = "GitHubError";
  }
}

/** The run's time limit ran out, or a wait would outlast it. `unanswered` when a request had gone out and
 * its answer was cut off: a POST may then have opened an issue (the next sync finds it by its marker). */
export class TimeLimitError extends GitHubError {
  constructor(
    message: string,
    readonly unanswered: boolean,
  ) {
    super(message, 0);
    this.name = "TimeLimitError";
  }
}

export interface GitHubAnswer {
  status: number;
  body: unknown;
  /** The next page's URL (from the Link header), checked to stay on the API. */
  next?: string;
  /** The answer's size in bytes, as read. */
  bytes: number;
  /** GitHub's clock when it answered (the Date header), in ms since 1970; undefined without one. */
  date?: number;
}

/** The API's base URL, checked: https, or http to this machine only, with no credentials, query or fragment. */
export function apiBaseOf(value = "https://api.github.com"): string {
  const { url, problem } = checkApiUrl(value);
  if (url !== undefined) return url;
  throw new JourneymapError(
    problem === "not a URL"
      ? `the GitHub API URL "${printable(value)}" is not a URL`
      : problem === "not https"
        ? "the GitHub API URL must be an https URL (http only to this machine), without credentials"
        : "the GitHub API URL must not have a query or a fragment",
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds to wait before retrying a rate-limited answer (Retry-After, else x-ratelimit-reset), or
 * undefined when the answer is not a rate limit. */
function rateLimitWait(response: Response): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter !== null) {
    const seconds = /^\d{1,9}$/.test(retryAfter.trim())
      ? Number(retryAfter)
      : (Date.parse(retryAfter) - Date.now()) / 1000;
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  }
  const remaining = response.headers.get("x-ratelimit-remaining");
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  if (remaining === "0" && Number.isFinite(reset) && reset > 0)
    return Math.max(0, Math.ceil(reset - Date.now() / 1000) + 1);
  // A 429 without a time: a minute, as GitHub's documentation asks for secondary limits.
  return response.status === 429 ? 60 : undefined;
}

/** The next page's URL from a Link header, if it stays under the API's base URL. */
function nextLink(header: string | null, base: string): string | undefined {
  if (!header || header.length > 10_000) return undefined;
  for (const part of header.split(",")) {
    const match = /^\s*<([^>]*)>\s*;\s*rel="?next"?\s*$/.exec(part);
    if (!match) continue;
    let url: URL;
    try {
      url = new URL(match[1]!);
    } catch {
      throw new GitHubError("the GitHub API's next page link is not a URL: the list of issues is incomplete", 0);
    }
    // The token goes with every request: a link anywhere else is never followed.
    const baseUrl = new URL(`${base}/`);
    if (url.origin !== baseUrl.origin || !url.pathname.startsWith(baseUrl.pathname) || url.username)
      throw new GitHubError("the GitHub API's next page link leaves the API: not followed", 0);
    return url.href;
  }
  return undefined;
}

/** A client for one repository's API, with one token. */
export class GitHub {
  readonly apiBase: string;
  private readonly options: Required<Omit<GitHubOptions, "apiBase" | "onWait" | "deadline">> &
    Pick<GitHubOptions, "onWait" | "deadline">;

  constructor(options: GitHubOptions) {
    this.apiBase = apiBaseOf(options.apiBase);
    if (!options.token || /[\s\u0000-\u001f]/.test(options.token))
      throw new JourneymapError("no GitHub token: give one with issues: write (GITHUB_TOKEN on GitHub Actions)");
    this.options = {
      token: options.token,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxWaitSeconds: options.maxWaitSeconds ?? 60,
      retries: options.retries ?? 3,
      retryDelayMs: options.retryDelayMs ?? 1_000,
      maxResponseBytes: options.maxResponseBytes ?? 32 * 1024 * 1024,
      onWait: options.onWait,
      deadline: options.deadline,
    };
  }

  /** Stops the run (a TimeLimitError naming `shown`, "planning the writes") when its deadline has passed:
   * called in the loops between requests, so that reading a huge page or planning 20,000 issues ends
   * near the deadline rather than a second past it. */
  inTime(shown: string): void {
    const deadline = this.options.deadline;
    if (deadline !== undefined && deadline.left() === 0)
      throw new TimeLimitError(`${deadline.named} ran out ${shown}`, false);
  }

  /** Waits `ms`, or, when the run's deadline would pass first, stops at once (before `shown`). */
  async pause(ms: number, shown: string): Promise<void> {
    const deadline = this.options.deadline;
    if (deadline !== undefined && ms >= deadline.left())
      throw new TimeLimitError(`${deadline.named} ran out before ${shown}`, false);
    if (ms > 0) await sleep(ms);
  }

  /** One request (a path under the API, or a next-page URL already checked), retried as the header says;
   * an answer that is not 2xx is a GitHubError. POST is never retried after a 5xx or a lost answer: the
   * issue may have been opened, and the next sync finds it by its marker rather than opening it twice. */
  async request(method: "GET" | "POST" | "PATCH", pathOrUrl: string, payload?: unknown): Promise<GitHubAnswer> {
    const url = pathOrUrl.startsWith("/") ? `${this.apiBase}${pathOrUrl}` : pathOrUrl;
    const shown = `${method} ${pathOrUrl.startsWith("/") ? pathOrUrl.replace(/\?.*$/, "") : "next page"}`;
    const retrySafe = method !== "POST";
    const deadline = this.options.deadline;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.options.retries;
      // The request's timeout, clipped to the time left: its signal ends the answer's read too, so an
      // answer that drips in is cut off at the deadline as well as one that never starts.
      const left = deadline?.left() ?? Infinity;
      if (deadline !== undefined && left === 0)
        throw new TimeLimitError(`${deadline.named} ran out before ${shown}`, false);
      const clipped = deadline !== undefined && left < this.options.timeoutMs ? deadline : undefined;
      const cutOff = (error: unknown, what: string) =>
        clipped && isTimeout(error) ? new TimeLimitError(`${clipped.named} ran out ${what}`, true) : undefined;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            Accept: "application/vnd.github+json",
            Authorization: `Bearer ${this.options.token}`,
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "journeymap-sync",
            ...(payload !== undefined ? { "Content-Type": "application/json" } : {}),
          },
          ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
          // A redirect is answered, never followed: the token goes to the API and nowhere else.
          redirect: "manual",
          signal: AbortSignal.timeout(Math.min(left, this.options.timeoutMs)),
        });
      } catch (error) {
        const outOfTime = cutOff(error, `waiting for the answer to ${shown}`);
        if (outOfTime) throw outOfTime;
        if (retrySafe && !last) {
          await this.pause(this.options.retryDelayMs * 2 ** attempt, `retrying ${shown}`);
          continue;
        }
        throw new GitHubError(`cannot reach the GitHub API for ${shown}: ${reasonOf(error)}`, 0);
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        throw new GitHubError(
          `GitHub API ${shown} answered ${response.status}, a redirect: not followed, as the token goes to the API only (check the API URL, GITHUB_API_URL)`,
          response.status,
        );
      }
      const wait = rateLimitWait(response);
      if (wait !== undefined) {
        await response.body?.cancel();
        if (wait > this.options.maxWaitSeconds || last)
          throw new GitHubError(
            `GitHub's rate limit stopped ${shown}: it asks to wait ${wait} s${last ? " more after several waits" : ""}, longer than the sync waits (${this.options.maxWaitSeconds} s); run the sync again later`,
            response.status,
            true,
          );
        if (deadline !== undefined && wait * 1000 >= deadline.left())
          throw new TimeLimitError(
            `GitHub's rate limit asks to wait ${wait} s before ${shown}, longer than the ${(deadline.left() / 1000).toFixed(1)} s left of ${deadline.named}`,
            false,
          );
        this.options.onWait?.(`GitHub's rate limit: waiting ${wait} s before ${shown}`);
        await sleep(wait * 1000);
        continue;
      }
      let text: string;
      try {
        text = await this.boundedText(response);
      } catch (error) {
        if (error instanceof GitHubError) throw error;
        const outOfTime = cutOff(error, `reading the answer to ${shown}, which was still arriving`);
        if (outOfTime) throw outOfTime;
        if (retrySafe && !last) continue;
        throw new GitHubError(`the GitHub API's answer to ${shown} was cut off: ${reasonOf(error)}`, 0);
      }
      if (response.status >= 500 && retrySafe && !last) {
        await this.pause(this.options.retryDelayMs * 2 ** attempt, `retrying ${shown}`);
        continue;
      }
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (!response.ok) {
        const message = (body as { message?: unknown } | undefined)?.message;
        const said = typeof message === "string" ? `: ${printable(message)}` : "";
        throw new GitHubError(`GitHub API ${shown} answered ${response.status}${said}`, response.status);
      }
      return {
        status: response.status,
        body,
        next: nextLink(response.headers.get("link"), this.apiBase),
        bytes: Buffer.byteLength(text),
        ...dateOf(response.headers.get("date")),
      };
    }
  }

  private async boundedText(response: Response): Promise<string> {
    const text = await readBounded(response, this.options.maxResponseBytes);
    if (text === undefined)
      throw new GitHubError(
        `the GitHub API's answer is larger than ${Math.round(this.options.maxResponseBytes / 1024 / 1024)} MiB: not read`,
        0,
      );
    return text;
  }
}

/** A day: a Date header further than this from the machine's clock is not GitHub's clock but a forgery
 * (one at the ends of JavaScript's dates would make `new Date(date - margin)` throw). */
const DAY_MS = 24 * 60 * 60 * 1000;

function dateOf(header: string | null): { date?: number } {
  const date = header === null || header.length > 100 ? NaN : Date.parse(header);
  return Math.abs(date - Date.now()) <= DAY_MS ? { date } : {};
}

/** Whether a request or its read ended on its signal's timeout. */
function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === "TimeoutError";
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (typeof cause === "string") return printable(cause);
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === "TimeoutError" ? "no answer in time" : typeof name === "string" ? printable(name) : "network error";
}
