// Turns a BlueprintLayout into SVG markup with a theme's colours: plain elements and presentation
// attributes (no script, no CSS, no markers, no external references), every map string escaped, numbers
// rounded so the same map always gives the same bytes. It reads only the layout and the theme.
import { dashAttribute, escapeXml, n } from "../svg/markup.js";
import { cleanText, FONT_FAMILY } from "../svg/text.js";
import { personaColor, personaDash, type Theme } from "../svg/themes.js";
import type { BlueprintLayout, BlueprintSurface, LineKind } from "./layout.js";

/** The fills of the blueprint's rows, light and dark: every text tone meets WCAG AA (4.5:1) on each
 * (test/render/blueprint.test.ts checks it). */
export const BLUEPRINT_SURFACES: Record<Theme["name"], Record<BlueprintSurface, string>> = {
  light: {
    stage: "#dde7f3",
    touchpoint: "#ffffff",
    label: "#eef1f4",
    emotion: "#ffffff",
    evidence: "#f5f1e8",
    customer: "#e9f1fb",
    frontstage: "#e8f5ec",
    backstage: "#fdf3e1",
    support: "#f2eefa",
    other: "#f6f8fa",
  },
  dark: {
    stage: "#1c2d44",
    touchpoint: "#0d1117",
    label: "#1b2129",
    emotion: "#0d1117",
    evidence: "#221e16",
    customer: "#152238",
    frontstage: "#142a1b",
    backstage: "#2b2112",
    support: "#221b31",
    other: "#161b22",
  },
};

/** The same text as markup.ts's n() (two decimals at most, never "-0"), from whole hundredths: a float's
 * shortest form is slow to find, and a blueprint of 50,000 arrows writes 600,000 of them. */
export function coordinate(value: number): string {
  const hundredths = Math.round(value * 100);
  if (hundredths === 0) return "0";
  const size = hundredths < 0 ? -hundredths : hundredths;
  const whole = Math.floor(size / 100);
  const fraction = size - whole * 100;
  const sign = hundredths < 0 ? "-" : "";
  if (fraction === 0) return `${sign}${whole}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? "0" : ""}${fraction}`;
}

/** Shostack draws the line of visibility dashed; the other two are solid, internal interaction thinner. */
const LINE_STYLES: Record<LineKind, string> = {
  interaction: ' stroke-width="1.5"',
  visibility: ' stroke-width="1.5" stroke-dasharray="8 5"',
  internal: ' stroke-width="1"',
};

export function drawBlueprint(layout: BlueprintLayout, theme: Theme): string {
  const surfaces = BLUEPRINT_SURFACES[theme.name];
  const { width, height } = layout;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-labelledby="journeymap-title journeymap-desc" font-family="${FONT_FAMILY}" data-theme="${theme.name}" data-view="blueprint">`,
    `<title id="journeymap-title">${escapeXml(cleanText(layout.title))}</title>`,
    `<desc id="journeymap-desc">${escapeXml(cleanText(layout.summary))}</desc>`,
    `<rect width="${n(width)}" height="${n(height)}" fill="${theme.background}"/>`,
  ];
  for (const band of layout.bands)
    out.push(
      `<rect x="${n(band.x)}" y="${n(band.y)}" width="${n(band.width)}" height="${n(band.height)}" fill="${theme.band}"/>`,
    );
  for (const card of layout.cards) {
    const geometry = `x="${n(card.x)}" y="${n(card.y)}" width="${n(card.width)}" height="${n(card.height)}"`;
    if (card.invisible) {
      out.push(`<rect ${geometry} fill="none" data-card="${card.id}"/>`);
      continue;
    }
    const stroke = card.fail ? `${theme.tones.warning}" stroke-width="1.5` : `${theme.border}" stroke-width="1`;
    out.push(`<rect ${geometry} rx="5" fill="${surfaces[card.surface]}" stroke="${stroke}" data-card="${card.id}"/>`);
  }
  for (const line of layout.lines)
    out.push(
      `<line x1="${n(line.x)}" y1="${n(line.y)}" x2="${n(line.x + line.width)}" y2="${n(line.y)}" stroke="${theme.tones.text}"${LINE_STYLES[line.kind]} data-line="${line.kind}"/>`,
    );
  const arrowColor = theme.tones.muted;
  // Built by concatenation, not arrays of parts: a hostile map's 50,000 arrows would make the garbage
  // collector the slowest part of the picture.
  let heads = "";
  // The lines share their style through a group: a path per arrow carries only its points and its ends.
  if (layout.arrows.length > 0)
    out.push(`<g fill="none" stroke="${arrowColor}" stroke-width="1.25" stroke-linejoin="round">`);
  for (const arrow of layout.arrows) {
    let d = "";
    const points = arrow.points;
    for (let i = 0; i < points.length; i++)
      d += `${i === 0 ? "M" : "L"}${coordinate(points[i]!.x)} ${coordinate(points[i]!.y)}`;
    out.push(`<path d="${d}" data-arrow="${arrow.from} ${arrow.to}"/>`);
    const tip = arrow.points.at(-1)!;
    const [x, y] = [coordinate(tip.x), coordinate(tip.y + 7)];
    heads += `M${x} ${coordinate(tip.y)}L${coordinate(tip.x - 4)} ${y}L${coordinate(tip.x + 4)} ${y}Z`;
  }
  if (layout.arrows.length > 0) out.push("</g>");
  // Every head in one path, after every line, so no arrow's line is drawn over another's head.
  if (heads) out.push(`<path d="${heads}" fill="${arrowColor}" data-heads="${layout.arrows.length}"/>`);
  for (const card of layout.cards) {
    if (card.fail) out.push(failMark(card.id, card.fail.x, card.fail.y, card.fail.r, theme, surfaces[card.surface]));
    if (card.wait) out.push(waitMark(card.id, card.wait.x, card.wait.y, card.wait.size, theme, surfaces[card.surface]));
  }
  for (const curve of layout.curves) {
    const color = personaColor(theme, curve.persona, curve.ownColor);
    out.push(`<g data-persona="${curve.persona + 1}">`);
    for (const segment of curve.segments) {
      if (segment.length > 1)
        out.push(
          `<polyline points="${segment.map((point) => `${n(point.x)},${n(point.y)}`).join(" ")}" fill="none" stroke="${color}" stroke-width="2"${dashAttribute(personaDash(curve.persona))}/>`,
        );
      for (const point of segment)
        out.push(
          `<circle cx="${n(point.x)}" cy="${n(point.y)}" r="3.5" fill="${color}"><title>${escapeXml(`${curve.name}: ${point.score}`)}</title></circle>`,
        );
    }
    out.push("</g>");
  }
  const { legend } = layout;
  out.push(
    failMark("legend", legend.fail.x, legend.fail.y, 8, theme, theme.background),
    waitMark("legend", legend.wait.x, legend.wait.y, 16, theme, theme.background),
    `<path d="M${n(legend.arrow.x)} ${n(legend.arrow.y)}L${n(legend.arrow.x + 24)} ${n(legend.arrow.y)}" stroke="${arrowColor}" stroke-width="1.25"/>`,
    `<path d="M${n(legend.arrow.x + 30)} ${n(legend.arrow.y)}L${n(legend.arrow.x + 23)} ${n(legend.arrow.y - 4)}L${n(legend.arrow.x + 23)} ${n(legend.arrow.y + 4)}Z" fill="${arrowColor}"/>`,
  );
  for (const text of layout.texts) {
    const weight = text.bold ? ' font-weight="bold"' : "";
    out.push(
      `<text x="${n(text.x)}" y="${n(text.y)}" font-size="${text.size}"${weight} fill="${theme.tones[text.tone]}" data-in="${text.box}">${escapeXml(text.text)}</text>`,
    );
  }
  // Joined, not spread into push: a blueprint of a 1 MB map has more elements than a call takes arguments.
  return `${out.join("\n")}\n</svg>\n`;
}

/** The fail point: a red circle with an F, as Shostack marks where a step can fail. */
function failMark(card: string, x: number, y: number, r: number, theme: Theme, fill: string): string {
  return (
    `<g data-mark="fail" data-in="${card}"><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" stroke="${theme.tones.warning}" stroke-width="1.5"/>` +
    `<text x="${n(x)}" y="${n(y + r * 0.45)}" font-size="${n(r * 1.25)}" font-weight="bold" text-anchor="middle" fill="${theme.tones.warning}">F</text></g>`
  );
}

/** The wait: a triangle with a W, Shostack's mark for where the customer waits. */
function waitMark(card: string, x: number, y: number, size: number, theme: Theme, fill: string): string {
  const half = size / 2;
  return (
    `<g data-mark="wait" data-in="${card}"><path d="M${n(x)} ${n(y - half)}L${n(x + half)} ${n(y + half)}L${n(x - half)} ${n(y + half)}Z" fill="${fill}" stroke="${theme.tones.caution}" stroke-width="1.5" stroke-linejoin="round"/>` +
    `<text x="${n(x)}" y="${n(y + half - 2)}" font-size="${n(size * 0.5)}" font-weight="bold" text-anchor="middle" fill="${theme.tones.caution}">W</text></g>`
  );
}
