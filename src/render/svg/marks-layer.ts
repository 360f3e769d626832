// The marks of a change as a layer over the picture's lanes (lane.ts, PictureLayer): a heading at the top
// of each marked touchpoint's or stage's header card ("✚ Added") and what it was at its bottom, the
// card's border, a highlight on each changed line any lane reports, removed touchpoints as ghosts, the
// old emotion curves traced through the emotion lane's frame, and the legend under the grid. No lane
// knows about marks; marks.ts draws what this lays out.
import type { Score } from "../../journey/model.js";
import { shorten } from "../../text/shorten.js";
import { BODY, BODY_BOLD, MARGIN, PAD, SMALL, SMALL_BOLD, TextColumn, lineHeight } from "./column.js";
import type {
  Box,
  Layout,
  MarkKind,
  MarksLayout,
  PersonaCurve,
  PictureMarks,
  Sample,
  TouchpointMarks,
} from "./geometry.js";
import type { CardRef, PictureLayer, TouchpointSlot } from "./lane.js";
import { measure } from "./text.js";

const HEADINGS: Record<MarkKind, string> = { added: "✚ Added", changed: "✎ Changed", removed: "✖ Removed" };
const MAX_NOTES = 6;
const NOTE_MAX = 300;

/** A new, empty marks layout when the picture has marks. */
export function marksLayout(marks: PictureMarks | undefined): MarksLayout | undefined {
  return (
    marks && {
      labels: marks.labels,
      ...(marks.notDrawn ? { notDrawn: marks.notDrawn } : {}),
      highlights: [],
      oldCurves: [],
      samples: [],
    }
  );
}

/** The layer of a change's marks over `layout` (whose `marks` it fills). */
export function marksLayer(marks: PictureMarks, layout: Layout): PictureLayer {
  const marksOf = (card: CardRef) =>
    card.on === "stage" ? marks.stages.get(card.index) : marks.touchpoints.get(card.index);
  const touchpointMarks = (card: CardRef): TouchpointMarks | undefined =>
    card.on === "touchpoint" ? marks.touchpoints.get(card.index) : undefined;
  return {
    open(card, column) {
      const mark = card.role === "header" ? marksOf(card) : undefined;
      if (mark) column.paragraph(`${HEADINGS[mark.kind]}${card.on === "stage" ? " stage" : ""}`, SMALL_BOLD);
    },
    // A removed touchpoint's lines are all secondary: it is no longer part of the journey.
    tone: (card, tone) => (touchpointMarks(card)?.kind === "removed" ? "muted" : tone),
    line(card, line) {
      // A stage's card (a lane that draws what a stage fills) has its declared lanes' entries marked too.
      const mark = line.declared ? marksOf(card) : touchpointMarks(card);
      if (!mark || !changed(mark, line) || !layout.marks) return;
      layout.marks.highlights.push({
        box: card.id,
        field: line.key,
        x: card.x + 3,
        y: line.top - 1,
        width: card.width - 6,
        height: line.bottom - line.top + 2,
      });
    },
    close(card, column) {
      // The card's notes (what it was), small and muted, at most MAX_NOTES and a count of the rest.
      const notes = (card.role === "header" ? marksOf(card)?.notes : undefined) ?? [];
      if (!notes.length) return;
      column.space(4);
      // Cut like a tooltip: a note quotes map text (an old description, a removed item) of any length.
      for (const note of notes.slice(0, MAX_NOTES)) column.paragraph(shorten(note, NOTE_MAX), SMALL, "muted");
      if (notes.length > MAX_NOTES) column.paragraph(`… and ${notes.length - MAX_NOTES} more changes`, SMALL, "muted");
    },
    box(card, box) {
      // Sets the box's mark, so that draw.ts gives it the mark's border.
      const mark = card.role === "header" ? marksOf(card) : undefined;
      if (mark) box.mark = mark.kind;
    },
    ghost: (index) => marks.touchpoints.get(index)?.kind === "removed",
    // The old version's curve keeps the emotion lane when the new version scores nothing there.
    fills: (lane) => lane === "emotion" && oldEmotionFilled(marks),
    curves(frame) {
      if (!layout.marks) return;
      // The old version's curve goes under the new one.
      const old = frame.trace({
        inVersion: (slot) => marks.touchpoints.get(slot.index)?.kind !== "added",
        scoreAt: (slot, id, current) => oldScore(marks, slot, id, current),
      });
      layout.marks.oldCurves = oldCurvesToDraw(old, frame.curves);
    },
    below: (target, top, contentWidth) =>
      layoutLegend(
        target,
        top,
        contentWidth,
        target.boxes.some((box) => box.id === "lane-emotion"),
      ),
  };
}

/** Whether a line a lane wrote shows a change: a changed field of the card, a new or changed entry. */
function changed(
  mark: Pick<TouchpointMarks, "fields" | "entries" | "lanes">,
  line: { field?: string; lane?: string; declared?: boolean; position?: number },
) {
  if (line.field !== undefined) return mark.fields?.has(line.field as never) === true;
  if (line.lane === undefined || line.position === undefined) return false;
  if (line.declared) return mark.lanes?.get(line.lane)?.has(line.position) === true;
  const entries = mark.entries as Record<string, ReadonlySet<number> | undefined> | undefined;
  return entries !== undefined && Object.hasOwn(entries, line.lane) && entries[line.lane]!.has(line.position);
}

/** The old version's score of persona `id` at a slot, or undefined (an added touchpoint, or none). */
function oldScore(marks: PictureMarks, slot: TouchpointSlot, id: string, newScore: () => Score | undefined) {
  const mark = marks.touchpoints.get(slot.index);
  if (!marks.oldPersonas.has(id) || mark?.kind === "added") return undefined;
  if (!mark?.oldEmotion) return mark?.kind === "removed" ? undefined : newScore();
  return Object.prototype.hasOwnProperty.call(mark.oldEmotion, id) ? mark.oldEmotion[id] : undefined;
}

/** Whether the old version scores anything the picture shows: the emotion lane then stays, for its curve. */
function oldEmotionFilled(marks: PictureMarks): boolean {
  for (const mark of marks.touchpoints.values())
    if (mark.oldEmotion && Object.keys(mark.oldEmotion).length) return true;
  return false;
}

/** The old curves worth drawing: on each only the points where the old score is not the new one, and
 * none for a persona the old version does not score at all. */
function oldCurvesToDraw(oldCurves: PersonaCurve[], curves: PersonaCurve[]): PersonaCurve[] {
  const drawn: PersonaCurve[] = [];
  for (const curve of oldCurves) {
    if (!curve.points.length) continue;
    const same = new Set(
      curves.find((other) => other.persona === curve.persona)?.points.map((point) => `${point.x},${point.y}`) ?? [],
    );
    drawn.push({ ...curve, points: curve.points.filter((point) => !same.has(`${point.x},${point.y}`)) });
  }
  return drawn;
}

const SAMPLE_WIDTH = 36;
const SAMPLE_HEIGHT = 18;
const ITEM_MAX = 300;

/** The legend under the grid: what each mark means, with a sample of each. Returns the bottom. */
function layoutLegend(layout: Layout, top: number, contentWidth: number, emotion: boolean): number {
  const marks = layout.marks;
  if (!marks) return top;
  const { old: oldLabel, new: newLabel } = marks.labels;
  // Two versions of one map usually share a title: then the legend says before and after.
  const same = oldLabel === newLabel;
  const id = "legend";
  const title = new TextColumn(layout, id, MARGIN + PAD, contentWidth - 2 * PAD, top + PAD);
  title.paragraph(same ? "Changes to this map" : `Changes from “${oldLabel}” to “${newLabel}”`, BODY_BOLD);
  if (marks.notDrawn)
    title.paragraph(
      `… and ${marks.notDrawn} more change${marks.notDrawn === 1 ? "" : "s"} not drawn (--format markdown or --format json lists them all)`,
      BODY_BOLD,
      "warning",
    );
  const items: Array<[Sample, string]> = [
    ["added", "✚ Added touchpoint or stage"],
    ["changed", "✎ Changed touchpoint or stage"],
    ["removed", "✖ Removed, shown where it was"],
    ["highlight", "Changed line (bar at its left)"],
  ];
  if (emotion)
    items.push(
      ["new-curve", `Emotion ${same ? "after the change" : `in “${newLabel}”`} (solid, faces)`],
      [
        "old-curve",
        `Emotion ${same ? "before the change" : `in “${oldLabel}”`} (thin dashes, hollow dots where it differs)`,
      ],
    );
  const right = MARGIN + contentWidth - PAD;
  let x = MARGIN + PAD;
  let y = title.y + 6;
  let rowHeight = 0;
  for (const [sample, label] of items) {
    const width = Math.min(ITEM_MAX, Math.ceil(measure(label, BODY)) + 2);
    if (x > MARGIN + PAD && x + SAMPLE_WIDTH + 6 + width > right) {
      x = MARGIN + PAD;
      y += rowHeight + 6;
      rowHeight = 0;
    }
    const text = new TextColumn(layout, id, x + SAMPLE_WIDTH + 6, width, y);
    text.paragraph(label, BODY);
    const height = Math.max(text.y - y, SAMPLE_HEIGHT);
    marks.samples.push({
      sample,
      x,
      y: y + (lineHeight(BODY) - SAMPLE_HEIGHT) / 2,
      width: SAMPLE_WIDTH,
      height: SAMPLE_HEIGHT,
    });
    rowHeight = Math.max(rowHeight, height);
    x += SAMPLE_WIDTH + 6 + width + 18;
  }
  const box: Box = { id, surface: "lane", x: MARGIN, y: top, width: contentWidth, height: y + rowHeight + PAD - top };
  layout.boxes.push(box);
  return top + box.height;
}
