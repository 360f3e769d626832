// A lane of bulleted lists, one card per touchpoint that has entries: what the picture draws for every
// list field the field registry gives a lane (actions, thoughts, pain points, opportunities...).
import { listOf, type Field } from "../../journey/fields.js";
import type { Touchpoint } from "../../journey/model.js";
import { BODY, PAD, evenRow } from "./column.js";
import type { Box } from "./geometry.js";
import type { Lane } from "./lane.js";
import { touchpointCard } from "./card.js";

/** The lane of a list field: its label, and its entries as written (in quotes for a quoted list). */
export function listLane(field: Field): Lane {
  const quoted = typeof field.lane === "object" && "list" in field.lane && field.lane.list === "quoted";
  const entries = quoted
    ? (touchpoint: Touchpoint) => listOf(touchpoint, field.key).map((entry) => `“${entry}”`)
    : (touchpoint: Touchpoint) => [...listOf(touchpoint, field.key)];
  return {
    label: field.label,
    entries,
    filled: ({ touchpoints }) => touchpoints.some(({ touchpoint }) => listOf(touchpoint, field.key).length > 0),
    layout(layout, context, { name, top, minHeight }) {
      const cards: Box[] = [];
      for (const slot of context.touchpoints) {
        const lines = entries(slot.touchpoint);
        if (!lines.length) continue;
        const id = `t${slot.index + 1}-${name}`;
        const text = touchpointCard(layout, context, slot, id, top);
        lines.forEach((line, i) => {
          if (i) text.space(3);
          text.entry(name, i, line, BODY);
        });
        const card: Box = { id, surface: name, x: slot.x, y: top, width: slot.width, height: 0 };
        text.close(card);
        card.height = text.y + PAD - top;
        cards.push(card);
        layout.boxes.push(card);
      }
      return evenRow(cards, minHeight);
    },
  };
}
