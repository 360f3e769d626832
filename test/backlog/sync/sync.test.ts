// The sync against a fake GitHub API on 127.0.0.1: what it opens, updates, closes and reopens, what it
// never touches, and that a sync with nothing to change (or a dry run) makes no write request.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeStatuses } from "../../../src/backlog/status-edit.js";
import { readMarker } from "../../../src/backlog/sync/marker.js";
import { formatSync, pullIssues, syncIssues, type SyncOptions } from "../../../src/backlog/sync/sync.js";
import type { Opportunity } from "../../../src/backlog/types.js";
import { expectInertInLog } from "../../helpers/oracles.js";
import { FakeGitHub, type Intercept } from "./fake-github.js";

let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
});
afterEach(() => github.stop());

const options = (more: Partial<SyncOptions> = {}): SyncOptions => ({
  repository: "acme/shop",
  token: "owner-token",
  apiBase: github.base,
  retryDelayMs: 10,
  writeIntervalMs: 0,
  ...more,
});

function opportunity(id: string, more: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    title: `Fix ${id}`,
    status: "planned",
    owner: "checkout-team",
    map: { title: "Checkout", path: "maps/checkout.journey.yaml", page: "https://acme.github.io/maps/checkout/" },
    painPoints: [`Pain of ${id}`],
    ...more,
  };
}

const many = (count: number) => Array.from({ length: count }, (_, i) => opportunity(`opportunity-${i + 1}`));

describe("opening issues", () => {
  it("opens one labelled issue per opportunity, with its marker, and says what it did", async () => {
    const result = await syncIssues([opportunity("guest-checkout"), opportunity("saved-cards")], options());
    expect(github.writes().map((write) => `${write.method} ${write.path}`)).toEqual([
      "POST /repos/acme/shop/issues",
      "POST /repos/acme/shop/issues",
    ]);
    expect(github.issues.map((issue) => [issue.title, issue.labels[0]!.name, readMarker(issue.body)?.id])).toEqual([
      ["Fix guest-checkout", "journey-opportunity", "guest-checkout"],
      ["Fix saved-cards", "journey-opportunity", "saved-cards"],
    ]);
    expect(result.writes).toEqual([
      { kind: "open", id: "guest-checkout", issue: 1, url: "https://github.com/acme/shop/issues/1" },
      { kind: "open", id: "saved-cards", issue: 2, url: "https://github.com/acme/shop/issues/2" },
    ]);
    expect(formatSync(result)).toBe(
      'open an issue for opportunity "guest-checkout": Fix guest-checkout\n' +
        'open an issue for opportunity "saved-cards": Fix saved-cards\n' +
        "2 writes, 0 already in step\n",
    );
  });

  it("opens none for an opportunity done, dropped or carried by an issue of its own", async () => {
    await syncIssues(
      [
        opportunity("a", { status: "done" }),
        opportunity("b", { status: "dropped" }),
        opportunity("c", { issue: "https://jira.example.com/browse/SHOP-12" }),
      ],
      options(),
    );
    expect(github.writes()).toEqual([]);
  });
});

describe("a sync with nothing to change", () => {
  it("pages through 250 issues (3 pages by Link headers) and makes no write request", async () => {
    const opportunities = many(250);
    await syncIssues(opportunities, options());
    expect(github.writes()).toHaveLength(250);
    github.requests.length = 0;
    const result = await syncIssues(opportunities, options());
    expect(github.writes()).toEqual([]);
    const pages = github.requests.filter((request) => request.path.startsWith("/repos/acme/shop/issues?"));
    expect(pages.map((request) => new URL(request.path, github.base).searchParams.get("page"))).toEqual([
      null,
      "2",
      "3",
    ]);
    expect(result.plan.unchanged).toBe(250);
  });

  it("a dry run makes no write request and says what it would do", async () => {
    await syncIssues([opportunity("a"), opportunity("b")], options());
    github.requests.length = 0;
    const result = await syncIssues(
      [opportunity("a", { status: "done" }), opportunity("b", { title: "Fix b, now" }), opportunity("c")],
      options({ dryRun: true }),
    );
    expect(github.writes()).toEqual([]);
    expect(formatSync(result)).toBe(
      'would close #1 as completed for opportunity "a": Fix a\n' +
        'would update #2 for opportunity "b": Fix b, now\n' +
        'would open an issue for opportunity "c": Fix c\n' +
        "dry run: 3 writes planned, 0 issues already in step; nothing was written\n",
    );
  });
});

describe("hostile titles", () => {
  it("open an issue whose title is one plain line, and a dry run whose lines a CI log shows as text", async () => {
    const title = "::error::pwned ##[warning] @octocat fixes #1 <img src=x onerror=alert(1)>\n\u001b[2J\u202eevil";
    const dry = await syncIssues([opportunity("a", { title })], options({ dryRun: true }));
    const printed = formatSync(dry);
    expectInertInLog(printed);
    expect(printed.split("\n")[0]).toBe(
      'would open an issue for opportunity "a": ::error::pwned #\u200b#[warning] @octocat fixes #1 <img src=x onerror=alert(1)> \\x1b[2…',
    );
    await syncIssues([opportunity("a", { title })], options());
    expect(github.issues[0]!.title).toBe(
      "::error::pwned ##[warning] @\u200boctocat fixes #\u200b1 <\u200bimg src=x onerror=alert(1)> \\x1b[2J\\u202eevil",
    );
  });
});

describe("a map edited between two runs", () => {
  it("updates exactly the issue whose opportunity changed", async () => {
    const opportunities = many(5);
    await syncIssues(opportunities, options());
    github.requests.length = 0;
    opportunities[2] = { ...opportunities[2]!, painPoints: ["Pain of opportunity-3", "A new pain point"] };
    await syncIssues(opportunities, options());
    expect(github.writes().map((write) => `${write.method} ${write.path}`)).toEqual([
      "PATCH /repos/acme/shop/issues/3",
    ]);
    expect(github.issues[2]!.body).toContain("- A new pain point");
    expect(github.writes()[0]!.body).not.toHaveProperty("state");
  });

  it("closes the issue of an opportunity done (completed) or dropped (not planned), and reopens it when the map takes it back", async () => {
    await syncIssues([opportunity("a"), opportunity("b")], options());
    await syncIssues([opportunity("a", { status: "done" }), opportunity("b", { status: "dropped" })], options());
    expect(github.issues.map((issue) => [issue.state, issue.state_reason])).toEqual([
      ["closed", "completed"],
      ["closed", "not_planned"],
    ]);
    github.requests.length = 0;
    await syncIssues([opportunity("a", { status: "in-progress" }), opportunity("b", { status: "dropped" })], options());
    expect(
      github.writes().map((write) => [write.method, write.path, (write.body as { state?: string }).state]),
    ).toEqual([["PATCH", "/repos/acme/shop/issues/1", "open"]]);
    expect(github.issues[0]!.state).toBe("open");
  });

  it("never reopens an issue closed on GitHub while the map kept its status: the pull brings the close in", async () => {
    await syncIssues([opportunity("a")], options());
    Object.assign(github.issues[0]!, { state: "closed", state_reason: "completed" });
    github.requests.length = 0;
    await syncIssues([opportunity("a")], options());
    expect(github.writes()).toEqual([]);
    // Its text still follows the map; its state stays closed.
    await syncIssues([opportunity("a", { title: "Fix a, renamed" })], options());
    expect(github.writes()).toHaveLength(1);
    expect(github.writes()[0]!.body).not.toHaveProperty("state");
    expect(github.issues[0]).toMatchObject({ title: "Fix a, renamed", state: "closed" });
    const pulled = await pullIssues([opportunity("a")], options());
    expect(pulled.changes).toEqual([
      { id: "a", from: "planned", to: "done", issue: "https://github.com/acme/shop/issues/1" },
    ]);
  });
});

describe("issues the sync did not open", () => {
  it("never touches a forged marker from another author, and reports it once", async () => {
    const forged = github.addIssue({
      title: "Forged",
      body: "<!-- journeymap:opportunity id=guest-checkout hash=0000000000000000 state=open -->\nplease close me",
      author: "mallory",
    });
    const result = await syncIssues([opportunity("guest-checkout", { status: "planned" })], options());
    expect(github.writes().map((write) => `${write.method} ${write.path}`)).toEqual(["POST /repos/acme/shop/issues"]);
    expect(forged).toMatchObject({ title: "Forged", state: "open" });
    expect(result.plan.notes).toEqual([
      'issue #1 carries a journeymap marker but was opened by "mallory", not by "maria": the sync never changes it',
    ]);
    github.requests.length = 0;
    await syncIssues([opportunity("guest-checkout", { status: "done" })], options());
    expect(github.writes().map((write) => write.path)).toEqual(["/repos/acme/shop/issues/2"]);
    expect(forged.state).toBe("open");
  });

  it("leaves alone pull requests, unmarked issues and issues of opportunities no map has any more", async () => {
    github.addIssue({ title: "Hand-written", body: "guest-checkout, by hand", author: "maria" });
    github.addIssue({
      title: "A pull request",
      body: "<!-- journeymap:opportunity id=a hash=0000000000000000 state=open -->",
      author: "maria",
      pull_request: { url: "x" },
    });
    await syncIssues([opportunity("gone")], options());
    const result = await syncIssues([], options());
    expect(github.writes().map((write) => write.method)).toEqual(["POST"]);
    expect(result.plan.notes).toEqual([
      'issue #3 carries opportunity "gone", which no map has any more: left as it is',
    ]);
  });

  it("with the workflow's token (no GET /user), its issues are github-actions[bot]'s", async () => {
    await syncIssues([opportunity("a")], options({ token: "actions-token" }));
    expect(github.issues[0]!.user.login).toBe("github-actions[bot]");
    github.requests.length = 0;
    await syncIssues([opportunity("a", { status: "done" })], options({ token: "actions-token" }));
    expect(github.writes().map((write) => write.path)).toEqual(["/repos/acme/shop/issues/1"]);
  });
});

describe("pull", () => {
  it("brings back closed as completed → done, not planned → dropped, reopened → in-progress; nothing else", async () => {
    const opportunities = [opportunity("a"), opportunity("b"), opportunity("c", { status: "done" }), opportunity("d")];
    await syncIssues(
      [...opportunities.slice(0, 2), { ...opportunities[2]!, status: "planned" }, opportunities[3]!],
      options(),
    );
    await syncIssues(opportunities, options());
    Object.assign(github.issues[0]!, { state: "closed", state_reason: "completed" });
    Object.assign(github.issues[1]!, { state: "closed", state_reason: "not_planned" });
    Object.assign(github.issues[2]!, { state: "open", state_reason: "reopened" });
    github.requests.length = 0;
    const pulled = await pullIssues(opportunities, options());
    expect(pulled.changes).toEqual([
      { id: "a", from: "planned", to: "done", issue: "https://github.com/acme/shop/issues/1" },
      { id: "b", from: "planned", to: "dropped", issue: "https://github.com/acme/shop/issues/2" },
      { id: "c", from: "done", to: "in-progress", issue: "https://github.com/acme/shop/issues/3" },
    ]);
    expect(github.writes()).toEqual([]);
    // Written into the map, comments kept.
    const map =
      "opportunities:\n  - id: a # guests\n    status: planned\n  - {id: b, status: planned}\n  - id: c\n    status: done # shipped?\n";
    expect(writeStatuses(map, pulled.changes).text).toBe(
      "opportunities:\n  - id: a # guests\n    status: done\n  - {id: b, status: dropped}\n  - id: c\n    status: in-progress # shipped?\n",
    );
  });
});

describe("refusals and failures", () => {
  it("a fork's read-only token: one clear message, and nothing written", async () => {
    const before = JSON.stringify(github.issues);
    await expect(syncIssues(many(3), options({ token: "fork-token" }))).rejects.toThrow(
      'GitHub refused to write issues in acme/shop (GitHub API POST /repos/acme/shop/issues answered 403: Resource not accessible by integration). Nothing was written. The token needs "issues: write" (in a workflow: permissions: issues: write); a pull request from a fork gets a read-only token, so sync on pushes to the default branch instead',
    );
    expect(github.writes()).toHaveLength(1);
    expect(JSON.stringify(github.issues)).toBe(before);
  });

  it("a user token that may only read: refused before any write, from what the repository says of it", async () => {
    await expect(syncIssues(many(3), options({ token: "reader-token" }))).rejects.toThrow(
      'GitHub gives this token read access only to acme/shop. Nothing was written. The token needs "issues: write"',
    );
    expect(github.writes()).toEqual([]);
  });

  it("stops at the first issue GitHub opened without the label (the next sync could not find it)", async () => {
    await expect(syncIssues(many(3), options({ token: "app-token", author: "sync-app[bot]" }))).rejects.toThrow(
      'GitHub opened issue #1 for opportunity "opportunity-1" without the label "journey-opportunity" (the token may open issues but not label them: it needs triage access, "issues: write"). The sync stopped after 1 of 3 writes: add the label to #1 by hand, or close it, before the next sync',
    );
    expect(github.writes()).toHaveLength(1);
  });

  it("stops at the first issue opened under another login than the author it was given", async () => {
    await expect(syncIssues(many(2), options({ author: "github-actions[bot]" }))).rejects.toThrow(
      'GitHub opened issue #1 for opportunity "opportunity-1" as "maria", but the sync keeps in step only the issues of "github-actions[bot]" (the author it was given): it stopped after 1 of 2 writes. Give the token\'s own login as the author, and close #1 by hand',
    );
    expect(github.writes()).toHaveLength(1);
  });

  it("waits as Retry-After says on a rate limit (403 or 429), then goes on", async () => {
    let limited = 0;
    github.intercept = (request): ReturnType<Intercept> => {
      if (request.method === "GET" && request.path.startsWith("/repos/") && limited < 1) {
        limited++;
        return {
          status: 403,
          headers: { "Retry-After": "1" },
          body: '{"message":"You have exceeded a secondary rate limit"}',
        };
      }
      if (request.method === "POST" && limited < 2) {
        limited++;
        return {
          status: 429,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000)) },
        };
      }
      return undefined;
    };
    const waits: string[] = [];
    const started = performance.now();
    await syncIssues([opportunity("a")], options({ onWait: (message) => waits.push(message) }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(waits).toEqual([
      "GitHub's rate limit: waiting 1 s before GET /repos/acme/shop/issues",
      "GitHub's rate limit: waiting 1 s before POST /repos/acme/shop/issues",
    ]);
    expect(github.issues).toHaveLength(1);
  });

  it("gives up at once on a rate limit longer than it waits", async () => {
    github.intercept = () => ({ status: 429, headers: { "Retry-After": "3600" } });
    await expect(syncIssues([opportunity("a")], options())).rejects.toThrow(
      "GitHub's rate limit stopped GET /user: it asks to wait 3600 s, longer than the sync waits (60 s); run the sync again later",
    );
    expect(github.requests).toHaveLength(1);
  });

  it("retries a read after a 5xx (bounded), never an issue's opening", async () => {
    let failures = 0;
    github.intercept = (request) =>
      request.method === "GET" && request.path.startsWith("/repos/") && failures++ < 2 ? { status: 502 } : undefined;
    await syncIssues([opportunity("a")], options());
    expect(github.issues).toHaveLength(1);

    github.intercept = () => ({ status: 503, body: '{"message":"down"}' });
    github.requests.length = 0;
    await expect(syncIssues([opportunity("a")], options())).rejects.toThrow("GitHub API GET /user answered 503: down");
    expect(github.requests).toHaveLength(4);

    github.intercept = (request) =>
      request.method === "POST" && request.body && (request.body as { title: string }).title === "Fix c"
        ? { status: 502 }
        : undefined;
    github.requests.length = 0;
    await expect(
      syncIssues([opportunity("a"), opportunity("b"), opportunity("c"), opportunity("d")], options()),
    ).rejects.toThrow(
      "GitHub API POST /repos/acme/shop/issues answered 502. The sync stopped after 1 of 3 writes (1 issue opened); 2 not made; run it again to finish: the issues written carry their marker and are not opened twice",
    );
    expect(github.writes()).toHaveLength(2);
    github.intercept = undefined;
    await syncIssues([opportunity("a"), opportunity("b"), opportunity("c"), opportunity("d")], options());
    expect(github.issues.map((issue) => issue.title)).toEqual(["Fix a", "Fix b", "Fix c", "Fix d"]);
  });

  it("pauses between two writes as long as it is told (GitHub asks for a second)", async () => {
    const started = performance.now();
    await syncIssues(many(3), options({ writeIntervalMs: 300 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    expect(github.issues).toHaveLength(3);
  });

  it("stops on a request that gets no answer in time", async () => {
    github.intercept = () => "hang";
    const started = performance.now();
    await expect(syncIssues([opportunity("a")], options({ timeoutMs: 300, retries: 0 }))).rejects.toThrow(
      "cannot reach the GitHub API for GET /user: no answer in time",
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("never follows a next-page link off the API (the token goes with it)", async () => {
    github.intercept = (request) =>
      request.path.startsWith("/repos/")
        ? { status: 200, headers: { Link: '<https://evil.example.com/steal?page=2>; rel="next"' }, body: "[]" }
        : undefined;
    await expect(syncIssues([opportunity("a")], options())).rejects.toThrow(
      "the GitHub API's next page link leaves the API: not followed",
    );
  });

  it("reads a hostile list of issues for what it is: malformed entries skipped, a marker only on the first line, addresses only https", async () => {
    const marker = (id: string) => `<!-- journeymap:opportunity id=${id} hash=0000000000000000 state=open -->`;
    const user = { login: "maria" };
    github.intercept = (request) =>
      request.method === "GET" && request.path.startsWith("/repos/acme/shop/issues?")
        ? {
            status: 200,
            body: JSON.stringify([
              null,
              "issue",
              { number: -1, state: "open", user, body: marker("a") },
              { number: 1.5, state: "open", user, body: marker("a") },
              { number: 2, state: "weird", user, body: marker("a") },
              { number: 3, state: "closed", user: null, body: marker("a") },
              { number: 4, state: "open", user, body: `text first\n${marker("a")}` },
              {
                number: 5,
                state: "closed",
                state_reason: "completed",
                user,
                body: marker("b"),
                html_url: "javascript:alert(1)",
              },
              { number: 5, state: "open", user, body: marker("c") },
              { number: 6, state: "open", user, body: `${marker("x")}${"y".repeat(1_000_000)}` },
            ]),
          }
        : undefined;
    const pulled = await pullIssues([opportunity("a"), opportunity("b"), opportunity("c")], options());
    expect(pulled).toEqual({
      changes: [{ id: "b", from: "planned", to: "done", issue: "#5" }],
      addresses: [],
      notes: [],
    });
  });

  it("refuses an answer larger than its bound", async () => {
    github.intercept = () => ({ status: 200, body: JSON.stringify({ login: "x".repeat(2_000_000) }) });
    await expect(syncIssues([opportunity("a")], options({ maxResponseBytes: 1024 * 1024 }))).rejects.toThrow(
      "the GitHub API's answer is larger than 1 MiB: not read",
    );
  });

  it("refuses an API URL that is not https (but to this machine) and a repository that is not owner/name", async () => {
    await expect(syncIssues([], options({ apiBase: "http://example.com" }))).rejects.toThrow(
      "the GitHub API URL must be an https URL (http only to this machine), without credentials",
    );
    await expect(syncIssues([], options({ repository: "acme/elsewhere" }))).rejects.toThrow(
      "GitHub API GET /repos/acme/elsewhere/issues answered 404: Not Found: no repository acme/elsewhere, or the token cannot see it",
    );
    await expect(syncIssues([], options({ repository: "acme/../x" }))).rejects.toThrow(
      '"acme/../x" is not a GitHub repository: write it owner/name',
    );
  });
});
