// The title and body of an opportunity's issue. Map text is anyone's text: in the body every ASCII
// punctuation mark is backslash-escaped (no markup, link, HTML or table can start), GitHub's filters find
// no @mention, team, issue reference or autolink, and controls are shown as escapes; the title is one
// line of plain text with the same references broken.
import { escapeInvisible } from "../../text/visible.js";
import { breakPlainText } from "../../text/inert-markdown.js";
import { markdownText } from "../../text/markdown-text.js";
import { shorten } from "../../text/shorten.js";
import type { Opportunity } from "../types.js";
import type { IssueState } from "./marker.js";

/** GitHub refuses a title over 256 characters and a body over 65,536. */
const MAX_TITLE = 256;
export const MAX_BODY = 65_536;
/** Room kept for the marker line that goes before the text. */
const MARKER_ROOM = 200;
/** One map text in a body: a pain point or a title longer than this is cut. */
const MAX_TEXT = 1_000;

/** The issue state an opportunity's status asks for. */
export function stateFor(opportunity: Opportunity): IssueState {
  if (opportunity.status === "done") return "completed";
  if (opportunity.status === "dropped") return "not_planned";
  return "open";
}

/** Map text for a Markdown body: one line (line breaks and runs of spaces read as one space), cut to a
 * length, inert (see the header). */
function bodyText(text: string): string {
  return markdownText(shorten(text.replace(/\s+/g, " ").trim(), MAX_TEXT));
}

/** The issue's title: the opportunity's title as one line of plain text. */
export function issueTitle(opportunity: Opportunity): string {
  const line = escapeInvisible(opportunity.title.replace(/\s+/g, " ").trim());
  const title = breakPlainText(line);
  return shorten(title || `Opportunity ${opportunity.id}`, MAX_TITLE - 1);
}

/** An http or https URL without credentials, as a Markdown link destination; undefined for anything else. */
function linkTarget(page: string | undefined): string | undefined {
  if (page === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    return undefined;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return undefined;
  // href has spaces, quotes and angle brackets percent-encoded already; parentheses would end the link.
  return url.href.replace(/[()]/g, (bracket) => (bracket === "(" ? "%28" : "%29"));
}

function score(name: string, value: number | undefined): string | undefined {
  return value !== undefined && Number.isFinite(value) ? `${name} ${value}` : undefined;
}

/** The issue's body, without its marker line: the map it comes from, its status, owner and scores, and
 * the pain points it addresses (as many as fit in an issue body). */
export function issueText(opportunity: Opportunity): string {
  const map = opportunity.map;
  const mapTitle = bodyText(map.title) || "untitled map";
  const target = linkTarget(map.page);
  const facts = [
    `**Status:** ${opportunity.status}`,
    opportunity.owner?.trim() ? `**Owner:** ${bodyText(opportunity.owner)}` : undefined,
    [
      score("value", opportunity.value),
      score("effort", opportunity.effort),
      score("confidence", opportunity.confidence),
    ]
      .filter(Boolean)
      .join(" · ") || undefined,
    opportunity.due?.trim() ? `**Due:** ${bodyText(opportunity.due)}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const head = [
    `Opportunity \`${opportunity.id}\` of the journey map ${target ? `[${mapTitle}](${target})` : `**${mapTitle}**`}${map.path.trim() ? ` (${bodyText(map.path)})` : ""}.`,
    "",
    facts.join("  \n"),
    "",
    "### Pain points it addresses",
    "",
  ].join("\n");
  const foot = [
    "",
    "---",
    "<sub>Kept in step with the journey maps by journeymap: change the opportunity in its map, not this text, which the next sync rewrites. Closing this issue as completed or as not planned is read back into the map.</sub>",
    "",
  ].join("\n");
  let room = MAX_BODY - MARKER_ROOM - head.length - foot.length - 100;
  const lines: string[] = [];
  const painPoints = opportunity.painPoints.filter((painPoint) => painPoint.trim());
  for (let i = 0; i < painPoints.length; i++) {
    const line = `- ${bodyText(painPoints[i]!)}`;
    if (line.length + 1 > room) {
      lines.push(`- … and ${painPoints.length - i} more: see the map`);
      break;
    }
    lines.push(line);
    room -= line.length + 1;
  }
  if (lines.length === 0) lines.push("No pain point is listed for it yet.");
  return `${head}${lines.join("\n")}\n${foot}`;
}
