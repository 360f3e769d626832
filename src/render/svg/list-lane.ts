// A lane of bulleted lists, one card per touchpoint that has entries: what the picture draws for every
// list field the field registry gives a lane (actions, thoughts, pain points, opportunities...), and for
// the lanes a map declares of kind list or text (their entries' fail points and waits as small lines).
import { listOf, type Field } from "../../journey/fields.js";
import type { Stage, Touchpoint } from "../../journey/model.js";
import { BODY, BULLET_INDENT, PAD, evenRow } from "./column.js";
import type { Box, Surface } from "./geometry.js";
import type { Lane, LaneLine } from "./lane.js";
import { MarkedColumn, touchpointColumn } from "./marks.js";
import { fillsAny, slotsFilling, stageSpans, type Filling } from "./stage-span.js";

/** What a list lane shows: its label, its cards' surface, and the lines of each touchpoint (and stage). */
export interface ListSource {
  label: string;
  /** The cards' fill; absent: the lane's own (a built-in lane's). */
  surface?: Surface;
  /** Entries as paragraphs rather than bullets (a lane of free text). */
  plain?: boolean;
  lines: (touchpoint: Touchpoint) => LaneLine[];
  /** What a stage gives the lane, drawn across the stage's column above its touchpoints' cards. */
  stageLines?: (stage: Stage) => LaneLine[];
  /** The stages and touchpoints that fill the lane (absent: any may). */
  filling?: Filling;
}

/** The lane of a list field: its label, and its entries as written (in quotes for a quoted list). */
export function listLane(field: Field): Lane {
  const quoted = typeof field.lane === "object" && "list" in field.lane && field.lane.list === "quoted";
  const entries = quoted
    ? (touchpoint: Touchpoint) => listOf(touchpoint, field.key).map((entry) => `“${entry}”`)
    : (touchpoint: Touchpoint) => [...listOf(touchpoint, field.key)];
  return listLaneOf({ label: field.label, lines: (touchpoint) => entries(touchpoint).map((text) => ({ text })) });
}

/** A lane of bulleted cards from any source of lines. */
export function listLaneOf(source: ListSource): Lane {
  const { lines, stageLines } = source;
  const filling = source.filling ?? {};
  return {
    label: source.label,
    entries: (touchpoint) => lines(touchpoint).map((line) => line.text),
    filled: (context) => fillsAny(context, filling, lines, stageLines),
    layout(layout, context, { name, surface: laneSurface, top, minHeight }) {
      const surface = source.surface ?? laneSurface;
      const write = (text: MarkedColumn, entries: LaneLine[]) =>
        entries.forEach((line, i) => {
          if (i) text.space(3);
          if (source.plain) text.entryLines(name, i, () => text.paragraph(line.text, BODY));
          else text.entry(name, i, line.text, BODY);
          for (const note of line.notes ?? []) text.paragraph(note.text, note.font, note.tone, BULLET_INDENT);
        });
      const spans = stageSpans(context, top, name, filling, stageLines, (card, entries) => {
        const text = new MarkedColumn(layout, card, undefined, top + PAD);
        write(text, entries);
        const box: Box = { ...card, surface, height: text.y + PAD - top };
        layout.boxes.push(box);
        return box;
      });
      const cardsTop = spans.bottom;
      const cards: Box[] = [];
      for (const slot of slotsFilling(context, filling)) {
        const entries = lines(slot.touchpoint);
        if (!entries.length) continue;
        const id = `t${slot.index + 1}-${name}`;
        const text = touchpointColumn(layout, context, slot, id, cardsTop);
        write(text, entries);
        const card: Box = { id, surface, x: slot.x, y: cardsTop, width: slot.width, height: text.y + PAD - cardsTop };
        cards.push(card);
        layout.boxes.push(card);
      }
      if (!cards.length) return Math.max(minHeight, spans.bottom - spans.gap - top);
      return cardsTop - top + evenRow(cards, spans.cards ? 0 : minHeight);
    },
  };
}
