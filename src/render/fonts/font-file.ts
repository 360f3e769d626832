// Reads what journeymap needs to know of an installed font file, without a font library: its family,
// PostScript name, weight, whether it has outlines, and which characters its cmap maps. Only the table
// directory and the cmap and name tables are read (a CJK collection is 20 MB; its cmap is a few hundred KB).
import { closeSync, openSync, readSync } from "node:fs";
import { bestUnicodeSubtable } from "./truetype.js";

export interface FontFace {
  path: string;
  /** The typographic family (name 16, else 1), as resvg and a browser match it. */
  family: string;
  /** Name 6: how pdfkit picks this face out of a collection (.ttc). */
  postscriptName: string;
  /** OS/2 usWeightClass: 400 regular, 700 bold. */
  weight: number;
  italic: boolean;
  /** glyf, CFF or CFF2 outlines: a colour-bitmap font (Noto Color Emoji) has none, and resvg and
   * PDF draw nothing with it. */
  outlines: boolean;
  /** Whether the face maps a code point to a glyph (read on first use, then kept). */
  covers(codePoint: number): boolean;
}

/** A cmap or name table larger than this is not read (a full CJK format-12 cmap is about 300 KB). */
const MAX_TABLE_BYTES = 4 * 2 ** 20;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return read === length ? buffer : buffer.subarray(0, read);
}

interface TableDirectory {
  [tag: string]: { offset: number; length: number } | undefined;
}

/** The first face of a font file (a collection's first face), or undefined when it is not a font. */
export function readFontFace(path: string): FontFace | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const head = readAt(fd, 0, 16);
    if (head.length < 12) return undefined;
    let faceOffset = 0;
    if (head.toString("latin1", 0, 4) === "ttcf") faceOffset = head.readUInt32BE(12);
    const start = readAt(fd, faceOffset, 12);
    if (start.length < 12) return undefined;
    const version = start.toString("latin1", 0, 4);
    if (!["\0\x01\0\0", "OTTO", "true"].includes(version)) return undefined;
    const count = Math.min(start.readUInt16BE(4), 200);
    const records = readAt(fd, faceOffset + 12, count * 16);
    const tables: TableDirectory = {};
    for (let i = 0; i + 16 <= records.length; i += 16) {
      tables[records.toString("latin1", i, i + 4)] = {
        offset: records.readUInt32BE(i + 8),
        length: records.readUInt32BE(i + 12),
      };
    }
    const table = (tag: string): Buffer | undefined => {
      const entry = tables[tag];
      if (!entry || entry.length > MAX_TABLE_BYTES) return undefined;
      return readAt(fd, entry.offset, entry.length);
    };
    const names = readNames(table("name"));
    if (!names.family) return undefined;
    const os2 = table("OS/2");
    const weight = os2 && os2.length >= 6 ? os2.readUInt16BE(4) : 400;
    const italic = os2 && os2.length >= 64 ? (os2.readUInt16BE(62) & 1) === 1 : /italic|oblique/i.test(names.style);
    const cmapEntry = tables.cmap;
    let coverage: Coverage | undefined;
    return {
      path,
      family: names.family,
      postscriptName: names.postscript,
      weight,
      italic,
      outlines: Boolean(tables.glyf || tables["CFF "] || tables.CFF2),
      covers(codePoint) {
        if (!coverage) coverage = cmapEntry ? readCoverage(path, cmapEntry) : new Coverage([]);
        return coverage.has(codePoint);
      },
    };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Ranges of mapped code points, searched by bisection. */
class Coverage {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  constructor(ranges: [number, number][]) {
    ranges.sort((a, b) => a[0] - b[0]);
    for (const [start, end] of ranges) {
      this.#starts.push(start);
      this.#ends.push(end);
    }
  }
  has(codePoint: number): boolean {
    let [low, high] = [0, this.#starts.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (codePoint < this.#starts[middle]!) high = middle - 1;
      else if (codePoint > this.#ends[middle]!) low = middle + 1;
      else return true;
    }
    return false;
  }
}

function readCoverage(path: string, entry: { offset: number; length: number }): Coverage {
  if (entry.length > MAX_TABLE_BYTES) return new Coverage([]);
  const fd = openSync(path, "r");
  try {
    return parseCmap(readAt(fd, entry.offset, entry.length));
  } catch {
    return new Coverage([]);
  } finally {
    closeSync(fd);
  }
}

/** The best Unicode subtable's mapped code points (truetype.ts picks the subtable). */
function parseCmap(cmap: Buffer): Coverage {
  const best = bestUnicodeSubtable(cmap);
  if (!best) return new Coverage([]);
  return best.format === 12 ? format12(cmap, best.offset) : format4(cmap, best.offset);
}

function format12(cmap: Buffer, offset: number): Coverage {
  const groups = cmap.readUInt32BE(offset + 12);
  const ranges: [number, number][] = [];
  for (let i = 0, at = offset + 16; i < groups && at + 12 <= cmap.length; i++, at += 12) {
    const start = cmap.readUInt32BE(at);
    const end = cmap.readUInt32BE(at + 4);
    // A group starting at glyph 0 maps its first code point to .notdef: the box, not a glyph.
    const first = cmap.readUInt32BE(at + 8) === 0 ? start + 1 : start;
    if (first <= end) ranges.push([first, end]);
  }
  return new Coverage(ranges);
}

function format4(cmap: Buffer, offset: number): Coverage {
  const segments = cmap.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const ranges: [number, number][] = [];
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    if (start === 0xffff) continue;
    const delta = cmap.readUInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    let runStart = -1;
    for (let code = start; code <= end + 1; code++) {
      let glyph = 0;
      if (code <= end) {
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          const at = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
          const raw = at + 2 <= cmap.length ? cmap.readUInt16BE(at) : 0;
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
      }
      if (glyph !== 0 && runStart < 0) runStart = code;
      else if (glyph === 0 && runStart >= 0) {
        ranges.push([runStart, code - 1]);
        runStart = -1;
      }
    }
  }
  return new Coverage(ranges);
}

/** Family (16, else 1), PostScript name (6) and style (2), English Windows names first. */
function readNames(name: Buffer | undefined): { family: string; postscript: string; style: string } {
  const found = new Map<number, { rank: number; text: string }>();
  if (name && name.length >= 6) {
    const count = name.readUInt16BE(2);
    const strings = name.readUInt16BE(4);
    for (let i = 0; i < count && 6 + i * 12 + 12 <= name.length; i++) {
      const at = 6 + i * 12;
      const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((field) =>
        name.readUInt16BE(at + field),
      ) as [number, number, number, number, number, number];
      if (![1, 2, 6, 16].includes(id)) continue;
      const begin = strings + offset;
      if (begin + length > name.length) continue;
      let text: string;
      let rank: number;
      if (platform === 3 && (encoding === 1 || encoding === 0 || encoding === 10)) {
        text = utf16be(name, begin, length);
        rank = language === 0x409 ? 0 : 1;
      } else if (platform === 1 && encoding === 0) {
        text = name.toString("latin1", begin, begin + length);
        rank = 2;
      } else if (platform === 0) {
        text = utf16be(name, begin, length);
        rank = 3;
      } else continue;
      const known = found.get(id);
      if (!known || rank < known.rank) found.set(id, { rank, text });
    }
  }
  return {
    family: (found.get(16) ?? found.get(1))?.text ?? "",
    postscript: found.get(6)?.text ?? "",
    style: found.get(2)?.text ?? "",
  };
}

function utf16be(buffer: Buffer, begin: number, length: number): string {
  let text = "";
  for (let at = begin; at + 1 < begin + length; at += 2) text += String.fromCharCode(buffer.readUInt16BE(at));
  return text;
}
