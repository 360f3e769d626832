// Two syncs at once (two pushes in quick succession, without a concurrency group): each lists the issues
// again just before opening one, so that an issue another sync has opened in the meantime is not opened
// twice. The other sync is played by the fake, which opens the issue between the listing and the opening.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { digestOf, markerLine, readMarker } from "../../../src/backlog/sync/marker.js";
import { formatSync, syncIssues, type SyncOptions } from "../../../src/backlog/sync/sync.js";
import type { Opportunity } from "../../../src/backlog/types.js";
import { Deadline } from "../../../src/backlog/sync/deadline.js";
import { TimeLimitError } from "../../../src/backlog/sync/github.js";
import { FakeGitHub } from "./fake-github.js";

let github: FakeGitHub;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
});
afterEach(() => github.stop());

const options = (): SyncOptions => ({
  repository: "acme/shop",
  token: "owner-token",
  apiBase: github.base,
  retryDelayMs: 10,
  writeIntervalMs: 0,
});

const opportunity = (id: string): Opportunity => ({
  id,
  title: `Fix ${id}`,
  status: "planned",
  owner: "checkout-team",
  map: { title: "Checkout", path: "maps/checkout.journey.yaml", page: "https://acme.github.io/maps/checkout/" },
  painPoints: [`Pain of ${id}`],
});

const ids = () => github.issues.map((issue) => readMarker(issue.body)?.id);
const isRecheck = (path: string) => path.startsWith("/repos/acme/shop/issues?") && path.includes("&since=");

describe("two syncs at once", () => {
  it("an issue another sync opened after the listing is found just before opening it, and not opened again", async () => {
    // The other sync opens "saved-cards" while this one opens "guest-checkout".
    let rechecks = 0;
    github.delay = (request) => {
      if (isRecheck(request.path) && ++rechecks === 2)
        github.addIssue({
          title: "Fix saved-cards",
          body: `${markerLine({ id: "saved-cards", hash: digestOf("a", "b", "open"), state: "open" })}\nby the other sync`,
          author: "maria",
        });
      return undefined;
    };
    const result = await syncIssues(["guest-checkout", "saved-cards", "express-pay"].map(opportunity), options());
    expect(ids()).toEqual(["guest-checkout", "saved-cards", "express-pay"]);
    expect(github.issues[1]!.body).toMatch(/\nby the other sync$/);
    expect(result.writes.map((write) => [write.kind, write.id, write.issue])).toEqual([
      ["open", "guest-checkout", 1],
      ["open", "express-pay", 3],
    ]);
    expect(formatSync(result)).toBe(
      'open an issue for opportunity "guest-checkout": Fix guest-checkout\n' +
        'open an issue for opportunity "saved-cards": Fix saved-cards\n' +
        'open an issue for opportunity "express-pay": Fix express-pay\n' +
        'note: issue #2 for opportunity "saved-cards" was opened by another sync running at the same time: not opened again (give the sync\'s job a concurrency group so that two never run at once)\n' +
        "2 writes, 0 already in step\n",
    );
    // Each check looks only at the issues updated since GitHub's clock at the last listing (less a margin).
    const checks = github.requests.filter((request) => isRecheck(request.path));
    expect(checks).toHaveLength(3);
    for (const check of checks) {
      const since = Date.parse(new URL(check.path, github.base).searchParams.get("since")!);
      expect(Math.abs(Date.now() - 10_000 - since)).toBeLessThan(5_000);
    }
    // The next sync finds all three in step (the other sync's issue is its to update).
    const next = await syncIssues(["guest-checkout", "saved-cards", "express-pay"].map(opportunity), options());
    expect(next.plan.actions.map((action) => [action.kind, action.id])).toEqual([["update", "saved-cards"]]);
  });

  it("an issue of the same opportunity by someone else is no reason to skip the opening", async () => {
    github.delay = (request) => {
      if (isRecheck(request.path) && github.issues.length === 0)
        github.addIssue({
          title: "forged",
          body: `${markerLine({ id: "guest-checkout", hash: digestOf("a", "b", "open"), state: "open" })}\n`,
          author: "mallory",
        });
      return undefined;
    };
    const result = await syncIssues([opportunity("guest-checkout")], options());
    expect(result.writes.map((write) => [write.kind, write.id, write.issue])).toEqual([["open", "guest-checkout", 2]]);
  });
});

describe("GitHub's clock, as its answers give it", () => {
  const listWith = (date: string) => {
    github.intercept = (request) =>
      request.method === "GET" && request.path.startsWith("/repos/acme/shop/issues?")
        ? { status: 200, headers: { Date: date }, body: "[]" }
        : undefined;
  };

  for (const date of [
    "-271821-04-20T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "not a date",
    "Fri, 01 Jan 1971 00:00:00 GMT",
  ])
    it(`a Date header of "${date}": no check by that clock, the issue opened once, no crash`, async () => {
      listWith(date);
      const result = await syncIssues([opportunity("guest-checkout")], options());
      expect(result.writes.map((write) => [write.kind, write.id])).toEqual([["open", "guest-checkout"]]);
      expect(github.requests.filter((request) => isRecheck(request.path))).toEqual([]);
    });
});

describe("the check for another sync's issues and the time limit", () => {
  it("cut off while listing again: the message says what was opened, and claims no opening it did not send", async () => {
    let rechecks = 0;
    github.drip = (request) => (isRecheck(request.path) && ++rechecks === 2 ? 1_000 : undefined);
    const error = await syncIssues(["guest-checkout", "saved-cards"].map(opportunity), {
      ...options(),
      deadline: new Deadline(1),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeLimitError);
    expect((error as TimeLimitError).message).toBe(
      "the sync's time limit (--timeout 1s) ran out reading the answer to GET /repos/acme/shop/issues, which was still arriving. The sync stopped after 1 of 2 writes (1 issue opened); 1 not made; run it again to finish: the issues written carry their marker and are not opened twice",
    );
    expect(ids()).toEqual(["guest-checkout"]);
  });
});
