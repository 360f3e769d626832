// The hidden first line of an issue the sync opened: the opportunity's id, a digest of what was written
// (title, body and state) and the state written, in an HTML comment that GitHub does not show.
import { createHash } from "node:crypto";

/** The ids the sync accepts: they go into the marker, where "-->" or a line break must never appear. */
export const SYNCABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The state an issue was left in: open, or closed with GitHub's state_reason. */
export type IssueState = "open" | "completed" | "not_planned";

export interface Marker {
  id: string;
  hash: string;
  state: IssueState;
}

const MARKER =
  /^<!-- journeymap:opportunity id=([A-Za-z0-9][A-Za-z0-9._-]{0,99}) hash=([0-9a-f]{16}) state=(open|completed|not_planned) -->\r?$/;

/** The marker line for an issue. */
export function markerLine(marker: Marker): string {
  return `<!-- journeymap:opportunity id=${marker.id} hash=${marker.hash} state=${marker.state} -->`;
}

/** The marker of an issue body, read from its first line only; undefined when it has none. */
export function readMarker(body: unknown): Marker | undefined {
  if (typeof body !== "string") return undefined;
  const end = body.indexOf("\n");
  const match = MARKER.exec(end === -1 ? body : body.slice(0, end));
  if (!match) return undefined;
  return { id: match[1]!, hash: match[2]!, state: match[3] as IssueState };
}

/** The digest of what the sync writes to an issue: equal digests mean there is nothing to write. */
export function digestOf(title: string, text: string, state: IssueState): string {
  return createHash("sha256")
    .update(JSON.stringify([title, text, state]))
    .digest("hex")
    .slice(0, 16);
}
