// Embeds the glyphs a PDF uses of one TrueType face: a subset font file that keeps every glyph id
// (the glyphs not used are empty), so the text's codes are the face's glyph ids (Identity-H,
// CIDToGIDMap Identity), with the glyph widths (/W) and a ToUnicode map that lets a reader copy and
// search the text (pdftotext reads it).
import { createHash } from "node:crypto";
import type { TrueTypeFont } from "../fonts/truetype.js";

/** The tables a subset keeps: the outlines and metrics, and the hinting programs they may call. */
const KEPT_TABLES = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

/** One face as the pages use it: the glyphs drawn and the text each stands for. */
export class UsedFont {
  readonly glyphs = new Map<number, string>();

  constructor(
    readonly font: TrueTypeFont,
    /** The name of the font in the pages' resources (/F1). */
    readonly resource: string,
  ) {}

  use(glyph: number, text: string): void {
    if (!this.glyphs.has(glyph)) this.glyphs.set(glyph, text);
  }

  /** The glyph's advance in the PDF's text space units (1000 to the em). */
  width(glyph: number): number {
    return (this.font.advance(glyph) * 1000) / this.font.unitsPerEm;
  }
}

/** A table's checksum: the sum of its big-endian 32-bit words. */
function checksum(table: Buffer): number {
  let sum = 0;
  const padded = table.length % 4 === 0 ? table : Buffer.concat([table, Buffer.alloc(4 - (table.length % 4))]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The subset font file: glyph 0, the used glyphs and the glyphs their composites are built of. */
export function subsetFontFile(used: UsedFont): Buffer {
  const { font } = used;
  const keep = new Set<number>([0]);
  for (const glyph of used.glyphs.keys()) {
    keep.add(glyph);
    for (const component of font.components(glyph)) keep.add(component);
  }
  const count = Math.max(...keep) + 1;
  const glyf: Buffer[] = [];
  const loca = Buffer.alloc((count + 1) * 4);
  let offset = 0;
  for (let glyph = 0; glyph < count; glyph++) {
    loca.writeUInt32BE(offset, glyph * 4);
    if (!keep.has(glyph)) continue;
    const data = font.glyphData(glyph);
    const padding = (4 - (data.length % 4)) % 4;
    glyf.push(data, Buffer.alloc(padding));
    offset += data.length + padding;
  }
  loca.writeUInt32BE(offset, count * 4);
  const hmtx = Buffer.alloc(count * 4);
  for (let glyph = 0; glyph < count; glyph++) {
    hmtx.writeUInt16BE(font.advance(glyph), glyph * 4);
    hmtx.writeInt16BE(font.leftBearing(glyph), glyph * 4 + 2);
  }
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
  const digest = createHash("md5")
    .update([...used.glyphs.keys()].sort((a, b) => a - b).join(","))
    .digest();
  return [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join("");
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
  const entries = [...used.glyphs].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(
      `${block.length} beginbfchar\n${block.map(([glyph, text]) => `<${hex4(glyph)}> <${utf16Hex(text)}>`).join("\n")}\nendbfchar`,
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

/** The /W array: each used glyph's width, consecutive glyphs in one run. */
export function widthsArray(used: UsedFont, number: (value: number) => string): string {
  const glyphs = [...used.glyphs.keys()].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < glyphs.length; ) {
    let j = i;
    while (j + 1 < glyphs.length && glyphs[j + 1] === glyphs[j]! + 1) j++;
    runs.push(`${glyphs[i]} [${glyphs
      .slice(i, j + 1)
      .map((glyph) => number(used.width(glyph)))
      .join(" ")}]`);
    i = j + 1;
  }
  return `[${runs.join(" ")}]`;
}
