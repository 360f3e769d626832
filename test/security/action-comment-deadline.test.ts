// The diff comment's one deadline (comment-timeout) against an API that holds it: pages of comments that
// each come slowly (100 pages of 30 s each would be 50 minutes), a page that drips forever, an answer that
// is one huge error message full of terminal escapes. The Action's step runs as a runner runs it (bash,
// the step's env, a real git repository) and must end near the deadline with exit 2 and one message,
// the diff still in the step summary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type ActionStep, runActionStep } from "../helpers/action-step.js";
import { ROOT } from "../helpers/cli.js";
import { GIT_ENV, runGit } from "../helpers/git.js";

const SLACK = Number(process.env.TIME_SLACK ?? 2);
const LIMIT_MS = 3_000;
const MARGIN_MS = 1_000 * SLACK;
/** The deadline starts just before the first request goes out, which a loaded machine delivers later. */
const EARLY_MS = 500;
const TOKEN = "test-token-not-a-secret";
const TITLE = "::error title=journeymap diff comment::";

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { runs: { steps: ActionStep[] } };
const step = action.runs.steps.find((candidate) => candidate.id === "diff-comment")!;

/** How the fake answers a request; it records when the first one arrived. */
type Answer = (request: IncomingMessage, response: ServerResponse) => void;
let answer: Answer;
let firstRequestAt: number | undefined;
let requests: string[] = [];
const server = createServer((request, response) => {
  firstRequestAt ??= performance.now();
  requests.push(`${request.method} ${request.url}`);
  answer(request, response);
});

/** A full page of 100 comments by someone else, so that the search goes on to the next page. */
const FULL_PAGE = JSON.stringify(
  Array.from({ length: 100 }, (_, i) => ({
    id: i + 1,
    body: `comment ${i}`,
    user: { login: "reviewer", type: "User" },
  })),
);

let api = "";
let repo = "";
let runner = "";
let base = "";
let head = "";
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  runner = mkdtempSync(join(tmpdir(), "journeymap-runner-"));
  repo = mkdtempSync(join(tmpdir(), "journeymap-pr-"));
  const git = (...args: string[]) => runGit(repo, args).trim();
  const fixture = (side: string) => readFileSync(join(ROOT, `test/fixtures/diff/as-is-to-be/${side}.journey.yaml`));
  git("init", "-q", "-b", "main");
  mkdirSync(join(repo, "maps"));
  writeFileSync(join(repo, "maps/hotel.journey.yaml"), fixture("old"));
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  base = git("rev-parse", "HEAD");
  writeFileSync(join(repo, "maps/hotel.journey.yaml"), fixture("new"));
  git("commit", "-q", "-am", "to-be");
  head = git("rev-parse", "HEAD");
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(repo, { recursive: true, force: true });
  rmSync(runner, { recursive: true, force: true });
});
beforeEach(() => {
  firstRequestAt = undefined;
  requests = [];
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  /** From the first request the API received to the step's end: the GitHub phase. */
  githubMs: number;
}

async function runStep(timeout: string): Promise<Run> {
  const eventFile = join(runner, "event.json");
  writeFileSync(eventFile, JSON.stringify({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }));
  const summaryFile = join(runner, "summary.md");
  writeFileSync(summaryFile, "");
  const run = await runActionStep(step, {
    cwd: repo,
    runner,
    values: {
      "inputs.diff-comment": "true",
      "inputs.comment-key": "",
      "inputs.comment-timeout": timeout,
      "inputs.paths": ".",
      "steps.setup.outputs.version": "",
      "github.action_path": ROOT,
      "github.token": TOKEN,
    },
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? runner,
      ...GIT_ENV,
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: "acme/journeys",
      GITHUB_JOB: "diff",
      GITHUB_API_URL: api,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runner,
    },
  });
  const githubMs = firstRequestAt === undefined ? 0 : performance.now() - firstRequestAt;
  return { ...run, summary: readFileSync(summaryFile, "utf8"), githubMs };
}

const PAGE = /^GET \/repos\/acme\/journeys\/issues\/7\/comments\?per_page=100&page=\d+$/;
const OUT_OF_TIME =
  ": the diff is in this run's step summary; set a longer comment-timeout if GitHub is that slow, or push again";

describe("the diff comment's time limit (comment-timeout)", () => {
  it("pages of comments that each take 1.2 s: stopped at the deadline with exit 2, the diff in the summary", async () => {
    answer = (_request, response) => {
      const timer = setTimeout(() => {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(FULL_PAGE);
      }, 1_200);
      response.on("close", () => clearTimeout(timer));
    };
    const run = await runStep("3s");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    // Pages 1 and 2 came (2.4 s); the third was still on its way at 3 s (the second, on a loaded machine).
    expect(run.stdout).toBe(
      `${TITLE}the diff comment's time limit (comment-timeout 3s) ran out waiting for the answer to GET /repos/acme/journeys/issues/7/comments?per_page=100&page=${requests.length}${OUT_OF_TIME}\n`,
    );
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.length).toBeLessThanOrEqual(3);
    for (const request of requests) expect(request).toMatch(PAGE);
    expect(run.githubMs).toBeGreaterThanOrEqual(LIMIT_MS - EARLY_MS);
    expect(run.githubMs).toBeLessThan(LIMIT_MS + MARGIN_MS);
    expect(run.summary).toContain("## Journey diff: maps\\/hotel\\.journey\\.yaml");
  }, 30_000);

  it("a page that drips a byte a second: cut off at the deadline while reading it", async () => {
    answer = (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write("[");
      const timer = setInterval(() => response.write(" "), 1_000);
      response.on("close", () => clearInterval(timer));
    };
    const run = await runStep("3s");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `${TITLE}the diff comment's time limit (comment-timeout 3s) ran out reading the answer to GET /repos/acme/journeys/issues/7/comments?per_page=100&page=1${OUT_OF_TIME}\n`,
    );
    expect(run.githubMs).toBeGreaterThanOrEqual(LIMIT_MS - EARLY_MS);
    expect(run.githubMs).toBeLessThan(LIMIT_MS + MARGIN_MS);
    expect(run.summary).toContain("## Journey diff: maps\\/hotel\\.journey\\.yaml");
  }, 30_000);

  it("a comment-timeout that is not a time: exit 2 before any request, saying what to give", async () => {
    answer = (_request, response) => response.end("[]");
    const run = await runStep("2 days\u001b[31m");
    expect(run).toMatchObject({
      code: 2,
      stdout: `${TITLE}comment-timeout "2 days\ufffd[31m" is not a time: give seconds (120, 90s) or minutes (2m), at most 6 hours, or leave it empty for 2m\n`,
      stderr: "",
    });
    expect(requests).toEqual([]);
  }, 30_000);

  it("an error answer of a megabyte full of terminal escapes: one line, no control character, cut short", async () => {
    answer = (_request, response) => {
      response.writeHead(422, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify({
          message: "\u001b]8;;https://evil.example\u0007click\u001b[2J\r\n::error::forged".repeat(20_000),
        }),
      );
    };
    const run = await runStep("");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    expect(
      lines[0]!.startsWith(
        `${TITLE}GitHub API GET /repos/acme/journeys/issues/7/comments?per_page=100&page=1 answered 422: `,
      ),
    ).toBe(true);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(lines[0]!.length).toBeLessThan(1_000);
  }, 30_000);
});
