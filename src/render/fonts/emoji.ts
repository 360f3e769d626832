// Reads a colour emoji face (CBDT/CBLC bitmaps: Noto Color Emoji) so PNG and PDF can draw emoji as a
// browser does: each emoji sequence (ZWJ, skin tone, flag, keycap) shaped into one glyph by the face's
// GSUB ligatures, and that glyph's PNG with where it sits and how far it advances. resvg 2.6 and
// svg-to-pdfkit draw nothing with such a face; they draw its PNGs as images instead (fallback.ts).
import { basename } from "node:path";
import { fontFiles, fontFolders } from "./installed.js";
import { TrueTypeFont } from "./truetype.js";

/** Noto Color Emoji is 11 MB (its CBDT 10.9 MB); a file over this is not read. */
const MAX_FILE_BYTES = 32 * 2 ** 20;
/** Lookups and ligatures read from GSUB at most (Noto Color Emoji has 4 lookups and about 1,500 ligatures). */
const MAX_LOOKUPS = 256;
const MAX_LIGATURES = 50_000;
/** A ligature joins at most this many glyphs (a family with skin tones is 11 code points). */
const MAX_COMPONENTS = 16;
/** Files a colour emoji face usually is, tried before every other installed file. */
const USUAL_FILES = [
  "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
  "/usr/share/fonts/noto/NotoColorEmoji.ttf",
  "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf",
  "/usr/share/fonts/noto-emoji/NotoColorEmoji.ttf",
];

/**
 * One emoji sequence as Unicode's emoji segmentation sees it: a keycap (1️⃣), a flag (two regional
 * indicators, 🇯🇵), a subdivision flag (tags), © or ® asking for emoji (U+FE0F), or pictographs with their variation selector and skin
 * tone joined by ZWJ (👩‍💻, 👨‍👩‍👧, 🏳️‍🌈, 👍🏽). Pictographs below U+2000 (©, ®) are text, as in the Latin faces.
 */
export const EMOJI_SEQUENCE =
  /[#*0-9]\ufe0f?\u20e3|[\u00a9\u00ae]\ufe0f|[\u{1f1e6}-\u{1f1ff}]{2}|(?![\u0000-\u1fff])\p{Extended_Pictographic}(?:\ufe0f|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007e}]+\u{e007f})*(?:\u200d(?![\u0000-\u1fff])\p{Extended_Pictographic}(?:\ufe0f|[\u{1f3fb}-\u{1f3ff}])*)*/gu;

const ANY_SEQUENCE = new RegExp(EMOJI_SEQUENCE.source, "u");

/** Whether a text has an emoji sequence (without the shared pattern's lastIndex, which matchAll copies). */
export function hasEmojiSequence(text: string): boolean {
  return ANY_SEQUENCE.test(text);
}

/** Code points a shaper hides when no ligature took them (HarfBuzz's default ignorables). */
const IGNORABLE = /^(?:\u200d|\ufe0e|\ufe0f|[\u{e0020}-\u{e007f}])$/u;

/** A glyph's bitmap and its box, in em of the font size (top is above the baseline). */
export interface EmojiImage {
  /** The PNG file of the bitmap. */
  png: Buffer;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A shaped glyph: its bitmap and its advance in em. */
export interface EmojiGlyph {
  glyph: number;
  image: EmojiImage;
  advance: number;
}

interface Strike {
  ppem: number;
  /** Where each glyph's image is: its CBDT offset and length, the image format, and CBLC metrics (format 19). */
  locate: (glyph: number) => { offset: number; length: number; format: number; metrics?: Buffer } | undefined;
}

export class ColourEmoji {
  readonly #font: TrueTypeFont;
  readonly #cbdt: Buffer;
  readonly #strike: Strike;
  /** First glyph → its ligatures (components after the first, then the ligature glyph), per lookup in order. */
  readonly #lookups: Map<number, { rest: number[]; glyph: number }[]>[];
  readonly #images = new Map<number, EmojiImage | undefined>();

  private constructor(font: TrueTypeFont, cbdt: Buffer, strike: Strike) {
    this.#font = font;
    this.#cbdt = cbdt;
    this.#strike = strike;
    this.#lookups = ligatureLookups(font.table("GSUB"));
  }

  /** The colour face of a file, or undefined when it has no CBDT/CBLC bitmaps or is not a font. */
  static open(path: string, size = 64): ColourEmoji | undefined {
    const font = TrueTypeFont.openTables(path, MAX_FILE_BYTES);
    const cbdt = font?.table("CBDT");
    const cblc = font?.table("CBLC");
    if (!font || !cbdt || !cblc) return undefined;
    try {
      const strike = nearestStrike(cblc, size);
      return strike ? new ColourEmoji(font, cbdt, strike) : undefined;
    } catch {
      return undefined;
    }
  }

  get path(): string {
    return this.#font.path;
  }

  /**
   * The glyphs that draw one emoji sequence, as a browser shapes it (each GSUB ligature lookup applied
   * in order, the longest listed ligature first); undefined when one of them has no bitmap.
   */
  shape(sequence: string): EmojiGlyph[] | undefined {
    let glyphs: number[] = [];
    for (const character of sequence) {
      const glyph = this.#font.glyphId(character.codePointAt(0)!);
      // A variation selector or joiner the face lacks is hidden, as a shaper does; another character is missing.
      if (glyph === 0) {
        if (IGNORABLE.test(character)) continue;
        return undefined;
      }
      glyphs.push(glyph);
    }
    for (const lookup of this.#lookups) glyphs = ligate(glyphs, lookup);
    const shaped: EmojiGlyph[] = [];
    for (const glyph of glyphs) {
      const image = this.image(glyph);
      if (image) shaped.push({ glyph, image, advance: this.#font.advance(glyph) / this.#font.unitsPerEm });
      // Joiners left over draw nothing (the face gives them no bitmap and no width).
      else if (this.#font.advance(glyph) !== 0) return undefined;
    }
    return shaped.length > 0 ? shaped : undefined;
  }

  /** A glyph's bitmap from the strike, or undefined when it has none (or it is not PNG data). */
  image(glyph: number): EmojiImage | undefined {
    if (!this.#images.has(glyph)) this.#images.set(glyph, this.#readImage(glyph));
    return this.#images.get(glyph);
  }

  #readImage(glyph: number): EmojiImage | undefined {
    const place = this.#strike.locate(glyph);
    if (!place || place.offset + place.length > this.#cbdt.length) return undefined;
    const data = this.#cbdt.subarray(place.offset, place.offset + place.length);
    let metrics: { height: number; width: number; left: number; top: number };
    let at: number;
    if (place.format === 17 && data.length >= 9) {
      metrics = { height: data[0]!, width: data[1]!, left: data.readInt8(2), top: data.readInt8(3) };
      at = 5;
    } else if (place.format === 18 && data.length >= 12) {
      metrics = { height: data[0]!, width: data[1]!, left: data.readInt8(2), top: data.readInt8(3) };
      at = 8;
    } else if (place.format === 19 && place.metrics && data.length >= 4) {
      const big = place.metrics;
      metrics = { height: big[0]!, width: big[1]!, left: big.readInt8(2), top: big.readInt8(3) };
      at = 0;
    } else return undefined;
    const length = data.readUInt32BE(at);
    const png = data.subarray(at + 4, at + 4 + length);
    if (png.length !== length || png.toString("latin1", 1, 4) !== "PNG") return undefined;
    const ppem = this.#strike.ppem;
    return {
      png,
      left: metrics.left / ppem,
      top: metrics.top / ppem,
      width: metrics.width / ppem,
      height: metrics.height / ppem,
    };
  }
}

/** Each lookup's ligatures, read from GSUB lookups of type 4 (directly or through an extension, type 7). */
function ligatureLookups(gsub: Buffer | undefined): Map<number, { rest: number[]; glyph: number }[]>[] {
  const lookups: Map<number, { rest: number[]; glyph: number }[]>[] = [];
  if (!gsub || gsub.length < 10) return lookups;
  let ligatures = 0;
  try {
    const list = gsub.readUInt16BE(8);
    const count = Math.min(gsub.readUInt16BE(list), MAX_LOOKUPS);
    for (let l = 0; l < count; l++) {
      const lookup = list + gsub.readUInt16BE(list + 2 + l * 2);
      const type = gsub.readUInt16BE(lookup);
      const subtables = gsub.readUInt16BE(lookup + 4);
      const byFirst = new Map<number, { rest: number[]; glyph: number }[]>();
      for (let s = 0; s < subtables; s++) {
        let subtable = lookup + gsub.readUInt16BE(lookup + 6 + s * 2);
        let subtableType = type;
        if (type === 7) {
          subtableType = gsub.readUInt16BE(subtable + 2);
          subtable += gsub.readUInt32BE(subtable + 4);
        }
        if (subtableType !== 4 || gsub.readUInt16BE(subtable) !== 1) continue;
        const firsts = coverage(gsub, subtable + gsub.readUInt16BE(subtable + 2));
        const sets = Math.min(gsub.readUInt16BE(subtable + 4), firsts.length);
        for (let i = 0; i < sets; i++) {
          const set = subtable + gsub.readUInt16BE(subtable + 6 + i * 2);
          const inSet = gsub.readUInt16BE(set);
          const entries = byFirst.get(firsts[i]!) ?? [];
          for (let j = 0; j < inSet && ligatures < MAX_LIGATURES; j++, ligatures++) {
            const ligature = set + gsub.readUInt16BE(set + 2 + j * 2);
            const components = gsub.readUInt16BE(ligature + 2);
            if (components < 1 || components > MAX_COMPONENTS) continue;
            const rest = Array.from({ length: components - 1 }, (_, k) => gsub.readUInt16BE(ligature + 4 + k * 2));
            entries.push({ rest, glyph: gsub.readUInt16BE(ligature) });
          }
          byFirst.set(firsts[i]!, entries);
        }
      }
      if (byFirst.size > 0) lookups.push(byFirst);
    }
  } catch {
    // A table cut short keeps the lookups read so far.
  }
  return lookups;
}

/** The glyphs of a coverage table, in coverage-index order. */
function coverage(gsub: Buffer, at: number): number[] {
  const format = gsub.readUInt16BE(at);
  const count = gsub.readUInt16BE(at + 2);
  const glyphs: number[] = [];
  if (format === 1) for (let i = 0; i < count; i++) glyphs.push(gsub.readUInt16BE(at + 4 + i * 2));
  else if (format === 2)
    for (let i = 0; i < count; i++) {
      const [start, end] = [gsub.readUInt16BE(at + 4 + i * 6), gsub.readUInt16BE(at + 6 + i * 6)];
      for (let glyph = start; glyph <= end && glyphs.length < 65_536; glyph++) glyphs.push(glyph);
    }
  return glyphs;
}

/** One pass of a ligature lookup over the glyphs, left to right, the first listed ligature that matches. */
function ligate(glyphs: number[], lookup: Map<number, { rest: number[]; glyph: number }[]>): number[] {
  const out: number[] = [];
  for (let i = 0; i < glyphs.length;) {
    const match = lookup
      .get(glyphs[i]!)
      ?.find(({ rest }) => rest.every((component, k) => glyphs[i + 1 + k] === component));
    if (match) {
      out.push(match.glyph);
      i += 1 + match.rest.length;
    } else out.push(glyphs[i++]!);
  }
  return out;
}

/** The bitmap strike whose size is nearest above `size` px (else the largest), read from CBLC. */
function nearestStrike(cblc: Buffer, size: number): Strike | undefined {
  const count = Math.min(cblc.readUInt32BE(4), 64);
  let best: { at: number; ppem: number } | undefined;
  for (let i = 0; i < count && 8 + i * 48 + 48 <= cblc.length; i++) {
    const at = 8 + i * 48;
    const ppem = cblc[at + 45]!;
    if (ppem === 0) continue;
    const better = !best || (best.ppem < size ? ppem > best.ppem : ppem >= size && ppem < best.ppem);
    if (better) best = { at, ppem };
  }
  if (!best) return undefined;
  const arrayAt = cblc.readUInt32BE(best.at);
  const subtables = Math.min(cblc.readUInt32BE(best.at + 8), 65_536);
  const ranges = Array.from({ length: subtables }, (_, i) => {
    const at = arrayAt + i * 8;
    return { first: cblc.readUInt16BE(at), last: cblc.readUInt16BE(at + 2), at: arrayAt + cblc.readUInt32BE(at + 4) };
  });
  const locate: Strike["locate"] = (glyph) => {
    try {
      const range = ranges.find(({ first, last }) => glyph >= first && glyph <= last);
      if (!range) return undefined;
      const { at } = range;
      const [indexFormat, format, dataAt] = [
        cblc.readUInt16BE(at),
        cblc.readUInt16BE(at + 2),
        cblc.readUInt32BE(at + 4),
      ];
      const i = glyph - range.first;
      if (indexFormat === 1) {
        const [from, to] = [cblc.readUInt32BE(at + 8 + i * 4), cblc.readUInt32BE(at + 12 + i * 4)];
        return { offset: dataAt + from, length: to - from, format };
      }
      if (indexFormat === 3) {
        const [from, to] = [cblc.readUInt16BE(at + 8 + i * 2), cblc.readUInt16BE(at + 10 + i * 2)];
        return { offset: dataAt + from, length: to - from, format };
      }
      if (indexFormat === 2) {
        const imageSize = cblc.readUInt32BE(at + 8);
        return { offset: dataAt + i * imageSize, length: imageSize, format, metrics: cblc.subarray(at + 12, at + 20) };
      }
      if (indexFormat === 4 || indexFormat === 5) {
        const glyphsAt = indexFormat === 4 ? at + 12 : at + 24;
        const listed = Math.min(cblc.readUInt32BE(indexFormat === 4 ? at + 8 : at + 20), 65_536);
        for (let k = 0; k < listed; k++) {
          if (indexFormat === 4 && cblc.readUInt16BE(glyphsAt + k * 4) === glyph) {
            const [from, to] = [cblc.readUInt16BE(glyphsAt + k * 4 + 2), cblc.readUInt16BE(glyphsAt + k * 4 + 6)];
            return { offset: dataAt + from, length: to - from, format };
          }
          if (indexFormat === 5 && cblc.readUInt16BE(glyphsAt + k * 2) === glyph) {
            const imageSize = cblc.readUInt32BE(at + 8);
            return {
              offset: dataAt + k * imageSize,
              length: imageSize,
              format,
              metrics: cblc.subarray(at + 12, at + 20),
            };
          }
        }
      }
      return undefined;
    } catch {
      return undefined;
    }
  };
  return { ppem: best.ppem, locate };
}

let found: { folders: string; face: ColourEmoji | undefined } | undefined;

/**
 * This run's colour emoji face: the usual file when it is there, else the first installed file named
 * for emoji that has CBDT bitmaps; undefined when none is installed (emoji are then drawn in an
 * outline font, as before). With JOURNEYMAP_FONT_DIRS only its folders are searched.
 */
export function colourEmoji(): ColourEmoji | undefined {
  const folders = fontFolders();
  const key = folders.join("\n");
  if (found?.folders !== key) {
    const inFolders = (path: string) => folders.some((folder) => path.startsWith(folder));
    const candidates = [
      ...USUAL_FILES.filter(inFolders),
      ...fontFiles(folders).filter((path) => /emoji/i.test(basename(path)) && !USUAL_FILES.includes(path)),
    ];
    let face: ColourEmoji | undefined;
    for (const path of candidates) if ((face = ColourEmoji.open(path))) break;
    found = { folders: key, face };
  }
  return found.face;
}
