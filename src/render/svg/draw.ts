// Turns a Layout into SVG markup with a theme's colours: plain elements and presentation attributes
// (no script, no CSS, no external references), every map string escaped, numbers rounded so the
// same map always gives the same bytes. It reads only the layout and the theme, never the map.
import { EMOTION_WORDS } from "../../journey/model.js";
import type { Layout } from "./geometry.js";
import { drawHighlights, drawMarkDefs, drawMarkedBox, drawOldCurves, drawSamples } from "./marks.js";
import { dashAttribute, escapeXml, face, n } from "./markup.js";
import { cleanText, FONT_FAMILY } from "./text.js";
import { personaColor, personaDash, type Theme } from "./themes.js";

/** A relative path of percent-encoded segments: no scheme, no leading slash, nothing to escape. */
const SAFE_HREF = /^(?![/\\])[A-Za-z0-9._~%!$'()*+,;=@/-]+$/;

export function drawSvg(layout: Layout, theme: Theme): string {
  const out: string[] = [];
  const { width, height } = layout;
  const title = escapeXml(cleanText(layout.title));
  const description = escapeXml(cleanText(layout.summary));

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-labelledby="journeymap-title journeymap-desc" font-family="${FONT_FAMILY}" data-theme="${theme.name}">`,
    `<title id="journeymap-title">${title}</title>`,
    `<desc id="journeymap-desc">${description}</desc>`,
    `<rect width="${n(width)}" height="${n(height)}" fill="${theme.background}"/>`,
  );
  // Joined, not spread into push: a picture of a 1 MB map has more elements than a call takes arguments.
  return `${out.join("\n")}\n${drawContent(layout, theme).join("\n")}\n</svg>\n`;
}

/** Everything inside the picture's root element after its background: a printed page (pages.ts) draws
 * pieces of a layout with it, each in a viewport of its own. */
export function drawContent(layout: Layout, theme: Theme): string[] {
  const out: string[] = [...drawMarkDefs(layout, theme)];
  for (const band of layout.bands) {
    out.push(
      `<rect x="${n(band.x)}" y="${n(band.y)}" width="${n(band.width)}" height="${n(band.height)}" fill="${theme.band}"/>`,
    );
  }
  for (const box of layout.boxes) {
    const geometry = `x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}"`;
    const marked = drawMarkedBox(box, geometry, theme);
    if (box.invisible) {
      out.push(`<rect ${geometry} fill="none" data-card="${box.id}"/>`);
    } else if (marked) {
      out.push(marked);
    } else if (box.missingOwner || box.unknownOwner) {
      const flag = box.missingOwner ? "data-missing-owner" : "data-unknown-owner";
      out.push(
        `<rect ${geometry} rx="6" fill="${theme.surfaces[box.surface]}" stroke="${theme.tones.warning}" stroke-width="2" stroke-dasharray="6 4" data-card="${box.id}" ${flag}="true"/>`,
      );
    } else {
      out.push(
        `<rect ${geometry} rx="6" fill="${theme.surfaces[box.surface]}" stroke="${theme.border}" stroke-width="1" data-card="${box.id}"/>`,
      );
    }
  }
  for (const bar of layout.bars) {
    out.push(
      `<rect x="${n(bar.x)}" y="${n(bar.y)}" width="${n(bar.width)}" height="${n(bar.height)}" rx="2" fill="${theme.bar}" data-bar="${bar.box}"/>`,
    );
  }
  for (const line of layout.grid) {
    out.push(
      `<line x1="${n(line.x1)}" y1="${n(line.y)}" x2="${n(line.x2)}" y2="${n(line.y)}" stroke="${theme.grid}" stroke-width="1"${line.score === 3 ? ' stroke-dasharray="4 4"' : ""}/>`,
    );
  }

  for (const line of drawHighlights(layout, theme)) out.push(line);
  for (const line of drawOldCurves(layout, theme, (curve) => personaColor(theme, curve.persona, curve.ownColor)))
    out.push(line);
  const faceFill = theme.surfaces.emotion;
  for (const curve of layout.curves) {
    const color = personaColor(theme, curve.persona, curve.ownColor);
    const dash = dashAttribute(personaDash(curve.persona));
    out.push(`<g data-persona="${curve.persona + 1}">`);
    for (const segment of curve.segments) {
      if (segment.length < 2) continue;
      const points = segment.map((point) => `${n(point.x)},${n(point.y)}`).join(" ");
      out.push(
        `<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2.5"${dash} stroke-linejoin="round"/>`,
      );
    }
    for (const point of curve.points) {
      const label = escapeXml(`${curve.name} at “${point.touchpoint}”: ${point.score} (${EMOTION_WORDS[point.score]})`);
      out.push(
        `<g data-score="${point.score}"><title>${label}</title>${face(point.x, point.y, layout.faceRadius, point.score, color, faceFill)}</g>`,
      );
    }
    out.push("</g>");
  }
  for (const swatch of layout.swatches) {
    const color = personaColor(theme, swatch.persona, swatch.ownColor);
    out.push(
      `<line x1="${n(swatch.x1)}" y1="${n(swatch.y)}" x2="${n(swatch.x2)}" y2="${n(swatch.y)}" stroke="${color}" stroke-width="2.5"${dashAttribute(personaDash(swatch.persona))}/>`,
      face((swatch.x1 + swatch.x2) / 2, swatch.y, 8, 4, color, theme.surfaces.persona),
    );
  }
  for (const line of drawSamples(layout, theme)) out.push(line);
  for (const bullet of layout.bullets) {
    out.push(`<circle cx="${n(bullet.x)}" cy="${n(bullet.y)}" r="2" fill="${theme.tones.muted}"/>`);
  }
  for (const text of layout.texts) {
    const weight = text.bold ? ' font-weight="bold"' : "";
    out.push(
      `<text x="${n(text.x)}" y="${n(text.y)}" font-size="${text.size}"${weight} fill="${theme.tones[text.tone]}" data-in="${text.box}">${escapeXml(text.text)}</text>`,
    );
  }
  // A link covers its whole card, drawn last so it is on top; only a relative href to a known map's page.
  const boxes = layout.links.length > 0 ? new Map(layout.boxes.map((box) => [box.id, box])) : undefined;
  for (const link of layout.links) {
    const box = boxes!.get(link.box);
    if (!box || !SAFE_HREF.test(link.href)) continue;
    out.push(
      `<a href="${escapeXml(link.href)}" data-link="${box.id}"><rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6" fill="#ffffff" fill-opacity="0"/></a>`,
    );
  }
  return out;
}
