// The GitHub Action's issue sync: `journeymap backlog --sync github` on a push (or a schedule, or a manual
// run) of the default branch, keeping one issue per opportunity of the maps in step. Skipped, with a
// notice, on pull requests (a fork's token is read-only, and a pull request's maps are not yet the
// repository's) and on other branches. Run as `node sync-issues.mjs -- <journeymap command...>`. Node
// built-ins only: the action may run journeymap from npx, with no node_modules here.
//
// Only the default branch's name is read from the event payload, checked for its shape; inputs arrive as
// environment variables and reach journeymap as separate arguments, never as shell text.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ActionError, commandText, pathsOf, readEvent } from "./diff-comment.mjs";
import { DEFAULT_TIMEOUT_SECONDS, timeoutSeconds } from "./github-api.mjs";

const TITLE = "journeymap issue sync";

function log(kind, message) {
  process.stdout.write(`::${kind} title=${TITLE}::${commandText(message)}\n`);
}

const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);
/** A branch name as git allows it, short enough to print. */
const BRANCH = /^(?!.*\.\.)(?!\/)[A-Za-z0-9._/-]{1,200}$/;

/** Why the sync does not run on this event, or undefined when it runs (the default branch). */
export function skipReason(env, readPayload = () => readEvent(env.GITHUB_EVENT_PATH)) {
  const eventName = String(env.GITHUB_EVENT_NAME ?? "");
  const shown = /^[a-z_]{1,64}$/.test(eventName) ? eventName : "unknown";
  if (PULL_REQUEST_EVENTS.has(eventName))
    return `a pull request (event "${shown}") does not sync issues: its token may be a fork's read-only one, and its maps are not merged yet; the sync runs on pushes to the default branch`;
  const payload = readPayload();
  const branch = payload?.repository?.default_branch;
  if (typeof branch !== "string" || !BRANCH.test(branch))
    throw new ActionError(
      `the event payload (event "${shown}") names no default branch: the sync cannot tell whether this is it`,
    );
  const ref = String(env.GITHUB_REF ?? "");
  if (ref !== `refs/heads/${branch}`) {
    const where = /^refs\/[A-Za-z0-9._/-]{1,200}$/.test(ref) ? ref : "another ref";
    return `the sync runs on the default branch (${branch}) only, not on ${where}`;
  }
  return undefined;
}

/** How long past its own time limit journeymap may run before the step stops it: npx may first fetch it. */
export const BACKSTOP_SECONDS = 5 * 60;

export function main(argv = process.argv.slice(2), env = process.env, backstopSeconds = BACKSTOP_SECONDS) {
  if (String(env.INPUT_SYNC_ISSUES ?? "").toLowerCase() !== "true") return 0;
  const separator = argv.indexOf("--");
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  if (command.length === 0) throw new ActionError("usage: sync-issues.mjs -- <journeymap command...>");
  const skip = skipReason(env);
  if (skip) {
    log("notice", `${skip}: no issue synced`);
    return 0;
  }
  const args = ["backlog", "--sync", "github"];
  if (env.INPUT_SITE_URL) args.push("--site-url", String(env.INPUT_SITE_URL));
  if (env.INPUT_ISSUE_LABEL) args.push("--label", String(env.INPUT_ISSUE_LABEL));
  // journeymap checks the time limit and refuses one it cannot read (exit 2, saying why).
  if (env.INPUT_SYNC_TIMEOUT) args.push("--timeout", String(env.INPUT_SYNC_TIMEOUT));
  args.push("--", ...pathsOf(env.INPUT_PATHS));
  // A backstop: journeymap keeps to its own limit; should it not, or should npx hang fetching it, the step
  // stops it this long after that limit rather than hold the job until the runner's 6 hours.
  const limit = timeoutSeconds(String(env.INPUT_SYNC_TIMEOUT ?? "")) ?? DEFAULT_TIMEOUT_SECONDS;
  const ran = spawnSync(command[0], [...command.slice(1), ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: (limit + backstopSeconds) * 1000,
    killSignal: "SIGKILL",
  });
  if (ran.error?.code === "ETIMEDOUT") {
    log("error", `journeymap was still running ${backstopSeconds} s past the sync's time limit (${limit} s): stopped`);
    return 2;
  }
  if (ran.error) throw new ActionError(`cannot run journeymap: ${ran.error.code ?? ran.error.message}`);
  // journeymap has said why on standard error; the step's exit code is the sync's (1: maps with errors).
  if (ran.status === 1 || ran.status === 2) {
    log("error", `the issue sync failed (exit ${ran.status}): the log above says why`);
    return ran.status;
  }
  return ran.status === 0 ? 0 : 2;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  try {
    process.exitCode = main();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    log("error", error.message);
    process.exitCode = error.code;
  }
}
