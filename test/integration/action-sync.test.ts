// The Action's sync-issues step (action.yml, action/sync-issues.mjs) run as a runner runs it: its `run:`
// script in bash with the step's env, in a folder of maps, against the fake GitHub API on 127.0.0.1, with
// a simulated event payload. It syncs on a push of the default branch and skips, saying so, elsewhere.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readMarker } from "../../src/backlog/sync/marker.js";
import { FakeGitHub } from "../backlog/sync/fake-github.js";
import { type ActionStep, runActionStep, type StepRun } from "../helpers/action-step.js";
import { ROOT } from "../helpers/cli.js";

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
  runs: { steps: ActionStep[] };
  inputs: Record<string, { default?: string }>;
};
const step = action.runs.steps.find((candidate) => candidate.id === "sync-issues")!;

let github: FakeGitHub;
let workspace: string;
let runner: string;
beforeEach(async () => {
  github = new FakeGitHub();
  await github.start();
  workspace = mkdtempSync(join(tmpdir(), "journeymap-action-sync-"));
  runner = mkdtempSync(join(tmpdir(), "journeymap-runner-"));
  cpSync(join(ROOT, "examples"), workspace, { recursive: true });
});
afterEach(async () => {
  await github.stop();
  rmSync(workspace, { recursive: true, force: true });
  rmSync(runner, { recursive: true, force: true });
});

/** Runs the step as the runner would: its env's expressions filled in, its script in bash. */
async function runStep(
  event: { name: string; ref: string; payload: unknown },
  inputs: Record<string, string> = {},
  token = "actions-token",
): Promise<StepRun> {
  const eventFile = join(runner, "event.json");
  writeFileSync(eventFile, JSON.stringify(event.payload));
  const values: Record<string, string> = {
    "inputs.sync-issues": inputs["sync-issues"] ?? "true",
    "inputs.site-url": inputs["site-url"] ?? "",
    "inputs.issue-label": inputs["issue-label"] ?? "",
    "inputs.sync-timeout": inputs["sync-timeout"] ?? "",
    "inputs.paths": inputs.paths ?? ".",
    "steps.setup.outputs.version": "", // the set-up found journeymap built in the checkout
    "github.action_path": ROOT,
    "github.token": token,
  };
  return runActionStep(step, {
    cwd: workspace,
    runner,
    values,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? runner,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REF: event.ref,
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_API_URL: github.base,
      RUNNER_TEMP: runner,
    },
  });
}

const push = (ref = "refs/heads/main") => ({
  name: "push",
  ref,
  payload: { ref, repository: { full_name: "acme/shop", default_branch: "main" } },
});

describe("the Action's sync-issues step against a fake GitHub API", () => {
  it("runs after lint whatever lint found, only when asked, with the token from the workflow", () => {
    expect(step.if).toBe("${{ !cancelled() && steps.setup.outcome == 'success' && inputs.sync-issues == 'true' }}");
    expect(step.run).not.toMatch(/\$\{\{/);
    expect(step.env.GITHUB_TOKEN).toBe("${{ github.token }}");
    expect(action.inputs["sync-issues"]!.default).toBe("false");
  });

  it("on a push of the default branch, opens the opportunities' issues as github-actions[bot]; the next push writes nothing", async () => {
    const run = await runStep(push(), { "site-url": "https://acme.github.io/shop/{name}.html" });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^5 writes, 2 already in step$/m);
    expect(github.issues.map((issue) => [issue.user.login, issue.labels[0]!.name])).toEqual(
      Array.from({ length: 5 }, () => ["github-actions[bot]", "journey-opportunity"]),
    );
    expect(github.issues.every((issue) => readMarker(issue.body) !== undefined)).toBe(true);
    github.requests.length = 0;
    const again = await runStep(push());
    // No site URL this time: the bodies change (no link), so the sync updates them; then nothing.
    expect(again.stdout).toMatch(/^5 writes, 2 already in step$/m);
    github.requests.length = 0;
    expect((await runStep(push())).stdout).toMatch(/^0 writes, 7 already in step$/m);
    expect(github.writes()).toEqual([]);
  });

  it("skips a pull request (a fork's token is read-only) and another branch, with a notice, asking nothing of GitHub", async () => {
    const pull = await runStep(
      {
        name: "pull_request",
        ref: "refs/pull/7/merge",
        payload: { pull_request: { number: 7, title: "::error::forged" }, repository: { default_branch: "main" } },
      },
      {},
      "fork-token",
    );
    expect(pull).toEqual({
      code: 0,
      stdout:
        '::notice title=journeymap issue sync::a pull request (event "pull_request") does not sync issues: its token may be a fork\'s read-only one, and its maps are not merged yet; the sync runs on pushes to the default branch: no issue synced\n',
      stderr: "",
    });
    const branch = await runStep(push("refs/heads/feature"));
    expect(branch.stdout).toBe(
      "::notice title=journeymap issue sync::the sync runs on the default branch (main) only, not on refs/heads/feature: no issue synced\n",
    );
    expect(github.requests).toEqual([]);
  });

  it("does nothing when not asked", async () => {
    expect(await runStep(push(), { "sync-issues": "false" })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(github.requests).toEqual([]);
  });

  it("a token that may not write issues: the step fails (exit 2) with one clear message, nothing written", async () => {
    const run = await runStep(push(), {}, "fork-token");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "GitHub refused to write issues in acme/shop (GitHub API POST /repos/acme/shop/issues answered 403",
    );
    expect(run.stdout).toContain(
      "::error title=journeymap issue sync::the issue sync failed (exit 2): the log above says why\n",
    );
    expect(github.issues).toEqual([]);
  });

  it("sync-timeout bounds the whole sync: an API that never answers fails the step by then, saying so (exit 2)", async () => {
    github.intercept = () => "hang";
    const started = performance.now();
    const run = await runStep(push(), { "sync-timeout": "2s" });
    const ms = performance.now() - started;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "journeymap: the sync's time limit (--timeout 2s) ran out waiting for the answer to GET /user. Nothing was written: run the sync again (with a longer --timeout if GitHub is that slow)\n",
    );
    expect(run.stdout).toBe(
      "::error title=journeymap issue sync::the issue sync failed (exit 2): the log above says why\n",
    );
    expect(ms).toBeGreaterThanOrEqual(2_000);
    expect(ms).toBeLessThan(2_000 + 1_500 * Number(process.env.TIME_SLACK ?? 2));
    expect(github.issues).toEqual([]);
  });

  it("a sync-timeout that is not a time: journeymap refuses it before any request (exit 2)", async () => {
    const run = await runStep(push(), { "sync-timeout": "a while" });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'journeymap: --timeout needs a time from 1 second to 6 hours, such as 300 (seconds), 90s or 5m (got "a while")\n',
    );
    expect(github.requests).toEqual([]);
  });

  it("stops a journeymap that outlives its time limit by the backstop (as a hung npx would)", () => {
    const eventFile = join(runner, "event.json");
    writeFileSync(eventFile, JSON.stringify(push().payload));
    // The step's main() with a backstop of 1 s, its "journeymap" a node that sleeps a minute.
    const script = `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, "action/sync-issues.mjs")).href)};
process.exitCode = main(["--", process.execPath, "-e", "setTimeout(() => {}, 60000)"], process.env, 1);`;
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        INPUT_SYNC_ISSUES: "true",
        INPUT_SYNC_TIMEOUT: "1",
        GITHUB_EVENT_NAME: "push",
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REF: "refs/heads/main",
      },
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe(
      "::error title=journeymap issue sync::journeymap was still running 1 s past the sync's time limit (1 s): stopped\n",
    );
  });
});
