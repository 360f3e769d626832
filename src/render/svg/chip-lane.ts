// A lane of chips: small rounded boxes, wrapped left to right in a card per touchpoint (and across a
// stage's column for what the stage gives), for the lanes a map declares of kind tags, people or systems,
// whose entries are names rather than sentences.
import type { Stage, Touchpoint } from "../../journey/model.js";
import { CardColumn } from "./card.js";
import { BODY, PAD, evenRow } from "./column.js";
import type { Box, Layout, Rect } from "./geometry.js";
import type { CardRef, Lane, LaneContext, LaneLine } from "./lane.js";
import { fillsAny, slotsFilling, stageSpans, type Filling } from "./stage-span.js";
import { measure } from "./text.js";

/** Room around a chip's text, and between chips. */
const CHIP_PAD_X = 6;
const CHIP_PAD_Y = 3;
const CHIP_GAP = 6;

/** What a chip lane shows: its label and each touchpoint's (and stage's) chips. */
export interface ChipSource {
  label: string;
  /** The declared lane's id: each chip is written as the lane's entry (the layers mark a changed one by it). */
  id: string;
  lines: (touchpoint: Touchpoint) => LaneLine[];
  stageLines?: (stage: Stage) => LaneLine[];
  /** The stages and touchpoints that fill the lane (absent: any may). */
  filling?: Filling;
}

/** Lays `lines` out as chips in `card` from `top + PAD`, pushing the card then its chips; returns the card.
 * Each chip is a card of its own to the layers, of the touchpoint or stage `of`, holding entry `i` of lane `laneId`. */
function chipCard(
  layout: Layout,
  context: LaneContext,
  of: Pick<CardRef, "on" | "index">,
  laneId: string,
  card: Rect & { id: string },
  top: number,
  lines: LaneLine[],
): Box {
  const box: Box = { ...card, surface: "declared", y: top, height: 0 };
  layout.boxes.push(box);
  const left = card.x + PAD;
  const room = card.width - 2 * PAD;
  let x = left;
  let y = top + PAD;
  let rowBottom = y;
  lines.forEach((line, i) => {
    const width = Math.min(room, Math.ceil(measure(line.text, BODY)) + 2 * CHIP_PAD_X + 1);
    if (x > left && x + width > left + room) {
      x = left;
      y = rowBottom + CHIP_GAP;
    }
    const id = `${card.id}-${i + 1}`;
    const ref: CardRef = { ...of, role: "lane", id, x, width };
    const text = new CardColumn(layout, ref, context.layers, y + CHIP_PAD_Y, CHIP_PAD_X).open();
    text.declaredEntry(laneId, i, () => text.paragraph(line.text, BODY, line.tone ?? "text"));
    const chip: Box = { id, surface: "chip", x, y, width, height: 0 };
    text.close(chip);
    chip.height = text.y + CHIP_PAD_Y - y;
    layout.boxes.push(chip);
    rowBottom = Math.max(rowBottom, chip.y + chip.height);
    x += width + CHIP_GAP;
  });
  box.height = rowBottom + PAD - top;
  return box;
}

export function chipLane(source: ChipSource): Lane {
  const { lines, stageLines } = source;
  const filling = source.filling ?? {};
  return {
    label: source.label,
    entries: (touchpoint) => lines(touchpoint).map((line) => line.text),
    filled: (context) => fillsAny(context, filling, lines, stageLines),
    layout(layout, context, { name, top, minHeight }) {
      const spans = stageSpans(context, top, name, filling, stageLines, (card, entries, _column, stage) =>
        chipCard(layout, context, { on: "stage", index: stage }, source.id, card, top, entries),
      );
      const cards: Box[] = [];
      for (const slot of slotsFilling(context, filling)) {
        const entries = lines(slot.touchpoint);
        if (!entries.length) continue;
        const card = { id: `t${slot.index + 1}-${name}`, x: slot.x, y: spans.bottom, width: slot.width, height: 0 };
        const of = { on: "touchpoint", index: slot.index } as const;
        cards.push(chipCard(layout, context, of, source.id, card, spans.bottom, entries));
      }
      if (!cards.length) return Math.max(minHeight, spans.bottom - spans.gap - top);
      return spans.bottom - top + evenRow(cards, spans.cards ? 0 : minHeight);
    },
  };
}
