// The Markdown docs page of a map: a pure function from Journey to a page a docs site publishes as is
// (heading, description, personas, the Mermaid diagram, a touchpoint table per stage, metrics).
import { stringify } from "yaml";
import {
  EMOTION_WORDS,
  type Journey,
  type Persona,
  type Score,
  type Stage,
  type Touchpoint,
} from "../journey/model.js";
import { renderMermaid, taskLinesOf, type MermaidOptions } from "./mermaid.js";

export interface MarkdownOptions extends MermaidOptions {
  /** Starts the page with YAML front matter (title, description, tags) for static site generators. */
  frontMatter?: boolean;
}

/** A face for each emotion score, shown beside its word and number. */
export const EMOTION_FACES: Record<Score, string> = { 1: "😠", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀" };

/** What the emotion cell says when the map records no emotion. */
export const NO_EMOTION_TEXT = "not recorded";

/** "🙂 positive (4)": the word and the face along with the number, so the cell reads without the scale. */
export function emotionLabel(score: Score | undefined): string {
  return score === undefined ? NO_EMOTION_TEXT : `${EMOTION_FACES[score]} ${EMOTION_WORDS[score]} (${score})`;
}

export function renderMarkdown(journey: Journey, options: MarkdownOptions = {}): string {
  const blocks: string[] = [];
  if (options.frontMatter) blocks.push(frontMatter(journey));
  blocks.push(`# ${inline(journey.title)}`);
  if (journey.description) blocks.push(inline(journey.description));
  blocks.push("## Personas", ...journey.personas.map(persona));
  blocks.push("## Journey", `\`\`\`mermaid\n${renderMermaid(journey, options)}\`\`\``);
  blocks.push("## Stages", ...journey.stages.map((stage) => stageBlock(journey, stage)));
  const metrics = metricsTable(journey);
  if (metrics) blocks.push("## Metrics", metrics);
  return `${blocks.join("\n\n")}\n`;
}

function frontMatter(journey: Journey): string {
  const fields: Record<string, unknown> = { title: journey.title };
  if (journey.description) fields.description = journey.description;
  if (journey.tags?.length) fields.tags = journey.tags;
  return `---\n${stringify(fields, { lineWidth: 0 })}---`;
}

function persona(persona: Persona): string {
  const parts = [`### ${inline(persona.name)}`];
  if (persona.description) parts.push(inline(persona.description));
  if (persona.goals?.length) parts.push(`**Goals**\n\n${list(persona.goals)}`);
  if (persona.frustrations?.length) parts.push(`**Frustrations**\n\n${list(persona.frustrations)}`);
  return parts.join("\n\n");
}

function list(entries: string[]): string {
  return entries.map((entry) => `- ${inline(entry)}`).join("\n");
}

const COLUMNS = ["Touchpoint", "Channel", "Owner", "Emotion", "Pain points", "Opportunities"];

function stageBlock(journey: Journey, stage: Stage): string {
  const parts = [`### ${inline(stage.name)}`];
  if (stage.description) parts.push(inline(stage.description));
  const touchpoints = stage.touchpoints ?? [];
  if (touchpoints.length === 0) {
    parts.push("_No touchpoints yet._");
  } else {
    const rows = touchpoints.map((touchpoint) => [
      inline(touchpoint.name),
      inline(touchpoint.channel ?? ""),
      inline(touchpoint.owner ?? ""),
      emotionCell(journey, touchpoint),
      lines(touchpoint.painPoints),
      lines(touchpoint.opportunities),
    ]);
    parts.push(table(COLUMNS, rows));
  }
  return parts.join("\n\n");
}

/**
 * One score for everyone when every persona of the map is there and feels the same; otherwise one
 * line per persona ("Priya: 🙂 positive (4)"), so that differences are shown and never averaged.
 */
function emotionCell(journey: Journey, touchpoint: Touchpoint): string {
  const groups = taskLinesOf(journey, touchpoint);
  const everyone = groups.length === 1 && groups[0]!.personas.length === journey.personas.length;
  if (everyone || groups.every((group) => group.personas.length === 0)) return emotionLabel(groups[0]!.score);
  return groups
    .flatMap((group) => group.personas.map((persona) => ({ persona, score: group.score })))
    .sort((a, b) => journey.personas.indexOf(a.persona) - journey.personas.indexOf(b.persona))
    .map(({ persona, score }) => `${inline(persona.name)}: ${emotionLabel(score)}`)
    .join(BREAK);
}

function metricsTable(journey: Journey): string | undefined {
  const rows: string[][] = [];
  for (const stage of journey.stages) {
    for (const touchpoint of stage.touchpoints ?? []) {
      for (const [name, value] of Object.entries(touchpoint.metrics ?? {})) {
        rows.push([inline(stage.name), inline(touchpoint.name), inline(name), inline(String(value))]);
      }
    }
  }
  return rows.length > 0 ? table(["Stage", "Touchpoint", "Metric", "Value"], rows) : undefined;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function lines(entries: string[] | undefined): string {
  return (entries ?? []).map(inline).join(BREAK);
}

/** The one piece of HTML on the page: a line break inside a table cell (and inside text that had one). */
export const BREAK = "<br />";

/**
 * Map text as Markdown that shows exactly that text: Markdown and HTML syntax characters are
 * backslash-escaped (so `<b>` is shown, not passed through), `|` cannot end a table cell, line
 * breaks become <br />, and characters that would start a block (a heading, list or quote) at the
 * start of a line are escaped too.
 */
export function inline(text: string): string {
  const escaped = text
    .trim()
    .replace(/[\\`*_[\]<>|~{}#$]/g, "\\$&")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
    .replace(/\r\n?|\n/g, BREAK);
  // Only what would really start a block is escaped, so "0.034" and "-5%" stay as they are.
  return escaped.replace(/^([-+=])(?=[\s\-+=]|$)/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}
