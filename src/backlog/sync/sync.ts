// The sync with GitHub: list the labelled issues, plan, then write (or, in a dry run, only say what it
// would write); and the pull, which reads back the state of the issues the sync opened.
import { isRepository } from "../../../action/github-api.mjs";
import { JourneymapError } from "../../errors.js";
import { visible } from "../../text/visible.js";
import { printable, shorten } from "../../text/shorten.js";
import type { Opportunity } from "../types.js";
import { GitHub, type GitHubAnswer, GitHubError, type GitHubOptions, TimeLimitError } from "./github.js";
import { type IssueState, readMarker } from "./marker.js";
import { planPull, planSync, type PullPlan, type SyncAction, type SyncPlan, type TrackedIssue } from "./plan.js";

/** The login of the workflow's GITHUB_TOKEN on GitHub Actions, which cannot read GET /user. */
export const ACTIONS_AUTHOR = "github-actions[bot]";
export const DEFAULT_LABEL = "journey-opportunity";
const PER_PAGE = 100;
/** 20,000 labelled issues at most: a sync that cannot see them all could open an issue twice, so it stops. */
const MAX_PAGES = 200;
/** 128 MiB of pages at most (6 KiB an issue on average over 20,000): an API answering more is not read on. */
const MAX_LIST_BYTES = 128 * 1024 * 1024;
/** Issues or opportunities handled between two looks at the deadline (each look is a clock read): about a
 * millisecond of work. */
const CHECK_EVERY = 256;

export interface SyncOptions extends GitHubOptions {
  /** "owner/name". */
  repository: string;
  /** The label of the sync's issues; journey-opportunity by default. */
  label?: string;
  /** Plan and say, write nothing. */
  dryRun?: boolean;
  /** The pause between two writes; 1 s by default, as GitHub asks of a run of writes (none to an http API on this machine). */
  writeIntervalMs?: number;
  /** The token's login; asked of GET /user when not given (github-actions[bot] when the token cannot read it). */
  author?: string;
}

/** One write done: the issue's number and address (for an opened issue, what the map's `issue` can say). */
export interface SyncWrite {
  kind: SyncAction["kind"];
  id: string;
  issue: number;
  url: string;
}

export interface SyncResult {
  plan: SyncPlan;
  /** The writes made, in order; none in a dry run. */
  writes: SyncWrite[];
  dryRun: boolean;
}

/** "owner/name" as GitHub allows them. */
export function repositoryOf(value: string): string {
  if (!isRepository(value))
    throw new JourneymapError(`"${printable(value)}" is not a GitHub repository: write it owner/name`);
  return value;
}

function labelOf(value = DEFAULT_LABEL): string {
  if (!/^[^,\u0000-\u001f\u007f]{1,50}$/.test(value) || value.trim() !== value)
    throw new JourneymapError(
      `the label "${printable(value)}" cannot be used: at most 50 characters, no comma, no control character, no space at either end`,
    );
  return value;
}

/** The token's login: the one author whose marked issues the sync changes. */
async function authorOf(github: GitHub, given: string | undefined): Promise<string> {
  if (given) return given;
  try {
    const login = ((await github.request("GET", "/user")).body as { login?: unknown } | undefined)?.login;
    if (typeof login !== "string" || !login) throw new GitHubError("GitHub's GET /user answered no login", 0);
    return login;
  } catch (error) {
    // An installation token (the workflow's GITHUB_TOKEN) is refused GET /user: its issues are github-actions[bot]'s.
    if (error instanceof GitHubError && error.status === 403 && !error.rateLimited) return ACTIONS_AUTHOR;
    if (error instanceof GitHubError && error.status === 401)
      throw new GitHubError("GitHub refused the token (401): give a valid token", 401);
    throw error;
  }
}

/** An issue's address as the API gives it, if it is an https URL (the wiring writes it into a map's
 * `issue`); "#<number>" otherwise. */
function issueUrl(value: unknown, number: number): string {
  if (typeof value === "string" && value.length <= 2_000 && /^https:\/\/[^\s"'<>\\]+$/.test(value)) return value;
  return `#${number}`;
}

function stateOf(issue: { state?: unknown; state_reason?: unknown }): IssueState | undefined {
  if (issue.state === "open") return "open";
  if (issue.state !== "closed") return undefined;
  return issue.state_reason === "not_planned" || issue.state_reason === "duplicate" ? "not_planned" : "completed";
}

/** The issues carrying the label (only those updated since `since`, when given), every page of them (pull
 * requests left out), reduced to what the plan reads; and GitHub's clock when it began answering. */
export async function listIssues(
  github: GitHub,
  repository: string,
  label: string,
  since?: number,
): Promise<{ issues: TrackedIssue[]; listedAt?: number }> {
  const issues: TrackedIssue[] = [];
  let listedAt: number | undefined;
  // Oldest first, so that an issue opened while the pages are read goes to the end rather than moving
  // the others from one page to the next; an issue listed twice is read once.
  const seen = new Set<number>();
  let bytes = 0;
  let next: string | undefined =
    `/repos/${repository}/issues?labels=${encodeURIComponent(label)}&state=all&sort=created&direction=asc&per_page=${PER_PAGE}${since === undefined ? "" : `&since=${new Date(since).toISOString()}`}`;
  for (let page = 0; next !== undefined; page++) {
    if (page === MAX_PAGES)
      throw new GitHubError(
        `more than ${MAX_PAGES * PER_PAGE} issues carry the label "${label}": not synced, as the sync must see all of them to open none twice`,
        0,
      );
    const answer: GitHubAnswer = await github.request("GET", next).catch((error: unknown) => {
      if (error instanceof GitHubError && error.status === 404)
        throw new GitHubError(`${error.message}: no repository ${repository}, or the token cannot see it`, 404);
      if (error instanceof GitHubError && error.status === 410)
        throw new GitHubError(`${error.message}: issues are turned off in ${repository}`, 410);
      throw error;
    });
    if (!Array.isArray(answer.body)) throw new GitHubError("the GitHub API's list of issues is not a list", 0);
    listedAt ??= answer.date;
    bytes += answer.bytes;
    if (bytes > MAX_LIST_BYTES)
      throw new GitHubError(
        `the GitHub API's pages of issues labelled "${label}" add up to more than ${MAX_LIST_BYTES / 1024 / 1024} MiB: not read on, nothing synced`,
        0,
      );
    // A page of 20,000 issues (an API need not keep to per_page) takes a while to read: the deadline is
    // looked at every so often, not only before the next request.
    github.inTime("reading the list of issues");
    let count = 0;
    for (const entry of answer.body as unknown[]) {
      if (++count % CHECK_EVERY === 0) github.inTime("reading the list of issues");
      if (entry === null || typeof entry !== "object") continue;
      const issue = entry as Record<string, unknown>;
      if (issue.pull_request !== undefined) continue;
      const number = issue.number;
      const state = stateOf(issue);
      const author = (issue.user as { login?: unknown } | null | undefined)?.login;
      if (!Number.isSafeInteger(number) || (number as number) < 1 || !state || typeof author !== "string") continue;
      if (seen.has(number as number)) continue;
      seen.add(number as number);
      const marker = readMarker(issue.body);
      issues.push({
        number: number as number,
        url: issueUrl(issue.html_url, number as number),
        author,
        state,
        ...(marker ? { marker } : {}),
      });
    }
    next = answer.next;
  }
  return { issues, ...(listedAt !== undefined ? { listedAt } : {}) };
}

/** How far before the last listing a check for another sync's issues looks: GitHub's Date header counts
 * whole seconds, and an issue it has just opened may take a moment to be listed. */
const RECHECK_MARGIN_MS = 10_000;

/** An issue for opportunity `id` that another sync, running at the same time, opened since `since` (GitHub's
 * clock): listed again just before opening one, so that two syncs racing seldom open it twice. */
async function openedMeanwhile(
  github: GitHub,
  repository: string,
  label: string,
  me: string,
  id: string,
  since: number,
): Promise<{ issue?: TrackedIssue; listedAt?: number }> {
  const { issues, listedAt } = await listIssues(github, repository, label, since - RECHECK_MARGIN_MS).catch(
    (error: unknown) => {
      // Cut off while listing, the opening was not sent: nothing can have been opened.
      throw error instanceof TimeLimitError ? new TimeLimitError(error.message, false) : error;
    },
  );
  const issue = issues.find((candidate) => candidate.marker?.id === id && candidate.author === me);
  return { ...(issue ? { issue } : {}), ...(listedAt !== undefined ? { listedAt } : {}) };
}

function hasLabel(labels: unknown, label: string): boolean {
  return (
    Array.isArray(labels) &&
    labels.some((entry) => entry === label || (entry as { name?: unknown } | null)?.name === label)
  );
}

/** Refuses before any write when the repository's answer says the token can neither push nor triage
 * (a user token; the workflow's token gets no "permissions" there, and its first write is the check). */
async function checkPermission(github: GitHub, repository: string): Promise<void> {
  const permissions = (
    (await github.request("GET", `/repos/${repository}`)).body as { permissions?: unknown } | undefined
  )?.permissions as Record<string, unknown> | undefined;
  if (permissions === null || typeof permissions !== "object") return;
  if (["admin", "maintain", "push", "triage"].some((role) => permissions[role] === true)) return;
  throw new GitHubError(`GitHub gives this token read access only to ${repository}. ${REFUSED}`, 403);
}

const REFUSED =
  'Nothing was written. The token needs "issues: write" (in a workflow: permissions: issues: write); a pull request from a fork gets a read-only token, so sync on pushes to the default branch instead';

function payloadOf(action: SyncAction, label: string): Record<string, unknown> {
  if (action.kind === "open") return { title: action.title, body: action.body, labels: [label] };
  const state =
    action.state === undefined
      ? {}
      : action.state === "open"
        ? { state: "open" }
        : { state: "closed", state_reason: action.state };
  return { title: action.title, body: action.body, ...state };
}

/** A look at the deadline for a pure loop (the plan), made every CHECK_EVERY calls. */
function inTimeEvery(github: GitHub, shown: string): () => void {
  let calls = 0;
  return () => {
    if (++calls % CHECK_EVERY === 0) github.inTime(shown);
  };
}

/** What a read stopped by the time limit leaves behind, added to its message; other errors as they are. */
async function reading<T>(read: () => Promise<T>, leftBehind: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TimeLimitError) throw new TimeLimitError(`${error.message}. ${leftBehind}`, false);
    throw error;
  }
}

const NOTHING_WRITTEN = "Nothing was written: run the sync again (with a longer --timeout if GitHub is that slow)";

const DONE: Record<SyncAction["kind"], string> = {
  open: "opened",
  update: "updated",
  close: "closed",
  reopen: "reopened",
};

/** The writes made, counted by kind: "2 issues opened, 1 closed". */
function writesText(writes: readonly SyncWrite[]): string {
  const counts = new Map<SyncAction["kind"], number>();
  for (const write of writes) counts.set(write.kind, (counts.get(write.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, count], i) => `${count}${i === 0 ? ` issue${count === 1 ? "" : "s"}` : ""} ${DONE[kind]}`)
    .join(", ");
}

/** The message of a write that failed after others: what was written, what was not, and that a rerun finishes. */
function stoppedText(error: GitHubError, action: SyncAction, writes: readonly SyncWrite[], total: number): string {
  const left = total - writes.length;
  const made =
    writes.length === 0
      ? `The sync made none of its ${total} writes`
      : `The sync stopped after ${writes.length} of ${total} writes (${writesText(writes)}); ${left} not made`;
  // An opening whose answer was cut off may have opened the issue: it carries its marker, so the next
  // sync finds it rather than opening it twice.
  const lost =
    error instanceof TimeLimitError && error.unanswered && action.kind === "open"
      ? ` (the issue of opportunity "${action.id}" may have been opened without an answer: the next sync finds it by its marker)`
      : "";
  return `${error.message}. ${made}${lost}; run it again to finish: the issues written carry their marker and are not opened twice`;
}

/**
 * Opens, updates, closes and reopens the issues of the opportunities. Nothing is half-done: every read
 * and the whole plan come before the first write; a user token that the repository says may only read
 * is refused then, and for the workflow's token (which the repository's answer says nothing about) the
 * first write is the permission check: refused (a fork's read-only token), nothing was written and the
 * message says what to give. A failure after
 * that stops at once; every issue written so far carries its marker, so the next sync finds it and
 * finishes the rest without opening any issue twice.
 */
export async function syncIssues(opportunities: readonly Opportunity[], options: SyncOptions): Promise<SyncResult> {
  const repository = repositoryOf(options.repository);
  const label = labelOf(options.label);
  const github = new GitHub(options);
  const dryRun = options.dryRun === true;
  const { me, plan, listedAt } = await reading(async () => {
    const me = await authorOf(github, options.author);
    const { issues, listedAt } = await listIssues(github, repository, label);
    return { me, plan: planSync(opportunities, issues, me, inTimeEvery(github, "planning the writes")), listedAt };
  }, NOTHING_WRITTEN);
  // GitHub's clock at the last listing: an issue another sync opened after it was updated after it.
  let since = listedAt;
  const writes: SyncWrite[] = [];
  if (dryRun || plan.actions.length === 0) return { plan, writes, dryRun };
  await reading(() => checkPermission(github, repository), NOTHING_WRITTEN);
  // No pause for an API on this machine (a test's fake API has no secondary rate limit).
  const interval = options.writeIntervalMs ?? (new URL(github.apiBase).protocol === "http:" ? 0 : 1_000);
  for (const action of plan.actions) {
    const method = action.kind === "open" ? "POST" : "PATCH";
    const path = action.kind === "open" ? `/repos/${repository}/issues` : `/repos/${repository}/issues/${action.issue}`;
    let answer;
    try {
      // GitHub asks for a second between writes: a burst of them meets its secondary rate limit.
      if (writes.length > 0 && interval > 0) await github.pause(interval, `${method} ${path}`);
      if (action.kind === "open" && since !== undefined) {
        const meanwhile = await openedMeanwhile(github, repository, label, me, action.id, since);
        since = meanwhile.listedAt ?? since;
        if (meanwhile.issue) {
          plan.notes.push(
            `issue #${meanwhile.issue.number} for opportunity "${action.id}" was opened by another sync running at the same time: not opened again (give the sync's job a concurrency group so that two never run at once)`,
          );
          continue;
        }
      }
      answer = await github.request(method, path, payloadOf(action, label));
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      if (writes.length === 0 && !error.rateLimited && [401, 403, 404].includes(error.status))
        throw new GitHubError(
          `GitHub refused to write issues in ${repository} (${error.message}). ${REFUSED}`,
          error.status,
        );
      const message = stoppedText(error, action, writes, plan.actions.length);
      throw error instanceof TimeLimitError
        ? new TimeLimitError(message, error.unanswered)
        : new GitHubError(message, error.status);
    }
    const written = answer.body as
      { number?: unknown; html_url?: unknown; labels?: unknown; user?: { login?: unknown } | null } | undefined;
    const number = Number.isSafeInteger(written?.number) ? (written!.number as number) : (action.issue ?? 0);
    const url = issueUrl(written?.html_url, number);
    writes.push({ kind: action.kind, id: action.id, issue: number, url });
    // GitHub drops the labels a token may not set, without an error: an issue opened without the label
    // is invisible to the next sync, which would open it again. Stop at the first.
    // An issue opened under another login than the one the sync looks for would be taken for a forgery.
    const author = written?.user?.login;
    if (action.kind === "open" && typeof author === "string" && author !== me)
      throw new GitHubError(
        `GitHub opened issue #${number} for opportunity "${action.id}" as "${printable(author)}", but the sync keeps in step only the issues of "${printable(me)}" (the author it was given): it stopped after ${writes.length} of ${plan.actions.length} writes. Give the token's own login as the author, and close #${number} by hand`,
        0,
      );
    if (action.kind === "open" && !hasLabel(written?.labels, label))
      throw new GitHubError(
        `GitHub opened issue #${number} for opportunity "${action.id}" without the label "${label}" (the token may open issues but not label them: it needs triage access, "issues: write"). The sync stopped after ${writes.length} of ${plan.actions.length} writes: add the label to #${number} by hand, or close it, before the next sync`,
        0,
      );
  }
  return { plan, writes, dryRun };
}

/** The status changes the issues the sync opened bring back into the maps; reads only. */
export async function pullIssues(opportunities: readonly Opportunity[], options: SyncOptions): Promise<PullPlan> {
  const repository = repositoryOf(options.repository);
  const label = labelOf(options.label);
  const github = new GitHub(options);
  return reading(async () => {
    const me = await authorOf(github, options.author);
    const { issues } = await listIssues(github, repository, label);
    return planPull(opportunities, issues, me, inTimeEvery(github, "planning the pull"));
  }, "No map was changed: run the pull again (with a longer --timeout if GitHub is that slow)");
}

const VERBS: Record<SyncAction["kind"], string> = {
  open: "open an issue",
  update: "update",
  close: "close",
  reopen: "reopen",
};

/** The plan (or what was done) as lines for a terminal or a CI log. */
export function formatSync(result: SyncResult): string {
  const lines: string[] = [];
  const would = result.dryRun ? "would " : "";
  for (const action of result.plan.actions) {
    const target = action.issue !== undefined ? ` #${action.issue}` : "";
    const how = action.kind === "close" ? ` as ${action.state === "completed" ? "completed" : "not planned"}` : "";
    // The title without the zero-width spaces that keep GitHub from finding mentions: a terminal pings nobody.
    const title = shorten(action.title.replace(/\u200b/g, ""), 80);
    lines.push(`${would}${VERBS[action.kind]}${target}${how} for opportunity "${action.id}": ${title}`);
  }
  for (const note of result.plan.notes) lines.push(`note: ${note}`);
  const count = result.plan.actions.length;
  lines.push(
    result.dryRun
      ? `dry run: ${count} write${count === 1 ? "" : "s"} planned, ${result.plan.unchanged} issue${result.plan.unchanged === 1 ? "" : "s"} already in step; nothing was written`
      : `${result.writes.length} write${result.writes.length === 1 ? "" : "s"}, ${result.plan.unchanged} already in step`,
  );
  // Every line as a terminal or a CI log may show it: controls escaped, no workflow command.
  return `${lines.map(visible).join("\n")}\n`;
}
