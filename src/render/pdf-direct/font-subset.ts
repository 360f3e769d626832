// Embeds the glyphs a PDF uses of one TrueType face: a subset font file of only those glyphs,
// numbered in the order the pages first draw them (glyph 0 stays .notdef), so the text's codes are
// the subset's glyph ids (Identity-H, CIDToGIDMap Identity), with the glyph widths (/W) and a
// ToUnicode map that lets a reader copy and search the text (pdftotext reads it).
import { crc32 } from "node:zlib";
import type { TrueTypeFont } from "../fonts/truetype.js";

/** The tables a subset keeps: the outlines and metrics, and the hinting programs they may call. */
const KEPT_TABLES = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

/** One face as the pages use it: the face's glyphs drawn, in order, and the text each stands for. */
export class UsedFont {
  /** The face's glyph ids by code (the subset's glyph id): code 0 is .notdef. */
  readonly glyphs: number[] = [0];
  /** The text each code was drawn for. */
  readonly texts: string[] = [""];
  /** Each code's advance, in font units. */
  readonly advances: number[];
  readonly #codes = new Map<number, number>([[0, 0]]);

  constructor(
    readonly font: TrueTypeFont,
    /** The name of the font in the pages' resources (/F1). */
    readonly resource: string,
  ) {
    this.advances = [font.advance(0)];
  }

  /** The code that draws a glyph of the face, which stands for `text`. */
  code(glyph: number, text = ""): number {
    let code = this.#codes.get(glyph);
    if (code === undefined) {
      code = this.glyphs.length;
      this.#codes.set(glyph, code);
      this.glyphs.push(glyph);
      this.texts.push(text);
      this.advances.push(this.font.advance(glyph));
    }
    return code;
  }

  /** The glyph's advance in the PDF's text space units (1000 to the em). */
  width(code: number): number {
    return (this.advances[code]! * 1000) / this.font.unitsPerEm;
  }
}

/** A table's checksum: the sum of its big-endian 32-bit words. */
function checksum(table: Buffer): number {
  let sum = 0;
  for (let i = 0; i < table.length; i += 4)
    sum =
      (sum + ((table[i]! << 24) | ((table[i + 1] ?? 0) << 16) | ((table[i + 2] ?? 0) << 8) | (table[i + 3] ?? 0))) >>>
      0;
  return sum;
}

/** A composite glyph's data with its components' ids turned into codes (new ones added to `used`). */
function renumbered(data: Buffer, used: UsedFont): Buffer {
  if (data.length < 10 || data.readInt16BE(0) >= 0) return data;
  const copy = Buffer.from(data);
  let at = 10;
  for (;;) {
    if (at + 4 > copy.length) break;
    const flags = copy.readUInt16BE(at);
    copy.writeUInt16BE(used.code(copy.readUInt16BE(at + 2)), at + 2);
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) break;
  }
  return copy;
}

/** The subset font file: the used glyphs, then the glyphs their composites are built of. */
export function subsetFontFile(used: UsedFont): Buffer {
  const { font } = used;
  const glyf: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  // Components found on the way get codes after the drawn glyphs, and are copied in turn.
  for (let code = 0; code < used.glyphs.length; code++) {
    offsets.push(offset);
    const data = renumbered(font.glyphData(used.glyphs[code]!), used);
    const padding = (4 - (data.length % 4)) % 4;
    glyf.push(data, Buffer.alloc(padding));
    offset += data.length + padding;
  }
  offsets.push(offset);
  const count = used.glyphs.length;
  const loca = Buffer.alloc((count + 1) * 4);
  offsets.forEach((at, i) => loca.writeUInt32BE(at, i * 4));
  const hmtx = Buffer.alloc(count * 4);
  used.glyphs.forEach((glyph, code) => {
    hmtx.writeUInt16BE(used.advances[code]!, code * 4);
    hmtx.writeInt16BE(font.leftBearing(glyph), code * 4 + 2);
  });
  const head = Buffer.from(font.table("head")!);
  head.writeUInt32BE(0, 8);
  head.writeInt16BE(1, 50);
  const hhea = Buffer.from(font.table("hhea")!);
  hhea.writeUInt16BE(count, 34);
  const maxp = Buffer.from(font.table("maxp")!);
  maxp.writeUInt16BE(count, 4);
  const tables = new Map<string, Buffer>([
    ["glyf", Buffer.concat(glyf)],
    ["head", head],
    ["hhea", hhea],
    ["hmtx", hmtx],
    ["loca", loca],
    ["maxp", maxp],
  ]);
  for (const tag of ["cvt ", "fpgm", "prep"]) {
    const table = font.table(tag);
    if (table) tables.set(tag, table);
  }
  const tags = KEPT_TABLES.filter((tag) => tables.has(tag));
  const directory = Buffer.alloc(12 + tags.length * 16);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(tags.length, 4);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  directory.writeUInt16BE(power * 16, 6);
  directory.writeUInt16BE(Math.log2(power), 8);
  directory.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let at = directory.length;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    const record = 12 + i * 16;
    directory.write(tag, record, "latin1");
    directory.writeUInt32BE(checksum(table), record + 4);
    directory.writeUInt32BE(at, record + 8);
    directory.writeUInt32BE(table.length, record + 12);
    const padding = (4 - (table.length % 4)) % 4;
    bodies.push(table, Buffer.alloc(padding));
    at += table.length + padding;
  });
  const file = Buffer.concat([directory, ...bodies]);
  const headAt = directory.readUInt32BE(12 + tags.indexOf("head") * 16 + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

/** The six capital letters a subset's name starts with, from the glyphs it holds (the same glyphs, the same tag). */
export function subsetTag(used: UsedFont): string {
  let hash = crc32(used.glyphs.join(","));
  let tag = "";
  for (let i = 0; i < 6; i++, hash = Math.floor(hash / 26)) tag += String.fromCharCode(65 + (hash % 26));
  return tag;
}

const hex4 = (value: number): string => value.toString(16).toUpperCase().padStart(4, "0");

/** The UTF-16BE hex of a text, as a ToUnicode map writes it. */
function utf16Hex(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** The ToUnicode CMap: each glyph code to the characters it was drawn for. */
export function toUnicodeCmap(used: UsedFont): string {
  const entries = used.texts.map((text, code) => [code, text] as const).filter(([, text]) => text !== "");
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(
      `${block.length} beginbfchar\n${block.map(([code, text]) => `<${hex4(code)}> <${utf16Hex(text)}>`).join("\n")}\nendbfchar`,
    );
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/** The /W array: every code's width, in one run from code 0. */
export function widthsArray(used: UsedFont, number: (value: number) => string): string {
  return `[0 [${used.glyphs.map((_, code) => number(used.width(code))).join(" ")}]]`;
}
