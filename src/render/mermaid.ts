// The Mermaid `journey` diagram of a map: a pure function from Journey to Mermaid text, with every
// string from the map encoded so that Mermaid's grammar reads it back intact.
import { stringify } from "yaml";
import {
  emotionOf,
  personasAt,
  type Journey,
  type Persona,
  type Score,
  type Stage,
  type Touchpoint,
} from "../journey/model.js";
import { JourneymapError } from "../errors.js";
import { declaredLanes, filledLanes, laneEntries } from "../journey/lanes.js";
import { summaryOf } from "../journey/queries.js";
import { shorten } from "../text/shorten.js";
import { INVISIBLE } from "../text/visible.js";

export interface MermaidOptions {
  /** Mermaid's own configuration (theme, themeVariables, journey settings), written as front matter. */
  config?: Record<string, unknown>;
  /** "dark" sets Mermaid's dark theme unless `config` names a theme itself. */
  theme?: "light" | "dark";
}

/** Marks a task line whose personas have no emotion recorded; such a line sits on the neutral 3. */
export const NO_EMOTION_MARK = " (no emotion recorded)";
/** Where a task line without a recorded emotion is drawn: the middle of the scale, so it does not bend the curve. */
export const NO_EMOTION_SCORE = 3;

/** One task line of the diagram: the personas at a touchpoint that share one score. */
export interface TaskLine {
  /** Undefined when the map records no emotion for these personas here. */
  score: Score | undefined;
  personas: Persona[];
}

/**
 * The task lines of a touchpoint: one per distinct score, personas in map order, so that personas who
 * feel differently are shown side by side instead of averaged.
 */
export function taskLinesOf(journey: Journey, touchpoint: Touchpoint): TaskLine[] {
  const personas = personasAt(journey, touchpoint);
  if (personas.length === 0) {
    return [{ score: typeof touchpoint.emotion === "number" ? touchpoint.emotion : undefined, personas: [] }];
  }
  const lines: TaskLine[] = [];
  for (const persona of personas) {
    const score = emotionOf(touchpoint, persona.id);
    const line = lines.find((candidate) => candidate.score === score);
    if (line) line.personas.push(persona);
    else lines.push({ score, personas: [persona] });
  }
  return lines;
}

export function renderMermaid(journey: Journey, options: MermaidOptions = {}): string {
  return renderMermaidWithin(journey, options, Infinity)!;
}

/** Mermaid's own default maxTextSize: a longer diagram is drawn as "Maximum text size in diagram exceeded". */
export const MERMAID_MAX_TEXT_SIZE = 50_000;

/** The longest diagram Mermaid will draw with this configuration: its maxTextSize, else the default. */
export function mermaidTextLimit(config: Record<string, unknown> | undefined): number {
  const configured = config?.maxTextSize;
  return typeof configured === "number" && Number.isFinite(configured) && configured > 0
    ? configured
    : MERMAID_MAX_TEXT_SIZE;
}

/**
 * The diagram for a tool that draws it, refused (JourneymapError, exit 2) when Mermaid would not draw
 * it: it lists every persona at every task, so a map of thousands of personas and touchpoints would
 * give hundreds of megabytes of text that no Mermaid draws. Built only up to the limit.
 */
export function renderDrawableMermaid(journey: Journey, options: MermaidOptions, instead: string): string {
  const limit = mermaidTextLimit(options.config);
  const diagram = renderMermaidWithin(journey, options, limit);
  if (diagram === undefined)
    throw new JourneymapError(
      `the Mermaid diagram of "${journey.title}" would be longer than ${limit.toLocaleString("en-US")} characters, Mermaid's maxTextSize, so Mermaid would not draw it: ${instead}, or raise maxTextSize in --mermaid-config`,
    );
  return diagram;
}

/**
 * The diagram, or undefined as soon as it would be longer than `maxLength` characters: a page that
 * embeds the diagram stops there instead of building text that grows as touchpoints × personas.
 */
export function renderMermaidWithin(journey: Journey, options: MermaidOptions, maxLength: number): string | undefined {
  const out: string[] = [];
  let length = 0;
  for (const line of diagramLines(journey, options)) {
    length += line.length + 1;
    if (length > maxLength) return undefined;
    out.push(line);
  }
  return `${out.join("\n")}\n`;
}

function* diagramLines(journey: Journey, options: MermaidOptions): Generator<string> {
  const config = mermaidConfig(options);
  if (config) yield* ["---", stringify({ config }, { lineWidth: 0 }).trimEnd(), "---"];
  yield "journey";
  yield `  title ${encode(journey.title)}`;
  yield `  accTitle: ${encode(journey.title)}`;
  yield `  accDescr: ${encode(summaryOf(journey))}`;
  const dropped = droppedLanesComment(journey);
  if (dropped) yield dropped;
  for (const stage of journey.stages) yield* section(journey, stage);
}

function mermaidConfig(options: MermaidOptions): Record<string, unknown> | undefined {
  const config = { ...options.config };
  if (options.theme === "dark" && config.theme === undefined) config.theme = "dark";
  return Object.keys(config).length > 0 ? config : undefined;
}

function* section(journey: Journey, stage: Stage): Generator<string> {
  yield `  section ${encode(stage.name)}`;
  for (const touchpoint of stage.touchpoints ?? []) {
    for (const task of taskLinesOf(journey, touchpoint)) {
      const name = task.score === undefined ? `${touchpoint.name}${NO_EMOTION_MARK}` : touchpoint.name;
      const actors = task.personas.map((persona) => encode(persona.name, ACTOR_SPECIALS)).join(", ");
      yield `    ${encodeTaskName(name)}: ${task.score ?? NO_EMOTION_SCORE}${actors ? `: ${actors}` : ""}`;
    }
  }
}

// Characters that Mermaid's journey lexer or its sanitizer would take for syntax: # starts a comment
// (and an entity), ; and : end a field, % starts a %% comment or directive, & < > " ` are rewritten by
// DOMPurify or the preprocessor, a no-break space becomes &nbsp;, control characters end the line; C1
// controls, separators, bidi overrides and characters that show nothing (INVISIBLE, src/text/visible.ts)
// would act on a terminal the diagram is printed to, or hide text. "{" is encoded so that no "{{"
// reaches a page's Mermaid fence: Jekyll runs Liquid inside code fences.
const SPECIALS = new RegExp(`[#;:%&<>\`{\\u00a0\\u0000-\\u001f\\u007f-\\u009f]|${INVISIBLE}`, "gu");
// Actor names are a comma-separated list after the score.
const ACTOR_SPECIALS = new RegExp(`[#;:%&<>\`{,\\u00a0\\u0000-\\u001f\\u007f-\\u009f]|${INVISIBLE}`, "gu");

/**
 * Encodes text with Mermaid's entity codes (`#35;` for #). Numeric codes only: Mermaid turns `#35;`
 * into `&#35;` in the SVG it writes, and numeric references are valid XML as well as HTML, where
 * named ones like `&colon;` are not. Leading and trailing whitespace is encoded too, since the
 * grammar trims it.
 */
export function encode(text: string, specials: RegExp = SPECIALS): string {
  const inner = text.replace(specials, entity);
  return inner.replace(/^\s+|\s+$/g, (space) => space.replace(/[\s\S]/g, entity));
}

// A task line that starts with a keyword would be read as that statement ("Title deed arrives" as a
// title, "Journey planner" as a new diagram): its first letter is encoded.
const KEYWORD_START = /^(journey|title|section|acc)/i;

function encodeTaskName(name: string): string {
  const encoded = encode(name);
  return KEYWORD_START.test(encoded) ? `${entity(encoded[0]!)}${encoded.slice(1)}` : encoded;
}

function entity(character: string): string {
  return `#${character.codePointAt(0)};`;
}

/** At most this many dropped lanes are named, each cut to LANE_LABEL_MAX characters: the comment stays
 * a line, whatever the number of lanes a map declares. */
const DROPPED_LANES_MAX = 12;
const LANE_LABEL_MAX = 60;

/**
 * Mermaid's `journey` holds sections, tasks, scores and actors, no lanes: a `%%` comment (Mermaid skips
 * it) names the declared lanes that hold values the diagram leaves out, so a reader of the text knows.
 * Labels are encoded like every other map text, so no "%%{" directive, line break or "}%%" gets in.
 */
export function droppedLanesComment(journey: Pick<Journey, "lanes" | "stages">): string | undefined {
  const lanes = declaredLanes(journey);
  if (!lanes.length) return undefined;
  const filled = new Set<string>();
  for (const stage of journey.stages) {
    for (const [id, value] of filledLanes(stage)) if (laneEntries(value).length) filled.add(id);
    for (const touchpoint of stage.touchpoints ?? [])
      for (const [id, value] of filledLanes(touchpoint)) if (laneEntries(value).length) filled.add(id);
  }
  const dropped = lanes.filter((lane) => filled.has(lane.id));
  if (!dropped.length) return undefined;
  const named = dropped
    .slice(0, DROPPED_LANES_MAX)
    .map((lane) => encode(shorten(lane.label, LANE_LABEL_MAX), LABEL_SPECIALS))
    .join(", ");
  const more = dropped.length > DROPPED_LANES_MAX ? ` and ${dropped.length - DROPPED_LANES_MAX} more` : "";
  return `  %% lanes not drawn (Mermaid's journey has none; the svg picture and the Markdown page show them): ${named}${more}`;
}

// In the comment, "}" is encoded too, and "," (it separates the labels).
const LABEL_SPECIALS = new RegExp(`[#;:%&<>\`{},\u00a0\u0000-\u001f\u007f-\u009f]|${INVISIBLE}`, "gu");
