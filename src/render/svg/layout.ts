// Geometry of the native journey-map picture: where every box, line of text and curve point goes.
// Pure numbers, no SVG and no colours (draw.ts turns a Layout into markup), so tests can check
// widths, wrapping and overlaps on the layout itself. The header, the lanes and the emotion curve
// are laid out by their own modules; this one sets up the columns and stacks the parts.
import type { Journey } from "../../journey/model.js";
import { DEFAULT_MAX_AGE_DAYS } from "../../journey/metrics.js";
import { summaryOf } from "../../journey/queries.js";
import { membersOf, personaIndex, type PersonaIndex } from "./cast.js";
import {
  GAP,
  LABEL,
  LABEL_WIDTH,
  MARGIN,
  PAD,
  SLOT_MIN,
  SMALL,
  SMALL_BOLD,
  STAGE,
  TextColumn,
  largest,
} from "./column.js";
import { layoutHeader, PERSONA_WIDTH } from "./header.js";
import type { Box, Layout, MapLinker, PictureMarks } from "./geometry.js";
import type { Column, LaneContext, PictureLayer, TouchpointSlot } from "./lane.js";
import { DECLARED_BOXES_MAX, lanesOf, slotWidthOf, type PictureLane } from "./lanes.js";
import { CardColumn } from "./card.js";
import { marksLayer, marksLayout } from "./marks-layer.js";

export { LANE_NAMES, LANES, lanesOf, type LaneName, type PictureLane, type PictureLaneName } from "./lanes.js";
export type {
  Bar,
  Box,
  Bullet,
  CurvePoint,
  GridLine,
  Layout,
  LinkArea,
  MapLinker,
  PersonaCurve,
  Rect,
  Swatch,
  TextLine,
} from "./geometry.js";

/** What a picture may add to the map itself: the marks of a change, links to the maps cards detail. */
export interface LayoutOptions extends MetricOptions {
  marks?: PictureMarks;
  linker?: MapLinker;
}

const MIN_CONTENT_WIDTH = 640;

/** Lays the stages out side by side, a slot per touchpoint (an empty stage gets one empty slot). */
function layoutColumns(
  journey: Journey,
  index: PersonaIndex,
  lanes: readonly PictureLane[],
): { columns: Column[]; touchpoints: TouchpointSlot[]; right: number } {
  const touchpoints: TouchpointSlot[] = [];
  let x = MARGIN + LABEL_WIDTH + GAP;
  let count = 0;
  const slotWidth = slotWidthOf(lanes);
  const columns = journey.stages.map((stage): Column => {
    const start = x;
    for (const touchpoint of stage.touchpoints ?? []) {
      const width = slotWidth(touchpoint);
      touchpoints.push({ touchpoint, index: count++, x, width, members: membersOf(index, touchpoint) });
      x += width + GAP;
    }
    if (x === start) x += SLOT_MIN + GAP;
    return { stage, x: start, width: x - GAP - start };
  });
  return { columns, touchpoints, right: x - GAP };
}

/** A row saying how many declared lanes the picture left out, and where they all are. */
function notDrawnRow(layout: Layout, y: number, count: number): number {
  const id = "lane-declared-more";
  const label = new TextColumn(layout, id, MARGIN + PAD, LABEL_WIDTH - 2 * PAD, y + PAD);
  label.paragraph(`${count.toLocaleString("en-US")} more lanes`, LABEL);
  label.paragraph("not drawn: too many values for one picture; the Markdown page lists them", SMALL, "muted");
  const height = label.y + PAD - y;
  layout.boxes.push({ id, surface: "lane", x: MARGIN, y, width: LABEL_WIDTH, height });
  return y + height + GAP;
}

/** What the picture measures metric values against: the day (none: no date is shown) and the window. */
export interface MetricOptions {
  asOf?: string;
  windowDays?: number;
}

/** Lays a map out; with `marks`, as the picture of a change (src/diff/picture.ts makes them); with `linker`,
 * cards that detail another map link to its page. */
export function layoutJourney(journey: Journey, options: LayoutOptions = {}): Layout {
  const { marks, linker } = options;
  const layout: Layout = {
    width: 0,
    height: 0,
    title: journey.title,
    summary: summaryOf(journey),
    boxes: [],
    texts: [],
    bullets: [],
    bands: [],
    grid: [],
    curves: [],
    swatches: [],
    bars: [],
    faceRadius: 8,
    ...(marks ? { marks: marksLayout(marks) } : {}),
    links: [],
  };
  // The layers drawn over the lanes: the marks of a change, when the picture is one.
  const layers: PictureLayer[] = marks ? [marksLayer(marks, layout)] : [];

  // Columns first: their widths decide the picture's width, which the header wraps into.
  const index = personaIndex(journey);
  const lanes = lanesOf(journey);
  const { columns, touchpoints, right } = layoutColumns(journey, index, lanes);
  const personaRowWidth = Math.min(journey.personas.length, 3) * (PERSONA_WIDTH + GAP) - GAP;
  const contentWidth = Math.max(right - MARGIN, personaRowWidth, MIN_CONTENT_WIDTH);
  let y = layoutHeader(layout, journey, contentWidth, MARGIN);

  // Stage headers, then the lanes; every box in a row grows to the row's tallest.
  const gridTop = y;
  const stageBoxes = columns.map((column, s) => {
    const id = `stage-${s + 1}`;
    const card = { on: "stage", index: s, role: "header", id, x: column.x, width: column.width } as const;
    const text = new CardColumn(layout, card, layers, y + PAD).open();
    text.paragraph(column.stage.name, STAGE);
    if (column.stage.description) text.paragraph(column.stage.description, SMALL, "muted");
    const detail = column.stage.details === undefined ? undefined : linker?.(column.stage.details);
    if (detail) {
      text.paragraph(`→ ${detail.title}`, SMALL_BOLD, "muted");
      layout.links.push({ box: id, href: detail.href });
    }
    const box: Box = { id, surface: "stage", x: column.x, y, width: column.width, height: 0 };
    text.close(box);
    box.height = text.y + PAD - y;
    layout.boxes.push(box);
    return box;
  });
  const stageHeight = largest(
    stageBoxes.map((box) => box.height),
    0,
  );
  for (const box of stageBoxes) box.height = stageHeight;
  y += stageHeight + GAP;

  const context: LaneContext = {
    journey,
    columns,
    touchpoints,
    index,
    ...(layers.length ? { layers } : {}),
    ...(linker ? { linker } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    windowDays: options.windowDays ?? DEFAULT_MAX_AGE_DAYS,
  };
  let declaredBoxes = 0;
  let notDrawn = 0;
  for (const { name, lane, surface, id } of lanes) {
    if (!lane.filled(context)) continue;
    if (id !== undefined && declaredBoxes >= DECLARED_BOXES_MAX) {
      notDrawn++;
      continue;
    }
    const boxesBefore = layout.boxes.length;
    const labelId = `lane-${name}`;
    const label = new TextColumn(layout, labelId, MARGIN + PAD, LABEL_WIDTH - 2 * PAD, y + PAD);
    label.paragraph(lane.label, LABEL);
    const note = lane.note?.(context);
    if (note) label.paragraph(note, SMALL, "muted");
    const labelBox: Box = { id: labelId, surface: "lane", x: MARGIN, y, width: LABEL_WIDTH, height: 0 };
    layout.boxes.push(labelBox);
    const minHeight = label.y + PAD - y;
    const height = Math.max(
      minHeight,
      lane.layout(layout, context, { name, surface, top: y, labelBottom: label.y, minHeight }),
    );
    labelBox.height = height;
    y += height + GAP;
    if (id !== undefined) declaredBoxes += layout.boxes.length - boxesBefore;
  }
  if (notDrawn) y = notDrawnRow(layout, y, notDrawn);

  const gridBottom = y - GAP;
  columns.forEach((column, s) => {
    if (s % 2 === 1)
      layout.bands.push({
        x: column.x - GAP / 2,
        y: gridTop - GAP / 2,
        width: column.width + GAP,
        height: gridBottom - gridTop + GAP,
      });
  });
  let bottom = gridBottom;
  for (const layer of layers) bottom = layer.below?.(layout, bottom + GAP, contentWidth) ?? bottom;
  layout.width = MARGIN + contentWidth + MARGIN;
  layout.height = Math.ceil(bottom + MARGIN);
  return layout;
}
