// A lane of bulleted lists, one card per touchpoint that has entries: what the picture draws for every
// list field the field registry gives a lane (actions, thoughts, pain points, opportunities...).
import { listOf, type Field } from "../../journey/fields.js";
import type { OpportunityStatus, Touchpoint } from "../../journey/model.js";
import { trackedLabel } from "../../journey/opportunity-labels.js";
import { BODY, BULLET_INDENT, PAD, SMALL, evenRow } from "./column.js";
import type { Box, Tone } from "./geometry.js";
import type { Lane } from "./lane.js";
import { touchpointColumn } from "./marks.js";

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
        const text = touchpointColumn(layout, context, slot, id, top);
        lines.forEach((line, i) => {
          if (i) text.space(3);
          const status = field.key === "opportunities" ? statusLine(slot.touchpoint, i) : undefined;
          if (!status) return text.entry(name, i, line, BODY);
          text.entryLines(name, i, () => {
            text.bullet(line, BODY);
            text.paragraph(status.text, SMALL, status.tone, BULLET_INDENT);
          });
        });
        const card: Box = { id, surface: name, x: slot.x, y: top, width: slot.width, height: text.y + PAD - top };
        cards.push(card);
        layout.boxes.push(card);
      }
      return evenRow(cards, minHeight);
    },
  };
}

/** The tone of an opportunity's status line on the picture (the words say the status too): ideas and
 * dropped work muted, planned work blue, work in progress amber, done green. */
const OPPORTUNITY_TONES: Record<OpportunityStatus, Tone> = {
  idea: "muted",
  planned: "accent",
  "in-progress": "caution",
  done: "good",
  dropped: "muted",
};

/** The small line under an opportunity tracked as work: its status and owner ("planned · app"), in the
 * status's tone. None for an opportunity written as text or named by id alone. */
function statusLine(touchpoint: Touchpoint, position: number): { text: string; tone: Tone } | undefined {
  const opportunity = touchpoint.opportunities?.[position];
  const label = opportunity === undefined ? undefined : trackedLabel(opportunity);
  if (!label) return undefined;
  return {
    text: label.owner === undefined ? label.words : `${label.words} · ${label.owner}`,
    tone: OPPORTUNITY_TONES[label.status],
  };
}
