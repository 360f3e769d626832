// The issue sync against a hostile GitHub API (or anything answering at GITHUB_API_URL): 10 MB answers,
// endless pagination, titles, logins and messages with controls and ANSI escapes, a huge number of issues.
// The built CLI runs in a child (node --max-old-space-size=500) and must stop in bounded time with one
// clear message, printing nothing a terminal or a CI log would obey. TIME_SLACK loosens the time bound.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { digestOf, markerLine } from "../../src/backlog/sync/marker.js";
import { FakeGitHub, type Intercept } from "../backlog/sync/fake-github.js";
import { syncInChild, type SyncRun } from "../helpers/sync-child.js";

const SLACK = Number(process.env.TIME_SLACK ?? 2);

let github: FakeGitHub;
let folder: string;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  folder = mkdtempSync(join(tmpdir(), "journeymap-sync-hostile-"));
  mkdirSync(join(folder, ".git"));
});
afterEach(async () => {
  await github.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** A map with `count` tracked opportunities. */
function writeMap(count: number): void {
  const opportunities = Array.from(
    { length: count },
    (_, i) => `          - { id: o-${i}, title: "Opportunity ${i}", status: planned }`,
  );
  writeFileSync(
    join(folder, "big.journey.yaml"),
    `journeymap: 1\ntitle: Big\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        painPoints: [P]\n        opportunities:\n${opportunities.join("\n")}\n`,
  );
}

/** The built CLI's sync in a child with 500 MB of heap, against the fake. */
function sync(args: string[] = []): Promise<SyncRun> {
  return syncInChild(github.base, folder, args);
}

/** Every list request answered by `page(n)`, with a next link forever. */
function endless(page: (number: number) => string): Intercept {
  return (request) => {
    const url = new URL(request.path, github.base);
    if (url.pathname !== "/repos/acme/shop/issues") return undefined;
    const number = Number(url.searchParams.get("page") ?? 1);
    url.searchParams.set("page", String(number + 1));
    return { status: 200, headers: { Link: `<${url.href}>; rel="next"` }, body: page(number) };
  };
}

/** Nothing a terminal or a CI log would take as a command: no escape, no workflow command at a line start. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(text).not.toMatch(/^::/m);
}

describe("the sync against a hostile GitHub API", () => {
  it("10 MB pages, endlessly: stops at its bound on the pages' total, in bounded time, with one message", async () => {
    writeMap(3);
    const issue = (n: number) => ({
      number: n,
      title: "x",
      body: "y".repeat(10 * 1024 * 1024),
      state: "open",
      user: { login: "maria" },
    });
    const page = JSON.stringify([issue(1)]);
    github.intercept = endless(() => page);
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'journeymap: the GitHub API\'s pages of issues labelled "journey-opportunity" add up to more than 128 MiB: not read on, nothing synced\n',
    );
    expect(github.writes()).toEqual([]);
    expect(run.ms).toBeLessThan(10_000 * SLACK);
  }, 120_000);

  it("one answer over 32 MiB: not read, one message", async () => {
    writeMap(1);
    const big = `[${JSON.stringify({ number: 1, body: "z".repeat(40 * 1024 * 1024) })}]`;
    github.intercept = endless(() => big);
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("journeymap: the GitHub API's answer is larger than 32 MiB: not read\n");
    expect(run.ms).toBeLessThan(10_000 * SLACK);
  }, 120_000);

  it("endless pagination of small pages: stops after 20,000 issues rather than open any twice", async () => {
    writeMap(1);
    github.intercept = endless(() => "[]");
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'journeymap: more than 20000 issues carry the label "journey-opportunity": not synced, as the sync must see all of them to open none twice\n',
    );
    expect(github.requests.filter((request) => request.method === "GET")).toHaveLength(1 + 200);
    expect(run.ms).toBeLessThan(15_000 * SLACK);
  }, 120_000);

  it("titles, logins and messages with controls and ANSI escapes are printed as escapes", async () => {
    writeFileSync(
      join(folder, "map.journey.yaml"),
      'journeymap: 1\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        opportunities:\n          - { id: a, title: "\\e[31mred\\e[0m\\n::error::forged \\u202e" }\n',
    );
    github.addIssue({
      title: "\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007",
      body: `${markerLine({ id: "a", hash: digestOf("t", "b", "open"), state: "open" })}\n`,
      author: "\u001b[2Jmallory\n::error::x",
    });
    const dry = await sync(["--dry-run"]);
    expect(dry.code).toBe(0);
    expectInert(dry.stdout);
    expectInert(dry.stderr);
    expect(dry.stdout).toContain(
      'note: issue #1 carries a journeymap marker but was opened by "\\u001b[2Jmallory\\n::error::x"',
    );
    github.intercept = () => ({ status: 422, body: JSON.stringify({ message: "\u001b[31mboom\r\n::error::forged" }) });
    const failed = await sync();
    expect(failed.code).toBe(2);
    expectInert(failed.stderr);
    expect(failed.stderr).toBe("journeymap: GitHub API GET /user answered 422: \\u001b[31mboom\\r\\n::error::forged\n");
  }, 120_000);

  it("20,000 labelled issues of the sync's own and 10,000 opportunities: planned in bounded time and memory", async () => {
    writeMap(10_000);
    const issues = Array.from({ length: 20_000 }, (_, i) => ({
      number: i + 1,
      title: `Opportunity ${i}`,
      body: `${markerLine({ id: `o-${i}`, hash: "0000000000000000", state: "open" })}\nbody`,
      state: "open",
      state_reason: null,
      user: { login: "maria" },
      html_url: `https://github.com/acme/shop/issues/${i + 1}`,
    }));
    const pages = Array.from({ length: 200 }, (_, i) => JSON.stringify(issues.slice(i * 100, (i + 1) * 100)));
    github.intercept = (request) => {
      const url = new URL(request.path, github.base);
      if (url.pathname !== "/repos/acme/shop/issues") return undefined;
      const number = Number(url.searchParams.get("page") ?? 1);
      url.searchParams.set("page", String(number + 1));
      const headers: Record<string, string> = number < 200 ? { Link: `<${url.href}>; rel="next"` } : {};
      return { status: 200, headers, body: pages[number - 1] ?? "[]" };
    };
    const run = await sync(["--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^dry run: 10000 writes planned, 0 issues already in step; nothing was written$/m);
    // The 10,000 issues of opportunities no map has are noted, each once.
    expect(run.stdout.match(/which no map has any more/g)).toHaveLength(10_000);
    expect(run.ms).toBeLessThan(15_000 * SLACK);
  }, 120_000);
});
