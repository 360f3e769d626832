// Where a declared lane's values go: a card across the stage's whole column for what a stage gives it,
// in a row of its own above the touchpoints' cards of that lane (a stage-wide policy reads as the
// stage's, not a step's), and the slots of the touchpoints that fill it. A lane visits only the stages
// and touchpoints that fill it, so a thousand lanes over thousands of touchpoints stay linear.
import type { Stage, Touchpoint } from "../../journey/model.js";
import { evenRow } from "./column.js";
import type { Box, PictureLaneName, Rect } from "./geometry.js";
import type { Column, LaneContext, LaneLine, TouchpointSlot } from "./lane.js";

/** Between the stage row and the touchpoints' cards: as in the metrics lane. */
const STAGE_ROW_GAP = 8;

/** Where the stage row ended: `bottom` is where the touchpoints' cards start (`top` with no stage
 * card), `gap` the space left under the row, `cards` how many stage cards were drawn. */
export interface StageSpans {
  bottom: number;
  gap: number;
  cards: number;
}

/** The stages and touchpoints that give a lane values, in map order (absent: any may). */
export interface Filling {
  stages?: readonly Stage[];
  touchpoints?: readonly Touchpoint[];
}

const places = new WeakMap<
  LaneContext,
  { columns: Map<Stage, [Column, number]>; slots: Map<Touchpoint, TouchpointSlot> }
>();

/** The grid's columns by stage and slots by touchpoint, indexed once per picture. */
function placesOf(context: LaneContext) {
  let found = places.get(context);
  if (!found) {
    found = {
      columns: new Map(context.columns.map((column, s) => [column.stage, [column, s]])),
      slots: new Map(context.touchpoints.map((slot) => [slot.touchpoint, slot])),
    };
    places.set(context, found);
  }
  return found;
}

/** The slots of the touchpoints that fill a lane, in journey order. */
export function slotsFilling(context: LaneContext, filling: Filling): readonly TouchpointSlot[] {
  if (!filling.touchpoints) return context.touchpoints;
  const { slots } = placesOf(context);
  return filling.touchpoints.flatMap((touchpoint) => slots.get(touchpoint) ?? []);
}

/** Whether a touchpoint or a stage that fills the lane gives it any line: a lane nobody fills is left out. */
export function fillsAny(
  context: LaneContext,
  filling: Filling,
  lines: (touchpoint: Touchpoint) => LaneLine[],
  stageLines: ((stage: Stage) => LaneLine[]) | undefined,
): boolean {
  if (slotsFilling(context, filling).some(({ touchpoint }) => lines(touchpoint).length > 0)) return true;
  const stages = filling.stages ?? context.columns.map(({ stage }) => stage);
  return stageLines !== undefined && stages.some((stage) => stageLines(stage).length > 0);
}

/** Draws, with `draw`, a card per stage that gives the lane something (told the stage's column and its
 * index in map order, for the layers over its card), and evens the row. */
export function stageSpans(
  context: LaneContext,
  top: number,
  name: PictureLaneName,
  filling: Filling,
  stageLines: ((stage: Stage) => LaneLine[]) | undefined,
  draw: (card: Rect & { id: string }, lines: LaneLine[], column: Column, stage: number) => Box,
): StageSpans {
  if (!stageLines) return { bottom: top, gap: 0, cards: 0 };
  const { columns } = placesOf(context);
  const cards: Box[] = [];
  const stages = filling.stages ?? context.columns.map((column) => column.stage);
  for (const stage of stages) {
    const place = columns.get(stage);
    const lines = place ? stageLines(stage) : [];
    if (!place || !lines.length) continue;
    const [column, s] = place;
    const card = { id: `s${s + 1}-${name}`, x: column.x, y: top, width: column.width, height: 0 };
    cards.push(draw(card, lines, column, s));
  }
  if (!cards.length) return { bottom: top, gap: 0, cards: 0 };
  return { bottom: top + evenRow(cards, 0) + STAGE_ROW_GAP, gap: STAGE_ROW_GAP, cards: cards.length };
}
