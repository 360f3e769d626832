// Lays out one line of text in one TrueType face the way a browser does for the picture's Latin
// text: each character's glyph from the cmap, advanced by its width and kerned against the glyph
// before it. The PNG drawer turns the placed glyphs into outlines, the PDF writer into glyph codes.
import type { TrueTypeFont } from "./truetype.js";

/** A glyph and where it starts, in font units from the start of the line. */
export interface PlacedGlyph {
  glyph: number;
  x: number;
}

export interface LaidOutLine {
  glyphs: PlacedGlyph[];
  /** The line's advance, in font units. */
  width: number;
  /** Whether the face has a glyph for every character (else some are .notdef, glyph 0). */
  complete: boolean;
}

/** The glyphs of `text` in `font` (font units; scale by size / unitsPerEm). */
export function layoutLine(font: TrueTypeFont, text: string): LaidOutLine {
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  let previous = -1;
  let complete = true;
  for (const character of text) {
    const glyph = font.glyphId(character.codePointAt(0)!);
    if (glyph === 0) complete = false;
    if (previous >= 0) x += font.kerning(previous, glyph);
    glyphs.push({ glyph, x });
    x += font.advance(glyph);
    previous = glyph;
  }
  return { glyphs, width: x, complete };
}

/** Where a line starts for an SVG text-anchor: its x, less half or all of its width. */
export function anchoredStart(x: number, width: number, anchor: string | undefined): number {
  return anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
}
