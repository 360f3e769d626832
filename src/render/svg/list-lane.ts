// A lane of bulleted lists, one card per touchpoint that has entries: what the picture draws for every
// list field the field registry gives a lane (actions, thoughts, pain points, opportunities...), and for
// the lanes a map declares of kind list or text (their entries' fail points and waits as small lines).
import { listOf, type Field } from "../../journey/fields.js";
import type { OpportunityStatus, Stage, Touchpoint } from "../../journey/model.js";
import { trackedLabel } from "../../journey/opportunity-labels.js";
import { BODY, BULLET_INDENT, PAD, SMALL, evenRow } from "./column.js";
import type { Box, Surface, Tone } from "./geometry.js";
import type { Lane, LaneLine } from "./lane.js";
import { stageCard, touchpointCard, type CardColumn } from "./card.js";
import { fillsAny, slotsFilling, stageSpans, type Filling } from "./stage-span.js";

/** What a list lane shows: its label, its cards' surface, and the lines of each touchpoint (and stage). */
export interface ListSource {
  label: string;
  /** A declared lane's id: its entries are written as the lane's (the layers mark them by it). Absent: a
   * lane of the field registry, whose entries go by the lane's name. */
  id?: string;
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
  const status = field.key === "opportunities";
  return listLaneOf({
    label: field.label,
    lines: (touchpoint) =>
      entries(touchpoint).map((text, position) => {
        const line = status ? statusLine(touchpoint, position) : undefined;
        return line ? { text, notes: [{ text: line.text, font: SMALL, tone: line.tone }] } : { text };
      }),
  });
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
      // A declared lane's entry and its small lines (a fail point, a wait) are one line of the card, written
      // as the lane's (by its id): a changed wait marks the entry. A built-in lane's go by the lane's name.
      const write = (text: CardColumn, entries: LaneLine[]) =>
        entries.forEach((line, i) => {
          if (i) text.space(3);
          const body = () => (source.plain ? text.paragraph(line.text, BODY) : text.bullet(line.text, BODY));
          const notes = () => {
            for (const note of line.notes ?? []) text.paragraph(note.text, note.font, note.tone, BULLET_INDENT);
          };
          if (source.id !== undefined) {
            text.declaredEntry(source.id, i, () => {
              body();
              notes();
            });
            return;
          }
          // An entry's notes (an opportunity's status, a fail point, a wait) are part of it when it changed.
          text.entryLines(name, i, () => {
            body();
            notes();
          });
        });
      const spans = stageSpans(context, top, name, filling, stageLines, (card, entries, column, stage) => {
        const text = stageCard(layout, context, column, stage, card.id, top);
        write(text, entries);
        const box: Box = { ...card, surface, height: 0 };
        text.close(box);
        box.height = text.y + PAD - top;
        layout.boxes.push(box);
        return box;
      });
      const cardsTop = spans.bottom;
      const cards: Box[] = [];
      for (const slot of slotsFilling(context, filling)) {
        const entries = lines(slot.touchpoint);
        if (!entries.length) continue;
        const id = `t${slot.index + 1}-${name}`;
        const text = touchpointCard(layout, context, slot, id, cardsTop);
        write(text, entries);
        const card: Box = { id, surface, x: slot.x, y: cardsTop, width: slot.width, height: 0 };
        text.close(card);
        card.height = text.y + PAD - cardsTop;
        cards.push(card);
        layout.boxes.push(card);
      }
      if (!cards.length) return Math.max(minHeight, spans.bottom - spans.gap - top);
      return cardsTop - top + evenRow(cards, spans.cards ? 0 : minHeight);
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
