// The sync's time limit (--timeout) against an API that holds it: answers that drip one byte a second, a
// Retry-After of an hour, a server that never answers. The built CLI runs in a child (node
// --max-old-space-size=500) with --timeout 2s and must end by then (plus start-up and a margin; TIME_SLACK
// loosens it) with exit 2 and one message saying what was written; the maps and the fake API's issues must
// agree, and a rerun must finish the work without opening an issue twice.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readMarker } from "../../src/backlog/sync/marker.js";
import { FakeGitHub, type RecordedRequest } from "../backlog/sync/fake-github.js";
import { syncInChild, type SyncRun } from "../helpers/sync-child.js";

const SLACK = Number(process.env.TIME_SLACK ?? 2);
/** The --timeout of every run here, and the longest a run may take past it (node's start-up included). */
const LIMIT_MS = 2_000;
const MARGIN_MS = 1_500 * SLACK;

const MAP = `journeymap: 1
title: Checkout
stages:
  - id: pay
    name: Pays
    touchpoints:
      - name: Enters a card
        painPoints: [Card form times out]
        opportunities:
          - id: guest-checkout
            title: Let guests check out
            status: planned
          - id: saved-cards
            title: Saved cards
          - id: express-pay
            title: Express pay
`;

let github: FakeGitHub;
let folder: string;
let mapPath: string;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  folder = mkdtempSync(join(tmpdir(), "journeymap-sync-deadline-"));
  mkdirSync(join(folder, ".git"));
  mapPath = join(folder, "checkout.journey.yaml");
  writeFileSync(mapPath, MAP);
});
afterEach(async () => {
  await github.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** `journeymap backlog --sync github --timeout 2s` in a child with 500 MB of heap, not blocking the fake. */
function sync(args: string[] = []): Promise<SyncRun> {
  return syncInChild(github.base, folder, ["--timeout", `${LIMIT_MS / 1000}s`, ...args]);
}

/** Ended by the deadline: not before it, and not long after. */
function expectAtDeadline(run: SyncRun): void {
  expect(run.ms).toBeGreaterThanOrEqual(LIMIT_MS);
  expect(run.ms).toBeLessThan(LIMIT_MS + MARGIN_MS);
}

const isList = (request: RecordedRequest) => request.path.startsWith("/repos/acme/shop/issues?");
/** True for the n-th POST (1-based) the fake receives from now on. */
function nthPost(n: number): (request: RecordedRequest) => boolean {
  let posts = 0;
  return (request) => request.method === "POST" && ++posts === n;
}
const ids = () => github.issues.map((issue) => readMarker(issue.body)?.id);

const STOPPED_WRITING = "The sync stopped after 1 of 3 writes (1 issue opened); 2 not made";
const RERUN = "run it again to finish: the issues written carry their marker and are not opened twice";

describe("the sync's time limit against an API that holds it", () => {
  it("pages of issues that drip one byte a second: stopped at the deadline, nothing written, the map untouched", async () => {
    github.drip = (request) => (isList(request) ? 1_000 : undefined);
    const run = await sync();
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: the sync's time limit (--timeout 2s) ran out reading the answer to GET /repos/acme/shop/issues, which was still arriving. Nothing was written: run the sync again (with a longer --timeout if GitHub is that slow)\n",
    });
    expectAtDeadline(run);
    expect(github.writes()).toEqual([]);
    expect(readFileSync(mapPath, "utf8")).toBe(MAP);
  }, 30_000);

  it("an opening whose answer drips: says what it opened and what it did not; a rerun and a pull agree with GitHub", async () => {
    // GitHub opens the second issue, but its answer never finishes arriving.
    const second = nthPost(2);
    github.drip = (request) => (second(request) ? 1_000 : undefined);
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `journeymap: the sync's time limit (--timeout 2s) ran out reading the answer to POST /repos/acme/shop/issues, which was still arriving. ${STOPPED_WRITING} (the issue of opportunity "saved-cards" may have been opened without an answer: the next sync finds it by its marker); ${RERUN}\n`,
    );
    expectAtDeadline(run);
    expect(ids()).toEqual(["guest-checkout", "saved-cards"]);
    expect(readFileSync(mapPath, "utf8")).toBe(MAP);

    github.drip = undefined;
    const rerun = await sync();
    expect(rerun).toMatchObject({
      code: 0,
      stdout: 'open an issue for opportunity "express-pay": Express pay\n1 write, 2 already in step\n',
    });
    expect(ids()).toEqual(["guest-checkout", "saved-cards", "express-pay"]);
    const pulled = await sync(["--pull"]);
    expect(pulled.stdout).toBe("pull: wrote 0 statuses and 3 issue addresses into 1 map\n");
    const written = parse(readFileSync(mapPath, "utf8")) as {
      stages: { touchpoints: { opportunities: { id: string; issue?: string }[] }[] }[];
    };
    // Exactly the issues that exist on GitHub, each written into its own opportunity.
    expect(written.stages[0]!.touchpoints[0]!.opportunities.map(({ id, issue }) => [id, issue])).toEqual(
      github.issues.map((issue) => [readMarker(issue.body)!.id, issue.html_url]),
    );
  }, 60_000);

  it("a Retry-After of an hour on the second opening: stops at once, saying what was written", async () => {
    const second = nthPost(2);
    github.intercept = (request) =>
      second(request) ? { status: 429, headers: { "Retry-After": "3600" }, body: "{}" } : undefined;
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `journeymap: GitHub's rate limit stopped POST /repos/acme/shop/issues: it asks to wait 3600 s, longer than the sync waits (60 s); run the sync again later. ${STOPPED_WRITING}; ${RERUN}\n`,
    );
    expect(run.ms).toBeLessThan(LIMIT_MS);
    expect(ids()).toEqual(["guest-checkout"]);
    expect(readFileSync(mapPath, "utf8")).toBe(MAP);
  }, 30_000);

  it("a Retry-After the sync would wait, but longer than the time left: stops at once, saying so", async () => {
    const second = nthPost(2);
    github.intercept = (request) =>
      second(request) ? { status: 403, headers: { "Retry-After": "30" }, body: "{}" } : undefined;
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^journeymap: GitHub's rate limit asks to wait 30 s before POST /repos/acme/shop/issues, longer than the [01]\\.\\d s left of the sync's time limit \\(--timeout 2s\\)\\. ${STOPPED_WRITING.replace(/[()]/g, "\\$&")}; ${RERUN}\n$`,
      ),
    );
    expect(run.ms).toBeLessThan(LIMIT_MS);
    expect(ids()).toEqual(["guest-checkout"]);
  }, 30_000);

  it("a server that never answers: stopped at the deadline with exit 2", async () => {
    github.intercept = () => "hang";
    const run = await sync();
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: the sync's time limit (--timeout 2s) ran out waiting for the answer to GET /user. Nothing was written: run the sync again (with a longer --timeout if GitHub is that slow)\n",
    });
    expectAtDeadline(run);
    expect(github.requests.map((request) => request.path)).toEqual(["/user"]);
  }, 30_000);

  it("an opening that never gets an answer (nor an issue): the rerun opens it, once", async () => {
    const second = nthPost(2);
    github.intercept = (request) => (second(request) ? "hang" : undefined);
    const run = await sync();
    expect(run.stderr).toBe(
      `journeymap: the sync's time limit (--timeout 2s) ran out waiting for the answer to POST /repos/acme/shop/issues. ${STOPPED_WRITING} (the issue of opportunity "saved-cards" may have been opened without an answer: the next sync finds it by its marker); ${RERUN}\n`,
    );
    expectAtDeadline(run);
    expect(ids()).toEqual(["guest-checkout"]);
    github.intercept = undefined;
    expect((await sync()).stdout).toMatch(/^2 writes, 1 already in step$/m);
    expect(ids()).toEqual(["guest-checkout", "saved-cards", "express-pay"]);
  }, 60_000);

  it("a page of 20,000 issues (10 MB) that arrives just before the deadline: stopped within 0.3 s of it, not a second after", async () => {
    // 20,000 opportunities, each with an issue whose text is out of date: 20,000 updates to plan.
    const count = 20_000;
    let map =
      "journeymap: 1\ntitle: Many\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        opportunities:\n";
    for (let i = 1; i <= count; i++) map += `          - { id: o${i}, title: Opportunity ${i} }\n`;
    writeFileSync(mapPath, map);
    const page = JSON.stringify(
      Array.from({ length: count }, (_, i) => ({
        number: i + 1,
        html_url: `https://github.com/acme/shop/issues/${i + 1}`,
        state: "open",
        user: { login: "maria", type: "User" },
        labels: [{ name: "journey-opportunity" }],
        body: `<!-- journeymap:opportunity id=o${i + 1} hash=0123456789abcdef state=open -->\n${"x".repeat(400)}`,
      })),
    );
    expect(page.length).toBeGreaterThan(10_000_000);
    // The deadline starts in the child, after node's start-up: at least LIMIT_MS after the spawn. The page
    // is sent 0.2 s before then; reading and planning it take about a second.
    const started = performance.now();
    github.delay = (request) =>
      isList(request) ? Math.max(0, started + LIMIT_MS - 200 - performance.now()) : undefined;
    github.intercept = (request) => (isList(request) ? { status: 200, body: page } : undefined);
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^journeymap: the sync's time limit \(--timeout 2s\) ran out (reading the list of issues|planning the writes|reading the answer to GET \/repos\/acme\/shop\/issues, which was still arriving)\. Nothing was written: run the sync again \(with a longer --timeout if GitHub is that slow\)\n$/,
    );
    // From the spawn: node's start-up (about 0.15 s) and at most 0.3 s past the deadline (it was 1.2 s).
    expect(run.ms).toBeLessThan(LIMIT_MS + 250 + 250 * SLACK);
    expect(github.writes()).toEqual([]);
  }, 60_000);

  it("--pull while the pages drip: stopped at the deadline, no map changed", async () => {
    expect((await sync()).code).toBe(0);
    Object.assign(github.issues[0]!, { state: "closed", state_reason: "completed" });
    github.drip = (request) => (isList(request) ? 1_000 : undefined);
    const run = await sync(["--pull"]);
    expect(run).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: the sync's time limit (--timeout 2s) ran out reading the answer to GET /repos/acme/shop/issues, which was still arriving. No map was changed: run the pull again (with a longer --timeout if GitHub is that slow)\n",
    });
    expectAtDeadline(run);
    expect(readFileSync(mapPath, "utf8")).toBe(MAP);
  }, 60_000);
});
