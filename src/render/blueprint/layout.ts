// Geometry of the service blueprint: the touchpoints as columns under their stages, Shostack's five rows
// as strips of cards, the three lines between the rows, and the arrows (route.ts) in the gutters and gaps
// between cards. Pure numbers, no SVG and no colours: draw.ts turns a BlueprintLayout into markup.
import type { BlueprintLayer, Journey, LaneEntryObject, Score, Stage, Touchpoint } from "../../journey/model.js";
import { emotionOf, entryText, personasAt } from "../../journey/model.js";
import { declaredLanes, laneEntries, laneValueOf, type DeclaredLane } from "../../journey/lanes.js";
import { countOf } from "../../journey/queries.js";
import { BASELINE, cleanText, measure, wrap, type Font } from "../svg/text.js";
import type { Rect, Tone } from "../svg/geometry.js";
import { MIN_GUTTER, placeArrows, routeArrows, type Arrow, type ArrowRequest, type Channels } from "./route.js";

/** What a card or a label is, which decides its fill (draw.ts has a colour for each). */
export type BlueprintSurface = "stage" | "touchpoint" | "label" | "emotion" | RowKey;

/** The rows top to bottom: Shostack's five, then the declared lanes that belong to none. */
export type RowKey = "evidence" | "customer" | "frontstage" | "backstage" | "support" | "other";

export const ROW_LABELS: Record<RowKey, string> = {
  evidence: "Physical evidence",
  customer: "Customer actions",
  frontstage: "Frontstage",
  backstage: "Backstage",
  support: "Support processes",
  other: "Other lanes",
};

/** The lines drawn across the picture between two rows, and the row each one sits above. */
export type LineKind = "interaction" | "visibility" | "internal";
const LINES: ReadonlyArray<{ kind: LineKind; label: string; above: RowKey }> = [
  { kind: "interaction", label: "Line of interaction", above: "frontstage" },
  { kind: "visibility", label: "Line of visibility", above: "backstage" },
  { kind: "internal", label: "Line of internal interaction", above: "support" },
];

const LAYER_ROWS: Record<BlueprintLayer, RowKey> = {
  customer: "customer",
  frontstage: "frontstage",
  backstage: "backstage",
  support: "support",
};

// Sizes in px.
const MARGIN = 24;
const PAD = 8;
const LABEL_WIDTH = 150;
export const COLUMN_WIDTH = 180;
/** The room a fail or wait mark takes at a card's top right corner. */
const MARK_SIZE = 16;
const EMOTION_HEIGHT = 56;
/** The band at the top of a gap that holds one of the three lines and its label. */
const LINE_BAND = 20;
const STRIP_GAP = 8;
const ROW_GAP = 12;
const OTHER_GAP = 28;
const EMPTY_STRIP = 30;

/** The arrows a blueprint draws, at most: past them it counts the others in a line under the legend. Real
 * blueprints draw tens to hundreds (the example 17, the browser check 400, the bench 1,000); 2,000 already
 * fill every gutter of 80 columns to its 24 tracks, past which arrows share tracks and read as one. A 1 MB
 * map declares 150,000 and more (every frontstage entry served by every support process), whose SVG took
 * 6.8 s and 489 MB; 50,000 took 3.9 s on a loaded 2-core machine. 2,000 take 0.1 s (docs/blueprint.md). */
export const MAX_ARROWS = 2_000;

const TITLE: Font = { size: 22, bold: true };
const DESCRIPTION: Font = { size: 13 };
const STAGE: Font = { size: 14, bold: true };
const NAME: Font = { size: 12, bold: true };
const LABEL: Font = { size: 12, bold: true };
const BODY: Font = { size: 12 };
const SMALL: Font = { size: 11 };
const SMALL_BOLD: Font = { size: 11, bold: true };
const lineHeight = (font: Font): number => font.size * 1.35;

/** Writes one line of text with its top at `top`, and returns the line's height. */
function writeLine(
  layout: { texts: BlueprintLayout["texts"] },
  box: string,
  line: { text: string; width: number },
  font: Font,
  tone: Tone,
  x: number,
  top: number,
): number {
  layout.texts.push({
    box,
    text: line.text,
    x,
    y: top + BASELINE * font.size,
    width: line.width,
    size: font.size,
    bold: font.bold === true,
    tone,
  });
  return lineHeight(font);
}

export interface BlueprintCard extends Rect {
  id: string;
  surface: BlueprintSurface;
  /** The header, the legend and the lines' names: kept for containment checks, not painted. */
  invisible?: boolean;
  /** A fail point: the red circled F at the top right corner (its centre). */
  fail?: { x: number; y: number; r: number };
  /** A wait: Shostack's triangle with a W (the centre of its box). */
  wait?: { x: number; y: number; size: number };
}

export interface BlueprintText {
  box: string;
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  size: number;
  bold: boolean;
  tone: Tone;
}

/** One of the three lines: it runs at y from x to x + width; its name is a text above it at the left. */
export interface BlueprintLine extends Rect {
  kind: LineKind;
}

export interface EmotionCurve {
  persona: number;
  name: string;
  ownColor?: string | undefined;
  /** Runs of consecutive scored touchpoints, joined by a line. */
  segments: Array<Array<{ x: number; y: number; score: Score }>>;
}

export interface BlueprintLayout {
  width: number;
  height: number;
  title: string;
  summary: string;
  cards: BlueprintCard[];
  texts: BlueprintText[];
  lines: BlueprintLine[];
  arrows: Arrow[];
  /** Faint bands behind every other stage. */
  bands: Rect[];
  curves: EmotionCurve[];
  /** The legend at the bottom: where its three samples go. */
  legend: {
    y: number;
    fail: { x: number; y: number };
    wait: { x: number; y: number };
    arrow: { x: number; y: number };
  };
}

/** One card before it has a place: its text, its marks, and which strip and columns it takes. */
interface PendingCard {
  id: string;
  surface: BlueprintSurface;
  strip: number;
  /** Columns first..last (a stage's value spans its stage). */
  first: number;
  last: number;
  lines: Array<{ text: string; font: Font; tone: Tone; width: number }>;
  height: number;
  fail: boolean;
  wait: boolean;
  entry?: LaneEntryObject;
}

/** A row of the picture: one layer's lane (or its own touchpoint field) with its strips of cards. */
interface SubRow {
  row: RowKey;
  label?: string;
  firstStrip: number;
  strips: number;
}

interface Strip {
  subRow: number;
  height: number;
}

export interface BlueprintOptions {
  /** Draw the emotion row (default: when the map has any emotion score). */
  emotion?: boolean;
}

/** Lays a map out as a service blueprint. Linear in the map's entries and arrows. */
export function layoutBlueprint(journey: Journey, options: BlueprintOptions = {}): BlueprintLayout {
  const teams = new Map<string, string>();
  for (const team of journey.teams ?? []) if (!teams.has(team.id)) teams.set(team.id, team.name ?? team.id);
  const opportunities = opportunityTitles(journey);

  // Columns: a touchpoint each, an empty stage one empty column.
  const columns: Array<{ stage: number; touchpoint?: Touchpoint }> = [];
  const stageSpans: Array<{ first: number; last: number }> = [];
  journey.stages.forEach((stage, s) => {
    const first = columns.length;
    for (const touchpoint of stage.touchpoints ?? []) columns.push({ stage: s, touchpoint });
    if (columns.length === first) columns.push({ stage: s });
    stageSpans.push({ first, last: columns.length - 1 });
  });
  if (columns.length === 0) columns.push({ stage: -1 });

  const lanes = declaredLanes(journey);
  const subRows: SubRow[] = [];
  const strips: Strip[] = [];
  const pending: PendingCard[] = [];
  let cardCount = 0;
  const stagesOf = new Map<number, number[]>();

  const textWidth = (first: number, last: number, marks: number) =>
    (last - first + 1) * COLUMN_WIDTH + (last - first) * MIN_GUTTER - 2 * PAD - marks * (MARK_SIZE + 2);

  const addCard = (
    surface: RowKey,
    strip: number,
    first: number,
    last: number,
    entry: LaneEntryObject,
    plain: boolean,
  ): void => {
    const fail = !plain && entry.fail !== undefined;
    const wait = !plain && typeof entry.wait === "string";
    // The marks sit beside the text's first line (as tall as a mark): only that text leaves them room.
    let width = textWidth(first, last, (fail ? 1 : 0) + (wait ? 1 : 0));
    const lines: PendingCard["lines"] = [];
    const push = (text: string, font: Font, tone: Tone) => {
      for (const line of wrap(text, font, width)) lines.push({ text: line.text, font, tone, width: line.width });
    };
    push(entry.text, BODY, "text");
    if (lines.length > 0 && lineHeight(BODY) >= MARK_SIZE) width = textWidth(first, last, 0);
    if (fail) {
      const failPoint = entry.fail!;
      if (typeof failPoint.risk === "string") push(`Fails: ${failPoint.risk}`, SMALL, "warning");
      const owner = typeof failPoint.owner === "string" ? (teams.get(failPoint.owner) ?? failPoint.owner) : undefined;
      push(owner === undefined ? "Owner: none" : `Owner: ${owner}`, SMALL_BOLD, "warning");
      if (typeof failPoint.opportunity === "string")
        push(`Fix: ${opportunities.get(failPoint.opportunity) ?? failPoint.opportunity}`, SMALL, "muted");
    }
    if (wait) push(`Wait: ${entry.wait}`, SMALL_BOLD, "caution");
    const height = Math.max(
      lines.reduce((sum, line) => sum + lineHeight(line.font), 0) + 2 * PAD,
      fail || wait ? MARK_SIZE + 2 * PAD : 0,
    );
    pending.push({
      id: `card-${++cardCount}`,
      surface,
      strip,
      first,
      last,
      lines,
      height,
      fail,
      wait,
      ...(plain ? {} : { entry }),
    });
  };

  /** A sub-row: stage strips for the stages' own values, then touchpoint strips, an entry per strip. */
  const addSubRow = (
    row: RowKey,
    label: string | undefined,
    ofStage: ((stage: Stage) => LaneEntryObject[]) | undefined,
    ofTouchpoint: (touchpoint: Touchpoint) => LaneEntryObject[],
    plain: boolean,
  ): void => {
    const subRow = subRows.length;
    const firstStrip = strips.length;
    if (ofStage) {
      journey.stages.forEach((stage, s) => {
        const entries = ofStage(stage);
        const span = stageSpans[s]!;
        entries.forEach((entry, k) => {
          while (strips.length <= firstStrip + k) strips.push({ subRow, height: 0 });
          const strip = firstStrip + k;
          // Only this stage's cards span its inner gutters: route.ts keeps arrows out of them in these strips.
          let list = stagesOf.get(s);
          if (!list) stagesOf.set(s, (list = []));
          list.push(strip);
          addCard(row, strip, span.first, span.last, entry, plain);
        });
      });
    }
    const touchpointStrips = strips.length;
    columns.forEach((column, c) => {
      if (!column.touchpoint) return;
      ofTouchpoint(column.touchpoint).forEach((entry, k) => {
        while (strips.length <= touchpointStrips + k) strips.push({ subRow, height: 0 });
        addCard(row, touchpointStrips + k, c, c, entry, plain);
      });
    });
    if (strips.length === firstStrip) strips.push({ subRow, height: EMPTY_STRIP });
    subRows.push({ row, ...(label !== undefined ? { label } : {}), firstStrip, strips: strips.length - firstStrip });
  };

  const texts = (values: readonly unknown[] | undefined): LaneEntryObject[] =>
    (values ?? []).map((value) => ({ text: entryText(value as string) }));
  const laneRows = (lane: DeclaredLane, row: RowKey) =>
    addSubRow(
      row,
      lane.label,
      (stage) => laneEntries(laneValueOf(stage, lane.id)),
      (touchpoint) => laneEntries(laneValueOf(touchpoint, lane.id)),
      false,
    );

  addSubRow("evidence", undefined, undefined, (touchpoint) => texts(touchpoint.evidence), true);
  const layerLanes = (layer: BlueprintLayer) => lanes.filter((lane) => lane.layer === layer);
  const customerLanes = layerLanes("customer");
  const hasActions = columns.some((column) => (column.touchpoint?.actions?.length ?? 0) > 0);
  if (hasActions || customerLanes.length === 0)
    addSubRow("customer", undefined, undefined, (touchpoint) => texts(touchpoint.actions), true);
  for (const lane of customerLanes) laneRows(lane, "customer");
  for (const layer of ["frontstage", "backstage", "support"] as const) {
    const own = layerLanes(layer);
    if (own.length === 0) addSubRow(LAYER_ROWS[layer], undefined, undefined, () => [], true);
    for (const lane of own) laneRows(lane, LAYER_ROWS[layer]);
  }
  // Lanes with no layer are still the team's data: drawn under the blueprint, after a gap, not dropped.
  for (const lane of lanes.filter((candidate) => candidate.layer === undefined)) laneRows(lane, "other");

  // Strips are as tall as their tallest card; a sub-row at least as tall as its label.
  for (const card of pending) strips[card.strip]!.height = Math.max(strips[card.strip]!.height, card.height);
  const labelTexts = subRows.map((subRow, r) => {
    const lines: Array<{ text: string; font: Font; tone: Tone; width: number }> = [];
    const firstOfRow = r === 0 || subRows[r - 1]!.row !== subRow.row;
    if (firstOfRow)
      for (const line of wrap(ROW_LABELS[subRow.row], LABEL, LABEL_WIDTH - 8 - 2 * PAD))
        lines.push({ text: line.text, font: LABEL, tone: "text", width: line.width });
    if (subRow.label !== undefined)
      for (const line of wrap(subRow.label, SMALL, LABEL_WIDTH - 8 - 2 * PAD))
        lines.push({ text: line.text, font: SMALL, tone: "muted", width: line.width });
    return lines;
  });

  // Arrows: each entry's servedBy names entries by id, the first entry of that id (lint reports repeats).
  const byId = new Map<string, number>();
  pending.forEach((card, index) => {
    const id = card.entry?.id;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, index);
  });
  // Past MAX_ARROWS the arrows are only counted: routing and drawing stay linear in what is drawn.
  const requests: ArrowRequest[] = [];
  let declaredArrows = 0;
  pending.forEach((card, index) => {
    const servedBy = card.entry?.servedBy;
    if (!Array.isArray(servedBy)) return;
    // An id named twice draws one arrow, as lint counts it: a servedBy of 300,000 repeats is one arrow.
    const named = servedBy.length > 1 ? new Set<number>() : undefined;
    for (const id of servedBy) {
      const from = typeof id === "string" ? byId.get(id) : undefined;
      // An id naming nothing, or the card itself, draws no arrow: lint reports both.
      if (from === undefined || from === index || named?.has(from)) continue;
      named?.add(from);
      declaredArrows++;
      if (requests.length < MAX_ARROWS) requests.push({ from, to: index });
    }
  });
  const arrowsNotDrawn = declaredArrows - requests.length;
  const stageStrips = new Map<number, number[]>();
  for (const [stage, list] of stagesOf)
    stageStrips.set(
      stage,
      [...new Set(list)].sort((a, b) => a - b),
    );
  const channels: Channels = routeArrows(requests, pending, strips.length, columns.length, (column) => {
    const stage = columns[column]?.stage;
    return stage === undefined || stage < 0 ? undefined : { span: stageSpans[stage]!, strips: stageStrips.get(stage) };
  });

  // Now every gutter's and gap's width is known: place the columns and the strips.
  const layout: BlueprintLayout = {
    width: 0,
    height: 0,
    title: journey.title,
    summary: blueprintSummary(journey, pending.length, requests.length, arrowsNotDrawn, pending),
    cards: [],
    texts: [],
    lines: [],
    arrows: [],
    bands: [],
    curves: [],
    legend: { y: 0, fail: { x: 0, y: 0 }, wait: { x: 0, y: 0 }, arrow: { x: 0, y: 0 } },
  };
  const columnX: number[] = [];
  let x = MARGIN + LABEL_WIDTH;
  for (let c = 0; c < columns.length; c++) {
    x += channels.gutterWidth(c);
    columnX.push(x);
    x += COLUMN_WIDTH;
  }
  x += channels.gutterWidth(columns.length);
  const gridRight = x;
  const contentRight = Math.max(gridRight, MARGIN + 640);

  let y = MARGIN;
  const paragraph = (box: string, text: string, font: Font, tone: Tone, left: number, width: number) => {
    for (const line of wrap(text, font, width)) y += writeLine(layout, box, line, font, tone, left, y);
  };
  layout.cards.push({
    id: "header",
    surface: "label",
    x: MARGIN,
    y: MARGIN,
    width: contentRight - MARGIN,
    height: 0,
    invisible: true,
  });
  paragraph("header", journey.title, TITLE, "text", MARGIN, contentRight - MARGIN);
  if (journey.description)
    paragraph("header", journey.description, DESCRIPTION, "muted", MARGIN, contentRight - MARGIN);
  layout.cards[0]!.height = y - MARGIN;
  y += ROW_GAP;
  const gridTop = y;

  // Stage headers across their touchpoints, then a card per touchpoint naming it.
  const stageHeight = headerRow(
    layout,
    journey.stages.map((stage, s) => {
      const span = stageSpans[s]!;
      const left = columnX[span.first]!;
      return {
        id: `stage-${s + 1}`,
        surface: "stage" as const,
        x: left,
        width: columnX[span.last]! + COLUMN_WIDTH - left,
        lines: [{ text: stage.name, font: STAGE, tone: "text" }],
      };
    }),
    y,
  );
  y += stageHeight + ROW_GAP;
  const touchpointHeight = headerRow(
    layout,
    columns.flatMap((column, c) => {
      if (!column.touchpoint) return [];
      const lines: Array<{ text: string; font: Font; tone: Tone }> = [
        { text: column.touchpoint.name, font: NAME, tone: "text" },
      ];
      if (typeof column.touchpoint.channel === "string")
        lines.push({ text: column.touchpoint.channel, font: SMALL, tone: "muted" });
      return [
        { id: `touchpoint-${c + 1}`, surface: "touchpoint" as const, x: columnX[c]!, width: COLUMN_WIDTH, lines },
      ];
    }),
    y,
  );
  y += touchpointHeight;

  // The emotion row: thin, above the physical evidence, when the map scores any touchpoint.
  const scored = columns.some((column) => column.touchpoint?.emotion !== undefined);
  if (options.emotion ?? scored) {
    y += ROW_GAP;
    layoutEmotion(layout, journey, columns, columnX, y);
    y += EMOTION_HEIGHT;
  }

  // Strips and gaps, top to bottom; gap g is above strip g. The three lines sit in the gaps between layers.
  const stripTop: number[] = [];
  const gapTop: number[] = [];
  const bands: number[] = [];
  const subRowTop: number[] = [];
  for (let s = 0; s <= strips.length; s++) {
    const below = strips[s];
    const above = s > 0 ? strips[s - 1] : undefined;
    const rowBelow = below ? subRows[below.subRow]!.row : undefined;
    const rowAbove = above ? subRows[above.subRow]!.row : undefined;
    const line = rowBelow !== rowAbove ? LINES.find((candidate) => candidate.above === rowBelow) : undefined;
    const base =
      below === undefined
        ? 0
        : above === undefined
          ? ROW_GAP
          : rowBelow === "other" && rowAbove !== "other"
            ? OTHER_GAP
            : below.subRow !== above.subRow
              ? ROW_GAP
              : STRIP_GAP;
    gapTop.push(y);
    if (line) {
      // The line's name above it, in the label column where no arrow runs; the band grows to hold it.
      const words = wrap(line.label, SMALL_BOLD, LABEL_WIDTH - 8);
      const band = Math.max(LINE_BAND, words.length * lineHeight(SMALL_BOLD) + 6);
      words.forEach((word, i) =>
        layout.texts.push({
          box: `line-${line.kind}`,
          text: word.text,
          x: MARGIN,
          y: y + 2 + i * lineHeight(SMALL_BOLD) + BASELINE * SMALL_BOLD.size,
          width: word.width,
          size: SMALL_BOLD.size,
          bold: true,
          tone: "muted",
        }),
      );
      layout.lines.push({ kind: line.kind, x: MARGIN, y: y + band - 2, width: contentRight - MARGIN, height: 0 });
      layout.cards.push({
        id: `line-${line.kind}`,
        surface: "label",
        x: MARGIN,
        y,
        width: LABEL_WIDTH - 8,
        height: band - 3,
        invisible: true,
      });
      y += band;
      bands.push(band);
    } else bands.push(0);
    y += channels.gapHeight(s, base);
    if (!below) break;
    if (s === 0 || below.subRow !== above!.subRow) subRowTop[below.subRow] = y;
    stripTop.push(y);
    // A sub-row's last strip grows when its label needs more room than its strips take.
    const subRow = subRows[below.subRow]!;
    if (s === subRow.firstStrip + subRow.strips - 1) {
      const labelHeight = labelTexts[below.subRow]!.reduce((sum, line) => sum + lineHeight(line.font), 0) + 2 * PAD;
      below.height = Math.max(below.height, labelHeight - (y - subRowTop[below.subRow]!));
    }
    y += below.height;
  }
  const gridBottom = y;

  // Labels at the left, one per sub-row.
  subRows.forEach((subRow, r) => {
    const top = subRowTop[r]!;
    const last = subRow.firstStrip + subRow.strips - 1;
    const bottom = stripTop[last]! + strips[last]!.height;
    const id = `label-${r + 1}`;
    layout.cards.push({ id, surface: subRow.row, x: MARGIN, y: top, width: LABEL_WIDTH - 8, height: bottom - top });
    let lineY = top + PAD;
    for (const line of labelTexts[r]!) lineY += writeLine(layout, id, line, line.font, line.tone, MARGIN + PAD, lineY);
  });

  // The cards, each at the top of its strip in its columns.
  const placed: BlueprintCard[] = pending.map((card) => {
    const left = columnX[card.first]!;
    const box: BlueprintCard = {
      id: card.id,
      surface: card.surface,
      x: left,
      y: stripTop[card.strip]!,
      width: columnX[card.last]! + COLUMN_WIDTH - left,
      height: card.height,
    };
    let markX = box.x + box.width - PAD - MARK_SIZE / 2;
    if (card.fail) {
      box.fail = { x: markX, y: box.y + PAD + MARK_SIZE / 2, r: MARK_SIZE / 2 };
      markX -= MARK_SIZE + 2;
    }
    if (card.wait) box.wait = { x: markX, y: box.y + PAD + MARK_SIZE / 2, size: MARK_SIZE };
    let lineY = box.y + PAD;
    for (const line of card.lines) lineY += writeLine(layout, card.id, line, line.font, line.tone, box.x + PAD, lineY);
    return box;
  });
  layout.cards.push(...placed);
  layout.arrows = placeArrows(channels, placed, columnX, COLUMN_WIDTH, gapTop, bands);

  stageSpans.forEach((span, s) => {
    if (s % 2 === 1)
      layout.bands.push({
        x: columnX[span.first]! - 6,
        y: gridTop - 6,
        width: columnX[span.last]! + COLUMN_WIDTH - columnX[span.first]! + 12,
        height: gridBottom - gridTop + 12,
      });
  });

  // The legend: what the marks and the arrows mean, each sample followed by its words.
  const legendY = gridBottom + ROW_GAP * 2;
  const words = [
    "Fail point (its owner under the text)",
    "Wait (its duration under the text)",
    "Served by (from the card that serves)",
  ];
  const samples: Array<{ x: number; y: number }> = [];
  let legendX = MARGIN;
  for (const [i, text] of words.entries()) {
    const sample = i === 2 ? 32 : MARK_SIZE;
    samples.push({ x: i === 2 ? legendX : legendX + MARK_SIZE / 2, y: legendY + MARK_SIZE / 2 });
    const left = legendX + sample + 6;
    const width = measure(text, SMALL);
    layout.texts.push({
      box: "legend",
      text,
      x: left,
      y: legendY + 12,
      width,
      size: SMALL.size,
      bold: false,
      tone: "muted",
    });
    legendX = left + width + 24;
  }
  layout.legend = { y: legendY, fail: samples[0]!, wait: samples[1]!, arrow: samples[2]! };
  layout.cards.push({
    id: "legend",
    surface: "label",
    x: MARGIN,
    y: legendY,
    width: legendX - 24 - MARGIN,
    height: MARK_SIZE,
    invisible: true,
  });
  let legendRight = legendX - 24;
  let bottom = legendY + MARK_SIZE;
  if (arrowsNotDrawn > 0) {
    // Said on the picture itself, where the reader counts the arrows, not only in a message on the terminal.
    const text = arrowsNotDrawnNote(arrowsNotDrawn);
    const top = bottom + ROW_GAP;
    const width = measure(text, SMALL_BOLD);
    writeLine(layout, "arrows-not-drawn", { text, width }, SMALL_BOLD, "warning", MARGIN, top);
    layout.cards.push({
      id: "arrows-not-drawn",
      surface: "label",
      x: MARGIN,
      y: top,
      width,
      height: lineHeight(SMALL_BOLD),
      invisible: true,
    });
    legendRight = Math.max(legendRight, MARGIN + width);
    bottom = top + lineHeight(SMALL_BOLD);
  }

  layout.width = Math.ceil(Math.max(contentRight, legendRight) + MARGIN);
  layout.height = Math.ceil(bottom + MARGIN);
  return layout;
}

/** The line under the legend of a blueprint that declares more arrows than it draws. */
export function arrowsNotDrawnNote(count: number): string {
  // Grouped by hand: toLocaleString's first call loads ICU, a tenth of a second.
  const grouped = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, ",");
  const more = count === 1 ? "1 more arrow" : `${grouped(count)} more arrows`;
  return (
    `${more} not drawn: a blueprint draws at most ${grouped(MAX_ARROWS)}, ` +
    "those into the top rows first (render --format xlsx lists every servedBy)"
  );
}

/** A row of header cards (stages, touchpoints) all as tall as the tallest. Returns the row's height. */
function headerRow(
  layout: BlueprintLayout,
  headers: Array<{
    id: string;
    surface: "stage" | "touchpoint";
    x: number;
    width: number;
    lines: Array<{ text: string; font: Font; tone: Tone }>;
  }>,
  top: number,
): number {
  let height = 0;
  const cards = headers.map((header) => {
    let lineY = top + PAD;
    for (const source of header.lines)
      for (const line of wrap(source.text, source.font, header.width - 2 * PAD))
        lineY += writeLine(layout, header.id, line, source.font, source.tone, header.x + PAD, lineY);
    height = Math.max(height, lineY + PAD - top);
    return { id: header.id, surface: header.surface, x: header.x, y: top, width: header.width, height: 0 };
  });
  for (const card of cards) card.height = height;
  layout.cards.push(...cards);
  return height;
}

/** One curve per persona through the touchpoints it scores, in the thin row above the physical evidence. */
function layoutEmotion(
  layout: BlueprintLayout,
  journey: Journey,
  columns: ReadonlyArray<{ touchpoint?: Touchpoint }>,
  columnX: readonly number[],
  top: number,
): void {
  layout.cards.push({
    id: "label-emotion",
    surface: "emotion",
    x: MARGIN,
    y: top,
    width: LABEL_WIDTH - 8,
    height: EMOTION_HEIGHT,
  });
  layout.texts.push({
    box: "label-emotion",
    text: "Emotion",
    x: MARGIN + PAD,
    y: top + PAD + BASELINE * LABEL.size,
    width: 0,
    size: LABEL.size,
    bold: true,
    tone: "text",
  });
  const index = new Map<string, number>();
  journey.personas.forEach((persona, p) => {
    if (!index.has(persona.id)) index.set(persona.id, p);
  });
  const runs = new Map<number, EmotionCurve>();
  const last = new Map<number, number>();
  const inner = EMOTION_HEIGHT - 12;
  columns.forEach((column, c) => {
    const touchpoint = column.touchpoint;
    if (!touchpoint || touchpoint.emotion === undefined) return;
    for (const persona of personasAt(journey, touchpoint)) {
      const p = index.get(persona.id)!;
      const score = emotionOf(touchpoint, persona.id);
      if (score === undefined) continue;
      let curve = runs.get(p);
      if (!curve)
        runs.set(
          p,
          (curve = { persona: p, name: cleanText(persona.name).slice(0, 200), ownColor: persona.color, segments: [] }),
        );
      const point = { x: columnX[c]! + COLUMN_WIDTH / 2, y: top + 6 + ((5 - score) / 4) * inner, score };
      if (last.get(p) === c - 1 && curve.segments.length > 0) curve.segments.at(-1)!.push(point);
      else curve.segments.push([point]);
      last.set(p, c);
    }
  });
  layout.curves = [...runs.values()].sort((a, b) => a.persona - b.persona);
}

/** The titles of the map's tracked opportunities by id, for the fail points that name them. */
function opportunityTitles(journey: Journey): Map<string, string> {
  const titles = new Map<string, string>();
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      for (const opportunity of touchpoint.opportunities ?? [])
        if (typeof opportunity !== "string" && typeof opportunity.title === "string" && !titles.has(opportunity.id))
          titles.set(opportunity.id, opportunity.title);
  return titles;
}

function blueprintSummary(
  journey: Journey,
  cards: number,
  arrows: number,
  notDrawn: number,
  pending: readonly PendingCard[],
): string {
  const fails = pending.filter((card) => card.fail).length;
  const waits = pending.filter((card) => card.wait).length;
  const touchpoints = journey.stages.reduce((sum, stage) => sum + (stage.touchpoints?.length ?? 0), 0);
  const summary =
    `Service blueprint with ${countOf(journey.stages.length, "stage")} ` +
    `(${journey.stages.map((stage) => stage.name).join(", ")}) and ${countOf(touchpoints, "touchpoint")}: ` +
    `${countOf(cards, "card")} in the rows physical evidence, customer actions, frontstage, backstage and ` +
    `support processes, ${countOf(arrows, "arrow")} from the cards that serve others` +
    `${notDrawn > 0 ? ` (${notDrawn} more not drawn)` : ""}, ` +
    `${countOf(fails, "fail point")} and ${countOf(waits, "wait")}.`;
  return journey.description ? `${journey.description.trim()} ${summary}` : summary;
}
