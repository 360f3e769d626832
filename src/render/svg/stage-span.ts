// The values a stage gives a declared lane: a card across the stage's whole column, in a row of its own
// above the touchpoints' cards of that lane, so a stage-wide policy reads as the stage's, not a step's.
import type { Stage } from "../../journey/model.js";
import { evenRow } from "./column.js";

/** Between the stage row and the touchpoints' cards: as in the metrics lane. */
const STAGE_ROW_GAP = 8;
import type { Box, PictureLaneName, Rect } from "./geometry.js";
import type { LaneContext, LaneLine } from "./lane.js";

/** Where the stage row ended: `bottom` is where the touchpoints' cards start (`top` with no stage
 * card), `gap` the space left under the row, `cards` how many stage cards were drawn. */
export interface StageSpans {
  bottom: number;
  gap: number;
  cards: number;
}

/** Draws, with `draw`, a card per stage that gives the lane something, and evens the row. */
export function stageSpans(
  context: LaneContext,
  top: number,
  name: PictureLaneName,
  stageLines: ((stage: Stage) => LaneLine[]) | undefined,
  draw: (card: Rect & { id: string }, lines: LaneLine[]) => Box,
): StageSpans {
  if (!stageLines) return { bottom: top, gap: 0, cards: 0 };
  const cards: Box[] = [];
  context.columns.forEach((column, s) => {
    const lines = stageLines(column.stage);
    if (!lines.length) return;
    cards.push(draw({ id: `s${s + 1}-${name}`, x: column.x, y: top, width: column.width, height: 0 }, lines));
  });
  if (!cards.length) return { bottom: top, gap: 0, cards: 0 };
  return { bottom: top + evenRow(cards, 0) + STAGE_ROW_GAP, gap: STAGE_ROW_GAP, cards: cards.length };
}
