// The backlog's output formats, one pure function each, picked from one catalog by --format: map text
// is data in every one of them (escaped for terminals and CI logs, Markdown, CSV and SVG).
import { inline, table } from "../markdown.js";
import { textWidth } from "../text-width.js";
import { painter } from "../../report/paint.js";
import { inertJson, visible } from "../../text/visible.js";
import { looksLikeFormula } from "../export/cells.js";
import { shorten } from "../../text/shorten.js";
import type { Backlog, BacklogGroup } from "../../backlog/backlog.js";
import { renderMatrix } from "./matrix.js";
import { PRIORITY_FORMULAS, shownPriority, type RankedOpportunity } from "../../backlog/priority.js";
import type { OpportunityMap } from "../../backlog/types.js";
import { opportunityColumnsOf, type OpportunityFieldOf } from "../../journey/opportunity-fields.js";

export interface BacklogFormatContext {
  /** Colours in the stylish format (a terminal). */
  color: boolean;
  /** The matrix's theme. */
  theme?: "light" | "dark";
  /** Markdown: a link for a map (its page on the docs site); none, the map's file is shown. */
  mapLink?: (map: OpportunityMap) => string | undefined;
  /** Markdown: at most this many rows, then a line saying how many more (and `more`, a link to them). */
  top?: number;
  more?: string;
  /** Markdown: false leaves out the page's "# Backlog" heading (a section of another page); group
   * headings are then one level lower. */
  heading?: boolean;
  /** Markdown: how a docs site wraps a wide table (MkDocs: a scroll container); default as it is. */
  wideTable?: (table: string) => string;
}

type BacklogFormatter = (backlog: Backlog, context: BacklogFormatContext) => string;

export const BACKLOG_FORMATS = {
  stylish: { description: "a ranked table for the terminal (default)", formatter: stylish, extension: ".txt" },
  markdown: { description: "a Markdown page with the ranked table", formatter: markdown, extension: ".md" },
  json: { description: "the ranked backlog as JSON (shape in docs/backlog.md)", formatter: json, extension: ".json" },
  csv: {
    description: "one row per opportunity (RFC 4180, safe to open in a spreadsheet)",
    formatter: csv,
    extension: ".csv",
  },
  svg: {
    description: "the value × effort matrix picture",
    formatter: (backlog, context) => renderMatrix(backlog.opportunities, { theme: context.theme }),
    extension: ".svg",
  },
} satisfies Record<string, { description: string; formatter: BacklogFormatter; extension: string }>;

export type BacklogFormatName = keyof typeof BACKLOG_FORMATS;
export const BACKLOG_FORMAT_NAMES = Object.keys(BACKLOG_FORMATS) as BacklogFormatName[];

/** The format --output's extension names, if one does. */
export function backlogFormatOfFile(file: string): BacklogFormatName | undefined {
  const lower = file.toLowerCase();
  return BACKLOG_FORMAT_NAMES.find((name) => name !== "stylish" && lower.endsWith(BACKLOG_FORMATS[name].extension));
}

const plural = (count: number, word: string) => `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;

/** The one-line account of what the backlog shows and how it is ranked, shared by stylish and Markdown. */
function heading(backlog: Backlog): string {
  const { formula, defaultConfidence } = backlog.settings;
  return `${plural(backlog.opportunities.length, "opportunity").replace(/ys$/, "ies")} (${backlog.statuses.join(", ")}) from ${plural(backlog.maps, "map")}, ranked by ${formula}: ${PRIORITY_FORMULAS[formula].description}; an opportunity without a confidence counts ${defaultConfidence} %`;
}

/** What was left out or could not be ranked, one sentence each. */
function notes(backlog: Backlog): string[] {
  const out: string[] = [];
  const unscored = backlog.opportunities.filter((opportunity) => opportunity.priority === undefined).length;
  const hidden = backlog.total - backlog.opportunities.length;
  const needs = PRIORITY_FORMULAS[backlog.settings.formula].usesEffort ? "a value or an effort" : "a value";
  if (unscored > 0)
    out.push(
      `${plural(unscored, "opportunity").replace(/ys$/, "ies")} without ${needs} ranked last: score them to rank them`,
    );
  if (hidden > 0)
    out.push(
      `${hidden.toLocaleString("en")} with another status not shown (journeymap backlog --status all lists every one)`,
    );
  if (backlog.untracked > 0)
    out.push(
      `${backlog.untracked.toLocaleString("en")} written as text are not tracked: give them an id and a title to rank them`,
    );
  for (const { id, place, first } of backlog.duplicates.slice(0, 20))
    out.push(
      `opportunity "${id}" is written with a title twice (${place.map}, stage ${place.stage}; first in ${first.map}): the first is ranked`,
    );
  for (const { id, place } of backlog.unknown.slice(0, 20))
    out.push(`${place.map} names opportunity "${id}" (stage ${place.stage}), which no map writes with a title`);
  const more =
    backlog.duplicates.length +
    backlog.unknown.length -
    Math.min(20, backlog.duplicates.length) -
    Math.min(20, backlog.unknown.length);
  if (more > 0) out.push(`… and ${more.toLocaleString("en")} more ids written twice or unknown`);
  return out;
}

const confidenceText = (opportunity: RankedOpportunity) =>
  opportunity.confidence === undefined ? `~${opportunity.usedConfidence}%` : `${opportunity.confidence}%`;
const score = (value: number | undefined) => (value === undefined ? "–" : String(value));
const groupTitle = (backlog: Backlog, group: BacklogGroup) =>
  backlog.groupBy === "owner"
    ? group.name === undefined
      ? "No owner"
      : `Owner: ${group.name}`
    : `Status: ${group.name}`;

/** Titles longer than this are cut in the terminal's table (every format but SVG keeps them whole). */
const STYLISH_TITLE = 120;
const STYLISH_OWNER = 24;

function stylish(backlog: Backlog, context: BacklogFormatContext): string {
  const paint = painter(context.color);
  const out = [paint.bold(visible(heading(backlog))), ""];
  const owners = backlog.opportunities.map((opportunity) => visible(shorten(opportunity.owner ?? "–", STYLISH_OWNER)));
  const ownerWidth = Math.max(5, ...owners.map(textWidth).slice(0, 10_000));
  const rankWidth = Math.max(4, String(backlog.opportunities.length).length);
  const header = `${"rank".padStart(rankWidth)}  priority  value  effort  confidence  ${"status".padEnd(11)}  ${"owner".padEnd(ownerWidth)}  opportunity`;
  const row = (opportunity: RankedOpportunity) => {
    const owner = visible(shorten(opportunity.owner ?? "–", STYLISH_OWNER));
    const where = paint.dim(`${visible(opportunity.id)} · ${visible(opportunity.map.path)}`);
    return [
      String(opportunity.rank).padStart(rankWidth),
      shownPriority(opportunity.priority).padStart(8),
      score(opportunity.value).padStart(5),
      score(opportunity.effort).padStart(6),
      confidenceText(opportunity).padStart(10),
      opportunity.status.padEnd(11),
      owner + " ".repeat(Math.max(0, ownerWidth - textWidth(owner))),
      `${visible(shorten(opportunity.title, STYLISH_TITLE))}  ${where}`,
    ].join("  ");
  };
  if (backlog.opportunities.length === 0) out.push("No opportunities to show.");
  else
    for (const group of backlog.groups) {
      if (backlog.groupBy !== "none")
        out.push(paint.bold(visible(`${groupTitle(backlog, group)} (${group.opportunities.length})`)));
      out.push(paint.dim(header), ...group.opportunities.map(row), "");
    }
  const said = notes(backlog).map((note) => paint.yellow(visible(note)));
  if (said.length) out.push(...said);
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

function markdown(backlog: Backlog, context: BacklogFormatContext): string {
  const blocks = context.heading === false ? [inline(heading(backlog))] : [`# Backlog`, inline(heading(backlog))];
  const groupHeading = context.heading === false ? "###" : "##";
  const top = context.top;
  let left = top ?? Infinity;
  const header = ["Rank", "Opportunity", "Priority", "Value", "Effort", "Confidence", "Status", "Owner", "Map"];
  const mapCell = (map: OpportunityMap) => {
    const link = context.mapLink?.(map);
    return link === undefined ? inline(map.path) : `[${inline(shorten(map.title, 80))}](${link})`;
  };
  const row = (opportunity: RankedOpportunity) => [
    String(opportunity.rank),
    `${inline(opportunity.title)} (${inline(opportunity.id)})`,
    shownPriority(opportunity.priority),
    score(opportunity.value),
    score(opportunity.effort),
    confidenceText(opportunity),
    opportunity.status,
    opportunity.owner === undefined ? "–" : inline(opportunity.owner),
    mapCell(opportunity.map),
  ];
  if (backlog.opportunities.length === 0) blocks.push("_No opportunities to show._");
  for (const group of backlog.groups) {
    if (left <= 0) break;
    const shown = group.opportunities.slice(0, left);
    left -= shown.length;
    if (shown.length === 0) continue;
    if (backlog.groupBy !== "none") blocks.push(`${groupHeading} ${inline(groupTitle(backlog, group))}`);
    const written = table(header, shown.map(row));
    blocks.push(context.wideTable ? context.wideTable(written) : written);
  }
  if (top !== undefined && backlog.opportunities.length > top) {
    const rest = `${(backlog.opportunities.length - top).toLocaleString("en")} more`;
    blocks.push(context.more ? `… and [${rest}](${context.more}).` : `… and ${rest}.`);
  }
  const said = notes(backlog);
  if (said.length) blocks.push(said.map((note) => `- ${inline(note)}`).join("\n"));
  return `${blocks.join("\n\n")}\n`;
}

/** The JSON shape (docs/backlog.md): stable keys, absent values as null, schema version 1. */
function json(backlog: Backlog): string {
  const document = {
    backlog: 1,
    formula: backlog.settings.formula,
    defaultConfidence: backlog.settings.defaultConfidence,
    statuses: backlog.statuses,
    groupBy: backlog.groupBy,
    maps: backlog.maps,
    total: backlog.total,
    untracked: backlog.untracked,
    opportunities: backlog.opportunities.map((opportunity) => ({
      rank: opportunity.rank,
      priority: opportunity.priority ?? null,
      id: opportunity.id,
      title: opportunity.title,
      status: opportunity.status,
      owner: opportunity.owner ?? null,
      value: opportunity.value ?? null,
      effort: opportunity.effort ?? null,
      confidence: opportunity.confidence ?? null,
      due: opportunity.due ?? null,
      issue: opportunity.issue ?? null,
      map: { title: opportunity.map.title, path: opportunity.map.path, page: opportunity.map.page ?? null },
      painPoints: opportunity.painPoints,
    })),
    groups: backlog.groups.map((group) => ({
      name: group.name ?? null,
      ids: group.opportunities.map((opportunity) => opportunity.id),
    })),
    duplicates: backlog.duplicates.map(({ id, place, first }) => ({
      id,
      map: place.map,
      stage: place.stage,
      first: first.map,
    })),
    unknown: backlog.unknown.map(({ id, place }) => ({ id, map: place.map, stage: place.stage })),
  };
  return `${inertJson(JSON.stringify(document, null, 2))}\n`;
}

/** The CSV's columns: the rank, the opportunity's fields headed by their keys (src/journey/opportunity-fields.ts),
 * then its map and the pain points it addresses. */
const CSV_FIELDS = opportunityColumnsOf("csv").map(({ key }) => key as OpportunityFieldOf<"csv">);
export const CSV_COLUMNS: readonly string[] = ["rank", "priority", ...CSV_FIELDS, "map", "map_title", "pain_points"];

const PLAIN_FIELD = /^(?![=+\-@\s:])(?!.*##\[)[\x20-\x21\x23-\x2b\x2d-\x7e]*$/;

/** One CSV field (RFC 4180): controls shown as escapes (the file may be printed), a text a spreadsheet
 * would evaluate as a formula started with an apostrophe (OWASP), quoted when it holds a quote, a
 * comma or a line break. */
export function csvField(text: string): string {
  // Most fields (numbers, ids, statuses, plain titles) need nothing: one test instead of the escapes.
  if (PLAIN_FIELD.test(text)) return text;
  let safe = visible(text);
  if (looksLikeFormula(safe)) safe = `'${safe}`;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(backlog: Backlog): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const opportunity of backlog.opportunities) {
    const fields = [
      String(opportunity.rank),
      opportunity.priority === undefined ? "" : shownPriority(opportunity.priority),
      ...CSV_FIELDS.map((key) => String(opportunity[key] ?? "")),
      opportunity.map.path,
      opportunity.map.title,
      opportunity.painPoints.join("; "),
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
