// A map as a PowerPoint deck (pptxgenjs, an optional package loaded only for this format): a title
// slide, a slide per persona, the picture, a slide per stage with its touchpoints, pain points and
// opportunities as an editable table (continued on more slides when long), the emotion curves as a
// native line chart, the metrics against their targets, and the pain points with no opportunity yet.
import type * as Pptx from "pptxgenjs";
import { JourneymapError } from "../../errors.js";
import { listOf, touchpointFields } from "../../journey/fields.js";
import { declaredLanes, filledLanes, laneEntries, laneValueOf, type DeclaredLane } from "../../journey/lanes.js";
import {
  EMOTION_WORDS,
  emotionOf,
  personasAt,
  touchpointsOf,
  type Journey,
  type LaneEntryObject,
  type Opportunity,
  type Stage,
  type Touchpoint,
} from "../../journey/model.js";
import {
  formatReading,
  metricDefinitionsFor,
  metricLabel,
  metricStatus,
  metricValuesOf,
  readingOf,
  STATUS_LABELS,
  targetOf,
  formatMetricNumber,
} from "../../journey/metrics.js";
import { ownerLabel, ownershipOf } from "../../journey/queries.js";
import { importOptional } from "../browser.js";
import { MAX_CURVES } from "../svg/emotion.js";
import { TEXT_MAX_CHARACTERS } from "../svg/text.js";
import { personaColor, themeNamed } from "../svg/themes.js";
import { shorten } from "../../text/shorten.js";
import { PACKAGE_VERSION } from "../../version.js";
import { isolated } from "../../text/isolate.js";
import { opportunityLabeller } from "./opportunities.js";
import { rewritePackage } from "./package.js";
import { xmlText } from "./xml.js";

export interface PptxOptions {
  /** The picture's theme; the slides themselves are always light. */
  theme?: "light" | "dark";
}

/** 16:9, in inches. */
const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.5;
const BODY_TOP = 1.3;
const FONT = "Calibri";
/** A text in a table cell or a list is cut here: a slide cannot show more, the map keeps it whole. */
const MAX_TEXT = 600;
/** Lines of 12-pt text a table slide holds below its title (estimated: PowerPoint wraps, not us). */
const LINES_PER_SLIDE = 27;
/** Touchpoints in one emotion chart, and charts at most: past that, a chart is unreadable (the picture
 * and the map hold every score). */
const CHART_TOUCHPOINTS = 100;
const MAX_CHARTS = 10;
/** Slides of one table at most, and of the whole deck (each costs about 3 ms to write): past them, a
 * slide says what is left out. A deck of a 1,000-touchpoint map has about 160. */
const MAX_TABLE_SLIDES = 80;
const MAX_SLIDES = 200;
const MAX_PERSONA_SLIDES = 30;

type PptxGenJS = Pptx.default;
type Slide = Pptx.default.Slide;
type Row = Pptx.default.TableRow;
type TableCell = Pptx.default.TableCell;
type TextProps = Pptx.default.TextProps;
type TextPropsOptions = Pptx.default.TextPropsOptions;

/** Map text made safe for the deck: XML-forbidden characters become U+FFFD (pptxgenjs escapes the rest). */
function clean(text: string, max = MAX_TEXT): string {
  return xmlText(shorten(text, max));
}

export async function renderPptx(journey: Journey, options: PptxOptions = {}): Promise<Uint8Array> {
  const loaded = await importOptional("pptxgenjs", "PowerPoint export (--format pptx)", () => import("pptxgenjs"));
  // The ES build's default export is the class; its types describe the CommonJS build's interop.
  const exported = loaded.default as unknown as typeof Pptx.default & { default?: typeof Pptx.default };
  const Deck = exported.default ?? exported;
  const deck = new Deck();
  deck.layout = "LAYOUT_WIDE";
  deck.author = "journeymap";
  deck.company = "";
  deck.title = clean(journey.title, 200);
  deck.theme = { headFontFace: FONT, bodyFontFace: FONT };

  titleSlide(deck, journey);
  for (const persona of journey.personas.slice(0, MAX_PERSONA_SLIDES)) {
    const slide = titled(deck, persona.name);
    const lines: TextProps[] = [];
    if (persona.description) lines.push(paragraph(persona.description, { fontSize: 16, color: "4F5861" }));
    listSection(lines, "Goals", persona.goals ?? []);
    listSection(lines, "Frustrations", persona.frustrations ?? []);
    if (lines.length > 0) slide.addText(lines.slice(0, 60), bodyBox());
  }
  if (journey.personas.length > MAX_PERSONA_SLIDES)
    leftOut(deck, `${journey.personas.length - MAX_PERSONA_SLIDES} more personas`, "the deck shows the first 30");
  await pictureSlide(deck, journey, options);
  const labelOf = opportunityLabeller(journey);
  for (const [index, stage] of journey.stages.entries()) {
    if (slidesLeft(deck) <= 0) {
      leftOut(deck, `${journey.stages.length - index} more stages`, `the deck stops at ${MAX_SLIDES} slides`);
      break;
    }
    stageSlides(deck, stage, index, journey, labelOf);
  }
  emotionSlides(deck, journey);
  metricSlides(deck, journey);
  unansweredPainSlides(deck, journey);
  laneSection(deck, journey, declaredLanes(journey));

  // Stored, not compressed: the package is compressed once, when it is written again below. A Node
  // buffer, not a Uint8Array: jszip copies every chunk into one byte by byte.
  const written = await deck.write({ outputType: "nodebuffer", compression: false });
  // pptxgenjs stamps the clock into docProps/core.xml and every zip entry: rewritten without it.
  return rewritePackage(written as Uint8Array);
}

function titleSlide(deck: PptxGenJS, journey: Journey): void {
  const slide = addSlide(deck);
  slide.addText(clean(journey.title, 300), {
    x: MARGIN,
    y: 2,
    w: SLIDE.width - 2 * MARGIN,
    h: 1.4,
    fontSize: 36,
    bold: true,
    fontFace: FONT,
    color: "1F2328",
    fit: "shrink",
  });
  const lines: TextProps[] = [];
  if (journey.description) lines.push(paragraph(journey.description, { fontSize: 18, color: "4F5861" }));
  const facts = [
    journey.owner ? `Owner: ${journey.owner}` : undefined,
    mapFacts(journey),
    `journeymap format ${journey.journeymap} · exported by journeymap ${PACKAGE_VERSION}`,
  ].filter((fact): fact is string => fact !== undefined);
  for (const fact of facts) lines.push(paragraph(fact, { fontSize: 14, color: "4F5861" }));
  slide.addText(lines, { x: MARGIN, y: 3.5, w: SLIDE.width - 2 * MARGIN, h: 2.5, valign: "top", fontFace: FONT });
}

/** "Service blueprint · future state · reviewed 2026-11-30", for the maps that say any of them. */
function mapFacts(journey: Journey): string | undefined {
  const facts = [
    journey.type === "blueprint" ? "Service blueprint" : undefined,
    journey.status === "archived" ? "archived" : journey.status !== undefined ? `${journey.status} state` : undefined,
    journey.reviewed !== undefined ? `reviewed ${journey.reviewed}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  return facts.length > 0 ? facts.join(" · ") : undefined;
}

/** Slides added to each deck (pptxgenjs does not say). */
const slideCounts = new WeakMap<PptxGenJS, number>();

function addSlide(deck: PptxGenJS): Slide {
  slideCounts.set(deck, (slideCounts.get(deck) ?? 0) + 1);
  return deck.addSlide();
}

function slidesLeft(deck: PptxGenJS): number {
  return MAX_SLIDES - (slideCounts.get(deck) ?? 0);
}

/** A slide saying what the deck leaves out and where to find it. */
function leftOut(deck: PptxGenJS, what: string, why: string): void {
  titled(deck, `Not in this deck: ${what}`).addText(
    [
      paragraph(
        `${what} are left out: ${why}. The map, its picture (render -o map.svg) and the draw.io and Visio exports show everything.`,
        { fontSize: 16, color: "4F5861" },
      ),
    ],
    bodyBox(),
  );
}

function titled(deck: PptxGenJS, title: string): Slide {
  const slide = addSlide(deck);
  slide.addText(clean(title, 200), {
    x: MARGIN,
    y: 0.35,
    w: SLIDE.width - 2 * MARGIN,
    h: 0.8,
    fontSize: 26,
    bold: true,
    fontFace: FONT,
    color: "1F2328",
    fit: "shrink",
  });
  return slide;
}

function bodyBox(): TextPropsOptions {
  return {
    x: MARGIN,
    y: BODY_TOP,
    w: SLIDE.width - 2 * MARGIN,
    h: SLIDE.height - BODY_TOP - MARGIN,
    valign: "top",
    fontFace: FONT,
    fit: "shrink",
  };
}

function paragraph(text: string, style: TextPropsOptions = {}): TextProps {
  return { text: clean(text), options: { breakLine: true, ...style } };
}

function listSection(lines: TextProps[], heading: string, entries: string[]): void {
  if (entries.length === 0) return;
  lines.push(paragraph(heading, { fontSize: 18, bold: true, color: "1F2328", paraSpaceBefore: 12 }));
  for (const entry of entries.slice(0, 20))
    lines.push(paragraph(entry, { fontSize: 16, bullet: true, color: "1F2328" }));
  if (entries.length > 20)
    lines.push(paragraph(`… and ${entries.length - 20} more`, { fontSize: 14, color: "4F5861" }));
}

/** The native picture as a PNG fitted to the slide; a picture too large for one says where to find it. */
async function pictureSlide(deck: PptxGenJS, journey: Journey, options: PptxOptions): Promise<void> {
  const slide = titled(deck, "The journey map");
  const { svgToPng, MIN_SCALE, MAX_DRAWN_GLYPHS } = await import("../png.js");
  // Drawing a picture that PNG would refuse for its text costs as much as the rest of the deck.
  if (textOf(journey) > MAX_DRAWN_GLYPHS) {
    slide.addText(
      [
        paragraph("Not shown here: the picture has too much text for a slide.", { fontSize: 16, color: "4F5861" }),
        paragraph("Render the picture with: journeymap render MAP -o map.svg", { fontSize: 16, color: "4F5861" }),
      ],
      bodyBox(),
    );
    return;
  }
  const { renderSvg } = await import("../svg/index.js");
  const svg = renderSvg(journey, { theme: options.theme ?? "light" });
  const size = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const [width, height] = size ? [Number(size[1]), Number(size[2])] : [0, 0];
  const box = { w: SLIDE.width - 2 * MARGIN, h: SLIDE.height - BODY_TOP - 0.3 };
  // About 200 pixels an inch on the slide, at most 1.25 pixels a point of the picture.
  const fit = Math.min(box.w / (width / 96), box.h / (height / 96), 1);
  const scale = Math.min(1.25, ((width / 96) * fit * 200) / Math.max(width, 1));
  let png: Uint8Array | undefined;
  let reason = "";
  if (scale >= MIN_SCALE && width > 0) {
    try {
      png = await svgToPng(svg, { scale });
    } catch (error) {
      if (!(error instanceof JourneymapError)) throw error;
      reason = error.message.replace(/: use .*$/, "");
    }
  } else {
    reason = `the picture (${Math.round(width)} × ${Math.round(height)} px) is too large to fit a slide`;
  }
  if (png) {
    const w = (width / 96) * fit;
    const h = (height / 96) * fit;
    slide.addImage({
      data: `image/png;base64,${Buffer.from(png).toString("base64")}`,
      x: (SLIDE.width - w) / 2,
      y: BODY_TOP,
      w,
      h,
      altText: clean(`The journey map of ${journey.title}`, 300),
    });
  } else {
    slide.addText(
      [
        paragraph(`Not shown here: ${reason}.`, { fontSize: 16, color: "4F5861" }),
        paragraph("Render the picture with: journeymap render MAP -o map.svg", { fontSize: 16, color: "4F5861" }),
      ],
      bodyBox(),
    );
  }
}

/** CJK and everything outside the Basic Multilingual Plane: resvg draws them about four times slower. */
const FAR_GLYPHS = /[\ud800-\udbff][\udc00-\udfff]|[\u2e80-\ud7ff\ue000-\uffff]/g;

/** Glyphs of the map's texts that the picture draws, counted as png.ts counts them (CJK and emoji 4),
 * each text cut at 2,000 characters as the picture cuts it: in one pass over the map. */
function textOf(journey: Journey): number {
  const length = (text: string | undefined) => {
    const drawn = (text ?? "").slice(0, TEXT_MAX_CHARACTERS);
    return drawn.length + 3 * (drawn.match(FAR_GLYPHS)?.length ?? 0);
  };
  const lists = (texts: readonly string[]) => texts.reduce((sum, text) => sum + length(text), 0);
  // Every list the picture draws as a lane, as the field registry says.
  const drawn = touchpointFields().filter((field) => typeof field.lane === "object" && "list" in field.lane);
  let total = length(journey.title) + length(journey.description);
  for (const persona of journey.personas) total += length(persona.name);
  for (const stage of journey.stages) {
    total += length(stage.name) + length(stage.description);
    for (const touchpoint of stage.touchpoints ?? []) {
      total += length(touchpoint.name);
      for (const field of drawn) total += lists(listOf(touchpoint, field.key));
    }
  }
  return total;
}

/** Estimated lines of a cell: its entries wrapped at `perLine` characters. */
function linesOf(entries: string[], perLine: number): number {
  let lines = 0;
  for (const entry of entries) lines += Math.max(1, Math.ceil(entry.length / perLine));
  return lines;
}

const HEADER_FILL = { color: "DDE7F3" };
const CELL = { fontFace: FONT, fontSize: 12, color: "1F2328", valign: "top" as const, margin: 0.06 };

/** Cell text of a list: entries as lines, cut to what a slide can hold, with a count of the rest. */
function listCell(entries: string[], perLine: number, maxLines: number): { cell: TableCell; lines: number } {
  const shown: string[] = [];
  let lines = 0;
  for (const entry of entries) {
    const text = clean(entry);
    const cost = linesOf([text], perLine);
    if (lines + cost > maxLines && shown.length > 0) break;
    shown.push(text);
    lines += cost;
  }
  const rest = entries.length - shown.length;
  const runs: TableCell[] = shown.map((text, index) => ({
    text: `• ${text}`,
    options: { breakLine: index < shown.length - 1 || rest > 0 },
  }));
  if (rest > 0) runs.push({ text: `… and ${rest} more in the map`, options: { italic: true, color: "4F5861" } });
  return { cell: { text: runs.length > 0 ? runs : "", options: CELL }, lines: lines + (rest > 0 ? 1 : 0) };
}

/** A row of a table slide and its estimated lines; its cells may be made only when a slide shows it. */
interface TableRow {
  cells: TableCell[] | (() => TableCell[]);
  lines: number;
}

/** Rows of a table on as many slides as they need (each slide repeats the header row). */
function tableSlides(
  deck: PptxGenJS,
  title: string,
  header: string[],
  widths: number[],
  rows: TableRow[],
  maxSlides = MAX_TABLE_SLIDES,
): void {
  const pages: Array<typeof rows> = [];
  let page: typeof rows = [];
  let used = 0;
  for (const row of rows) {
    const lines = row.lines + 0.6; // a row's margins take about half a line
    if (page.length > 0 && used + lines > LINES_PER_SLIDE) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += lines;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  const shown = pages.slice(0, Math.max(1, Math.min(maxSlides, slidesLeft(deck))));
  shown.forEach((rowsOfPage, index) => {
    const suffix = pages.length > 1 ? ` (${index + 1} of ${pages.length})` : "";
    const slide = titled(deck, `${title}${suffix}`);
    const headerRow: Row = header.map((text) => ({ text, options: { ...CELL, bold: true, fill: HEADER_FILL } }));
    const table: Row[] = [
      headerRow,
      ...rowsOfPage.map((row) => (typeof row.cells === "function" ? row.cells() : row.cells)),
    ];
    slide.addTable(table, {
      x: MARGIN,
      y: BODY_TOP,
      w: SLIDE.width - 2 * MARGIN,
      colW: widths,
      border: { type: "solid", pt: 0.75, color: "8C959F" },
      autoPage: false,
    });
    if (index === shown.length - 1 && pages.length > shown.length) {
      slide.addText(clean(`… ${pages.length - shown.length} more slides of this table are left out: see the map`), {
        x: MARGIN,
        y: SLIDE.height - 0.45,
        w: SLIDE.width - 2 * MARGIN,
        h: 0.35,
        fontSize: 12,
        italic: true,
        color: "4F5861",
      });
    }
  });
}

const STAGE_WIDTHS = [3.8, 4.266, 4.267];
/** Characters a line of each column holds at 12 pt (about 12 an inch). */
const perLineOf = (width: number) => Math.max(8, Math.floor(width * 12));

function touchpointCell(journey: Journey, touchpoint: Touchpoint): { cell: TableCell; lines: number } {
  const name = clean(touchpoint.name);
  const facts = [
    touchpoint.channel ? `Channel: ${clean(touchpoint.channel, 200)}` : undefined,
    `Owner: ${clean(ownerLabel(ownershipOf(journey, touchpoint)) ?? "none", 200)}`,
  ].filter((fact): fact is string => fact !== undefined);
  const details = facts.join(" · ");
  const runs: TableCell[] = [
    { text: name, options: { bold: true, breakLine: true } },
    { text: details, options: { color: "4F5861", fontSize: 11 } },
  ];
  return { cell: { text: runs, options: CELL }, lines: linesOf([name, details], perLineOf(STAGE_WIDTHS[0]!)) };
}

function stageSlides(
  deck: PptxGenJS,
  stage: Stage,
  index: number,
  journey: Journey,
  labelOf: (opportunity: Opportunity) => string,
): void {
  const rows = (stage.touchpoints ?? []).map((touchpoint) => {
    const name = touchpointCell(journey, touchpoint);
    const pains = listCell(touchpoint.painPoints ?? [], perLineOf(STAGE_WIDTHS[1]!), LINES_PER_SLIDE - 2);
    const opportunities = listCell(
      (touchpoint.opportunities ?? []).map(labelOf),
      perLineOf(STAGE_WIDTHS[2]!),
      LINES_PER_SLIDE - 2,
    );
    return {
      cells: [name.cell, pains.cell, opportunities.cell],
      lines: Math.max(name.lines, pains.lines, opportunities.lines),
    };
  });
  tableSlides(
    deck,
    `Stage ${index + 1}: ${stage.name}`,
    ["Touchpoint", "Pain points", "Opportunities"],
    STAGE_WIDTHS,
    rows,
  );
}

/** Declared lanes a lane table shows side by side, beside the touchpoint column. */
const LANES_PER_TABLE = 3;
/** Slides of the declared lanes' tables at most, in all: they come last, after everything the deck has
 * without lanes, so a map's lanes never push its stages out of the deck (each slide costs about 5 ms). */
const MAX_LANE_SLIDES = 30;

/** Each stage's declared lanes, after the rest of the deck, within MAX_LANE_SLIDES. */
function laneSection(deck: PptxGenJS, journey: Journey, lanes: readonly DeclaredLane[]): void {
  if (lanes.length === 0) return;
  const first = slidesLeft(deck);
  for (const [index, stage] of journey.stages.entries()) {
    const used = first - slidesLeft(deck);
    if (used >= MAX_LANE_SLIDES || slidesLeft(deck) <= 0) {
      const declared = new Set(lanes.map((lane) => lane.id));
      const fills = (holder: Stage | Touchpoint) => filledLanes(holder).some(([id]) => declared.has(id));
      const rest = journey.stages.slice(index).filter((other) => fills(other) || (other.touchpoints ?? []).some(fills));
      if (rest.length === 0) return;
      leftOut(
        deck,
        `the lanes of ${rest.length} more stages`,
        `the deck gives the lanes at most ${MAX_LANE_SLIDES} slides`,
      );
      return;
    }
    laneSlides(deck, stage, index, lanes, MAX_LANE_SLIDES - used);
  }
}
const LANE_TOUCHPOINT_WIDTH = 3;

/** An entry of a declared lane as a slide shows it: its text, its wait and its fail point. */
function laneEntryLine(entry: LaneEntryObject): string {
  // Each of the author's texts isolated: a bidi override left open in one cannot reverse the marks after it.
  const marks = [
    entry.wait !== undefined ? `wait ${isolated(entry.wait)}` : undefined,
    entry.fail !== undefined
      ? `fail point${entry.fail.risk !== undefined ? `: ${isolated(entry.fail.risk)}` : ""}${entry.fail.owner !== undefined ? ` (${isolated(entry.fail.owner)})` : ""}`
      : undefined,
  ].filter((mark): mark is string => mark !== undefined);
  return marks.length > 0 ? `${isolated(entry.text)} [${marks.join("; ")}]` : entry.text;
}

/** A stage's declared lanes as tables after its stage slide: a row per touchpoint (and one for the whole
 * stage when it fills a lane), a column per lane, three lanes a table; only the lanes the stage fills. */
function laneSlides(
  deck: PptxGenJS,
  stage: Stage,
  index: number,
  lanes: readonly DeclaredLane[],
  maxSlides: number,
): void {
  const touchpoints = stage.touchpoints ?? [];
  const filled = new Set<string>();
  for (const holder of [stage, ...touchpoints]) for (const [id] of filledLanes(holder)) filled.add(id);
  const shown = lanes.filter((lane) => filled.has(lane.id));
  const left = slidesLeft(deck);
  for (let first = 0; first < shown.length; first += LANES_PER_TABLE) {
    const room = Math.min(maxSlides - (left - slidesLeft(deck)), slidesLeft(deck));
    if (room <= 0) return;
    const group = shown.slice(first, first + LANES_PER_TABLE);
    const width = (SLIDE.width - 2 * MARGIN - LANE_TOUCHPOINT_WIDTH) / group.length;
    const rowOf = (holder: Stage | Touchpoint, name: TableCell) => {
      const cells = group.map((lane) =>
        listCell(laneEntries(laneValueOf(holder, lane.id)).map(laneEntryLine), perLineOf(width), LINES_PER_SLIDE - 2),
      );
      return {
        cells: [name, ...cells.map((cell) => cell.cell)],
        lines: Math.max(1, ...cells.map((cell) => cell.lines)),
      };
    };
    const rows = [];
    if (group.some((lane) => laneValueOf(stage, lane.id) !== undefined))
      rows.push(rowOf(stage, { text: "The whole stage", options: { ...CELL, italic: true } }));
    for (const touchpoint of touchpoints)
      if (group.some((lane) => laneValueOf(touchpoint, lane.id) !== undefined))
        rows.push(rowOf(touchpoint, { text: clean(touchpoint.name), options: { ...CELL, bold: true } }));
    tableSlides(
      deck,
      `Stage ${index + 1}: ${stage.name}, lanes`,
      ["Touchpoint", ...group.map((lane) => clean(lane.label, 200))],
      [LANE_TOUCHPOINT_WIDTH, ...group.map(() => width)],
      rows,
      room,
    );
  }
}

/** The emotion curves as native line charts: one series per persona (as many as the picture draws). */
function emotionSlides(deck: PptxGenJS, journey: Journey): void {
  const touchpoints = [...touchpointsOf(journey)].map((entry) => entry.touchpoint);
  const scored = touchpoints.filter((touchpoint) => touchpoint.emotion !== undefined);
  // A curve per persona, as in the picture: a map that follows none has no curve to chart (and pptxgenjs
  // throws on a chart of no series).
  if (scored.length === 0 || journey.personas.length === 0) return;
  const theme = themeNamed("light");
  const personas = journey.personas.slice(0, MAX_CURVES);
  const charts = Math.min(Math.ceil(touchpoints.length / CHART_TOUCHPOINTS), MAX_CHARTS);
  for (let chart = 0; chart < charts; chart++) {
    const part = touchpoints.slice(chart * CHART_TOUCHPOINTS, (chart + 1) * CHART_TOUCHPOINTS);
    const count = Math.ceil(touchpoints.length / CHART_TOUCHPOINTS);
    const suffix =
      count > 1 ? ` (touchpoints ${chart * CHART_TOUCHPOINTS + 1}–${chart * CHART_TOUCHPOINTS + part.length})` : "";
    const slide = titled(deck, `Emotions along the journey${suffix}`);
    const labels = part.map((touchpoint) => clean(touchpoint.name, 40));
    const series = personas.map((persona) => ({
      name: clean(persona.name, 80),
      labels,
      values: part.map((touchpoint) =>
        personasAt(journey, touchpoint).includes(persona) ? (emotionOf(touchpoint, persona.id) ?? null) : null,
      ) as number[],
    }));
    slide.addChart(deck.ChartType.line, series, {
      x: MARGIN,
      y: BODY_TOP,
      w: SLIDE.width - 2 * MARGIN,
      h: SLIDE.height - BODY_TOP - 0.8,
      valAxisMinVal: 1,
      valAxisMaxVal: 5,
      valAxisMajorUnit: 1,
      valAxisTitle: `Emotion (1 ${EMOTION_WORDS[1]} – 5 ${EMOTION_WORDS[5]})`,
      showValAxisTitle: true,
      catAxisLabelRotate: part.length > 8 ? -45 : 0,
      catAxisLabelFontSize: 10,
      displayBlanksAs: "gap",
      lineDataSymbol: "circle",
      lineDataSymbolSize: 8,
      lineSize: 2,
      showLegend: true,
      legendPos: "b",
      chartColors: personas.map((persona, p) => personaColor(theme, p, persona.color).slice(1).toUpperCase()),
    });
    const notes = [
      ...(chart === charts - 1 && count > charts
        ? [`The charts show the first ${charts * CHART_TOUCHPOINTS} touchpoints: the picture holds the rest.`]
        : []),
      ...(chart === charts - 1 && journey.personas.length > MAX_CURVES
        ? [`The first ${MAX_CURVES} personas of ${journey.personas.length}, as in the picture.`]
        : []),
    ];
    if (notes.length > 0) {
      slide.addText(notes.join(" "), {
        x: MARGIN,
        y: SLIDE.height - 0.6,
        w: SLIDE.width - 2 * MARGIN,
        h: 0.4,
        fontSize: 12,
        italic: true,
        color: "4F5861",
      });
    }
  }
}

const METRIC_WIDTHS = [4.333, 2.6, 1.6, 1.6, 2.2];

const SUMMARY_WIDTHS = [4.333, 1.6, 1.6, 1.6, 1.6, 1.6];

/** A row per metric (its values counted on, near and off target), then every value that has a target
 * with its status, stage by stage. Values without a target are counted, not listed: nothing to judge. */
function metricSlides(deck: PptxGenJS, journey: Journey): void {
  const definitions = metricDefinitionsFor(journey);
  const summary = new Map<string, { values: number; on: number; near: number; off: number }>();
  // A 1 MB map can hold 20,000 values with a target: a row's cells are made only if a slide shows it.
  const rows: TableRow[] = [];
  for (const place of metricValuesOf(journey)) {
    const definition = definitions.get(place.id);
    const reading = readingOf(place.value);
    const target = targetOf(reading, definition);
    const status = metricStatus(reading, definition);
    let counts = summary.get(place.id);
    if (!counts) summary.set(place.id, (counts = { values: 0, on: 0, near: 0, off: 0 }));
    counts.values++;
    if (status) counts[status]++;
    if (target === undefined) continue;
    const where = place.touchpoint ? `${place.stage.name} › ${place.touchpoint.name}` : `${place.stage.name} (stage)`;
    const texts = [
      clean(where, 300),
      clean(metricLabel(place.id, definition), 200),
      clean(formatReading(reading, definition), 200),
      target === undefined ? "" : formatMetricNumber(target, definition),
      status ? STATUS_LABELS[status] : "",
    ];
    rows.push({
      cells: () =>
        texts.map((text, column) => ({
          text,
          options: { ...CELL, ...(column === 4 && status ? { color: STATUS_COLORS[status] } : {}) },
        })),
      lines: Math.max(...texts.map((text, column) => linesOf([text], perLineOf(METRIC_WIDTHS[column]!)))),
    });
  }
  if (summary.size === 0) return;
  const summaryRows = [...summary].map(([id, counts]) => {
    const definition = definitions.get(id);
    const target = definition?.target === undefined ? "" : formatMetricNumber(definition.target, definition);
    const texts = [
      clean(metricLabel(id, definition), 200),
      target,
      `${counts.values}`,
      `${counts.on}`,
      `${counts.near}`,
      `${counts.off}`,
    ];
    return {
      cells: texts.map((text): TableCell => ({ text, options: CELL })),
      lines: linesOf([texts[0]!], perLineOf(SUMMARY_WIDTHS[0]!)),
    };
  });
  tableSlides(
    deck,
    "Metrics",
    ["Metric", "Target", "Values", STATUS_LABELS.on, STATUS_LABELS.near, STATUS_LABELS.off],
    SUMMARY_WIDTHS,
    summaryRows,
  );
  if (rows.length === 0) return;
  tableSlides(
    deck,
    "Metrics against their targets",
    ["Where", "Metric", "Value", "Target", "Status"],
    METRIC_WIDTHS,
    rows,
  );
}

const STATUS_COLORS = { on: "116329", near: "7D4E00", off: "A40E26" } as const;

const PAIN_WIDTHS = [3, 3.666, 5.667];

/** Touchpoints with pain points and no opportunity yet: the gaps to work on. */
function unansweredPainSlides(deck: PptxGenJS, journey: Journey): void {
  const rows: Array<{ cells: TableCell[]; lines: number }> = [];
  for (const { stage, touchpoint } of touchpointsOf(journey)) {
    if ((touchpoint.painPoints ?? []).length === 0 || (touchpoint.opportunities ?? []).length > 0) continue;
    const stageName = clean(stage.name, 300);
    const name = clean(touchpoint.name);
    const pains = listCell(touchpoint.painPoints!, perLineOf(PAIN_WIDTHS[2]!), LINES_PER_SLIDE - 2);
    rows.push({
      cells: [{ text: stageName, options: CELL }, { text: name, options: { ...CELL, bold: true } }, pains.cell],
      lines: Math.max(
        linesOf([stageName], perLineOf(PAIN_WIDTHS[0]!)),
        linesOf([name], perLineOf(PAIN_WIDTHS[1]!)),
        pains.lines,
      ),
    });
  }
  if (rows.length === 0) return;
  tableSlides(deck, "Pain points with no opportunity yet", ["Stage", "Touchpoint", "Pain points"], PAIN_WIDTHS, rows);
}
