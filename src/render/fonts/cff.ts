// Reads the glyphs of an OpenType face with CFF outlines (Noto Sans CJK, in a .ttc collection): which
// glyph draws a character, how far it advances, and its outline from the Type 2 charstrings (cubic
// curves, subroutines, CID-keyed fonts' per-glyph private dictionaries). resvg reads the whole font file
// again for every glyph it draws (20 MB for Noto Sans CJK: 2.5 ms a glyph), so the PNG drawer hands it
// CJK text as outlines too. Anything unexpected opens as undefined, or as no outline for a glyph, and
// that text is left to resvg.
import { readFileSync, statSync } from "node:fs";
import { OutlinePaths, type Outline } from "./outlines.js";
import { postscriptNameOf, unicodeCmap } from "./truetype.js";

/** A CJK collection is about 20 MB; a larger file is not read. */
const MAX_FILE_BYTES = 40 * 2 ** 20;
const MAX_SUBR_DEPTH = 10;
const MAX_OPERATIONS = 20_000;

interface Index {
  count: number;
  get(i: number): [number, number];
}

export class CffFont {
  readonly unitsPerEm: number;
  readonly #cmap: (code: number) => number;
  readonly #hmtx: Buffer;
  readonly #metrics: number;
  readonly #data: Buffer;
  readonly #charStrings: Index;
  readonly #globalSubrs: Index;
  readonly #localSubrs: (glyph: number) => Index | undefined;
  readonly #glyphs = new Map<number, number>();

  private constructor(data: Buffer, tables: Map<string, Buffer>, cffOffset: number) {
    const head = tables.get("head")!;
    const hhea = tables.get("hhea")!;
    const cff = tables.get("CFF ")!;
    this.#data = data;
    this.unitsPerEm = head.readUInt16BE(18) || 1000;
    this.#metrics = hhea.readUInt16BE(34);
    this.#hmtx = tables.get("hmtx")!;
    this.#cmap = unicodeCmap(tables.get("cmap"));
    // CFF: header, Name INDEX, Top DICT INDEX, String INDEX, Global Subr INDEX (offsets from the table).
    const at = (offset: number) => cffOffset + offset;
    const names = readIndex(data, at(cff[2]!));
    const tops = readIndex(data, names.end);
    const strings = readIndex(data, tops.end);
    this.#globalSubrs = readIndex(data, strings.end).index;
    const top = readDict(data, ...tops.index.get(0));
    const charStringsAt = top.get(17)?.[0];
    if (charStringsAt === undefined) throw new RangeError("no CharStrings");
    this.#charStrings = readIndex(data, at(charStringsAt)).index;
    const privateSubrs = (dict: Map<number, number[]>): Index | undefined => {
      const [size, offset] = dict.get(18) ?? [];
      if (size === undefined || offset === undefined) return undefined;
      const privateDict = readDict(data, at(offset), at(offset + size));
      const subrs = privateDict.get(19)?.[0];
      return subrs === undefined ? undefined : readIndex(data, at(offset + subrs)).index;
    };
    const fdArrayAt = top.get(1236)?.[0];
    const fdSelectAt = top.get(1237)?.[0];
    if (fdArrayAt !== undefined && fdSelectAt !== undefined) {
      const fdArray = readIndex(data, at(fdArrayAt)).index;
      const subrs = Array.from({ length: fdArray.count }, (_, i) => privateSubrs(readDict(data, ...fdArray.get(i))));
      const select = fdSelect(data, at(fdSelectAt), this.#charStrings.count);
      this.#localSubrs = (glyph) => subrs[select(glyph)];
    } else {
      const subrs = privateSubrs(top);
      this.#localSubrs = () => subrs;
    }
  }

  /** The face of a font file with a CFF table (a collection's face by PostScript name), or undefined. */
  static open(path: string, postscriptName?: string): CffFont | undefined {
    try {
      if (statSync(path).size > MAX_FILE_BYTES) return undefined;
      const data = readFileSync(path);
      const offsets =
        data.toString("latin1", 0, 4) === "ttcf"
          ? Array.from({ length: Math.min(data.readUInt32BE(8), 64) }, (_, i) => data.readUInt32BE(12 + i * 4))
          : [0];
      let first: CffFont | undefined;
      for (const offset of offsets) {
        const tables = new Map<string, Buffer>();
        const cffOffsets = new Map<string, number>();
        const count = data.readUInt16BE(offset + 4);
        for (let i = 0; i < count; i++) {
          const entry = offset + 12 + i * 16;
          const [start, length] = [data.readUInt32BE(entry + 8), data.readUInt32BE(entry + 12)];
          if (start + length > data.length) throw new RangeError("a table past the end of the file");
          const tag = data.toString("latin1", entry, entry + 4);
          tables.set(tag, data.subarray(start, start + length));
          cffOffsets.set(tag, start);
        }
        if (!["head", "hhea", "hmtx", "cmap", "CFF "].every((tag) => tables.has(tag))) return undefined;
        const matches = postscriptName === undefined || postscriptNameOf(tables.get("name")) === postscriptName;
        if (matches || !first) {
          const face = new CffFont(data, tables, cffOffsets.get("CFF ")!);
          if (matches) return face;
          first = face;
        }
      }
      return first;
    } catch {
      return undefined;
    }
  }

  /** The glyph that draws a code point; 0 when the face has none. */
  glyphId(code: number): number {
    let glyph = this.#glyphs.get(code);
    if (glyph === undefined) {
      glyph = this.#cmap(code);
      if (glyph >= this.#charStrings.count) glyph = 0;
      this.#glyphs.set(code, glyph);
    }
    return glyph;
  }

  /** How far a glyph advances, in font units. */
  advance(glyph: number): number {
    const index = Math.min(glyph, this.#metrics - 1);
    return index >= 0 && index * 4 + 2 <= this.#hmtx.length ? this.#hmtx.readUInt16BE(index * 4) : 0;
  }

  /** A glyph's outline in font units (y up), or undefined when its charstring cannot be run. */
  outline(glyph: number): Outline | undefined {
    if (glyph < 0 || glyph >= this.#charStrings.count) return undefined;
    try {
      return runCharString(this.#data, this.#charStrings.get(glyph), this.#globalSubrs, this.#localSubrs(glyph));
    } catch {
      return undefined;
    }
  }
}

function readIndex(data: Buffer, start: number): { index: Index; end: number } {
  const count = data.readUInt16BE(start);
  if (count === 0) return { index: { count: 0, get: () => [0, 0] }, end: start + 2 };
  const offSize = data[start + 2]!;
  const offsetAt = (i: number): number => {
    let value = 0;
    for (let b = 0; b < offSize; b++) value = value * 256 + data[start + 3 + i * offSize + b]!;
    return value;
  };
  const base = start + 2 + (count + 1) * offSize;
  const end = base + offsetAt(count);
  if (end > data.length) throw new RangeError("an INDEX past the end of the file");
  return {
    index: { count, get: (i) => (i < 0 || i >= count ? [0, 0] : [base + offsetAt(i), base + offsetAt(i + 1)]) },
    end,
  };
}

/** A DICT's operators (12 x as 1200 + x) with their operands. */
function readDict(data: Buffer, start: number, end: number): Map<number, number[]> {
  const dict = new Map<number, number[]>();
  let operands: number[] = [];
  for (let at = start; at < end;) {
    const b0 = data[at]!;
    if (b0 <= 21) {
      const operator = b0 === 12 ? 1200 + data[at + 1]! : b0;
      at += b0 === 12 ? 2 : 1;
      dict.set(operator, operands);
      operands = [];
    } else if (b0 === 28) {
      operands.push(data.readInt16BE(at + 1));
      at += 3;
    } else if (b0 === 29) {
      operands.push(data.readInt32BE(at + 1));
      at += 5;
    } else if (b0 === 30) {
      // A real number: nibbles up to 0xf. Its value is not needed here (only offsets and sizes are).
      at++;
      while (at < end && (data[at]! & 0x0f) !== 0x0f && (data[at]! & 0xf0) !== 0xf0) at++;
      at++;
      operands.push(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push(b0 - 139);
      at++;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push((b0 - 247) * 256 + data[at + 1]! + 108);
      at += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push(-(b0 - 251) * 256 - data[at + 1]! - 108);
      at += 2;
    } else throw new RangeError("a DICT operand that is not one");
  }
  return dict;
}

function fdSelect(data: Buffer, start: number, glyphs: number): (glyph: number) => number {
  const format = data[start]!;
  if (format === 0) return (glyph) => data[start + 1 + glyph] ?? 0;
  if (format !== 3) throw new RangeError(`FDSelect format ${format}`);
  const ranges = data.readUInt16BE(start + 1);
  return (glyph) => {
    if (glyph >= glyphs) return 0;
    let [low, high] = [0, ranges - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = start + 3 + middle * 3;
      const first = data.readUInt16BE(at);
      const next = data.readUInt16BE(at + 3);
      if (glyph < first) high = middle - 1;
      else if (glyph >= next) low = middle + 1;
      else return data[at + 2]!;
    }
    return 0;
  };
}

const bias = (index: Index): number => (index.count < 1240 ? 107 : index.count < 33900 ? 1131 : 32768);

/** A Type 2 charstring run into path commands: 0 move, 1 line, 3 close, 4 cubic (six numbers). */
function runCharString(
  data: Buffer,
  [start, end]: [number, number],
  globalSubrs: Index,
  localSubrs: Index | undefined,
): Outline {
  const out: Outline = [];
  const stack: number[] = [];
  let [x, y] = [0, 0];
  let stems = 0;
  let widthTaken = false;
  let open = false;
  let operations = 0;
  let ended = false;
  const width = (even: boolean): void => {
    // The first stack-clearing operator may carry the glyph's width first (not needed: hmtx has it).
    if (!widthTaken && stack.length % 2 === (even ? 1 : 0)) stack.shift();
    widthTaken = true;
  };
  const close = (): void => {
    if (open) out.push(3);
    open = false;
  };
  const moveTo = (dx: number, dy: number): void => {
    close();
    x += dx;
    y += dy;
    out.push(0, x, y);
    open = true;
  };
  const lineTo = (dx: number, dy: number): void => {
    x += dx;
    y += dy;
    out.push(1, x, y);
  };
  const curveTo = (dxa: number, dya: number, dxb: number, dyb: number, dxc: number, dyc: number): void => {
    const [ax, ay] = [x + dxa, y + dya];
    const [bx, by] = [ax + dxb, ay + dyb];
    [x, y] = [bx + dxc, by + dyc];
    out.push(4, ax, ay, bx, by, x, y);
  };
  const run = (from: number, to: number, depth: number): void => {
    if (depth > MAX_SUBR_DEPTH) throw new RangeError("subroutines nested too deep");
    let at = from;
    while (at < to && !ended) {
      if (++operations > MAX_OPERATIONS) throw new RangeError("a charstring too long");
      const b0 = data[at]!;
      if (b0 >= 32 || b0 === 28) {
        if (b0 === 28) {
          stack.push(data.readInt16BE(at + 1));
          at += 3;
        } else if (b0 <= 246) {
          stack.push(b0 - 139);
          at++;
        } else if (b0 <= 250) {
          stack.push((b0 - 247) * 256 + data[at + 1]! + 108);
          at += 2;
        } else if (b0 <= 254) {
          stack.push(-(b0 - 251) * 256 - data[at + 1]! - 108);
          at += 2;
        } else {
          stack.push(data.readInt32BE(at + 1) / 65536);
          at += 5;
        }
        continue;
      }
      at++;
      const s = stack;
      switch (b0) {
        case 1: // hstem
        case 3: // vstem
        case 18: // hstemhm
        case 23: // vstemhm
          width(true);
          stems += s.length >> 1;
          s.length = 0;
          break;
        case 19: // hintmask
        case 20: // cntrmask
          width(true);
          stems += s.length >> 1;
          s.length = 0;
          at += (stems + 7) >> 3;
          break;
        case 21: // rmoveto
          width(true);
          moveTo(s[0] ?? 0, s[1] ?? 0);
          s.length = 0;
          break;
        case 22: // hmoveto
          width(false);
          moveTo(s[0] ?? 0, 0);
          s.length = 0;
          break;
        case 4: // vmoveto
          width(false);
          moveTo(0, s[0] ?? 0);
          s.length = 0;
          break;
        case 5: // rlineto
          for (let i = 0; i + 2 <= s.length; i += 2) lineTo(s[i]!, s[i + 1]!);
          s.length = 0;
          break;
        case 6: // hlineto
        case 7: // vlineto
          for (let i = 0, horizontal = b0 === 6; i < s.length; i++, horizontal = !horizontal)
            if (horizontal) lineTo(s[i]!, 0);
            else lineTo(0, s[i]!);
          s.length = 0;
          break;
        case 8: // rrcurveto
          for (let i = 0; i + 6 <= s.length; i += 6)
            curveTo(s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!, s[i + 4]!, s[i + 5]!);
          s.length = 0;
          break;
        case 24: {
          // rcurveline
          let i = 0;
          for (; i + 6 <= s.length - 2; i += 6) curveTo(s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!, s[i + 4]!, s[i + 5]!);
          lineTo(s[i] ?? 0, s[i + 1] ?? 0);
          s.length = 0;
          break;
        }
        case 25: {
          // rlinecurve
          let i = 0;
          for (; i + 2 <= s.length - 6; i += 2) lineTo(s[i]!, s[i + 1]!);
          curveTo(s[i] ?? 0, s[i + 1] ?? 0, s[i + 2] ?? 0, s[i + 3] ?? 0, s[i + 4] ?? 0, s[i + 5] ?? 0);
          s.length = 0;
          break;
        }
        case 26: {
          // vvcurveto
          let i = 0;
          let dx1 = 0;
          if (s.length % 2 === 1) dx1 = s[i++]!;
          for (; i + 4 <= s.length; i += 4, dx1 = 0) curveTo(dx1, s[i]!, s[i + 1]!, s[i + 2]!, 0, s[i + 3]!);
          s.length = 0;
          break;
        }
        case 27: {
          // hhcurveto
          let i = 0;
          let dy1 = 0;
          if (s.length % 2 === 1) dy1 = s[i++]!;
          for (; i + 4 <= s.length; i += 4, dy1 = 0) curveTo(s[i]!, dy1, s[i + 1]!, s[i + 2]!, s[i + 3]!, 0);
          s.length = 0;
          break;
        }
        case 30: // vhcurveto
        case 31: {
          // hvcurveto
          let horizontal = b0 === 31;
          for (let i = 0; i + 4 <= s.length; i += 4, horizontal = !horizontal) {
            const last = s.length - i === 5 ? s[i + 4]! : 0;
            if (horizontal) curveTo(s[i]!, 0, s[i + 1]!, s[i + 2]!, last, s[i + 3]!);
            else curveTo(0, s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!, last);
          }
          s.length = 0;
          break;
        }
        case 10: // callsubr
        case 29: {
          // callgsubr
          const subrs = b0 === 10 ? localSubrs : globalSubrs;
          if (!subrs) throw new RangeError("no subroutines");
          const [subStart, subEnd] = subrs.get(s.pop()! + bias(subrs));
          if (subEnd <= subStart) throw new RangeError("no such subroutine");
          run(subStart, subEnd, depth + 1);
          break;
        }
        case 11: // return
          return;
        case 14: // endchar
          width(true);
          close();
          ended = true;
          return;
        case 12: {
          const b1 = data[at++]!;
          const a = s;
          if (b1 === 35) {
            // flex
            curveTo(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
            curveTo(a[6]!, a[7]!, a[8]!, a[9]!, a[10]!, a[11]!);
          } else if (b1 === 34) {
            // hflex
            const y0 = y;
            curveTo(a[0]!, 0, a[1]!, a[2]!, a[3]!, 0);
            curveTo(a[4]!, 0, a[5]!, y0 - y, a[6]!, 0);
          } else if (b1 === 36) {
            // hflex1
            const y0 = y;
            curveTo(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, 0);
            curveTo(a[5]!, 0, a[6]!, a[7]!, a[8]!, y0 - y);
          } else if (b1 === 37) {
            // flex1
            const [x0, y0] = [x, y];
            const dx = a[0]! + a[2]! + a[4]! + a[6]! + a[8]!;
            const dy = a[1]! + a[3]! + a[5]! + a[7]! + a[9]!;
            curveTo(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!);
            if (Math.abs(dx) > Math.abs(dy)) curveTo(a[6]!, a[7]!, a[8]!, a[9]!, a[10]!, y0 - y);
            else curveTo(a[6]!, a[7]!, a[8]!, a[9]!, x0 - x, a[10]!);
          } else throw new RangeError(`charstring operator 12 ${b1}`);
          s.length = 0;
          break;
        }
        default:
          throw new RangeError(`charstring operator ${b0}`);
      }
    }
  };
  run(start, end, 0);
  close();
  return out;
}

/** The outlines of a CFF face's glyphs, written as path data by OutlinePaths. */
export class CffOutlines extends OutlinePaths {
  constructor(readonly font: CffFont) {
    super();
  }

  protected decode(glyph: number): Outline | undefined {
    return this.font.outline(glyph);
  }
}
