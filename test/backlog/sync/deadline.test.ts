// The sync's time limit (--timeout): how it is written, and how the client and the sync keep to it against
// the fake GitHub API on 127.0.0.1: retry pauses and rate-limit waits that would outlast it are not begun,
// an answer that drips is cut off at it, and a sync stopped half-way says what it wrote and what it did not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMarker } from "../../../src/backlog/sync/marker.js";
import { Deadline, parseTimeout, timeoutText } from "../../../src/backlog/sync/deadline.js";
import { GitHub, TimeLimitError } from "../../../src/backlog/sync/github.js";
import { syncIssues, type SyncOptions } from "../../../src/backlog/sync/sync.js";
import type { Opportunity } from "../../../src/backlog/types.js";
import { FakeGitHub } from "./fake-github.js";

/** Loosens the time bounds on a loaded machine. */
const SLACK = Number(process.env.TIME_SLACK ?? 2);

let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
});
afterEach(() => github.stop());

const options = (seconds: number, more: Partial<SyncOptions> = {}): SyncOptions => ({
  repository: "acme/shop",
  token: "owner-token",
  apiBase: github.base,
  retryDelayMs: 10,
  writeIntervalMs: 0,
  deadline: new Deadline(seconds),
  ...more,
});

const opportunity = (id: string): Opportunity => ({
  id,
  title: `Fix ${id}`,
  status: "planned",
  map: { title: "Checkout", path: "maps/checkout.journey.yaml" },
  painPoints: [],
});

/** How long `run` took, in ms. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run().catch(() => undefined);
  return performance.now() - started;
}

describe("--timeout as written", () => {
  it("takes seconds, minutes or hours, and names them back the same way", () => {
    expect(["300", "90s", "90 S", " 5m ", "1h", "21600"].map(parseTimeout)).toEqual([300, 90, 90, 300, 3600, 21600]);
    expect([90, 300, 3600, 3660].map(timeoutText)).toEqual(["90s", "5m", "1h", "61m"]);
  });

  it("refuses nonsense, nothing, 0, fractions, other units and more than 6 hours, saying what it takes", () => {
    for (const value of ["", "abc", "0", "0s", "-5", "1.5m", "5d", "7h", "21601", "1e3", "5 minutes"])
      expect(() => parseTimeout(value), value).toThrow(
        `--timeout needs a time from 1 second to 6 hours, such as 300 (seconds), 90s or 5m (got "${value}")`,
      );
  });

  it("counts down on a clock of its own, and names itself in messages", () => {
    let now = 1_000;
    const deadline = new Deadline(90, () => now);
    expect(deadline.left()).toBe(90_000);
    now += 89_500;
    expect(deadline.left()).toBe(500);
    now += 10_000;
    expect(deadline.left()).toBe(0);
    expect(deadline.named).toBe("the sync's time limit (--timeout 90s)");
  });
});

describe("the client keeps to the deadline", () => {
  it("clips a request's timeout to the time left: an answer that never comes stops at the deadline", async () => {
    github.intercept = () => "hang";
    const client = new GitHub({ apiBase: github.base, token: "owner-token", deadline: new Deadline(1) });
    let error: unknown;
    const ms = await timed(() => client.request("GET", "/user").catch((caught: unknown) => (error = caught)));
    expect(error).toBeInstanceOf(TimeLimitError);
    expect(error).toMatchObject({
      message: "the sync's time limit (--timeout 1s) ran out waiting for the answer to GET /user",
      unanswered: true,
    });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1_000 + 500 * SLACK);
  });

  it("cuts off an answer whose bytes drip in, not only one whose headers are late", async () => {
    github.drip = () => 200; // GET /user's 31 bytes would take 6 s
    const client = new GitHub({ apiBase: github.base, token: "owner-token", deadline: new Deadline(1) });
    const started = performance.now();
    await expect(client.request("GET", "/user")).rejects.toThrow(
      "the sync's time limit (--timeout 1s) ran out reading the answer to GET /user, which was still arriving",
    );
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1_000 + 500 * SLACK);
  });

  it("does not begin a retry pause or a rate-limit wait that would outlast the deadline", async () => {
    github.intercept = () => ({ status: 502 });
    const slowRetries = new GitHub({
      apiBase: github.base,
      token: "owner-token",
      retryDelayMs: 5_000,
      deadline: new Deadline(2),
    });
    const started = performance.now();
    await expect(slowRetries.request("GET", "/user")).rejects.toThrow(
      "the sync's time limit (--timeout 2s) ran out before retrying GET /user",
    );
    github.intercept = () => ({ status: 429, headers: { "Retry-After": "30" }, body: "{}" });
    const limited = new GitHub({ apiBase: github.base, token: "owner-token", deadline: new Deadline(2) });
    await expect(limited.request("GET", "/user")).rejects.toThrow(
      /^GitHub's rate limit asks to wait 30 s before GET \/user, longer than the [12]\.\d s left of the sync's time limit \(--timeout 2s\)$/,
    );
    expect(performance.now() - started).toBeLessThan(500 * SLACK);
    expect(github.requests).toHaveLength(2);
  });

  it("leaves a request's own timeout as it was when the deadline is further away", async () => {
    github.intercept = () => "hang";
    const client = new GitHub({
      apiBase: github.base,
      token: "owner-token",
      timeoutMs: 300,
      retries: 0,
      deadline: new Deadline(60),
    });
    await expect(client.request("GET", "/user")).rejects.toThrow(
      "cannot reach the GitHub API for GET /user: no answer in time",
    );
  });
});

describe("a sync stopped by the deadline", () => {
  it("while reading: nothing written, and says so", async () => {
    github.drip = (request) => (request.path.startsWith("/repos/acme/shop/issues?") ? 1_000 : undefined);
    await expect(syncIssues([opportunity("a")], options(1))).rejects.toThrow(
      "the sync's time limit (--timeout 1s) ran out reading the answer to GET /repos/acme/shop/issues, which was still arriving. Nothing was written: run the sync again (with a longer --timeout if GitHub is that slow)",
    );
    expect(github.writes()).toEqual([]);
  });

  it("while writing: says how many issues it opened and how many writes are left; the next sync opens none twice", async () => {
    // The second opening is made on GitHub, but its answer drips past the deadline.
    let posts = 0;
    github.drip = (request) => (request.method === "POST" && ++posts === 2 ? 100 : undefined);
    const three = [opportunity("a"), opportunity("b"), opportunity("c")];
    await expect(syncIssues(three, options(1))).rejects.toThrow(
      'the sync\'s time limit (--timeout 1s) ran out reading the answer to POST /repos/acme/shop/issues, which was still arriving. The sync stopped after 1 of 3 writes (1 issue opened); 2 not made (the issue of opportunity "b" may have been opened without an answer: the next sync finds it by its marker); run it again to finish: the issues written carry their marker and are not opened twice',
    );
    expect(github.issues.map((issue) => readMarker(issue.body)?.id)).toEqual(["a", "b"]);
    github.drip = undefined;
    const rerun = await syncIssues(three, options(60));
    expect(rerun.writes.map((write) => [write.kind, write.id])).toEqual([["open", "c"]]);
    expect(rerun.plan.unchanged).toBe(2);
    expect(github.issues.map((issue) => readMarker(issue.body)?.id)).toEqual(["a", "b", "c"]);
  });

  it("a rate limit on the first write is not taken for a refusal of the token", async () => {
    github.intercept = (request) =>
      request.method === "POST" ? { status: 403, headers: { "Retry-After": "3600" }, body: "{}" } : undefined;
    await expect(syncIssues([opportunity("a"), opportunity("b")], options(60))).rejects.toThrow(
      "GitHub's rate limit stopped POST /repos/acme/shop/issues: it asks to wait 3600 s, longer than the sync waits (60 s); run the sync again later. The sync made none of its 2 writes; run it again to finish",
    );
  });

  it("a pause between writes that would outlast the deadline is not begun", async () => {
    const started = performance.now();
    await expect(
      syncIssues([opportunity("a"), opportunity("b")], options(1, { writeIntervalMs: 5_000 })),
    ).rejects.toThrow(
      "the sync's time limit (--timeout 1s) ran out before POST /repos/acme/shop/issues. The sync stopped after 1 of 2 writes (1 issue opened); 1 not made; run it again to finish",
    );
    expect(performance.now() - started).toBeLessThan(500 * SLACK);
    expect(github.issues).toHaveLength(1);
  });
});
