// The emotion lane: a box per stage column with grid lines for scores 1..5, the scale words in the
// lane label, and per persona a curve of faces through the touchpoints it scores.
import { EMOTION_WORDS, emotionOf, type Score } from "../../journey/model.js";
import { LABEL_WIDTH, MARGIN, PAD, SCALE, SLOT_MIN, TextColumn, lineHeight } from "./column.js";
import type { CurvePoint, Layout, PersonaCurve } from "./geometry.js";
import { isGhost } from "./card.js";
import type { CurveVersion, Lane, LaneArea, LaneContext } from "./lane.js";
import { shorten } from "../../text/shorten.js";
import { cleanText } from "./text.js";

export const FACE_RADIUS = 8;
const STEP = 30;
/**
 * Curves drawn at most: more side by side would be too thin to tell apart, and every curve adds a
 * face per touchpoint, so a map of thousands of personas would give an SVG of gigabytes.
 */
export const MAX_CURVES = 8;
/**
 * Above this many points a face's eyes and mouth are left out (draw.ts draws a face below radius 5 as
 * a dot): at that count nobody reads single faces, and the details would triple the SVG of a map that
 * scores thousands of touchpoints.
 */
const DETAILED_POINTS_MAX = 10_000;
const DOT_RADIUS = 4;
/** Names in a face's tooltip are cut here: a tooltip is repeated for every point, a name is not. */
const TOOLTIP_NAME_MAX = 80;

/** Whether any persona has a score at any touchpoint it takes part in: an empty lane is left out. */
export function emotionFilled({ journey, touchpoints, index }: LaneContext): boolean {
  return touchpoints.some(({ touchpoint, members }) => {
    const { emotion } = touchpoint;
    if (emotion === undefined) return false;
    if (typeof emotion === "number") return members ? members.length > 0 : journey.personas.length > 0;
    const involved = members && new Set(members);
    return Object.keys(emotion).some((id) => (index.get(id) ?? []).some((p) => !involved || involved.has(p)));
  });
}

/** Says so when the map has more personas than the lane draws curves for. */
export function emotionNote({ journey }: LaneContext): string | undefined {
  const count = journey.personas.length;
  if (count <= MAX_CURVES) return undefined;
  return `Curves of the first ${MAX_CURVES} of ${count.toLocaleString("en")} personas`;
}

/**
 * Lays out the lane from `area.top` and returns its height. Points of different personas sit side by
 * side in a slot so equal scores do not hide each other. One pass over the touchpoints.
 */
export function layoutEmotion(layout: Layout, context: LaneContext, area: LaneArea): number {
  const { journey, columns } = context;
  const { top, labelBottom } = area;
  const drawn = Math.min(journey.personas.length, MAX_CURVES);
  const spacing = SLOT_MIN / (drawn + 1);
  layout.faceRadius = Math.max(3, Math.min(FACE_RADIUS, spacing / 2 - 1));
  const scaleLine = lineHeight(SCALE);
  const padTop = Math.max(labelBottom - top + 4 + scaleLine / 2, PAD + FACE_RADIUS + 4);
  const padBottom = Math.max(PAD + scaleLine / 2, FACE_RADIUS + 8);
  const levelY = (score: number) => top + padTop + (5 - score) * STEP;
  const height = padTop + 4 * STEP + padBottom;

  for (const score of [5, 4, 3, 2, 1] as const) {
    const scale = new TextColumn(
      layout,
      "lane-emotion",
      MARGIN + PAD,
      LABEL_WIDTH - 2 * PAD,
      levelY(score) - scaleLine / 2,
    );
    scale.paragraph(`${score} ${EMOTION_WORDS[score]}`, SCALE, "muted");
  }
  columns.forEach((column, s) => {
    layout.boxes.push({ id: `emotion-${s + 1}`, surface: "emotion", x: column.x, y: top, width: column.width, height });
    for (const score of [5, 4, 3, 2, 1] as const)
      layout.grid.push({ score, x1: column.x, x2: column.x + column.width, y: levelY(score) });
  });

  // The map drawn: a ghost (a touchpoint drawn where it was) is no gap in its curves.
  const curves = traceCurves(context, drawn, levelY, { inVersion: (slot) => !isGhost(context, slot.index) });
  let points = 0;
  for (const curve of curves) {
    layout.curves.push(curve);
    points += curve.points.length;
  }
  if (points > DETAILED_POINTS_MAX) layout.faceRadius = Math.min(layout.faceRadius, DOT_RADIUS);
  // A layer may trace another version's curves through the same frame (the picture of a change: the old one).
  for (const layer of context.layers ?? [])
    layer.curves?.({ curves, trace: (version) => traceCurves(context, drawn, levelY, version) });
  return height;
}

/**
 * One curve per persona drawn, through the touchpoints of one version: the map drawn, or (with its own
 * scores) another one a layer traces. Points of different personas sit side by side in a slot so equal scores do not hide
 * each other. One pass over the touchpoints.
 */
function traceCurves(
  context: LaneContext,
  drawn: number,
  levelY: (score: number) => number,
  version: CurveVersion,
): PersonaCurve[] {
  const { journey, touchpoints } = context;
  const curves = journey.personas
    .slice(0, drawn)
    .map((persona, p): PersonaCurve & { run: CurvePoint[]; previous: number } => ({
      persona: p,
      name: shorten(cleanText(persona.name), TOOLTIP_NAME_MAX),
      ownColor: persona.color,
      points: [],
      segments: [],
      run: [],
      previous: -2,
    }));
  let position = -1;
  for (const slot of touchpoints) {
    // A touchpoint not in the version traced is no gap in its curve.
    if (!version.inVersion(slot)) continue;
    position++;
    if (!version.scoreAt && slot.touchpoint.emotion === undefined) continue;
    const name = shorten(cleanText(slot.touchpoint.name), TOOLTIP_NAME_MAX);
    const involved = slot.members && new Set(slot.members);
    for (const curve of curves) {
      const id = journey.personas[curve.persona]!.id;
      const current = () => (involved && !involved.has(curve.persona) ? undefined : emotionOf(slot.touchpoint, id));
      const score: Score | undefined = version.scoreAt ? version.scoreAt(slot, id, current) : current();
      if (score === undefined) continue;
      const point: CurvePoint = {
        x: slot.x + (slot.width * (curve.persona + 1)) / (drawn + 1),
        y: levelY(score),
        score,
        touchpoint: name,
      };
      curve.points.push(point);
      // A touchpoint without a score for this persona breaks the line: the gap shows, nothing is invented.
      if (position !== curve.previous + 1 && curve.run.length) {
        curve.segments.push(curve.run);
        curve.run = [];
      }
      curve.run.push(point);
      curve.previous = position;
    }
  }
  return curves.map(({ run, previous: _previous, ...curve }) => {
    if (run.length) curve.segments.push(run);
    return curve;
  });
}

export const emotionLane: Lane = {
  label: "Emotion",
  // A layer may keep the lane (the picture of a change: for the old curve when the new version scores nothing).
  filled: (context) =>
    emotionFilled(context) || context.layers?.some((layer) => layer.fills?.("emotion", context) === true) === true,
  note: emotionNote,
  layout: layoutEmotion,
};
