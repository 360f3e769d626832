// The Action's diff-comment step (action.yml, action/diff-comment.mjs) run as a runner runs it: its
// `run:` script in bash with the step's env, in a real git repository, against a local fake of the
// GitHub REST API endpoints it calls (list, create and update issue comments) on 127.0.0.1, with a
// simulated GITHUB_EVENT_PATH, GITHUB_REPOSITORY and GITHUB_STEP_SUMMARY.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/cli.js";
import { GIT_ENV, runGit } from "../helpers/git.js";
import { runActionStep } from "../helpers/action-step.js";

interface Step {
  name: string;
  id?: string;
  if?: string;
  env: Record<string, string>;
  run: string;
}
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { runs: { steps: Step[] } };
const step = action.runs.steps.find((candidate) => candidate.id === "diff-comment")!;

/** The first line of the comment of the job the tests run as (workflow, job id and paths below). */
const MARKER = `<!-- journeymap-diff ${createHash("sha256")
  .update("job:acme/journeys/.github/workflows/journeys.yml\ndiff\n.")
  .digest("hex")
  .slice(0, 16)} -->`;
const BOT = "github-actions[bot]";
const TOKEN = "test-token-not-a-secret";

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}
interface Call {
  method: string;
  url: string;
  authorization: string | undefined;
  apiVersion: string | undefined;
  body?: { body: string };
}

/** The fake API: issue comments of pull request 7 of acme/journeys, in memory. */
class FakeGitHub {
  comments: Comment[] = [];
  calls: Call[] = [];
  /** When set, creating a comment answers this status and message. */
  failCreate?: { status: number; message: string };
  private server: Server = createServer((request, response) => void this.handle(request, response));
  private nextId = 9000;

  async start(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  private async handle(request: IncomingMessage, response: import("node:http").ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const call: Call = {
      method: request.method!,
      url: request.url!,
      authorization: request.headers.authorization,
      apiVersion: request.headers["x-github-api-version"] as string | undefined,
      ...(text ? { body: JSON.parse(text) as { body: string } } : {}),
    };
    this.calls.push(call);
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(value));
    };
    if (call.authorization !== `Bearer ${TOKEN}`) return answer(401, { message: "Bad credentials" });
    const url = new URL(call.url, "http://fake");
    if (call.method === "GET" && url.pathname === "/repos/acme/journeys/issues/7/comments") {
      const perPage = Number(url.searchParams.get("per_page"));
      const page = Number(url.searchParams.get("page"));
      return answer(200, this.comments.slice((page - 1) * perPage, page * perPage));
    }
    if (call.method === "POST" && url.pathname === "/repos/acme/journeys/issues/7/comments") {
      if (this.failCreate) return answer(this.failCreate.status, { message: this.failCreate.message });
      const comment = { id: this.nextId++, body: call.body!.body, user: { login: BOT, type: "Bot" } };
      this.comments.push(comment);
      return answer(201, comment);
    }
    const patch = /^\/repos\/acme\/journeys\/issues\/comments\/(\d+)$/.exec(url.pathname);
    const existing = patch && this.comments.find((comment) => comment.id === Number(patch[1]));
    if (call.method === "PATCH" && existing) {
      existing.body = call.body!.body;
      return answer(200, existing);
    }
    return answer(404, { message: "Not Found" });
  }
}

interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
}

describe("the Action's diff-comment step against a fake GitHub API", () => {
  const github = new FakeGitHub();
  let api = "";
  let repo = "";
  let runner = "";
  const commits: string[] = [];

  const git = (...args: string[]) => runGit(repo, args).trim();
  const fixture = (pair: string, side: string) =>
    readFileSync(join(ROOT, `test/fixtures/diff/${pair}/${side}.journey.yaml`));
  const commit = (message: string) => {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    commits.push(git("rev-parse", "HEAD"));
  };

  /** Runs the step as the runner would: its env's expressions filled in, its script in bash, in the repository. */
  async function runStep(
    event: { name: string; payload: unknown },
    options: { apiUrl?: string; input?: string; job?: string; key?: string } = {},
  ) {
    const eventFile = join(runner, "event.json");
    writeFileSync(eventFile, JSON.stringify(event.payload));
    const summaryFile = join(runner, "summary.md");
    writeFileSync(summaryFile, "");
    const values: Record<string, string> = {
      "inputs.diff-comment": options.input ?? "true",
      "inputs.comment-key": options.key ?? "",
      "inputs.comment-timeout": "",
      "inputs.paths": ".",
      "steps.setup.outputs.version": "", // the set-up found journeymap built in the checkout
      "github.action_path": ROOT,
      "github.token": TOKEN,
    };
    const run = await runActionStep(step, {
      cwd: repo,
      runner,
      values,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? runner,
        ...GIT_ENV,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: repo,
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: "acme/journeys",
        GITHUB_WORKFLOW: "journeys",
        GITHUB_WORKFLOW_REF: "acme/journeys/.github/workflows/journeys.yml@refs/pull/7/merge",
        GITHUB_JOB: options.job ?? "diff",
        GITHUB_API_URL: options.apiUrl ?? api,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runner,
      },
    });
    return { ...run, summary: readFileSync(summaryFile, "utf8") } satisfies StepRun;
  }

  const pullRequest = (head: string, extra: Record<string, unknown> = {}) => ({
    name: "pull_request",
    payload: {
      action: "synchronize",
      number: 7,
      pull_request: {
        number: 7,
        title: "Hotel to-be ::error::forged title",
        body: "<script>alert(1)</script>",
        base: { sha: commits[0], ref: "main" },
        head: { sha: head, ref: "to-be" },
        ...extra,
      },
    },
  });

  beforeAll(async () => {
    api = await github.start();
    runner = mkdtempSync(join(tmpdir(), "journeymap-runner-"));
    repo = mkdtempSync(join(tmpdir(), "journeymap-pr-"));
    git("init", "-q", "-b", "main");
    mkdirSync(join(repo, "maps"));
    writeFileSync(join(repo, "maps/hotel.journey.yaml"), fixture("as-is-to-be", "old"));
    writeFileSync(join(repo, "maps/freshcart.journey.yaml"), fixture("freshcart-moved", "old"));
    commit("base");
    writeFileSync(join(repo, "maps/hotel.journey.yaml"), fixture("as-is-to-be", "new"));
    commit("first push: the hotel's to-be state");
    writeFileSync(join(repo, "maps/freshcart.journey.yaml"), fixture("freshcart-moved", "new"));
    commit("second push: the slot moves");
    // 150 comments already there, so that ours lands on the second page; one forges the marker.
    for (let i = 0; i < 150; i++)
      github.comments.push({
        id: 100 + i,
        body: i === 3 ? `${MARKER}\nforged by someone else` : `comment ${i}`,
        user:
          i === 3
            ? { login: "mallory", type: "User" }
            : i === 5
              ? { login: BOT, type: "Bot" }
              : { login: "reviewer", type: "User" },
      });
  });

  afterAll(async () => {
    await github.stop();
    rmSync(repo, { recursive: true, force: true });
    rmSync(runner, { recursive: true, force: true });
  });

  it("runs after lint whatever lint found, never after a refused set-up, and only when asked", () => {
    expect(action.runs.steps.map((candidate) => candidate.id)).toEqual([
      "setup",
      "lint",
      "diff-comment",
      "sync-issues",
    ]);
    expect(step.if).toBe("${{ !cancelled() && steps.setup.outcome == 'success' && inputs.diff-comment == 'true' }}");
    expect(step.run).not.toMatch(/\$\{\{/);
  });

  it("first push creates the comment; the second push updates that same comment (on page 2, past a forged marker)", async () => {
    git("checkout", "-q", commits[1]!);
    const first = await runStep(pullRequest(commits[1]!));
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("journeymap: posted the diff comment on pull request #7\n");
    expect(github.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "GET /repos/acme/journeys/issues/7/comments?per_page=100&page=1",
      "GET /repos/acme/journeys/issues/7/comments?per_page=100&page=2",
      "POST /repos/acme/journeys/issues/7/comments",
    ]);
    for (const call of github.calls)
      expect([call.authorization, call.apiVersion]).toEqual([`Bearer ${TOKEN}`, "2022-11-28"]);
    const created = github.comments.at(-1)!;
    expect(github.comments).toHaveLength(151);
    expect(created.body.split("\n")[0]).toBe(MARKER);
    expect(created.body).toContain("## Journey diff: maps\\/hotel\\.journey\\.yaml");
    expect(created.body).toContain('| ➖ removed | touchpoint \\"Queues at the front desk\\" |');
    expect(created.body).not.toContain("freshcart");
    expect(created.body).toContain(`journeymap diff of ${commits[0]!.slice(0, 12)} → ${commits[1]!.slice(0, 12)}`);
    // The step summary holds the same comment; GitHub renders it with its <details> closed.
    expect(first.summary).toBe(created.body);
    const html = new MarkdownIt({ html: true }).render(first.summary);
    expect(html).toContain("<h2>Journey diff: maps/hotel.journey.yaml</h2>");
    expect(html).not.toMatch(/<script|<a /);

    github.calls = [];
    git("checkout", "-q", commits[2]!);
    const second = await runStep(pullRequest(commits[2]!));
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("journeymap: updated the diff comment on pull request #7\n");
    expect(github.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "GET /repos/acme/journeys/issues/7/comments?per_page=100&page=1",
      "GET /repos/acme/journeys/issues/7/comments?per_page=100&page=2",
      `PATCH /repos/acme/journeys/issues/comments/${created.id}`,
    ]);
    expect(github.comments).toHaveLength(151);
    expect(created.body).toContain("### Journey diff: maps\\/freshcart\\.journey\\.yaml");
    expect(created.body).toContain("### Journey diff: maps\\/hotel\\.journey\\.yaml");
    expect(created.body).toContain(`→ ${commits[2]!.slice(0, 12)}`);
    // The forged marker and the bot's other comment were left alone.
    expect(github.comments[3]!.body).toBe(`${MARKER}\nforged by someone else`);
    expect(github.comments[5]!.body).toBe("comment 5");
  });

  it("updates only its own job's comment: never another workflow's, another job's, an older marker's or a forger's", async () => {
    const saved = github.comments;
    const others: Comment[] = [
      { id: 1, body: "<!-- journeymap-diff -->\nan earlier journeymap's comment", user: { login: BOT, type: "Bot" } },
      {
        id: 2,
        body: "<!-- journeymap-diff 0123456789abcdef -->\nanother workflow's",
        user: { login: BOT, type: "Bot" },
      },
      { id: 3, body: `${MARKER} and more on the line\n`, user: { login: BOT, type: "Bot" } },
      { id: 4, body: `quoted:\n${MARKER}\n`, user: { login: BOT, type: "Bot" } },
      { id: 5, body: `${MARKER}\nforged`, user: { login: "mallory", type: "User" } },
      { id: 6, body: `${MARKER}\nnot the bot user`, user: { login: BOT, type: "User" } },
    ];
    github.comments = others.map((comment) => ({ ...comment, user: { ...comment.user } }));
    try {
      git("checkout", "-q", commits[2]!);
      const posted = async (options: { job?: string; key?: string }, expected: string) => {
        github.calls = [];
        const run = await runStep(pullRequest(commits[2]!), options);
        expect(run.code, run.stdout + run.stderr).toBe(0);
        expect(run.stdout).toBe(`journeymap: ${expected} the diff comment on pull request #7\n`);
        return github.calls.find((call) => call.method !== "GET")!;
      };
      const first = await posted({}, "posted");
      expect(first.url).toBe("/repos/acme/journeys/issues/7/comments");
      const ours = github.comments.at(-1)!;
      expect(ours.body.split("\n")[0]).toBe(MARKER);
      // A second journeymap job of the workflow (another job id) has a comment of its own.
      const second = await posted({ job: "diff-docs" }, "posted");
      expect(second.url).toBe("/repos/acme/journeys/issues/7/comments");
      const docs = github.comments.at(-1)!;
      expect(docs.body.split("\n")[0]).toMatch(/^<!-- journeymap-diff [0-9a-f]{16} -->$/);
      expect(docs.body.split("\n")[0]).not.toBe(MARKER);
      // So has a job of a matrix given its own comment-key.
      const keyed = await posted({ key: "node-20" }, "posted");
      expect(keyed.url).toBe("/repos/acme/journeys/issues/7/comments");
      expect(github.comments).toHaveLength(others.length + 3);
      // Each later push updates each job's own comment, and nothing else.
      expect((await posted({}, "updated")).url).toBe(`/repos/acme/journeys/issues/comments/${ours.id}`);
      expect((await posted({ job: "diff-docs" }, "updated")).url).toBe(
        `/repos/acme/journeys/issues/comments/${docs.id}`,
      );
      expect(github.comments.slice(0, others.length)).toEqual(others);
    } finally {
      github.comments = saved;
    }
  });

  it("on an event that is not a pull request, does nothing but say so", async () => {
    github.calls = [];
    const run = await runStep({
      name: "push",
      payload: { ref: "refs/heads/main", head_commit: { message: "::error::x" } },
    });
    expect(run).toEqual({
      code: 0,
      stdout: '::notice title=journeymap diff comment::not a pull request (event "push"): no diff comment to post\n',
      stderr: "",
      summary: "",
    });
    expect(github.calls).toEqual([]);
  });

  it("with diff-comment false, does nothing at all", async () => {
    github.calls = [];
    expect(await runStep(pullRequest(commits[2]!), { input: "false" })).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
      summary: "",
    });
    expect(github.calls).toEqual([]);
  });

  it("an API error fails the step (exit 2) with one clear line; the diff is still in the step summary", async () => {
    const saved = github.comments;
    github.comments = [];
    github.calls = [];
    github.failCreate = { status: 403, message: "Resource not accessible by integration\n::warning::forged" };
    try {
      git("checkout", "-q", commits[2]!);
      const run = await runStep(pullRequest(commits[2]!));
      expect(run.code).toBe(2);
      expect(run.stdout).toBe(
        "::error title=journeymap diff comment::GitHub API POST /repos/acme/journeys/issues/7/comments answered 403: " +
          "Resource not accessible by integration%0A::warning::forged. " +
          'The workflow needs "permissions: pull-requests: write" (a pull request from a fork gets a read-only token; ' +
          "the diff is still in the step summary)\n",
      );
      expect(run.summary).toContain("Journey diff: maps\\/freshcart\\.journey\\.yaml");
      expect(github.comments).toEqual([]);
    } finally {
      github.failCreate = undefined;
      github.comments = saved;
    }
  });

  it("posts nothing when no map changed and there is no comment to update", async () => {
    const saved = github.comments;
    github.comments = [];
    github.calls = [];
    try {
      git("checkout", "-q", commits[2]!);
      const run = await runStep(pullRequest(commits[2]!, { base: { sha: commits[2] } }));
      expect(run.stdout).toBe("journeymap: no journey map changed in pull request #7: no comment posted\n");
      expect(github.calls.map((call) => call.method)).toEqual(["GET"]);
    } finally {
      github.comments = saved;
    }
  });

  it.each([
    [{ number: "7; rm -rf /" }, "the event payload's pull request number is not a positive whole number"],
    [
      { base: { sha: "HEAD~1 --output=/etc/passwd" } },
      "the event payload's pull request base commit is not a commit id",
    ],
    [{ head: { sha: ["not", "a", "sha"] } }, "the event payload's pull request head commit is not a commit id"],
  ])("refuses a hostile event payload before calling anything: %j", async (change, message) => {
    github.calls = [];
    const run = await runStep(pullRequest(commits[2]!, change));
    expect(run).toMatchObject({ code: 2, stdout: `::error title=journeymap diff comment::${message}\n`, summary: "" });
    expect(github.calls).toEqual([]);
  });

  it.each([
    ["http://api.example.com", "GITHUB_API_URL must be an https URL (http only to this machine), without credentials"],
    [
      "https://user:pass@api.example.com",
      "GITHUB_API_URL must be an https URL (http only to this machine), without credentials",
    ],
    ["not a url", "GITHUB_API_URL is not a URL"],
  ])("refuses GITHUB_API_URL %s: the token goes nowhere else", async (apiUrl, message) => {
    const run = await runStep(pullRequest(commits[2]!), { apiUrl });
    expect(run).toMatchObject({ code: 2, stdout: `::error title=journeymap diff comment::${message}\n` });
  });
});
