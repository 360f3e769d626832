// The GitHub Action's pull-request comment: `journeymap diff` of the pull request's maps as Markdown,
// posted as one comment that every push updates (found again by a hidden marker of its own job and its
// author), and
// written to the step summary. Run as `node diff-comment.mjs -- <journeymap command...>`. Node
// built-ins only: the action may run journeymap from npx, with no node_modules here.
//
// Everything that arrives is hostile: the event payload (a pull request's title and body are anyone's
// text), the comments already on the pull request, the API's answers. Only the pull request's number
// and commit ids are read from the payload, each checked for its shape; nothing else is printed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, closeSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkApiUrl, isRepository, readBounded, timeoutSeconds } from "./github-api.mjs";

/** The login of the workflow's GITHUB_TOKEN: only its comments are ever updated. */
export const COMMENT_AUTHOR = "github-actions[bot]";
/** GitHub refuses a comment body longer than 65,536 characters; the step summary takes 1 MiB. */
const MAX_COMMENT = 65_536;
const MAX_SUMMARY = 1_000_000;
const MAX_EVENT_BYTES = 64 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const PER_PAGE = 100;
/** 10,000 comments searched at most: a pull request with more gets a new comment rather than an endless search. */
const MAX_PAGES = 100;
const TIMEOUT_MS = 30_000;
/** The whole GitHub phase (finding the comment, then posting or updating it) when comment-timeout is
 * empty: two minutes. Each request has its own 30 s, but finding the comment may walk MAX_PAGES pages. */
export const DEFAULT_COMMENT_TIMEOUT_SECONDS = 2 * 60;
const NO_CHANGE = "## Journey map changes\n\nNo journey map changed.\n";
const TITLE = "journeymap diff comment";

/** A failure with a message for the log; `code` is the step's exit code. */
export class ActionError extends Error {
  constructor(message, code = 2) {
    super(message);
    this.code = code;
  }
}

/** Text made safe for a workflow command's message: no line break or control can start another command. */
export function commandText(text) {
  return String(text)
    .replace(/%/g, "%25")
    .replace(/\r/g, "%0D")
    .replace(/\n/g, "%0A")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "\ufffd");
}

function log(kind, message) {
  process.stdout.write(`::${kind} title=${TITLE}::${commandText(message)}\n`);
}

/** The event payload's file, read with a size bound, as JSON. */
export function readEvent(path) {
  if (!path) throw new ActionError("GITHUB_EVENT_PATH is not set: this step runs on GitHub Actions only");
  let fd;
  try {
    fd = openSync(path, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ActionError("the event payload (GITHUB_EVENT_PATH) is not a regular file");
    if (stat.size > MAX_EVENT_BYTES)
      throw new ActionError(`the event payload is larger than ${MAX_EVENT_BYTES / 1024 / 1024} MiB: not read`);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return JSON.parse(bytes.subarray(0, read).toString("utf8"));
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(`cannot read the event payload (GITHUB_EVENT_PATH): ${error.code ?? "not JSON"}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** The pull request's number and base and head commits, or undefined for an event that is not one. */
export function pullRequestOf(event, eventName) {
  if (!PULL_REQUEST_EVENTS.has(eventName)) return undefined;
  const pull = event !== null && typeof event === "object" ? event.pull_request : undefined;
  if (pull === null || typeof pull !== "object")
    throw new ActionError(`the ${eventName} event payload has no pull request`);
  const number = pull.number;
  if (!Number.isSafeInteger(number) || number < 1)
    throw new ActionError("the event payload's pull request number is not a positive whole number");
  const base = pull.base?.sha;
  const head = pull.head?.sha;
  for (const [name, sha] of [
    ["base", base],
    ["head", head],
  ])
    if (typeof sha !== "string" || !COMMIT.test(sha))
      throw new ActionError(`the event payload's pull request ${name} commit is not a commit id`);
  return { number, base, head };
}

/** "owner/name" as GitHub allows them. */
export function repositoryOf(value) {
  if (!isRepository(value)) throw new ActionError("GITHUB_REPOSITORY is not owner/name");
  return value;
}

/** The API's base URL: https, or http to this machine only (a test's fake API), with no credentials. */
export function apiUrlOf(value = "https://api.github.com") {
  const { url, problem } = checkApiUrl(value);
  if (url !== undefined) return url;
  throw new ActionError(
    problem === "not a URL"
      ? "GITHUB_API_URL is not a URL"
      : problem === "not https"
        ? "GITHUB_API_URL must be an https URL (http only to this machine), without credentials"
        : "GITHUB_API_URL must not have a query or a fragment",
  );
}

/**
 * Which comment is this job's: the comment-key input, or else the workflow (its file, without the ref),
 * the job's id and the paths it compares. Every workflow of a repository comments as the same
 * github-actions[bot], so the author alone cannot tell one workflow's comment from another's, nor two
 * journeymap jobs of one workflow apart: each updates only the comment that carries its own key.
 */
export function commentKeyOf(env) {
  const key = String(env.INPUT_COMMENT_KEY ?? "").trim();
  if (key) return `key:${key}`;
  const workflow = String(env.GITHUB_WORKFLOW_REF || env.GITHUB_WORKFLOW || "").replace(/@[^@]*$/, "");
  return `job:${workflow}\n${env.GITHUB_JOB ?? ""}\n${pathsOf(env.INPUT_PATHS).join("\n")}`;
}

/** The hidden first line that marks a job's comment: an HTML comment (GitHub does not show it) with a
 * digest of the key, so that nothing from the workflow or the inputs is written into it. */
export function markerOf(key) {
  return `<!-- journeymap-diff ${createHash("sha256").update(key).digest("hex").slice(0, 16)} -->`;
}

/** The body GitHub gets: the marker, the diff, a note of the commits; cut to fit with its <details> closed. */
export function commentBody(markdown, pull, marker, limit = MAX_COMMENT) {
  const footer = `\n<sub>journeymap diff of ${pull.base.slice(0, 12)} → ${pull.head.slice(0, 12)}; this comment is updated on every push.</sub>\n`;
  let text = markdown.trimEnd();
  const room = limit - marker.length - footer.length - 400;
  if (text.length > room) {
    text = text.slice(0, text.lastIndexOf("\n", room));
    const open = (text.match(/<details>/g) ?? []).length - (text.match(/<\/details>/g) ?? []).length;
    text += `\n\n… cut here: a comment holds at most ${limit.toLocaleString("en")} characters. The whole diff is in this run's step summary.`;
    if (open > 0) text += "\n\n</details>".repeat(open);
  }
  return `${marker}\n${text}\n${footer}`;
}

/** The comment-timeout input in seconds: empty is the default; anything but a time is an ActionError. */
export function commentTimeoutOf(value) {
  const text = String(value ?? "").trim();
  if (!text) return DEFAULT_COMMENT_TIMEOUT_SECONDS;
  const seconds = timeoutSeconds(text);
  if (seconds === undefined)
    throw new ActionError(
      `comment-timeout "${text.slice(0, 40)}" is not a time: give seconds (120, 90s) or minutes (2m), at most 6 hours, or leave it empty for 2m`,
    );
  return seconds;
}

/** A time as the input takes it back: "90s", "2m", "1h". */
function timeText(seconds) {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** The instant the GitHub phase must be over by, `seconds` from now, on a clock that the system's time
 * changes never move. */
export function commentDeadline(seconds, clock = () => performance.now()) {
  const end = clock() + seconds * 1000;
  return {
    seconds,
    left: () => Math.max(0, end - clock()),
    named: `the diff comment's time limit (comment-timeout ${timeText(seconds)})`,
  };
}

/** What a run stopped by the time limit tells the user to do. */
const OUT_OF_TIME =
  "the diff is in this run's step summary; set a longer comment-timeout if GitHub is that slow, or push again";

/** The API, with the token, a timeout and bounded answers; an answer that is not 2xx is an ActionError.
 * With a deadline (commentDeadline), every request's timeout is clipped to the time left, and the clip
 * ends the reading of an answer too: the whole phase ends by then, however many pages it walks. */
export function apiClient(baseUrl, token, timeoutMs = TIMEOUT_MS, deadline = undefined) {
  return async function request(method, path, body) {
    const left = deadline ? deadline.left() : Infinity;
    if (left === 0) throw new ActionError(`${deadline.named} ran out before ${method} ${path}: ${OUT_OF_TIME}`);
    // Only a timeout of the clipped signal is the deadline's; the request's own 30 s is a failure of GitHub.
    const clipped = left < timeoutMs;
    const outOfTime = (error, what) =>
      clipped && error?.name === "TimeoutError"
        ? new ActionError(`${deadline.named} ran out ${what} ${method} ${path}: ${OUT_OF_TIME}`)
        : undefined;
    let response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          Accept: "application/vnd.github+json",
          Authorization: `Bearer ${token}`,
          "X-GitHub-Api-Version": "2022-11-28",
          "User-Agent": "journeymap-action",
          ...(body ? { "Content-Type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        // A redirect is answered, never followed: the token goes to the API and nowhere else.
        redirect: "manual",
        signal: AbortSignal.timeout(Math.max(1, Math.ceil(Math.min(left, timeoutMs)))),
      });
    } catch (error) {
      const late = outOfTime(error, "waiting for the answer to");
      if (late) throw late;
      const why = error?.cause?.code ?? error?.name ?? "network error";
      throw new ActionError(`cannot reach the GitHub API for ${method} ${path}: ${why}`);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new ActionError(
        `GitHub API ${method} ${path} answered ${response.status}, a redirect: not followed, as the token goes to the API only (check GITHUB_API_URL)`,
      );
    }
    const text = await boundedText(response, `${method} ${path}`, (error) => outOfTime(error, "reading the answer to"));
    let answer;
    try {
      answer = text ? JSON.parse(text) : undefined;
    } catch {
      answer = undefined;
    }
    if (!response.ok) {
      const said = typeof answer?.message === "string" ? `: ${answer.message.slice(0, 300)}` : "";
      const hint =
        response.status === 401 || response.status === 403 || response.status === 404
          ? '. The workflow needs "permissions: pull-requests: write" (a pull request from a fork gets a read-only token; the diff is still in the step summary)'
          : "";
      throw new ActionError(`GitHub API ${method} ${path} answered ${response.status}${said}${hint}`);
    }
    return answer;
  };
}

async function boundedText(response, shown, outOfTime) {
  let text;
  try {
    text = await readBounded(response, MAX_RESPONSE_BYTES);
  } catch (error) {
    const late = outOfTime(error);
    if (late) throw late;
    // The timeout ends the answer's read too: an answer that drips in is a failure of the step, not a crash.
    const why = error?.name === "TimeoutError" ? "no whole answer in time" : (error?.cause?.code ?? "network error");
    throw new ActionError(`the GitHub API's answer to ${shown} was cut off: ${why}`);
  }
  if (text === undefined)
    throw new ActionError(`the GitHub API's answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
  return text;
}

/** This job's comment on the pull request: the first whose first line is exactly its marker, written by
 * the token's bot user. A comment with another marker (another workflow's, another job's, an older
 * journeymap's) or by anyone else is never changed. */
export async function findComment(request, repository, number, marker) {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await request(
      "GET",
      `/repos/${repository}/issues/${number}/comments?per_page=${PER_PAGE}&page=${page}`,
    );
    if (!Array.isArray(comments)) throw new ActionError("the GitHub API's list of comments is not a list");
    for (const comment of comments) {
      const ours =
        comment !== null &&
        typeof comment === "object" &&
        Number.isSafeInteger(comment.id) &&
        comment.id > 0 &&
        comment.user?.login === COMMENT_AUTHOR &&
        comment.user?.type === "Bot" &&
        typeof comment.body === "string" &&
        comment.body.startsWith(`${marker}\n`);
      if (ours) return comment.id;
    }
    if (comments.length < PER_PAGE) return undefined;
  }
  return undefined;
}

/** How long fetching the base commit may take: a remote that hangs would otherwise hold the step until
 * the job's own timeout (6 hours by default). */
const FETCH_TIMEOUT_MS = 10 * 60_000;

/** Makes sure git has the base commit: a shallow checkout (fetch-depth 1) lacks it. */
export function ensureCommit(sha, timeoutMs = FETCH_TIMEOUT_MS) {
  const present = spawnSync("git", ["cat-file", "-e", `${sha}^{commit}`], { stdio: "ignore", timeout: timeoutMs });
  if (present.status === 0) return;
  const fetched = spawnSync("git", ["fetch", "--no-tags", "--quiet", "--depth=1", "origin", sha], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: timeoutMs,
  });
  if (fetched.error?.code === "ETIMEDOUT")
    throw new ActionError(
      `fetching the pull request's base commit ${sha.slice(0, 12)} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped: check that the remote answers, or use actions/checkout with fetch-depth: 0`,
    );
  if (fetched.status !== 0)
    throw new ActionError(
      `the pull request's base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched: use actions/checkout with fetch-depth: 0`,
    );
}

/** The paths input, one per line, trimmed; "." when empty. */
export function pathsOf(input) {
  const paths = String(input ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return paths.length ? paths : ["."];
}

/** Runs journeymap diff between the pull request's base and HEAD; its Markdown, or an ActionError. */
function runDiff(command, pull, paths) {
  const folder = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), "journeymap-diff-"));
  try {
    const output = join(folder, "diff.md");
    const args = [
      "diff",
      "--base",
      pull.base,
      "--head",
      "HEAD",
      "--format",
      "markdown",
      "--output",
      output,
      "--",
      ...paths,
    ];
    const ran = spawnSync(command[0], [...command.slice(1), ...args], { stdio: ["ignore", "inherit", "inherit"] });
    if (ran.error) throw new ActionError(`cannot run journeymap: ${ran.error.code ?? ran.error.message}`);
    // Exit 1 is for --fail-on, which this step does not use: any other status is a failure to compare.
    if (ran.status !== 0)
      throw new ActionError(
        `journeymap diff could not compare the maps (exit ${ran.status}): the log above says why`,
        2,
      );
    return readFileSync(output, "utf8");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function main(argv = process.argv.slice(2), env = process.env) {
  if (String(env.INPUT_DIFF_COMMENT ?? "").toLowerCase() !== "true") return 0;
  const separator = argv.indexOf("--");
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  if (command.length === 0) throw new ActionError("usage: diff-comment.mjs -- <journeymap command...>");
  const eventName = String(env.GITHUB_EVENT_NAME ?? "");
  const pull = pullRequestOf(readEvent(env.GITHUB_EVENT_PATH), eventName);
  if (!pull) {
    const shown = /^[a-z_]{1,64}$/.test(eventName) ? eventName : "unknown";
    log("notice", `not a pull request (event "${shown}"): no diff comment to post`);
    return 0;
  }
  const repository = repositoryOf(env.GITHUB_REPOSITORY);
  if (!env.GITHUB_TOKEN) throw new ActionError("no token: the step gives the workflow's token as GITHUB_TOKEN");
  const apiUrl = apiUrlOf(env.GITHUB_API_URL || undefined);
  const limit = commentTimeoutOf(env.INPUT_COMMENT_TIMEOUT);

  ensureCommit(pull.base);
  const markdown = runDiff(command, pull, pathsOf(env.INPUT_PATHS));
  const marker = markerOf(commentKeyOf(env));
  if (env.GITHUB_STEP_SUMMARY)
    appendFileSync(env.GITHUB_STEP_SUMMARY, commentBody(markdown, pull, marker, MAX_SUMMARY));

  // One deadline for the whole GitHub phase, from the first request on: the diff before it is git's and
  // journeymap's work, not GitHub's.
  const request = apiClient(apiUrl, env.GITHUB_TOKEN, TIMEOUT_MS, commentDeadline(limit));
  const existing = await findComment(request, repository, pull.number, marker);
  const body = commentBody(markdown, pull, marker);
  if (existing !== undefined) {
    await request("PATCH", `/repos/${repository}/issues/comments/${existing}`, { body });
    process.stdout.write(`journeymap: updated the diff comment on pull request #${pull.number}\n`);
  } else if (markdown === NO_CHANGE) {
    process.stdout.write(`journeymap: no journey map changed in pull request #${pull.number}: no comment posted\n`);
  } else {
    await request("POST", `/repos/${repository}/issues/${pull.number}/comments`, { body });
    process.stdout.write(`journeymap: posted the diff comment on pull request #${pull.number}\n`);
  }
  return 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    log("error", error.message);
    process.exitCode = error.code;
  }
}
