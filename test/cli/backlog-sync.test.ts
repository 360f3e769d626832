// `journeymap backlog --sync github` as a user runs it: the built CLI, a folder of maps, and the fake GitHub
// API on 127.0.0.1 named by GITHUB_API_URL. Exit codes, what it prints, the requests it makes, and the maps
// --pull writes back, read again by the loader.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_TIMEOUT_SECONDS, timeoutText } from "../../src/backlog/sync/deadline.js";
import { readMarker } from "../../src/backlog/sync/marker.js";
import { FakeGitHub } from "../backlog/sync/fake-github.js";
import { BIN, ROOT, type CliRun } from "../helpers/cli.js";

let github: FakeGitHub;
let folder: string;

beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  folder = mkdtempSync(join(tmpdir(), "journeymap-sync-"));
  mkdirSync(join(folder, ".git"));
  mkdirSync(join(folder, "maps"));
  writeFileSync(join(folder, "maps/checkout.journey.yaml"), CHECKOUT);
});
afterEach(async () => {
  await github.stop();
  rmSync(folder, { recursive: true, force: true });
});

const CHECKOUT = `journeymap: 1
title: Checkout
stages:
  - id: pay
    name: Pays
    touchpoints:
      - name: Enters a card
        painPoints: [Card form times out, No wallet]
        opportunities:
          # ranked on Monday
          - id: guest-checkout   # the big one
            title: Let guests check out
            status: planned
            owner: checkout-team
            value: 4
            effort: 2
          - id: saved-cards
            title: Saved cards
            addresses: [Card form times out]
          - Plain text idea
`;

/** The built CLI, run in the maps' folder without blocking this process (the fake API answers meanwhile). */
function sync(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: "1",
    GITHUB_ACTIONS: undefined,
    GITHUB_TOKEN: "owner-token",
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: github.base,
    ...env,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "backlog", ...args], { cwd: folder, env: merged });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const requests = () => github.requests.map((request) => `${request.method} ${request.path.replace(/\?.*$/, "")}`);

describe("journeymap backlog --sync github", () => {
  it("opens one issue per tracked opportunity, linking its map page, and a second run writes nothing", async () => {
    const first = await sync(["--sync", "github", "--site-url", "https://acme.github.io/shop/journeys/"]);
    expect(first).toEqual({
      code: 0,
      stdout:
        'open an issue for opportunity "guest-checkout": Let guests check out\n' +
        'open an issue for opportunity "saved-cards": Saved cards\n' +
        "2 writes, 0 already in step\n",
      stderr: "",
    });
    expect(github.issues.map((issue) => [issue.title, readMarker(issue.body)?.id, issue.labels[0]!.name])).toEqual([
      ["Let guests check out", "guest-checkout", "journey-opportunity"],
      ["Saved cards", "saved-cards", "journey-opportunity"],
    ]);
    expect(github.issues[0]!.body).toContain(
      "of the journey map [Checkout](https://acme.github.io/shop/journeys/checkout/) (maps\\/checkout\\.journey\\.yaml).",
    );
    expect(github.issues[1]!.body).toContain("- Card form times out\n");
    expect(github.issues[1]!.body).not.toContain("No wallet");

    github.requests.length = 0;
    const second = await sync(["--sync", "github", "--site-url", "https://acme.github.io/shop/journeys/"]);
    expect(second).toEqual({ code: 0, stdout: "0 writes, 2 already in step\n", stderr: "" });
    expect(github.writes()).toEqual([]);
  });

  it("after an edit of the map, updates exactly the issue whose opportunity changed", async () => {
    await sync(["--sync", "github"]);
    const path = join(folder, "maps/checkout.journey.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("title: Saved cards", "title: Saved cards and wallets"));
    github.requests.length = 0;
    const run = await sync(["--sync", "github"]);
    expect(run.stdout).toBe(
      'update #2 for opportunity "saved-cards": Saved cards and wallets\n1 write, 1 already in step\n',
    );
    expect(github.writes().map((write) => `${write.method} ${write.path}`)).toEqual([
      "PATCH /repos/acme/shop/issues/2",
    ]);
    expect(github.issues[1]!.title).toBe("Saved cards and wallets");
    expect(github.issues[0]!.title).toBe("Let guests check out");
  });

  it("--dry-run says what it would write and makes no write request (exit 0)", async () => {
    const run = await sync(["--sync", "github", "--dry-run"]);
    expect(run).toEqual({
      code: 0,
      stdout:
        'would open an issue for opportunity "guest-checkout": Let guests check out\n' +
        'would open an issue for opportunity "saved-cards": Saved cards\n' +
        "dry run: 2 writes planned, 0 issues already in step; nothing was written\n",
      stderr: "",
    });
    expect(github.writes()).toEqual([]);
    expect(requests()).toEqual(["GET /user", "GET /repos/acme/shop/issues"]);
  });

  it("pages through every labelled issue (Link headers) before planning", async () => {
    for (let i = 0; i < 230; i++) github.addIssue({ title: `Other ${i}`, body: "no marker", author: "maria" });
    const run = await sync(["--sync", "github", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(requests().filter((request) => request === "GET /repos/acme/shop/issues")).toHaveLength(3);
    expect(github.requests.map((request) => new URL(request.path, github.base).searchParams.get("page"))).toEqual([
      null,
      null,
      "2",
      "3",
    ]);
  });

  it("never touches a forged marker from another author, and says so once", async () => {
    github.addIssue({
      title: "Forged",
      body: "<!-- journeymap:opportunity id=guest-checkout hash=0000000000000000 state=open -->\nmallory's",
      author: "mallory",
    });
    const run = await sync(["--sync", "github"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'note: issue #1 carries a journeymap marker but was opened by "mallory", not by "maria": the sync never changes it\n',
    );
    expect(github.writes().map((write) => `${write.method} ${write.path}`)).toEqual([
      "POST /repos/acme/shop/issues",
      "POST /repos/acme/shop/issues",
    ]);
    expect(github.issues[0]!.body).toContain("mallory's");
  });

  it("a fork's read-only token: one clear message, nothing written, exit 2, the token never shown", async () => {
    const run = await sync(["--sync", "github"], { GITHUB_TOKEN: "fork-token" });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'journeymap: GitHub refused to write issues in acme/shop (GitHub API POST /repos/acme/shop/issues answered 403: Resource not accessible by integration). Nothing was written. The token needs "issues: write" (in a workflow: permissions: issues: write); a pull request from a fork gets a read-only token, so sync on pushes to the default branch instead\n',
    });
    expect(github.issues).toEqual([]);
    expect(run.stderr + run.stdout).not.toContain("fork-token");
  });

  it("a bad token: exit 2 and a message without it", async () => {
    const run = await sync(["--sync", "github"], { GITHUB_TOKEN: "secret-123" });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("journeymap: GitHub refused the token (401): give a valid token\n");
    const debug = await sync(["--sync", "github", "--debug"], { GITHUB_TOKEN: "secret-123" });
    expect(debug.code).toBe(2);
    expect(debug.stderr + debug.stdout).not.toContain("secret-123");
  });

  it("an API URL that is not https (GitHub Enterprise Server's must be) is refused before any request", async () => {
    const run = await sync(["--sync", "github"], { GITHUB_API_URL: "http://github.example.com/api/v3" });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: "journeymap: the GitHub API URL must be an https URL (http only to this machine), without credentials\n",
    });
    expect(github.requests).toEqual([]);
  });

  it("waits as Retry-After asks on a rate limit, saying so, then goes on", async () => {
    let limited = false;
    github.intercept = (request) => {
      if (request.method !== "POST" || limited) return undefined;
      limited = true;
      return { status: 429, headers: { "Retry-After": "1" }, body: JSON.stringify({ message: "slow down" }) };
    };
    const started = Date.now();
    const run = await sync(["--sync", "github"]);
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(run.stderr).toBe("journeymap: note: GitHub's rate limit: waiting 1 s before POST /repos/acme/shop/issues\n");
    expect(github.issues).toHaveLength(2);
  });

  it("a rate limit longer than it waits: exit 2, nothing written, run it later", async () => {
    github.intercept = () => ({ status: 403, headers: { "Retry-After": "3600" }, body: "{}" });
    const run = await sync(["--sync", "github"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "journeymap: GitHub's rate limit stopped GET /user: it asks to wait 3600 s, longer than the sync waits (60 s); run the sync again later\n",
    );
  });

  it("--pull writes the states of the issues it opened and their addresses into the map, keeping comments", async () => {
    await sync(["--sync", "github"]);
    Object.assign(github.issues[0]!, { state: "closed", state_reason: "completed" });
    github.requests.length = 0;
    const path = join(folder, "maps/checkout.journey.yaml");
    const before = readFileSync(path, "utf8");

    const dry = await sync(["--sync", "github", "--pull", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'would set opportunity "guest-checkout" from planned to done (https://github.com/acme/shop/issues/1)\n',
    );
    expect(dry.stdout).toContain("+            status: done\n");
    expect(dry.stdout).toMatch(
      /dry run: would write 1 status and 2 issue addresses into 1 map; nothing was written\n$/,
    );
    expect(readFileSync(path, "utf8")).toBe(before);

    const run = await sync(["--sync", "github", "--pull"]);
    expect(run).toEqual({
      code: 0,
      stdout:
        'set opportunity "guest-checkout" from planned to done (https://github.com/acme/shop/issues/1)\n' +
        "pull: wrote 1 status and 2 issue addresses into 1 map\n",
      stderr: "",
    });
    expect(github.writes()).toEqual([]);
    expect(readFileSync(path, "utf8")).toBe(
      before
        .replace(
          "          - id: guest-checkout   # the big one\n",
          "          - id: guest-checkout   # the big one\n            issue: https://github.com/acme/shop/issues/1\n",
        )
        .replace("status: planned", "status: done")
        .replace(
          "          - id: saved-cards\n",
          "          - id: saved-cards\n            issue: https://github.com/acme/shop/issues/2\n",
        ),
    );
    // The map still validates, and the next pull has nothing to write.
    expect((await sync(["--sync", "github", "--pull"])).stdout).toBe(
      "pull: the maps are in step with the issues; nothing to write\n",
    );
    const validate = await new Promise<number>((resolve) =>
      spawn(process.execPath, [BIN, "validate", "maps"], { cwd: folder, stdio: "ignore" }).on("close", (code) =>
        resolve(code ?? -1),
      ),
    );
    expect(validate).toBe(0);
    // The next sync sees the map done, the issue already closed: it updates the text, never reopens.
    github.requests.length = 0;
    const next = await sync(["--sync", "github"]);
    expect(next.stdout).toBe(
      'update #1 for opportunity "guest-checkout": Let guests check out\n1 write, 1 already in step\n',
    );
    expect(github.issues[0]!.state).toBe("closed");
  });

  it("refuses to sync maps with errors (exit 1), and the sync's options without --sync (exit 2)", async () => {
    writeFileSync(join(folder, "maps/broken.journey.yaml"), "journeymap: 1\ntitle: [\n");
    const broken = await sync(["--sync", "github"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("journeymap: the maps have errors (above): nothing was synced; fix them first\n");
    expect(github.requests).toEqual([]);
    const stray = await sync(["--dry-run"]);
    expect(stray).toEqual({
      code: 2,
      stdout: "",
      stderr: "journeymap: --dry-run goes with --sync github: add it, or leave the option out\n",
    });
    const unknown = await sync(["--sync", "jira"]);
    expect(unknown.stderr).toBe('journeymap: unknown issue tracker "jira" for --sync: use github\n');
  });

  it("--timeout takes seconds or minutes, and refuses nonsense before any request (exit 2)", async () => {
    for (const value of ["soon", "0", "-1", "5d", "1.5m", "7h"]) {
      const run = await sync(["--sync", "github", "--timeout", value]);
      expect(run, value).toEqual({
        code: 2,
        stdout: "",
        stderr: `journeymap: --timeout needs a time from 1 second to 6 hours, such as 300 (seconds), 90s or 5m (got "${value}")\n`,
      });
    }
    expect(github.requests).toEqual([]);
    const stray = await sync(["--timeout", "5m"]);
    expect(stray.stderr).toBe("journeymap: --timeout goes with --sync github: add it, or leave the option out\n");
    for (const value of ["90", "90s", "5m"]) {
      const run = await sync(["--sync", "github", "--dry-run", "--timeout", value]);
      expect(run.code, value).toBe(0);
    }
    // The help names the default the code uses.
    const help = spawnSync(process.execPath, [BIN, "backlog", "--help"], { encoding: "utf8" });
    expect(help.stdout.replace(/\s+/g, " ")).toContain(`default ${timeoutText(DEFAULT_TIMEOUT_SECONDS)}`);
  });

  it("takes the repository from --repo, GITHUB_REPOSITORY or the git remote, and refuses anything else", async () => {
    const none = await sync(["--sync", "github"], { GITHUB_REPOSITORY: undefined });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      "journeymap: no repository to sync with: give --repo owner/name (GITHUB_REPOSITORY on GitHub Actions, or a git remote origin, names it otherwise)\n",
    );
    rmSync(join(folder, ".git"), { recursive: true });
    for (const args of [
      ["init", "-q"],
      ["remote", "add", "origin", "git@github.com:acme/shop.git"],
    ])
      expect(spawnSync("git", args, { cwd: folder }).status).toBe(0);
    const remote = await sync(["--sync", "github", "--dry-run"], { GITHUB_REPOSITORY: undefined });
    expect(remote.code).toBe(0);
    const bad = await sync(["--sync", "github", "--repo", "acme/../x"]);
    expect(bad.stderr).toBe('journeymap: "acme/../x" is not a GitHub repository: write it owner/name\n');
  });

  it("syncs the FreshCart example end to end: open work gets issues, done work and work with a ticket none", async () => {
    rmSync(join(folder, "maps"), { recursive: true });
    cpSync(join(ROOT, "examples"), join(folder, "examples"), { recursive: true });
    const run = await sync([
      "--sync",
      "github",
      "examples",
      "--site-url",
      "https://freshcart.example/journeys/{name}.html",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^5 writes, 2 already in step$/m);
    const byId = new Map(github.issues.map((issue) => [readMarker(issue.body)!.id, issue]));
    // wallet-refund is done and next-free-slot is carried by freshcart/app#42: neither gets an issue.
    expect([...byId.keys()].sort()).toEqual([
      "doorstep-substitutions",
      "forbid-substitutions",
      "pooled-orders",
      "refund-button",
      "wallet-first",
    ]);
    // Defined on the first-order journey, named by id on the delivery map: both maps' pain points.
    const forbid = byId.get("forbid-substitutions")!.body;
    expect(forbid).toContain("(https://freshcart.example/journeys/freshcart.html)");
    expect(forbid).toContain("- Two substitutions\\, one of them unwanted\n");
    expect(forbid).toContain("- The offer arrives after the 30\\-minute window to refuse it\n");
    github.requests.length = 0;
    expect(
      (await sync(["--sync", "github", "examples", "--site-url", "https://freshcart.example/journeys/{name}.html"]))
        .code,
    ).toBe(0);
    expect(github.writes()).toEqual([]);
    // Closed on GitHub, pulled into the map that defines it.
    Object.assign(byId.get("refund-button")!, { state: "closed", state_reason: "completed" });
    const pulled = await sync(["--sync", "github", "examples", "--pull"]);
    expect(pulled.stdout).toContain(
      'set opportunity "refund-button" from planned to done (https://github.com/acme/shop/issues/',
    );
    const refund = parse(readFileSync(join(folder, "examples/freshcart/refund.journey.yaml"), "utf8")) as {
      stages: { touchpoints: { opportunities?: { id?: string; status?: string; issue?: string }[] }[] }[];
    };
    const written = refund.stages
      .flatMap((stage) => stage.touchpoints)
      .flatMap((touchpoint) => touchpoint.opportunities ?? [])
      .find((opportunity) => opportunity.id === "refund-button")!;
    expect(written.status).toBe("done");
    expect(written.issue).toBe(byId.get("refund-button")!.html_url);
  });
});
