// The Markdown docs page of a map: a pure function from Journey to a page a docs site publishes as is
// (heading, breadcrumbs, the picture, description, personas, the Mermaid diagram, a touchpoint table
// per stage, metrics, the maps that detail it), clean for markdownlint and unchanged by Prettier.
import {
  EMOTION_WORDS,
  emotionOf,
  entryText,
  type Journey,
  type LaneEntryObject,
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
import { listOf, textOf, touchpointFields, type TouchpointFieldKey } from "../journey/fields.js";
import { declaredLanes, filledLanes, laneEntries, laneValueOf, type DeclaredLane } from "../journey/lanes.js";
import { trackedLabel } from "../journey/opportunity-labels.js";
import { ownershipOf } from "../journey/queries.js";
import { escapeInvisible, inertJson } from "../text/visible.js";
import { mermaidTextLimit, renderMermaidWithin, type MermaidOptions } from "./mermaid.js";
import { breakPlainText, breakReferences, breakTemplates } from "../text/inert-markdown.js";
import { shorten } from "../text/shorten.js";
import { GENERIC_LAYOUT, type SiteLayout } from "./site/generators.js";
import { textWidth } from "./text-width.js";

export interface MarkdownOptions extends MermaidOptions {
  /** Starts the page with YAML front matter (title, description, tags) for static site generators. */
  frontMatter?: boolean;
  /** The journey-map picture written beside the page (a file name relative to it), shown as an image. */
  picture?: string;
  /** Embeds the Mermaid diagram (default true; false when a picture is shown, unless asked for). */
  mermaid?: boolean;
  /** Where the map sits in a portfolio: breadcrumbs, the maps it details, the pages of linked maps. */
  links?: PageLinks;
  /** How the docs generator the page is written for shows the picture and wide tables (--site). */
  site?: SiteLayout;
}

/** A link to another page of the site: its map's title and a relative href. */
export interface PageLink {
  title: string;
  href: string;
}

/** Stands in the breadcrumbs for the maps left out between the root and the nearest parents. */
export const SKIPPED_CRUMBS = "…";

export interface PageLinks {
  /** The pages above this map, from the portfolio's index down to its parent (a long chain with a gap). */
  breadcrumbs: Array<PageLink | typeof SKIPPED_CRUMBS>;
  /** The page of the map an id names, when the portfolio has it. */
  pageOf(mapId: string): PageLink | undefined;
}

/** A face for each emotion score, shown beside its word and number. */
export const EMOTION_FACES: Record<Score, string> = { 1: "😠", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀" };

/** What the emotion cell says when the map records no emotion. */
export const NO_EMOTION_TEXT = "not recorded";

/** "🙂 positive (4)": the word and the face along with the number, so the cell reads without the scale. */
export function emotionLabel(score: Score | undefined): string {
  return score === undefined ? NO_EMOTION_TEXT : `${EMOTION_FACES[score]} ${EMOTION_WORDS[score]} (${score})`;
}

/** What the page says instead of a diagram Mermaid would refuse to draw. */
export const DIAGRAM_TOO_LARGE =
  "_The journey diagram is too large for Mermaid to draw (more than 50,000 characters): the stage tables below " +
  "show every touchpoint, and `journeymap render --format svg` draws the journey-map picture._";

export function renderMarkdown(journey: Journey, options: MarkdownOptions = {}): string {
  const blocks: string[] = [];
  // Docusaurus makes a page of every tag of the front matter, at a path made from the tag: ".." or "/"
  // would take the tags index's route, so its pages carry no tags.
  if (options.frontMatter) blocks.push(frontMatter(journey, options.site?.generator !== "docusaurus"));
  const site = options.site ?? GENERIC_LAYOUT;
  blocks.push(`# ${asHeading(inline(journey.title), site)}`);
  const links = options.links;
  if (links && links.breadcrumbs.length > 0)
    blocks.push(
      [
        ...links.breadcrumbs.map((crumb) => (crumb === SKIPPED_CRUMBS ? crumb : link(crumb))),
        inline(journey.title),
      ].join(" › "),
    );
  if (journey.description) blocks.push(inline(journey.description));
  if (options.picture !== undefined)
    blocks.push(site.picture(`Journey map: ${inline(journey.title)}`, pageHref(options.picture)));
  const detailed = detailedMaps(journey, links);
  if (detailed) blocks.push("## Detailed maps", detailed);
  const personaHeading = uniqueHeadings();
  blocks.push("## Personas", ...journey.personas.map((entry) => persona(entry, personaHeading, site)));
  if (options.mermaid ?? options.picture === undefined) {
    // The diagram lists every persona at every touchpoint (Mermaid's syntax has no "everyone"), so it
    // is embedded only up to the size Mermaid draws: the page stays linear in the size of the map.
    // Beside a picture (a docs site), it keeps its own width: squeezed into a column, its text is unreadable.
    const mermaid = options.picture === undefined ? options : { ...options, config: readableWidth(options.config) };
    const diagram = renderMermaidWithin(journey, mermaid, mermaidTextLimit(options.config));
    blocks.push("## Journey", diagram === undefined ? DIAGRAM_TOO_LARGE : `\`\`\`mermaid\n${diagram}\`\`\``);
  }
  const references = personaReferences(journey);
  const stageHeading = uniqueHeadings();
  const lanes = declaredLanes(journey);
  const touchpointLanes = lanesTouchpointsFill(journey, lanes);
  blocks.push(
    "## Stages",
    ...journey.stages.map((stage) =>
      stageBlock(journey, stage, references, links, stageHeading, site, lanes, touchpointLanes),
    ),
  );
  const metrics = metricsTable(journey, site);
  if (metrics) blocks.push("## Metrics", metrics);
  return `${blocks.join("\n\n")}\n`;
}

/** Mermaid's journey diagram at its natural width (a docs column scrolls instead of shrinking the text). */
function readableWidth(config: Record<string, unknown> | undefined): Record<string, unknown> {
  const journey = (config?.journey as Record<string, unknown> | undefined) ?? {};
  return { ...config, journey: { useMaxWidth: false, ...journey } };
}

/** Longest title a link to another page shows; the page itself shows it whole. Pages and the index
 * link to a map once per breadcrumb, detail and backlog entry: a bounded title keeps them linear in the
 * maps, whatever the length of one map's title. */
export const LINK_TITLE_LENGTH = 80;

/** A Markdown link to another page: its title (cut to LINK_TITLE_LENGTH) escaped, its href percent-encoded. */
export function link(page: PageLink): string {
  return `[${inline(shorten(page.title.trim(), LINK_TITLE_LENGTH))}](${pageHref(page.href)})`;
}

/** A relative href with every path segment percent-encoded: spaces, brackets and "#" stay one working link. */
export function pageHref(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join("/");
}

/** The maps this one's stages and touchpoints detail, each once, in map order. */
function detailedMaps(journey: Journey, links: PageLinks | undefined): string | undefined {
  if (!links) return undefined;
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const stage of journey.stages) {
    const targets: Array<[string | undefined, string]> = [
      [stage.details, `stage ${inline(stage.name)}`],
      ...(stage.touchpoints ?? []).map((touchpoint): [string | undefined, string] => [
        touchpoint.details,
        `touchpoint ${inline(touchpoint.name)}`,
      ]),
    ];
    for (const [target, from] of targets) {
      const page = target === undefined ? undefined : links.pageOf(target);
      if (!page || seen.has(target!)) continue;
      seen.add(target!);
      lines.push(`- ${link(page)}, from ${from}`);
    }
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}

/** Front matter with every value a double-quoted YAML string on one line (JSON's escapes, which YAML
 * reads the same, plus \u escapes for invisible characters and "##["): a line break, `---`, `: ` or `#`
 * in the map's text stays inside its value and can never end the block, add a key, or start a line
 * that a terminal or a CI log would act on. `< > { } % & @` are \u escapes too: generators read the
 * source before the YAML (VitePress expands "<!--@include: PATH-->" in front matter as anywhere else);
 * and the value YAML reads is the map's text with zero-width spaces that keep "</script", "{{" and
 * mentions apart where the generator copies it (breakPlainText). */
function frontMatter(journey: Journey, withTags: boolean): string {
  const quoted = (text: string) =>
    inertJson(JSON.stringify(breakPlainText(text))).replace(
      /[<>{}%&@]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  const lines = [`title: ${quoted(journey.title)}`];
  if (journey.description) lines.push(`description: ${quoted(journey.description)}`);
  if (withTags && journey.tags?.length) lines.push("tags:", ...journey.tags.map((tag) => `  - ${quoted(tag)}`));
  return `---\n${lines.join("\n")}\n---`;
}

/** Sibling headings with one text get "(2)", "(3)"...: a reader (and markdownlint) can tell them apart. */
function uniqueHeadings(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? text : `${text} (${count})`;
  };
}

function persona(persona: Persona, heading: (text: string) => string, site: SiteLayout): string {
  const parts = [`### ${heading(asHeading(inline(persona.name), site))}`];
  if (persona.description) parts.push(inline(persona.description));
  if (persona.goals?.length) parts.push(`#### Goals\n\n${list(persona.goals)}`);
  if (persona.frustrations?.length) parts.push(`#### Frustrations\n\n${list(persona.frustrations)}`);
  return parts.join("\n\n");
}

function list(entries: string[]): string {
  return entries.map((entry) => `- ${inline(entry)}`).join("\n");
}

/** How the page writes a touchpoint's cell in a stage table. */
type CellWriter = (
  journey: Journey,
  touchpoint: Touchpoint,
  references: Map<string, PersonaReference>,
  links: PageLinks | undefined,
) => string;

/** The cells that say more than the value: the name links the map that details it, the owner is
 * flagged as lint flags it, the emotion is a score per persona. Other fields are written by kind. */
const CELLS: Partial<Record<TouchpointFieldKey, CellWriter>> = {
  name: (_journey, touchpoint, _references, links) => touchpointCell(touchpoint, links),
  owner: (journey, touchpoint) => ownerCell(journey, touchpoint),
  emotion: (journey, touchpoint, references) => emotionCell(journey, touchpoint, references),
  opportunities: (_journey, touchpoint) => opportunitiesCell(touchpoint),
};

/** The stage tables' columns: the fields the field registry gives a column on the page, in its order. */
const COLUMNS = touchpointFields().flatMap((field) => {
  if (field.page === undefined) return [];
  const write: CellWriter =
    CELLS[field.key as TouchpointFieldKey] ??
    (field.kind === "list"
      ? (_journey, touchpoint) => lines([...listOf(touchpoint, field.key)])
      : (_journey, touchpoint) => inline(textOf(touchpoint, field.key) ?? ""));
  return [{ header: field.page === true ? field.label : field.page, write }];
});

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
    references.set(persona.id, { index, label: inline(shorten(persona.name.trim(), REFERENCE_LENGTH)) });
  });
  return references;
}

function stageBlock(
  journey: Journey,
  stage: Stage,
  references: Map<string, PersonaReference>,
  links: PageLinks | undefined,
  heading: (text: string) => string,
  site: SiteLayout,
  lanes: readonly DeclaredLane[],
  touchpointLanes: readonly DeclaredLane[],
): string {
  const parts = [`### ${heading(asHeading(inline(stage.name), site))}`];
  if (stage.description) parts.push(inline(stage.description));
  const detail = stage.details === undefined ? undefined : links?.pageOf(stage.details);
  if (detail) parts.push(`Detailed in ${link(detail)}.`);
  const stageLanes = stageLaneList(stage, lanes);
  if (stageLanes) parts.push(stageLanes);
  const touchpoints = stage.touchpoints ?? [];
  if (touchpoints.length === 0) {
    parts.push("_No touchpoints yet._");
  } else {
    const laneColumns = touchpointLanes.length <= MAX_LANE_COLUMNS ? touchpointLanes : [];
    const rows = touchpoints.map((touchpoint) => [
      ...COLUMNS.map((column) => column.write(journey, touchpoint, references, links)),
      ...laneColumns.map((lane) => lines(laneEntries(laneValueOf(touchpoint, lane.id)).map(laneEntryText))),
    ]);
    const headers = [...COLUMNS.map((column) => column.header), ...laneColumns.map((lane) => inline(lane.label))];
    parts.push(site.wideTable(table(headers, rows)));
    if (laneColumns.length < touchpointLanes.length) {
      const section = laneSection(touchpoints, touchpointLanes, site);
      if (section) parts.push("#### Lanes", section);
    }
  }
  return parts.join("\n\n");
}

/** The touchpoint's name, and the map that details it when the portfolio has one. */
function touchpointCell(touchpoint: Touchpoint, links: PageLinks | undefined): string {
  const detail = touchpoint.details === undefined ? undefined : links?.pageOf(touchpoint.details);
  return detail ? `${inline(touchpoint.name)}${BREAK}→ ${link(detail)}` : inline(touchpoint.name);
}

/** The owner as written; a missing owner and one that is not a declared team are flagged, as lint reports them. */
/** Each opportunity on a line; one tracked as work with its status and owner: "Title (planned, app)". */
function opportunitiesCell(touchpoint: Touchpoint): string {
  return (touchpoint.opportunities ?? [])
    .map((opportunity) => {
      const text = inline(entryText(opportunity));
      const label = trackedLabel(opportunity);
      if (!label) return text;
      return `${text} (${label.words}${label.owner === undefined ? "" : `, ${inline(label.owner)}`})`;
    })
    .join(BREAK);
}

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
function metricsTable(journey: Journey, site: SiteLayout): string | undefined {
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
    return site.wideTable(table(["Stage", "Touchpoint", "Metric", "Value"], rows));
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
    blocks.push(site.wideTable(table(["Metric", "Id", "Unit", "Better", "Target", "Warning"], rows)));
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
    blocks.push(
      site.wideTable(table(["Stage", "Touchpoint", "Metric", "Value", "Target", "Status", "Date", "Source"], rows)),
    );
  }
  return blocks.join("\n\n");
}

/** A table aligned as Prettier aligns one (columns padded to their widest cell), so Prettier leaves it
 * as it is. Padding grows a table by rows × its widest cell: past a few times the table's own size (a
 * hostile map with one huge cell) it is written compact instead, keeping the page linear. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => {
    let widest = Math.max(3, textWidth(cell));
    for (const row of rows) widest = Math.max(widest, textWidth(row[column] ?? ""));
    return widest;
  });
  const size = [header, ...rows].reduce((sum, row) => sum + row.reduce((cells, cell) => cells + cell.length + 3, 2), 0);
  const aligned = widths.reduce((sum, width) => sum + width + 3, 2) * (rows.length + 2);
  if (aligned > 4 * size + 65_536) {
    const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
    return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
  }
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell + " ".repeat(widths[column]! - textWidth(cell))).join(" | ")} |`;
  return [line(header), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

function lines(entries: string[] | undefined): string {
  return (entries ?? []).map(inline).join(BREAK);
}

/** The one piece of HTML on the page: a line break inside a table cell (and inside text that had one). */
export const BREAK = "<br />";

/**
 * Map text as Markdown that shows exactly that text, on GitHub (GFM) as in MkDocs (Python-Markdown),
 * VitePress and Docusaurus (MDX): Markdown and HTML syntax characters are backslash-escaped where every
 * one of them reads the escape (so `<b>` is shown, not passed through), and written as a character
 * reference where Python-Markdown would show the backslash ("~", "$", "^", "==", "++", "&" before a
 * reference, a leading ":" or "="); `|` cannot end a table cell, line
 * breaks become <br />, and characters that would start a block (a heading, list or quote) at the
 * start of a line are escaped too. What other programs read in the page stays text as well (see
 * src/text/inert-markdown.ts): "<" is written "&lt;", so no "<!--@include", "<script" or "</script"
 * forms in the source; "{{" and "{%" are kept apart; GitHub finds no mention, reference or autolink.
 */
export function inline(text: string): string {
  const escaped = escapeInvisible(
    text
      .trim()
      // Runs of spaces read as one in Markdown, and Prettier writes them as one: so does the page.
      .replace(/[ \t]{2,}/g, " ")
      // "&" first: Python-Markdown writes "&\#36;" back as "&#36;", which a browser shows as "$".
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
      .replace(/[\\`*_[\]>|{}#]/g, "\\$&")
      .replace(/</g, "&lt;")
      .replace(/\r\n?|\n/g, BREAK),
    // Controls, bidi overrides, separators and characters that show nothing are shown as escapes (\x1b),
    // in a browser as in a terminal (src/text/visible.ts).
  );
  // Only what would really start a block is escaped, so "0.034" and "-5%" stay as they are; a leading
  // "::" is escaped too, so that a page printed in a CI log starts no workflow command, and so are the
  // blocks of MkDocs's extensions: "!!!" (admonition), "???" (details), "===" (tabs), "///" (blocks),
  // "::: x" (mkdocstrings).
  return breakTemplates(
    breakReferences(escaped)
      // After breakReferences, which would read the "#" and digit of "&#36;" as an issue reference. "^",
      // "==" and "++" are markup in MkDocs's common extensions (pymdownx caret, mark and keys).
      .replace(/[~$^]|=(?==)|\+(?=\+)/g, characterReference)
      .replace(/^(?:[-+=:](?=[\s\-+=:]|$)|!(?=!)|\?(?=\?)|\/(?=\/\/))/, (found) =>
        "!-+".includes(found) ? `\\${found}` : characterReference(found),
      )
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2"),
  );
}

/**
 * Markdown-escaped text as a heading writes it: its backslash escapes as character references ("&#35;"
 * for "\#"), which every generator shows as the character. Python-Markdown 3.4's table of contents
 * (Material for MkDocs's "On this page") shows a backslash escape as the character's code: "Stage \#1"
 * was listed as "Stage 351". A page for VitePress or Docusaurus keeps the escapes: VitePress makes its
 * heading anchors from the source, where "&#35;" would put "35" in the anchor, and Docusaurus names
 * its pages by their heading.
 */
export function asHeading(markdown: string, site: SiteLayout = GENERIC_LAYOUT): string {
  if (site.generator === "vitepress" || site.generator === "docusaurus") return markdown;
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, (_, character: string) => characterReference(character));
}

/** A character as a numeric character reference ("&#36;" for "$"): the character itself for every
 * Markdown parser (CommonMark, GFM, Python-Markdown, MDX), where a backslash escape is not universal. */
function characterReference(character: string): string {
  return `&#${character.charCodeAt(0)};`;
}

/** Up to this many declared lanes that touchpoints fill get a column each in the stage tables (lanes only
 * stages fill need none); past it (the table already has up to eight columns, and a docs column is about
 * 700 px wide), each stage lists them in a "Lanes" section under its table instead. */
export const MAX_LANE_COLUMNS = 3;

/** A declared lane's entry as the page writes it (raw text: the caller escapes it): its text, a step
 * that can fail and a wait said after it, as the picture marks them. */
function laneEntryText(entry: LaneEntryObject): string {
  const fail = entry.fail ? ` ⚠ can fail${entry.fail.risk ? `: ${entry.fail.risk}` : ""}` : "";
  const wait = entry.wait !== undefined ? ` (wait ${entry.wait})` : "";
  return `${entry.text}${fail}${wait}`;
}

/** What a stage gives its declared lanes, as a list under the stage's heading ("Policies: …"). */
function stageLaneList(stage: Stage, lanes: readonly DeclaredLane[]): string | undefined {
  const items: string[] = [];
  for (const lane of filledInOrder(stage, lanes)) {
    const entries = laneEntries(laneValueOf(stage, lane.id));
    if (entries.length)
      items.push(`- ${inline(lane.label)}: ${entries.map((entry) => inline(laneEntryText(entry))).join("; ")}`);
  }
  return items.length ? items.join("\n") : undefined;
}

/** The declared lanes of a stage's touchpoints when they are too many for columns: a list item per
 * touchpoint that fills any, a nested item per lane, a further one per entry. */
function laneSection(touchpoints: readonly Touchpoint[], lanes: readonly DeclaredLane[], site: SiteLayout) {
  const indent = " ".repeat(site.listIndent);
  const items: string[] = [];
  for (const touchpoint of touchpoints) {
    const filled: string[] = [];
    for (const lane of filledInOrder(touchpoint, lanes)) {
      const entries = laneEntries(laneValueOf(touchpoint, lane.id));
      if (!entries.length) continue;
      filled.push(`${indent}- ${inline(lane.label)}`);
      for (const entry of entries) filled.push(`${indent}${indent}- ${inline(laneEntryText(entry))}`);
    }
    if (filled.length) items.push(`- ${inline(touchpoint.name)}`, ...filled);
  }
  return items.length ? items.join("\n") : undefined;
}

const placesOfLanes = new WeakMap<readonly DeclaredLane[], Map<string, number>>();

/** The declared lanes a stage or touchpoint fills, in their order: read from what it wrote, so a page
 * costs the values written, not touchpoints × lanes declared. */
function filledInOrder(holder: Stage | Touchpoint, lanes: readonly DeclaredLane[]): DeclaredLane[] {
  let places = placesOfLanes.get(lanes);
  if (!places) {
    places = new Map();
    lanes.forEach((lane, k) => places!.set(lane.id, k));
    placesOfLanes.set(lanes, places);
  }
  const found: number[] = [];
  for (const [id] of filledLanes(holder)) {
    const k = places.get(id);
    if (k !== undefined) found.push(k);
  }
  return found.sort((a, b) => a - b).map((k) => lanes[k]!);
}

/** The declared lanes some touchpoint of the map fills, in their order: the ones the stage tables show.
 * One pass over the values written, whatever the number of lanes declared. */
function lanesTouchpointsFill(journey: Journey, lanes: readonly DeclaredLane[]): DeclaredLane[] {
  if (!lanes.length) return [];
  const filled = new Set<string>();
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      for (const [id, value] of filledLanes(touchpoint)) if (laneEntries(value).length) filled.add(id);
  return lanes.filter((lane) => filled.has(lane.id));
}
