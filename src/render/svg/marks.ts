// Marks over the native picture, for the picture of a change: touchpoints and stages added, changed or
// removed (removed ones drawn as ghosts where they were), changed fields highlighted, the old emotion
// curve under the new one, and a legend. The picture's modules read marks through this file only; it
// never reads a diff (src/diff/picture.ts turns a diff into marks). Each mark has an icon, a word and a
// line pattern besides its colour, so none is told by colour alone.
import { EMOTION_WORDS, type Score } from "../../journey/model.js";
import { BODY, BODY_BOLD, MARGIN, PAD, SMALL, SMALL_BOLD, TextColumn, lineHeight } from "./column.js";
import type {
  Box,
  CardField,
  CurvePoint,
  Layout,
  MarkKind,
  MarksLayout,
  PersonaCurve,
  PictureLaneName,
  PictureMarks,
  Rect,
  Sample,
  TouchpointMarks,
} from "./geometry.js";
import type { LaneContext, TouchpointSlot } from "./lane.js";
import { escapeXml, n } from "./markup.js";
import { shorten } from "../../text/shorten.js";
import { cleanText, measure, type Font } from "./text.js";
import type { Theme } from "./themes.js";
import type { Tone } from "./geometry.js";

export type { CardField, MarkKind, MarksLayout, PictureMarks, StageMarks, TouchpointMarks } from "./geometry.js";

const HEADINGS: Record<MarkKind, string> = { added: "✚ Added", changed: "✎ Changed", removed: "✖ Removed" };
const MAX_NOTES = 6;
const TOOLTIP_LABEL_MAX = 80;
const NOTE_MAX = 300;
/** Above this many old dots in a picture none is drawn, only the old curves' dashed lines (where they
 * leave the new curves is where the score changed), as the new curve's faces lose their details above
 * a count (emotion.ts): tens of thousands of dots with a tooltip each, repeating a persona's and a
 * touchpoint's name, made the picture of a change three times the size of the map's own. */
const DETAILED_OLD_DOTS_MAX = 10_000;

/** The colours of the marks, per theme (a theme without them does not compile). Text on a highlight
 * keeps WCAG AA contrast (test/render/svg/marks.test.ts). */
export const MARK_COLORS: Record<
  Theme["name"],
  Record<MarkKind, string> & { highlight: string; bar: string; hatch: string; old: string }
> = {
  light: {
    added: "#1a7f37",
    changed: "#9a6700",
    removed: "#6e7781",
    highlight: "#fff5c2",
    bar: "#9a6700",
    hatch: "#e4e8ec",
    old: "#57606a",
  },
  dark: {
    added: "#3fb950",
    changed: "#d29922",
    removed: "#8b949e",
    highlight: "#3a2f06",
    bar: "#d29922",
    hatch: "#21262d",
    old: "#9ea7b3",
  },
};

const BORDERS: Record<MarkKind, { width: number; dash: string }> = {
  added: { width: 3, dash: "" },
  changed: { width: 3, dash: "8 3" },
  removed: { width: 1.5, dash: "4 4" },
};

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

/**
 * A card's text column that knows the card's marks: its heading, its changed fields and entries
 * (highlighted) and its notes. Without marks it writes exactly what a TextColumn writes.
 */
export class MarkedColumn extends TextColumn {
  constructor(
    private readonly target: Layout,
    private readonly card: Rect & { id: string },
    private readonly marks: TouchpointMarks | undefined,
    y: number,
  ) {
    super(target, card.id, card.x + PAD, card.width - 2 * PAD, y);
  }

  get kind(): MarkKind | undefined {
    return this.marks?.kind;
  }

  /** "✚ Added", "✎ Changed" or "✖ Removed" above the card's own text. */
  heading(what = ""): void {
    if (this.marks) this.paragraph(`${HEADINGS[this.marks.kind]}${what}`, SMALL_BOLD);
  }

  /** A line of the card that shows `field`: highlighted when it changed. */
  field(field: CardField, text: string, font: Font, tone: Tone = "text"): void {
    // A removed touchpoint's lines are all secondary: it is no longer part of the journey.
    const shown = this.marks?.kind === "removed" ? "muted" : tone;
    this.highlighted(field, this.marks?.fields?.has(field) === true, () => this.paragraph(text, font, shown));
  }

  /** The entry at `position` of a list lane: highlighted when it is new or changed. */
  entry(lane: PictureLaneName, position: number, text: string, font: Font): void {
    this.entryLines(lane, position, () => this.bullet(text, font));
  }

  /** The entry at `position` of a lane written as several lines (a metric: its value, status and
   * small print), highlighted as one when it is new or changed. */
  entryLines(lane: PictureLaneName, position: number, write: () => void): void {
    this.highlighted(`${lane}#${position + 1}`, this.marks?.entries?.[lane]?.has(position) === true, write);
  }

  /** The card's notes (what it was), small and muted, at most MAX_NOTES and a count of the rest. */
  notes(): void {
    const notes = this.marks?.notes ?? [];
    if (!notes.length) return;
    this.space(4);
    // Cut like a tooltip: a note quotes map text (an old description, a removed item) of any length.
    for (const note of notes.slice(0, MAX_NOTES)) this.paragraph(shorten(note, NOTE_MAX), SMALL, "muted");
    if (notes.length > MAX_NOTES) this.paragraph(`… and ${notes.length - MAX_NOTES} more changes`, SMALL, "muted");
  }

  /** Sets the box's mark, so that draw.ts gives it the mark's border. */
  markBox(box: Box): void {
    if (this.marks) box.mark = this.marks.kind;
  }

  private highlighted(field: string, changed: boolean, write: () => void): void {
    const from = this.target.texts.length;
    const top = this.y;
    write();
    if (!changed || !this.target.marks || this.target.texts.length === from) return;
    this.target.marks.highlights.push({
      box: this.card.id,
      field,
      x: this.card.x + 3,
      y: top - 1,
      width: this.card.width - 6,
      height: this.y - top + 2,
    });
  }
}

/** The column of a touchpoint's card in a lane, with the touchpoint's marks. */
export function touchpointColumn(layout: Layout, context: LaneContext, slot: TouchpointSlot, id: string, top: number) {
  const marks = context.marks?.touchpoints.get(slot.index);
  return new MarkedColumn(layout, { id, x: slot.x, width: slot.width, y: top, height: 0 }, marks, top + PAD);
}

/** Whether a slot is a touchpoint of the version: the new one has no removed touchpoints, the old none added. */
export function inVersion(context: LaneContext, slot: TouchpointSlot, version: "old" | "new"): boolean {
  const kind = context.marks?.touchpoints.get(slot.index)?.kind;
  return version === "new" ? kind !== "removed" : kind !== "added";
}

/** The old version's score of persona `id` at a slot, or undefined (an added touchpoint, or none). */
export function oldScore(context: LaneContext, slot: TouchpointSlot, id: string, newScore: () => Score | undefined) {
  const marks = context.marks?.touchpoints.get(slot.index);
  if (!context.marks?.oldPersonas.has(id) || marks?.kind === "added") return undefined;
  if (!marks?.oldEmotion) return marks?.kind === "removed" ? undefined : newScore();
  return Object.prototype.hasOwnProperty.call(marks.oldEmotion, id) ? marks.oldEmotion[id] : undefined;
}

/** Whether the old version scores anything the picture shows: the emotion lane then stays, for its curve. */
export function oldEmotionFilled(context: LaneContext): boolean {
  for (const marks of context.marks?.touchpoints.values() ?? [])
    if (marks.oldEmotion && Object.keys(marks.oldEmotion).length) return true;
  return false;
}

/** The old curves worth drawing: on each only the points where the old score is not the new one, and
 * none for a persona the old version does not score at all. */
export function oldCurvesToDraw(oldCurves: PersonaCurve[], curves: PersonaCurve[]): PersonaCurve[] {
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
export function layoutLegend(layout: Layout, top: number, contentWidth: number, emotion: boolean): number {
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

/** The hatch pattern of removed cards, once at the top of the drawing. */
export function drawMarkDefs(layout: Layout, theme: Theme): string[] {
  if (!layout.marks) return [];
  const colors = MARK_COLORS[theme.name];
  return [
    `<defs><pattern id="journeymap-removed" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="${theme.background}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${colors.hatch}" stroke-width="3"/></pattern></defs>`,
  ];
}

/** A marked box: the mark's border (solid, dashed or dotted) and, for a removed one, the hatch. */
export function drawMarkedBox(box: Box, geometry: string, theme: Theme): string | undefined {
  if (!box.mark) return undefined;
  const { width, dash } = BORDERS[box.mark];
  const fill = box.mark === "removed" ? "url(#journeymap-removed)" : theme.surfaces[box.surface];
  const dashes = dash ? ` stroke-dasharray="${dash}"` : "";
  return `<rect ${geometry} rx="6" fill="${fill}" stroke="${MARK_COLORS[theme.name][box.mark]}" stroke-width="${width}"${dashes} data-card="${box.id}" data-mark="${box.mark}"/>`;
}

/** The highlights of changed lines, under the texts. */
export function drawHighlights(layout: Layout, theme: Theme): string[] {
  const colors = MARK_COLORS[theme.name];
  return oneString(
    (layout.marks?.highlights ?? []).map(
      (line) =>
        `<g data-highlight="${escapeXml(line.field)}" data-in="${line.box}"><rect x="${n(line.x)}" y="${n(line.y)}" width="${n(line.width)}" height="${n(line.height)}" fill="${colors.highlight}"/><rect x="${n(line.x)}" y="${n(line.y)}" width="3" height="${n(line.height)}" fill="${colors.bar}"/></g>`,
    ),
  );
}

/** Lines as one string in a list, or none: draw.ts spreads what these functions return into push(),
 * and a change of tens of thousands of highlights or old dots spread as arguments overflows the stack.
 * The SVG is the same: draw.ts joins its lines with "\n". */
function oneString(lines: string[]): string[] {
  return lines.length ? [lines.join("\n")] : [];
}

/** The old curves: thin, dashed, under the new ones; a hollow dot where the old score differs. */
export function drawOldCurves(layout: Layout, theme: Theme, colorOf: (curve: PersonaCurve) => string): string[] {
  const marks = layout.marks;
  if (!marks) return [];
  const out: string[] = [];
  const { old: oldLabel, new: newLabel } = marks.labels;
  const label = oldLabel === newLabel ? "before the change" : `in “${shorten(cleanText(oldLabel), TOOLTIP_LABEL_MAX)}”`;
  let points = 0;
  for (const curve of marks.oldCurves) points += curve.points.length;
  const detailed = points <= DETAILED_OLD_DOTS_MAX;
  for (const curve of marks.oldCurves) {
    const color = colorOf(curve);
    out.push(`<g data-old-persona="${curve.persona + 1}" opacity="0.8">`);
    for (const segment of curve.segments) {
      if (segment.length < 2) continue;
      const points = segment.map((point) => `${n(point.x)},${n(point.y)}`).join(" ");
      out.push(
        `<polyline points="${points}" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 3" data-old-curve="true"/>`,
      );
    }
    if (detailed) for (const point of curve.points) out.push(oldDot(point, curve, label, color, theme));
    out.push("</g>");
  }
  return oneString(out);
}

function oldDot(point: CurvePoint, curve: PersonaCurve, label: string, color: string, theme: Theme): string {
  const tooltip = escapeXml(
    `${curve.name} at “${point.touchpoint}” ${label}: ${point.score} (${EMOTION_WORDS[point.score]})`,
  );
  return `<g data-old-score="${point.score}"><title>${tooltip}</title><circle cx="${n(point.x)}" cy="${n(point.y)}" r="5" fill="${theme.surfaces.emotion}" stroke="${color}" stroke-width="1.5" stroke-dasharray="2 2"/></g>`;
}

/** The legend's samples: a card of each mark, a highlighted line, and the two curves. */
export function drawSamples(layout: Layout, theme: Theme): string[] {
  const colors = MARK_COLORS[theme.name];
  const line = theme.tones.muted;
  return (layout.marks?.samples ?? []).map(({ sample, x, y, width, height }) => {
    const geometry = `x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"`;
    const middle = n(y + height / 2);
    switch (sample) {
      case "added":
      case "changed":
      case "removed": {
        const box: Box = { id: `legend-${sample}`, surface: "touchpoint", x, y, width, height, mark: sample };
        return drawMarkedBox(box, geometry, theme)!.replace(/ data-card="[^"]*"/, ` data-sample="${sample}"`);
      }
      case "highlight":
        return `<g data-sample="highlight"><rect ${geometry} fill="${colors.highlight}"/><rect x="${n(x)}" y="${n(y)}" width="3" height="${n(height)}" fill="${colors.bar}"/></g>`;
      case "new-curve":
        return `<line x1="${n(x)}" y1="${middle}" x2="${n(x + width)}" y2="${middle}" stroke="${line}" stroke-width="2.5" data-sample="new-curve"/>`;
      case "old-curve":
        return `<g data-sample="old-curve"><line x1="${n(x)}" y1="${middle}" x2="${n(x + width)}" y2="${middle}" stroke="${line}" stroke-width="1.5" stroke-dasharray="3 3"/><circle cx="${n(x + width / 2)}" cy="${middle}" r="5" fill="${theme.background}" stroke="${line}" stroke-width="1.5" stroke-dasharray="2 2"/></g>`;
    }
  });
}
