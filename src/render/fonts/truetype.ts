// Reads the glyphs of one installed TrueType face, without a font library: which glyph draws a
// character (cmap), how far it advances (hmtx), its outline data (loca and glyf, with the glyphs a
// composite is built of) and the kerning between two glyphs (the kern table). The PNG drawer turns
// Latin text into outlines with it, and the PDF writer embeds the glyphs a page uses. A file that is
// not a TrueType face with glyf outlines (CFF fonts, colour-bitmap fonts) opens as undefined, and the
// callers fall back to the drawers' own text.
import { readFileSync, statSync } from "node:fs";

/** A font file larger than this is not read whole (DejaVu Sans is 760 KB; a CJK collection 20 MB). */
const MAX_FILE_BYTES = 8 * 2 ** 20;
/** Composite glyphs nest at most this deep (the TrueType specification's own maxComponentDepth is small). */
const MAX_COMPONENT_DEPTH = 8;

export class TrueTypeFont {
  readonly unitsPerEm: number;
  /** hhea ascender and descender (descender negative), in font units. */
  readonly ascender: number;
  readonly descender: number;
  readonly numGlyphs: number;
  /** head.xMin, yMin, xMax, yMax: the box every glyph fits in, in font units. */
  readonly box: [number, number, number, number];
  readonly #data: Buffer;
  readonly #tables = new Map<string, { offset: number; length: number }>();
  readonly #glyphs = new Map<number, number>();
  readonly #loca: (glyph: number) => [number, number];
  readonly #metrics: number;
  #cmap: ((code: number) => number) | undefined;
  #kerning: Map<number, number> | undefined;

  private constructor(
    readonly path: string,
    data: Buffer,
    faceOffset: number,
    outlines = true,
  ) {
    this.#data = data;
    const count = data.readUInt16BE(faceOffset + 4);
    for (let i = 0; i < count; i++) {
      const at = faceOffset + 12 + i * 16;
      const offset = data.readUInt32BE(at + 8);
      const length = data.readUInt32BE(at + 12);
      if (offset + length > data.length) throw new RangeError("a table past the end of the file");
      this.#tables.set(data.toString("latin1", at, at + 4), { offset, length });
    }
    const head = this.table("head");
    const hhea = this.table("hhea");
    const maxp = this.table("maxp");
    const loca = this.table("loca");
    if (!head || !hhea || !maxp || !this.table("hmtx") || (outlines && (!loca || !this.table("glyf"))))
      throw new RangeError("not a TrueType face with glyf outlines");
    this.unitsPerEm = head.readUInt16BE(18) || 1000;
    this.box = [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)];
    this.ascender = hhea.readInt16BE(4);
    this.descender = hhea.readInt16BE(6);
    this.#metrics = hhea.readUInt16BE(34);
    this.numGlyphs = maxp.readUInt16BE(4);
    const long = head.readInt16BE(50) === 1;
    this.#loca = (glyph) => {
      if (!loca || glyph < 0 || glyph >= this.numGlyphs) return [0, 0];
      const [start, end] = long
        ? [loca.readUInt32BE(glyph * 4), loca.readUInt32BE(glyph * 4 + 4)]
        : [loca.readUInt16BE(glyph * 2) * 2, loca.readUInt16BE(glyph * 2 + 2) * 2];
      return [start, end];
    };
  }

  /** The face of a font file (a collection's face by PostScript name, else its first), or undefined. */
  static open(path: string, postscriptName?: string): TrueTypeFont | undefined {
    try {
      if (statSync(path).size > MAX_FILE_BYTES) return undefined;
      const data = readFileSync(path);
      if (data.toString("latin1", 0, 4) !== "ttcf") return new TrueTypeFont(path, data, 0);
      const faces = Math.min(data.readUInt32BE(8), 64);
      let first: TrueTypeFont | undefined;
      for (let i = 0; i < faces; i++) {
        const face = new TrueTypeFont(path, data, data.readUInt32BE(12 + i * 4));
        if (postscriptName === undefined || face.postscriptName() === postscriptName) return face;
        first ??= face;
      }
      return first;
    } catch {
      return undefined;
    }
  }

  /**
   * A single-face file opened for its tables, with or without outlines (a colour-bitmap emoji face has
   * none, and Noto Color Emoji is 11 MB); undefined when it is not a font or is larger than `maxBytes`.
   */
  static openTables(path: string, maxBytes: number): TrueTypeFont | undefined {
    try {
      if (statSync(path).size > maxBytes) return undefined;
      const data = readFileSync(path);
      return data.toString("latin1", 0, 4) === "ttcf" ? undefined : new TrueTypeFont(path, data, 0, false);
    } catch {
      return undefined;
    }
  }

  /** A table's bytes, or undefined when the face has none. */
  table(tag: string): Buffer | undefined {
    const entry = this.#tables.get(tag);
    return entry ? this.#data.subarray(entry.offset, entry.offset + entry.length) : undefined;
  }

  /** The tags of the face's tables. */
  get tags(): string[] {
    return [...this.#tables.keys()];
  }

  /** The glyph that draws a code point; 0 (.notdef, the box) when the face has none. */
  glyphId(code: number): number {
    let glyph = this.#glyphs.get(code);
    if (glyph === undefined) {
      this.#cmap ??= unicodeCmap(this.table("cmap"));
      try {
        glyph = this.#cmap(code);
      } catch {
        glyph = 0;
      }
      if (glyph >= this.numGlyphs) glyph = 0;
      this.#glyphs.set(code, glyph);
    }
    return glyph;
  }

  /** How far a glyph advances, in font units. */
  advance(glyph: number): number {
    const hmtx = this.table("hmtx")!;
    const index = Math.min(glyph, this.#metrics - 1);
    return index >= 0 && index * 4 + 2 <= hmtx.length ? hmtx.readUInt16BE(index * 4) : 0;
  }

  /** The left side bearing of a glyph, in font units. */
  leftBearing(glyph: number): number {
    const hmtx = this.table("hmtx")!;
    const at = glyph < this.#metrics ? glyph * 4 + 2 : this.#metrics * 4 + (glyph - this.#metrics) * 2;
    return at >= 0 && at + 2 <= hmtx.length ? hmtx.readInt16BE(at) : 0;
  }

  /** A glyph's outline data in the glyf table (empty for a glyph that draws nothing, such as the space). */
  glyphData(glyph: number): Buffer {
    const glyf = this.table("glyf");
    const [start, end] = this.#loca(glyph);
    return glyf && end > start && end <= glyf.length ? glyf.subarray(start, end) : Buffer.alloc(0);
  }

  /** The glyphs a composite glyph is built of, with the ones they are built of (none for a simple glyph). */
  components(glyph: number, depth = 0): number[] {
    const data = this.glyphData(glyph);
    if (data.length < 10 || data.readInt16BE(0) >= 0 || depth >= MAX_COMPONENT_DEPTH) return [];
    const found: number[] = [];
    let at = 10;
    for (;;) {
      if (at + 4 > data.length) break;
      const flags = data.readUInt16BE(at);
      const component = data.readUInt16BE(at + 2);
      found.push(component, ...this.components(component, depth + 1));
      at += 4 + (flags & 0x0001 ? 4 : 2);
      if (flags & 0x0008) at += 2;
      else if (flags & 0x0040) at += 4;
      else if (flags & 0x0080) at += 8;
      if (!(flags & 0x0020)) break;
    }
    return found;
  }

  /** The kerning between two glyphs from the kern table's first horizontal pair list, in font units. */
  kerning(left: number, right: number): number {
    this.#kerning ??= kernPairs(this.table("kern"));
    return this.#kerning.get(left * 65536 + right) ?? 0;
  }

  /** Name 6, the PostScript name. */
  postscriptName(): string {
    return postscriptNameOf(this.table("name"));
  }
}

/** Where the best Unicode subtable of a cmap starts: format 12 (every plane) before format 4 (the BMP). */
export function bestUnicodeSubtable(cmap: Buffer): { format: 4 | 12; offset: number } | undefined {
  let best: { format: 4 | 12; offset: number } | undefined;
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count && 4 + i * 8 + 8 <= cmap.length; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (offset + 2 > cmap.length) continue;
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const format = cmap.readUInt16BE(offset);
    if (format === 12 && best?.format !== 12) best = { format, offset };
    else if (format === 4 && !best) best = { format, offset };
  }
  return best;
}

/** The lookup of the best Unicode cmap subtable: format 12 (every plane), else format 4 (the BMP). */
export function unicodeCmap(cmap: Buffer | undefined): (code: number) => number {
  if (!cmap || cmap.length < 4) return () => 0;
  const best = bestUnicodeSubtable(cmap);
  if (!best) return () => 0;
  const { offset } = best;
  if (best.format === 12) {
    const groups = Math.min(cmap.readUInt32BE(offset + 12), Math.floor((cmap.length - offset - 16) / 12));
    return (code) => {
      let [low, high] = [0, groups - 1];
      while (low <= high) {
        const middle = (low + high) >> 1;
        const at = offset + 16 + middle * 12;
        if (code < cmap.readUInt32BE(at)) high = middle - 1;
        else if (code > cmap.readUInt32BE(at + 4)) low = middle + 1;
        else return cmap.readUInt32BE(at + 8) + code - cmap.readUInt32BE(at);
      }
      return 0;
    };
  }
  const segments = cmap.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    if (code > 0xffff) return 0;
    let [low, high] = [0, segments - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const end = cmap.readUInt16BE(ends + middle * 2);
      const start = cmap.readUInt16BE(starts + middle * 2);
      if (code > end) low = middle + 1;
      else if (code < start) high = middle - 1;
      else {
        const delta = cmap.readUInt16BE(deltas + middle * 2);
        const rangeOffset = cmap.readUInt16BE(rangeOffsets + middle * 2);
        if (rangeOffset === 0) return (code + delta) & 0xffff;
        const at = rangeOffsets + middle * 2 + rangeOffset + (code - start) * 2;
        const raw = at + 2 <= cmap.length ? cmap.readUInt16BE(at) : 0;
        return raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
    }
    return 0;
  };
}

/** The pairs of the kern table's first horizontal format-0 subtable (version 0, as Windows reads it). */
function kernPairs(kern: Buffer | undefined): Map<number, number> {
  const pairs = new Map<number, number>();
  if (!kern || kern.length < 4 || kern.readUInt16BE(0) !== 0) return pairs;
  const tables = kern.readUInt16BE(2);
  let at = 4;
  for (let t = 0; t < tables && at + 6 <= kern.length; t++) {
    const length = kern.readUInt16BE(at + 2);
    const coverage = kern.readUInt16BE(at + 4);
    // Horizontal (bit 0), not minimum values (bit 1), not cross-stream (bit 2), format 0 (high byte).
    if ((coverage & 0x7) === 1 && coverage >> 8 === 0 && at + 14 <= kern.length) {
      const count = kern.readUInt16BE(at + 6);
      for (let i = 0, p = at + 14; i < count && p + 6 <= kern.length; i++, p += 6)
        pairs.set(kern.readUInt16BE(p) * 65536 + kern.readUInt16BE(p + 2), kern.readInt16BE(p + 4));
      return pairs;
    }
    at += length || kern.length;
  }
  return pairs;
}

/** Name 6, the PostScript name (Windows or Unicode platform, UTF-16; or Macintosh, Latin-1). */
export function postscriptNameOf(name: Buffer | undefined): string {
  if (!name || name.length < 6) return "";
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  for (let i = 0; i < count && 6 + i * 12 + 12 <= name.length; i++) {
    const at = 6 + i * 12;
    if (name.readUInt16BE(at + 6) !== 6) continue;
    const [platform, length, offset] = [name.readUInt16BE(at), name.readUInt16BE(at + 8), name.readUInt16BE(at + 10)];
    const begin = strings + offset;
    if (begin + length > name.length) continue;
    if (platform === 1) return name.toString("latin1", begin, begin + length);
    let text = "";
    for (let c = begin; c + 1 < begin + length; c += 2) text += String.fromCharCode(name.readUInt16BE(c));
    return text;
  }
  return "";
}
