// The sync's plan, a pure function of the opportunities and the labelled issues: which issues to open,
// update, close or reopen, and what it leaves alone and why. Linear: the issues are looked up by id.
import { printable } from "../../text/shorten.js";
import type { Opportunity, OpportunityStatus, StatusChange } from "../types.js";
import { issueText, issueTitle, stateFor } from "./issue-text.js";
import { digestOf, type IssueState, type Marker, markerLine, SYNCABLE_ID } from "./marker.js";

/** A labelled issue as the API listed it, reduced to what the sync reads. */
export interface TrackedIssue {
  number: number;
  url: string;
  /** Its author's login. */
  author: string;
  /** open, or closed with its state_reason (a closed issue without one counts as completed). */
  state: IssueState;
  marker?: Marker;
}

/** One write: open an issue, or change one the sync opened (its text; its state when closing or reopening). */
export interface SyncAction {
  kind: "open" | "update" | "close" | "reopen";
  id: string;
  /** The issue changed; none for "open". */
  issue?: number;
  title: string;
  /** The whole body, marker line first. */
  body: string;
  /** The state to set, when the write changes it. */
  state?: IssueState;
}

export interface SyncPlan {
  actions: SyncAction[];
  /** Opportunities whose issue is already as the map says. */
  unchanged: number;
  /** What the sync leaves alone, one sentence each. */
  notes: string[];
}

/** The issues the sync opened (marker and author), the first per id; the others are noted. */
function ourIssues(issues: readonly TrackedIssue[], me: string, notes: string[]): Map<string, TrackedIssue> {
  const byId = new Map<string, TrackedIssue>();
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    if (!issue.marker) continue;
    if (issue.author !== me) {
      notes.push(
        `issue #${issue.number} carries a journeymap marker but was opened by "${printable(issue.author)}", not by "${printable(me)}": the sync never changes it`,
      );
      continue;
    }
    const first = byId.get(issue.marker.id);
    if (first) {
      notes.push(
        `issue #${issue.number} is a second issue for opportunity "${issue.marker.id}" (the sync keeps #${first.number} in step): close it by hand`,
      );
      continue;
    }
    byId.set(issue.marker.id, issue);
  }
  return byId;
}

/** The opportunities the sync can carry, by id; the others are noted. */
function syncable(opportunities: readonly Opportunity[], notes: string[]): Map<string, Opportunity> {
  const byId = new Map<string, Opportunity>();
  for (const opportunity of opportunities) {
    if (!SYNCABLE_ID.test(opportunity.id))
      notes.push(
        `opportunity "${printable(opportunity.id)}" is not synced: an id for the issue tracker is at most 100 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      );
    else if (byId.has(opportunity.id))
      notes.push(`opportunity "${opportunity.id}" appears twice: only the first is synced; give each its own id`);
    else byId.set(opportunity.id, opportunity);
  }
  return byId;
}

/** Called once per opportunity planned; it may throw to stop the plan (the sync's deadline). */
export type PlanTick = () => void;

/** What a sync would write for these opportunities, given the labelled issues and the token's login. */
export function planSync(
  opportunities: readonly Opportunity[],
  issues: readonly TrackedIssue[],
  me: string,
  tick: PlanTick = () => {},
): SyncPlan {
  const notes: string[] = [];
  const ours = ourIssues(issues, me, notes);
  const actions: SyncAction[] = [];
  let unchanged = 0;
  const wanted = syncable(opportunities, notes);
  for (const opportunity of wanted.values()) {
    tick();
    const issue = ours.get(opportunity.id);
    const state = stateFor(opportunity);
    // Finished work gets no issue; an opportunity carried by another issue or ticket keeps it.
    if (!issue && (state !== "open" || opportunity.issue !== undefined)) {
      unchanged++;
      continue;
    }
    const title = issueTitle(opportunity);
    const text = issueText(opportunity);
    const hash = digestOf(title, text, state);
    const body = `${markerLine({ id: opportunity.id, hash, state })}\n${text}`;
    if (!issue) {
      actions.push({ kind: "open", id: opportunity.id, title, body, state });
      continue;
    }
    const written = issue.marker!;
    if (written.hash === hash) {
      unchanged++;
      continue;
    }
    // The state is set only when the map's status moved since the last sync: an issue closed or
    // reopened on GitHub since then keeps its state (the pull brings it into the map).
    const moved = written.state !== state && issue.state !== state;
    const kind = !moved ? "update" : state === "open" ? "reopen" : "close";
    actions.push({ kind, id: opportunity.id, issue: issue.number, title, body, ...(moved ? { state } : {}) });
  }
  for (const [id, issue] of ours)
    if (!wanted.has(id))
      notes.push(`issue #${issue.number} carries opportunity "${id}", which no map has any more: left as it is`);
  return { actions, unchanged, notes };
}

/** The status an issue's state brings into the map, when GitHub changed it since the sync wrote it. */
function pulledStatus(issue: TrackedIssue, current: OpportunityStatus): OpportunityStatus | undefined {
  if (issue.state === issue.marker!.state) return undefined;
  if (issue.state === "completed") return current === "done" ? undefined : "done";
  if (issue.state === "not_planned") return current === "dropped" ? undefined : "dropped";
  return current === "done" || current === "dropped" ? "in-progress" : undefined;
}

/** What the issues the sync opened bring back into the maps. */
export interface PullPlan {
  /** Statuses: closed as completed → done, closed as not planned → dropped, reopened → in-progress. */
  changes: StatusChange[];
  /** The address of the issue the sync opened, for each opportunity whose `issue` is not written yet. */
  addresses: Array<{ id: string; issue: string }>;
  notes: string[];
}

/** The statuses that the issues the sync opened bring back, only where GitHub's state changed since the
 * last sync, and the addresses of those issues for opportunities that do not name one yet. */
export function planPull(
  opportunities: readonly Opportunity[],
  issues: readonly TrackedIssue[],
  me: string,
  tick: PlanTick = () => {},
): PullPlan {
  const notes: string[] = [];
  const ours = ourIssues(issues, me, notes);
  const changes: StatusChange[] = [];
  const addresses: PullPlan["addresses"] = [];
  for (const opportunity of syncable(opportunities, notes).values()) {
    tick();
    const issue = ours.get(opportunity.id);
    if (!issue) continue;
    const to = pulledStatus(issue, opportunity.status);
    if (to) changes.push({ id: opportunity.id, from: opportunity.status, to, issue: issue.url });
    // Only an https address (the listing's html_url) is worth writing; "#12" says nothing in a map.
    if (opportunity.issue === undefined && issue.url.startsWith("https://"))
      addresses.push({ id: opportunity.id, issue: issue.url });
  }
  return { changes, addresses, notes };
}
