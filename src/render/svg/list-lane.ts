// A lane of bulleted lists, one card per touchpoint that has entries: what the picture draws for every
// list field the field registry gives a lane (actions, thoughts, pain points, opportunities...), and for
// the lanes a map declares of kind list or text (their entries' fail points and waits as small lines).
import { listOf, type Field } from "../../journey/fields.js";
import type { OpportunityStatus, Stage, Touchpoint } from "../../journey/model.js";
import { trackedLabel } from "../../journey/opportunity-labels.js";
import { BODY, BULLET_INDENT, PAD, SMALL, evenRow } from "./column.js";
import type { Box, Surface, Tone } from "./geometry.js";
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
      const write = (text: MarkedColumn, entries: LaneLine[]) =>
        entries.forEach((line, i) => {
          if (i) text.space(3);
          const notes = line.notes ?? [];
          if (!notes.length && !source.plain) return text.entry(name, i, line.text, BODY);
          text.entryLines(name, i, () => {
            if (source.plain) text.paragraph(line.text, BODY);
            else text.bullet(line.text, BODY);
            for (const note of notes) text.paragraph(note.text, note.font, note.tone, BULLET_INDENT);
          });
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
