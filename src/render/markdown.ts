// The Markdown docs page of a map: a pure function from Journey to a page a docs site publishes as is
// (heading, description, personas, the Mermaid diagram, a touchpoint table per stage, metrics).
import { stringify } from "yaml";
import {
  EMOTION_WORDS,
  emotionOf,
  type Journey,
  type Persona,
  type Score,
  type Stage,
  type Touchpoint,
} from "../journey/model.js";
import {
  STATUS_LABELS,
  formatMetricNumber,
  formatNumber,
  formatReading,
  metricDefinitionsFor,
  metricLabel,
  metricStatus,
  metricValuesOf,
  readingOf,
  targetOf,
} from "../journey/metrics.js";
import { ownershipOf } from "../journey/queries.js";
import { renderMermaidWithin, type MermaidOptions } from "./mermaid.js";

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

/** Mermaid's own default maxTextSize: a longer diagram is drawn as "Maximum text size in diagram exceeded". */
export const MERMAID_MAX_TEXT_SIZE = 50_000;

/** What the page says instead of a diagram Mermaid would refuse to draw. */
export const DIAGRAM_TOO_LARGE =
  "_The journey diagram is too large for Mermaid to draw (more than 50,000 characters): the stage tables below " +
  "show every touchpoint, and `journeymap render --format svg` draws the journey-map picture._";

export function renderMarkdown(journey: Journey, options: MarkdownOptions = {}): string {
  const blocks: string[] = [];
  if (options.frontMatter) blocks.push(frontMatter(journey));
  blocks.push(`# ${inline(journey.title)}`);
  if (journey.description) blocks.push(inline(journey.description));
  blocks.push("## Personas", ...journey.personas.map(persona));
  // The diagram lists every persona at every touchpoint (Mermaid's syntax has no "everyone"), so it
  // is embedded only up to the size Mermaid draws: the page stays linear in the size of the map.
  const diagram = renderMermaidWithin(journey, options, MERMAID_MAX_TEXT_SIZE);
  blocks.push("## Journey", diagram === undefined ? DIAGRAM_TOO_LARGE : `\`\`\`mermaid\n${diagram}\`\`\``);
  const references = personaReferences(journey);
  blocks.push("## Stages", ...journey.stages.map((stage) => stageBlock(journey, stage, references)));
  const metrics = metricsTable(journey);
  if (metrics) blocks.push("## Metrics", metrics);
  return `${blocks.join("\n\n")}\n`;
}

/** Front matter with every value a double-quoted YAML string: a line break, `---`, `: ` or `#` in the
 * map's text stays inside its value and can never end the block or add a key. */
function frontMatter(journey: Journey): string {
  const fields: Record<string, unknown> = { title: journey.title };
  if (journey.description) fields.description = journey.description;
  if (journey.tags?.length) fields.tags = journey.tags;
  const yaml = stringify(fields, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
  return `---\n${yaml}---`;
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

/** How the page names a persona in a table cell: its place in the map and a bounded label. */
interface PersonaReference {
  index: number;
  label: string;
}

/** Longest persona name shown in a table cell; the Personas section above shows it whole. */
const REFERENCE_LENGTH = 80;

/** Each persona's label, computed once, so a cell costs the same whatever the length of the names. */
function personaReferences(journey: Journey): Map<string, PersonaReference> {
  const references = new Map<string, PersonaReference>();
  journey.personas.forEach((persona, index) => {
    if (references.has(persona.id)) return; // a duplicate id (lint reports it): the first persona wins
    const name = persona.name.trim();
    let label = name;
    if (name.length > REFERENCE_LENGTH) {
      const cut = /[\ud800-\udbff]/.test(name[REFERENCE_LENGTH - 1]!) ? REFERENCE_LENGTH - 1 : REFERENCE_LENGTH;
      label = `${name.slice(0, cut)}…`;
    }
    references.set(persona.id, { index, label: inline(label) });
  });
  return references;
}

function stageBlock(journey: Journey, stage: Stage, references: Map<string, PersonaReference>): string {
  const parts = [`### ${inline(stage.name)}`];
  if (stage.description) parts.push(inline(stage.description));
  const touchpoints = stage.touchpoints ?? [];
  if (touchpoints.length === 0) {
    parts.push("_No touchpoints yet._");
  } else {
    const rows = touchpoints.map((touchpoint) => [
      inline(touchpoint.name),
      inline(touchpoint.channel ?? ""),
      ownerCell(journey, touchpoint),
      emotionCell(journey, touchpoint, references),
      lines(touchpoint.painPoints),
      lines(touchpoint.opportunities),
    ]);
    parts.push(table(COLUMNS, rows));
  }
  return parts.join("\n\n");
}

/** The owner as written; a missing owner and one that is not a declared team are flagged, as lint reports them. */
function ownerCell(journey: Journey, touchpoint: Touchpoint): string {
  const ownership = ownershipOf(journey, touchpoint);
  if (ownership.status === "missing") return "⚠ no owner";
  if (ownership.status === "unknown") return `⚠ ${inline(ownership.owner)} (not a declared team)`;
  return inline(ownership.owner);
}

/** Said of the personas a touchpoint involves without naming them, when some of them are named. */
export const EVERYONE_ELSE = "Everyone else";

/**
 * One score when everyone at the touchpoint feels the same; otherwise one line per persona the map
 * names at the touchpoint ("Priya: 🙂 positive (4)"), so that differences are shown and never
 * averaged, and one "Everyone else" line for the personas it involves without naming them. Only
 * personas written at the touchpoint are listed, so the page grows with the map, not with
 * touchpoints × personas.
 */
function emotionCell(journey: Journey, touchpoint: Touchpoint, references: Map<string, PersonaReference>): string {
  const { emotion } = touchpoint;
  const named = touchpoint.personas ?? (typeof emotion === "object" ? Object.keys(emotion) : undefined);
  // No persona named: everyone (or, with `personas: []`, no one) shares the one score, if any.
  if (named === undefined) return emotionLabel(typeof emotion === "number" ? emotion : undefined);
  const seen = new Set<string>();
  const personas: PersonaReference[] = [];
  const scores: (Score | undefined)[] = [];
  for (const id of named) {
    const reference = references.get(id);
    if (!reference || seen.has(id)) continue; // an undeclared persona is lint's to report
    seen.add(id);
    personas.push(reference);
  }
  if (personas.length === 0) return emotionLabel(typeof emotion === "number" ? emotion : undefined);
  personas.sort((a, b) => a.index - b.index);
  for (const reference of personas) scores.push(emotionOf(touchpoint, journey.personas[reference.index]!.id));
  const others = touchpoint.personas === undefined ? references.size - personas.length : 0;
  if (others === 0 && personas.length === references.size && scores.every((score) => score === scores[0]))
    return emotionLabel(scores[0]);
  const cell = personas.map((reference, i) => `${reference.label}: ${emotionLabel(scores[i])}`);
  if (others > 0) cell.push(`${EVERYONE_ELSE}: ${emotionLabel(undefined)}`);
  return cell.join(BREAK);
}

/**
 * The metrics section: the definitions (unit, direction, target, warning threshold) and every value
 * with its target, status (an icon and a word), date and source. A map with only free-form values
 * (no definitions, no dates, no sources) keeps the short table it always had.
 */
function metricsTable(journey: Journey): string | undefined {
  const definitions = metricDefinitionsFor(journey);
  const places = [...metricValuesOf(journey)];
  const measured = definitions.size > 0 || places.some(({ value }) => typeof value === "object");
  if (!measured) {
    if (places.length === 0) return undefined;
    const rows = places.map(({ stage, touchpoint, id, value }) => [
      inline(stage.name),
      inline(touchpoint?.name ?? ""),
      inline(id),
      inline(formatReading(readingOf(value), undefined)),
    ]);
    return table(["Stage", "Touchpoint", "Metric", "Value"], rows);
  }
  const blocks: string[] = [];
  if (definitions.size > 0) {
    const rows = [...definitions.values()].map((definition) => [
      inline(definition.name),
      inline(definition.id),
      inline(
        definition.unit === "currency" && definition.currency
          ? `currency (${definition.currency})`
          : (definition.unit ?? "number"),
      ),
      inline(definition.better ?? ""),
      definition.target === undefined ? "" : inline(formatMetricNumber(definition.target, definition)),
      definition.warning === undefined ? "" : inline(formatMetricNumber(definition.warning, definition)),
    ]);
    blocks.push(table(["Metric", "Id", "Unit", "Better", "Target", "Warning"], rows));
  }
  if (places.length > 0) {
    const rows = places.map(({ stage, touchpoint, id, value }) => {
      const definition = definitions.get(id);
      const reading = readingOf(value);
      const target = targetOf(reading, definition);
      const status = metricStatus(reading, definition);
      const sample = reading.n === undefined ? "" : ` (n = ${formatNumber(reading.n, 0)})`;
      return [
        inline(stage.name),
        touchpoint ? inline(touchpoint.name) : "_whole stage_",
        inline(metricLabel(id, definition)),
        inline(formatReading(reading, definition) + sample),
        target === undefined ? "" : inline(formatMetricNumber(target, definition)),
        status ? STATUS_LABELS[status] : "",
        inline(reading.date ?? ""),
        inline(reading.source ?? ""),
      ];
    });
    blocks.push(table(["Stage", "Touchpoint", "Metric", "Value", "Target", "Status", "Date", "Source"], rows));
  }
  return blocks.join("\n\n");
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
