// A lane of chips: small rounded boxes, wrapped left to right in a card per touchpoint (and across a
// stage's column for what the stage gives), for the lanes a map declares of kind tags, people or systems,
// whose entries are names rather than sentences.
import type { Stage, Touchpoint } from "../../journey/model.js";
import { BODY, PAD, TextColumn, evenRow } from "./column.js";
import type { Box, Layout, Rect } from "./geometry.js";
import type { Lane, LaneLine } from "./lane.js";
import { fillsAny, slotsFilling, stageSpans, type Filling } from "./stage-span.js";
import { measure } from "./text.js";

/** Room around a chip's text, and between chips. */
const CHIP_PAD_X = 6;
const CHIP_PAD_Y = 3;
const CHIP_GAP = 6;

/** What a chip lane shows: its label and each touchpoint's (and stage's) chips. */
export interface ChipSource {
  label: string;
  lines: (touchpoint: Touchpoint) => LaneLine[];
  stageLines?: (stage: Stage) => LaneLine[];
  /** The stages and touchpoints that fill the lane (absent: any may). */
  filling?: Filling;
}

/** Lays `lines` out as chips in `card` from `top + PAD`, pushing the card then its chips; returns the card. */
function chipCard(layout: Layout, card: Rect & { id: string }, top: number, lines: LaneLine[]): Box {
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
    const text = new TextColumn(layout, id, x + CHIP_PAD_X, width - 2 * CHIP_PAD_X, y + CHIP_PAD_Y);
    text.paragraph(line.text, BODY, line.tone ?? "text");
    const chip: Box = { id, surface: "chip", x, y, width, height: text.y + CHIP_PAD_Y - y };
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
      const spans = stageSpans(context, top, name, filling, stageLines, (card, entries) =>
        chipCard(layout, card, top, entries),
      );
      const cards: Box[] = [];
      for (const slot of slotsFilling(context, filling)) {
        const entries = lines(slot.touchpoint);
        if (!entries.length) continue;
        const card = { id: `t${slot.index + 1}-${name}`, x: slot.x, y: spans.bottom, width: slot.width, height: 0 };
        cards.push(chipCard(layout, card, spans.bottom, entries));
      }
      if (!cards.length) return Math.max(minHeight, spans.bottom - spans.gap - top);
      return spans.bottom - top + evenRow(cards, spans.cards ? 0 : minHeight);
    },
  };
}
