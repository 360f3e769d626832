// The small pieces of SVG markup every part of the drawing shares: escaping, numbers, faces, dashes.
import type { Score } from "../../journey/model.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes a string for XML text and attribute values (it must already be clean, see cleanText). Line
 * breaks, C1 controls, bidi and separator characters and "##[" become character references, which an
 * XML reader takes for the same text: an SVG printed to a terminal or a CI log acts on neither. */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ESCAPES[character]!)
    .replace(/[\n\r\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/##\[/g, "#&#35;[");
}

/** Two decimals at most, never "-0": keeps the output small and byte-for-byte stable. */
export function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? "0" : `${rounded}`;
}

/** A face for a score: eyes and a mouth that smiles (5) or frowns (1); below radius 5 just a dot. */
export function face(x: number, y: number, r: number, score: Score, stroke: string, fill: string): string {
  const circle = `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`;
  if (r < 5) return circle;
  const eyeY = n(y - r * 0.25);
  const eyeR = n(r * 0.13);
  const eyes =
    `<circle cx="${n(x - r * 0.35)}" cy="${eyeY}" r="${eyeR}" fill="${stroke}"/>` +
    `<circle cx="${n(x + r * 0.35)}" cy="${eyeY}" r="${eyeR}" fill="${stroke}"/>`;
  const mouthY = y + r * 0.4;
  const mouth = `<path d="M${n(x - r * 0.45)} ${n(mouthY)}Q${n(x)} ${n(mouthY + (score - 3) * r * 0.3)} ${n(x + r * 0.45)} ${n(mouthY)}" fill="none" stroke="${stroke}" stroke-width="1.3" stroke-linecap="round"/>`;
  return circle + eyes + mouth;
}

export function dashAttribute(dash: string): string {
  return dash ? ` stroke-dasharray="${dash}"` : "";
}
