// The drawing of the marks of a change: the borders of cards added, changed or removed (removed ones
// hatched), the highlights of changed lines, the old emotion curves and the legend's samples. What is
// marked where is laid out by the marks' layer (marks-layer.ts) over the lanes; this file draws it. It
// never reads a diff (src/diff/picture.ts turns a diff into marks). Each mark has an icon, a word and a
// line pattern besides its colour, so none is told by colour alone.
import { EMOTION_WORDS } from "../../journey/model.js";
import type { Box, CurvePoint, Layout, MarkKind, PersonaCurve } from "./geometry.js";
import { escapeXml, n } from "./markup.js";
import { shorten } from "../../text/shorten.js";
import { cleanText } from "./text.js";
import type { Theme } from "./themes.js";

export type { CardField, MarkKind, MarksLayout, PictureMarks, StageMarks, TouchpointMarks } from "./geometry.js";

const TOOLTIP_LABEL_MAX = 80;
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
