// The widths of Devanagari syllables as a browser shapes them (fontkit, the shaper pdfkit brings), for
// the PNG: resvg 2.6 advances a cluster of several glyphs by its widest glyph only (fixed upstream in
// resvg 0.48, linebender/resvg#1043, which resvg-js has not shipped), so a syllable with a spacing
// vowel sign (ला, कि) lost that sign's width and the space after it. Each syllable is then placed at
// the x these widths give. Without fontkit (pdfkit is an optional peer) nothing is measured.
import { createRequire } from "node:module";

/** Distinct syllables shaped per run at most (about 0.3 ms each): past it a text is drawn as before. */
export const MAX_SHAPED_SYLLABLES = 400;

interface ShapingFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}
interface Fontkit {
  openSync(path: string, postscriptName?: string): ShapingFont;
}

let fontkit: Fontkit | null | undefined;
const fonts = new Map<string, ShapingFont | undefined>();
const widths = new Map<string, number>();

function loadFontkit(): Fontkit | undefined {
  if (fontkit === undefined) {
    try {
      fontkit = createRequire(import.meta.url)("fontkit") as Fontkit;
    } catch {
      fontkit = null;
    }
  }
  return fontkit ?? undefined;
}

/** The syllables (extended grapheme clusters: क्ष, त्रि) of a run of Devanagari. */
export function syllables(run: string): string[] {
  return [...new Intl.Segmenter("hi", { granularity: "grapheme" }).segment(run)].map((part) => part.segment);
}

/** A syllable's advance in em, shaped in the face of `path`; undefined when it cannot be measured. */
export function syllableWidth(path: string, postscriptName: string, syllable: string): number | undefined {
  const key = `${path}\n${syllable}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (widths.size >= MAX_SHAPED_SYLLABLES) return undefined;
  if (!fonts.has(path)) {
    let font: ShapingFont | undefined;
    try {
      font = loadFontkit()?.openSync(path, /\.(ttc|otc)$/i.test(path) ? postscriptName : undefined);
    } catch {
      font = undefined;
    }
    fonts.set(path, font);
  }
  const font = fonts.get(path);
  if (!font) return undefined;
  try {
    const width = font.layout(syllable).advanceWidth / font.unitsPerEm;
    widths.set(key, width);
    return width;
  } catch {
    return undefined;
  }
}
