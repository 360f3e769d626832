// Decodes the outlines of a TrueType face's glyphs (the glyf table: simple glyphs of quadratic
// contours, and composites built of other glyphs, moved and scaled) into path commands, kept per glyph,
// and writes a laid-out line of them (or of a CFF face's, fonts/cff.ts) as SVG path data: the PNG
// drawer hands resvg Latin and CJK text as shapes.
import type { PlacedGlyph } from "./line.js";
import type { TrueTypeFont } from "./truetype.js";

/** Composite glyphs nest at most this deep (as TrueTypeFont.components reads them). */
const MAX_DEPTH = 8;
/** A glyph with more points than this is not drawn as outlines (DejaVu Sans's largest has a few hundred). */
const MAX_POINTS = 4000;

/** Path commands in font units, y up: 0 x y (move), 1 x y (line), 2 cx cy x y (quadratic), 3 (close),
 * 4 c1x c1y c2x c2y x y (cubic, from CFF outlines). */
export type Outline = number[];

interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** A glyph as relative path data (font units, y up): where its first contour starts, the commands after
 * that move, and the point the pen is left at (the start of its last contour). */
interface GlyphPath {
  first: [number, number] | undefined;
  body: string;
  end: [number, number];
}

/** Glyph outlines written as SVG path data: each glyph decoded and written once. */
export abstract class OutlinePaths {
  readonly #cache = new Map<number, Outline | undefined>();
  readonly #paths = new Map<number, GlyphPath | undefined>();

  /** A glyph's outline as the face stores it, or undefined when it cannot be read. */
  protected abstract decode(glyph: number): Outline | undefined;

  /** A glyph's outline (empty for the space), or undefined when its data cannot be read. */
  outline(glyph: number): Outline | undefined {
    if (this.#cache.has(glyph)) return this.#cache.get(glyph);
    let outline: Outline | undefined;
    try {
      outline = this.decode(glyph);
    } catch {
      outline = undefined;
    }
    this.#cache.set(glyph, outline);
    return outline;
  }

  /**
   * SVG path data for glyphs placed on a line, in font units with y up, from the line's start: the
   * caller places it with transform="translate(x y) scale(s -s)". Relative commands, so each glyph's
   * data is written once and only the move to it changes. Undefined when a glyph cannot be read.
   */
  lineData(glyphs: readonly PlacedGlyph[]): string | undefined {
    let d = "";
    let [penX, penY] = [0, 0];
    for (const placed of glyphs) {
      const path = this.#path(placed.glyph);
      if (!path) return undefined;
      if (!path.first) continue;
      d += `m${num(placed.x + path.first[0] - penX)} ${num(path.first[1] - penY)}${path.body}`;
      [penX, penY] = [placed.x + path.end[0], path.end[1]];
    }
    return d;
  }

  #path(glyph: number): GlyphPath | undefined {
    if (this.#paths.has(glyph)) return this.#paths.get(glyph);
    const outline = this.outline(glyph);
    const path = outline && relativePath(outline);
    this.#paths.set(glyph, path);
    return path;
  }
}

/** The outlines of a TrueType face's glyphs (glyf). */
export class GlyphOutlines extends OutlinePaths {
  constructor(readonly font: TrueTypeFont) {
    super();
  }

  protected decode(glyph: number): Outline | undefined {
    const contours = this.#contours(glyph, 0);
    return contours && toCommands(contours);
  }

  /** The contours of a glyph in font units, a composite's with its components' placed; undefined if unreadable. */
  #contours(glyph: number, depth: number): Point[][] | undefined {
    const data = this.font.glyphData(glyph);
    if (data.length === 0) return [];
    if (data.length < 10) return undefined;
    const count = data.readInt16BE(0);
    return count >= 0 ? simpleContours(data, count) : this.#composite(data, depth);
  }

  #composite(data: Buffer, depth: number): Point[][] | undefined {
    if (depth >= MAX_DEPTH) return undefined;
    const contours: Point[][] = [];
    let at = 10;
    for (;;) {
      if (at + 4 > data.length) return undefined;
      const flags = data.readUInt16BE(at);
      const component = data.readUInt16BE(at + 2);
      at += 4;
      // Components placed by matching points (not by an offset) are rare in Latin faces: not drawn here.
      if (!(flags & 0x0002)) return undefined;
      const words = flags & 0x0001;
      if (at + (words ? 4 : 2) > data.length) return undefined;
      const dx = words ? data.readInt16BE(at) : data.readInt8(at);
      const dy = words ? data.readInt16BE(at + 2) : data.readInt8(at + 1);
      at += words ? 4 : 2;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (offset: number): number => data.readInt16BE(offset) / 16384;
      if (flags & 0x0008) {
        if (at + 2 > data.length) return undefined;
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & 0x0040) {
        if (at + 4 > data.length) return undefined;
        [a, d] = [f2dot14(at), f2dot14(at + 2)];
        at += 4;
      } else if (flags & 0x0080) {
        if (at + 8 > data.length) return undefined;
        [a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
        at += 8;
      }
      const parts = this.#contours(component, depth + 1);
      if (!parts) return undefined;
      for (const contour of parts)
        contours.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, on: p.on })));
      if (contours.reduce((sum, contour) => sum + contour.length, 0) > MAX_POINTS) return undefined;
      if (!(flags & 0x0020)) return contours;
    }
  }
}

/** A simple glyph's contours: end points, instructions (skipped), flags, then x and y deltas. */
function simpleContours(data: Buffer, count: number): Point[][] | undefined {
  let at = 10;
  const ends: number[] = [];
  for (let i = 0; i < count; i++, at += 2) {
    if (at + 2 > data.length) return undefined;
    ends.push(data.readUInt16BE(at));
  }
  const points = count === 0 ? 0 : ends[count - 1]! + 1;
  if (points > MAX_POINTS) return undefined;
  if (at + 2 > data.length) return undefined;
  at += 2 + data.readUInt16BE(at);
  const flags = new Uint8Array(points);
  for (let i = 0; i < points;) {
    if (at >= data.length) return undefined;
    const flag = data[at++]!;
    flags[i++] = flag;
    if (flag & 0x08) {
      if (at >= data.length) return undefined;
      for (let repeat = data[at++]!; repeat > 0 && i < points; repeat--) flags[i++] = flag;
    }
  }
  const read = (short: number, same: number): Int32Array | undefined => {
    const values = new Int32Array(points);
    let value = 0;
    for (let i = 0; i < points; i++) {
      const flag = flags[i]!;
      if (flag & short) {
        if (at >= data.length) return undefined;
        const delta = data[at++]!;
        value += flag & same ? delta : -delta;
      } else if (!(flag & same)) {
        if (at + 2 > data.length) return undefined;
        value += data.readInt16BE(at);
        at += 2;
      }
      values[i] = value;
    }
    return values;
  };
  const xs = read(0x02, 0x10);
  const ys = xs && read(0x04, 0x20);
  if (!xs || !ys) return undefined;
  const contours: Point[][] = [];
  let start = 0;
  for (const end of ends) {
    if (end < start || end >= points) return undefined;
    const contour: Point[] = [];
    for (let i = start; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 0x01) === 1 });
    contours.push(contour);
    start = end + 1;
  }
  return contours;
}

/** Contours of on- and off-curve points as commands: two off-curve points in a row imply an on-curve
 * point between them, and a contour of off-curve points only starts between its first two. */
function toCommands(contours: Point[][]): Outline {
  const out: Outline = [];
  for (const contour of contours) {
    const n = contour.length;
    if (n === 0) continue;
    const first = contour.findIndex((p) => p.on);
    if (first >= 0) {
      const start = contour[first]!;
      out.push(0, start.x, start.y);
      walk(out, contour, first + 1, n - 1, start);
    } else {
      const [a, b] = [contour[0]!, contour[1 % n]!];
      const start = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true };
      out.push(0, start.x, start.y);
      walk(out, contour, 1, n, start);
    }
  }
  return out;
}

/** The segments through `count` points of a contour from index `from` (wrapping), then back to `start`. */
function walk(out: Outline, contour: Point[], from: number, count: number, start: Point): void {
  let control: Point | undefined;
  for (let k = 0; k < count; k++) {
    const p = contour[(from + k) % contour.length]!;
    if (p.on) {
      if (control) out.push(2, control.x, control.y, p.x, p.y);
      else out.push(1, p.x, p.y);
      control = undefined;
    } else {
      if (control) out.push(2, control.x, control.y, (control.x + p.x) / 2, (control.y + p.y) / 2);
      control = p;
    }
  }
  if (control) out.push(2, control.x, control.y, start.x, start.y);
  out.push(3);
}

/** An outline as relative path data after its first move (coordinates to a hundredth of a unit). */
function relativePath(outline: Outline): GlyphPath {
  const r = (value: number): number => Math.round(value * 100) / 100;
  let first: [number, number] | undefined;
  let body = "";
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  for (let i = 0; i < outline.length;) {
    const command = outline[i]!;
    if (command === 3) {
      body += "z";
      [x, y] = [startX, startY];
      i += 1;
      continue;
    }
    const [px, py] = [r(outline[i + 1]!), r(outline[i + 2]!)];
    if (command === 0) {
      if (first) body += `m${num(px - x)} ${num(py - y)}`;
      else first = [px, py];
      [x, y, startX, startY] = [px, py, px, py];
      i += 3;
    } else if (command === 1) {
      body += `l${num(px - x)} ${num(py - y)}`;
      [x, y] = [px, py];
      i += 3;
    } else if (command === 2) {
      const [ex, ey] = [r(outline[i + 3]!), r(outline[i + 4]!)];
      body += `q${num(px - x)} ${num(py - y)} ${num(ex - x)} ${num(ey - y)}`;
      [x, y] = [ex, ey];
      i += 5;
    } else {
      const [bx, by, ex, ey] = [r(outline[i + 3]!), r(outline[i + 4]!), r(outline[i + 5]!), r(outline[i + 6]!)];
      body += `c${num(px - x)} ${num(py - y)} ${num(bx - x)} ${num(by - y)} ${num(ex - x)} ${num(ey - y)}`;
      [x, y] = [ex, ey];
      i += 7;
    }
  }
  return { first, body, end: [startX, startY] };
}

/** A number for path data: integers as they are, else to a hundredth. */
function num(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
