// Turns one page's SVG, as journeymap draws it, into PDF content operators: shapes as paths, colours
// and opacity (ExtGState, a transparency group for a group's opacity), nested viewports as clips, text
// as glyph codes of the embedded Latin faces positioned by fonts/line.ts, and <a href> as link boxes.
// An element, attribute or value it does not know throws NotDirect with what it was.
import { FONT_FAMILY } from "../svg/text.js";
import { anchoredStart, layoutLine, type LaidOutLine } from "../fonts/line.js";
import { UsedFont } from "./font-subset.js";
import { NotDirect, readSvg } from "./svg-reader.js";

/** [a b c d e f]: x' = a x + c y + e, y' = b x + d y + f, as PDF's cm writes it. */
type Matrix = [number, number, number, number, number, number];
type Box = [number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `first` applied, then `then` (PDF's cm: the new CTM is first × then). */
function compose(first: Matrix, then: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = then;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (det === 0) throw new NotDirect("a transform that flattens the picture");
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** A number as PDF writes it: at most 3 decimals, no exponent. */
export function pdfNumber(value: number): string {
  if (!(Math.abs(value) <= 1e12)) throw new NotDirect(`the number ${value}`);
  // Thousandths as an integer, written as digits: V8 writes integers much faster than fractions.
  const thousandths = Math.round(value * 1000);
  if (thousandths % 1000 === 0) return String(thousandths / 1000 || 0);
  const sign = thousandths < 0 ? "-" : "";
  const magnitude = Math.abs(thousandths);
  let fraction = String(magnitude % 1000).padStart(3, "0");
  while (fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  return `${sign}${Math.floor(magnitude / 1000)}.${fraction}`;
}
const n = pdfNumber;

const NUMBER = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?:px)?\s*$/;

function length(value: string | undefined, what: string, fallback = 0): number {
  if (value === undefined) return fallback;
  const match = NUMBER.exec(value);
  if (!match) throw new NotDirect(`${what}="${value}"`);
  return Number(match[1]);
}

function numbers(value: string, what: string): number[] {
  const parts = value.trim() === "" ? [] : value.trim().split(/\s*,\s*|\s+/);
  return parts.map((part) => length(part, what));
}

type Colour = [number, number, number] | "none";

const NAMED_COLOURS: Record<string, Colour> = {
  none: "none",
  transparent: "none",
  black: [0, 0, 0],
  white: [1, 1, 1],
};

const colours = new Map<string, Colour>();

function colour(value: string, what: string): Colour {
  const known = colours.get(value);
  if (known) return known;
  const parsed = parseColour(value, what);
  if (colours.size < 1000) colours.set(value, parsed);
  return parsed;
}

function parseColour(value: string, what: string): Colour {
  const named = NAMED_COLOURS[value.trim().toLowerCase()];
  if (named) return named;
  const hex = /^\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\s*$/.exec(value)?.[1];
  if (!hex) throw new NotDirect(`${what}="${value}"`);
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255) as [number, number, number];
}

/** What an element inherits from its ancestors (SVG's inherited presentation attributes). */
interface Style {
  fill: Colour;
  fillOpacity: number;
  evenOdd: boolean;
  stroke: Colour;
  strokeOpacity: number;
  strokeWidth: number;
  dashes: number[];
  lineCap: number;
  lineJoin: number;
  miterLimit: number;
  fontSize: number;
  bold: boolean;
  anchor: "start" | "middle" | "end";
}

const INITIAL_STYLE: Style = {
  fill: [0, 0, 0],
  fillOpacity: 1,
  evenOdd: false,
  stroke: "none",
  strokeOpacity: 1,
  strokeWidth: 1,
  dashes: [],
  lineCap: 0,
  lineJoin: 0,
  miterLimit: 4,
  fontSize: 16,
  bold: false,
  anchor: "start",
};

const CAPS: Record<string, number> = { butt: 0, round: 1, square: 2 };
const JOINS: Record<string, number> = { miter: 0, round: 1, bevel: 2 };

function unit(value: string, what: string): number {
  const number = length(value, what);
  return Math.min(1, Math.max(0, number));
}

/** The presentation attributes journeymap's pictures set, each read into the inherited style. */
const PRESENTATION: Record<string, (style: Style, value: string, key: string) => void> = {
  fill: (style, value, key) => (style.fill = colour(value, key)),
  "fill-opacity": (style, value, key) => (style.fillOpacity = unit(value, key)),
  "fill-rule": (style, value, key) => {
    if (value !== "nonzero" && value !== "evenodd") throw new NotDirect(`${key}="${value}"`);
    style.evenOdd = value === "evenodd";
  },
  stroke: (style, value, key) => (style.stroke = colour(value, key)),
  "stroke-opacity": (style, value, key) => (style.strokeOpacity = unit(value, key)),
  "stroke-width": (style, value, key) => (style.strokeWidth = Math.max(0, length(value, key))),
  "stroke-dasharray": (style, value, key) => {
    const dashes = value.trim() === "none" ? [] : numbers(value, key);
    if (dashes.some((dash) => dash < 0)) throw new NotDirect(`${key}="${value}"`);
    style.dashes = dashes.every((dash) => dash === 0) ? [] : dashes.length % 2 ? [...dashes, ...dashes] : dashes;
  },
  "stroke-linecap": (style, value, key) => {
    const cap = CAPS[value];
    if (cap === undefined) throw new NotDirect(`${key}="${value}"`);
    style.lineCap = cap;
  },
  "stroke-linejoin": (style, value, key) => {
    const join = JOINS[value];
    if (join === undefined) throw new NotDirect(`${key}="${value}"`);
    style.lineJoin = join;
  },
  "stroke-miterlimit": (style, value, key) => (style.miterLimit = Math.max(1, length(value, key))),
  "font-size": (style, value, key) => (style.fontSize = length(value, key)),
  "font-weight": (style, value, key) => {
    if (value === "bold" || value === "bolder") style.bold = true;
    else if (value === "normal" || value === "lighter") style.bold = false;
    else if (/^[1-9]00$/.test(value)) style.bold = Number(value) >= 600;
    else throw new NotDirect(`${key}="${value}"`);
  },
  "font-family": (_style, value, key) => {
    // The Latin faces embedded are those of the picture's own font stack: any other family is not drawn here.
    if (value !== FONT_FAMILY) throw new NotDirect(`${key}="${value}"`);
  },
  "text-anchor": (style, value, key) => {
    if (value !== "start" && value !== "middle" && value !== "end") throw new NotDirect(`${key}="${value}"`);
    style.anchor = value;
  },
};

/** Attributes that change nothing drawn. */
const IGNORED = /^(id|role|aria-[a-z]+|data-[\w.-]+|xmlns(:\w+)?)$/;

/** The geometry attributes each element may have, besides the presentation ones, opacity and transform. */
const GEOMETRY: Record<string, string[]> = {
  svg: ["x", "y", "width", "height", "viewBox", "overflow"],
  g: [],
  a: ["href", "xlink:href"],
  rect: ["x", "y", "width", "height", "rx", "ry"],
  circle: ["cx", "cy", "r"],
  ellipse: ["cx", "cy", "rx", "ry"],
  line: ["x1", "y1", "x2", "y2"],
  polyline: ["points"],
  polygon: ["points"],
  path: ["d"],
  text: ["x", "y"],
};

/** Why a character is not drawn here: joined, mirrored, combined or coloured text needs shaping.
 * Control characters too, but only inside a text: the markup between elements may hold line breaks. */
const EARLY_SHAPING =
  /\p{M}|\p{Cf}|\p{Emoji_Presentation}|[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const NEEDS_SHAPING = new RegExp(`\\p{Cc}|${EARLY_SHAPING.source}`, "u");

/** Characters that may need shaping: past the Latin letters, and the soft hyphen. */
const BEYOND_LATIN = /[^\u0000-\u00ac\u00ae-\u02ff]/g;

/** The first character of `svg` that needs shaping: each distinct character past Latin tested once
 * (EARLY_SHAPING over a whole 1 MB picture takes 50 ms; this, a few). */
function firstNeedingShaping(svg: string): string | undefined {
  const seen = new Set<number>();
  for (const match of svg.matchAll(BEYOND_LATIN)) {
    const code = svg.codePointAt(match.index)!;
    if (seen.has(code)) continue;
    seen.add(code);
    const character = String.fromCodePoint(code);
    if (EARLY_SHAPING.test(character)) return character;
  }
  return undefined;
}

function shapingReason(character: string): string {
  return `text that needs shaping (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/** Bezier handle length of a quarter circle, as a fraction of the radius. */
const KAPPA = 0.5522847498;

/** A path's operators in user space, with the points its box is built of. */
interface Outline {
  ops: string;
  points: number[];
}

function ellipseOutline(cx: number, cy: number, rx: number, ry: number): Outline {
  const [kx, ky] = [rx * KAPPA, ry * KAPPA];
  const ops =
    `${n(cx + rx)} ${n(cy)} m ` +
    `${n(cx + rx)} ${n(cy + ky)} ${n(cx + kx)} ${n(cy + ry)} ${n(cx)} ${n(cy + ry)} c ` +
    `${n(cx - kx)} ${n(cy + ry)} ${n(cx - rx)} ${n(cy + ky)} ${n(cx - rx)} ${n(cy)} c ` +
    `${n(cx - rx)} ${n(cy - ky)} ${n(cx - kx)} ${n(cy - ry)} ${n(cx)} ${n(cy - ry)} c ` +
    `${n(cx + kx)} ${n(cy - ry)} ${n(cx + rx)} ${n(cy - ky)} ${n(cx + rx)} ${n(cy)} c h`;
  return { ops, points: [cx - rx, cy - ry, cx + rx, cy + ry] };
}

function rectOutline(x: number, y: number, width: number, height: number, rx: number, ry: number): Outline {
  const points = [x, y, x + width, y + height];
  if (rx <= 0 || ry <= 0) return { ops: `${n(x)} ${n(y)} ${n(width)} ${n(height)} re`, points };
  const [kx, ky] = [rx * (1 - KAPPA), ry * (1 - KAPPA)];
  const [r, b] = [x + width, y + height];
  const ops =
    `${n(x + rx)} ${n(y)} m ${n(r - rx)} ${n(y)} l ` +
    `${n(r - kx)} ${n(y)} ${n(r)} ${n(y + ky)} ${n(r)} ${n(y + ry)} c ${n(r)} ${n(b - ry)} l ` +
    `${n(r)} ${n(b - ky)} ${n(r - kx)} ${n(b)} ${n(r - rx)} ${n(b)} c ${n(x + rx)} ${n(b)} l ` +
    `${n(x + kx)} ${n(b)} ${n(x)} ${n(b - ky)} ${n(x)} ${n(b - ry)} c ${n(x)} ${n(y + ry)} l ` +
    `${n(x)} ${n(y + ky)} ${n(x + kx)} ${n(y)} ${n(x + rx)} ${n(y)} c h`;
  return { ops, points };
}

const PATH_TOKEN = /\s*,?\s*([MmLlHhVvCcQqZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/y;
const ARGUMENTS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, q: 4, z: 0 };

/** The operators of an SVG path's d (moves, lines, cubic and quadratic curves, close). */
function pathOutline(d: string): Outline {
  const tokens: string[] = [];
  PATH_TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  let read = 0;
  while ((match = PATH_TOKEN.exec(d))) {
    tokens.push(match[1]!);
    read = PATH_TOKEN.lastIndex;
  }
  if (d.slice(read).trim() !== "")
    throw new NotDirect(`a path command this writer does not draw (d="${d.slice(0, 40)}")`);
  const ops: string[] = [];
  const points: number[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = "";
  for (let i = 0; i < tokens.length;) {
    if (/[A-Za-z]/.test(tokens[i]!)) command = tokens[i++]!;
    else if (command === "" || /[Zz]/.test(command))
      throw new NotDirect(`a path without a command (d="${d.slice(0, 40)}")`);
    const lower = command.toLowerCase();
    const count = ARGUMENTS[lower]!;
    const args = tokens.slice(i, i + count).map(Number);
    if (args.length < count || args.some((arg) => Number.isNaN(arg)))
      throw new NotDirect(`a path command with too few numbers (d="${d.slice(0, 40)}")`);
    i += count;
    const relative = command !== command.toUpperCase();
    const [dx, dy] = relative ? [x, y] : [0, 0];
    const point = (at: number): [number, number] => [args[at]! + dx, args[at + 1]! + dy];
    switch (lower) {
      case "m": {
        [x, y] = point(0);
        [startX, startY] = [x, y];
        ops.push(`${n(x)} ${n(y)} m`);
        // Pairs after a move are lines.
        command = relative ? "l" : "L";
        break;
      }
      case "l":
        [x, y] = point(0);
        ops.push(`${n(x)} ${n(y)} l`);
        break;
      case "h":
        x = args[0]! + (relative ? x : 0);
        ops.push(`${n(x)} ${n(y)} l`);
        break;
      case "v":
        y = args[0]! + (relative ? y : 0);
        ops.push(`${n(x)} ${n(y)} l`);
        break;
      case "c": {
        const [a, b, c] = [point(0), point(2), point(4)];
        ops.push(`${n(a[0])} ${n(a[1])} ${n(b[0])} ${n(b[1])} ${n(c[0])} ${n(c[1])} c`);
        points.push(...a, ...b);
        [x, y] = c;
        break;
      }
      case "q": {
        const [control, end] = [point(0), point(2)];
        const first = [x + ((control[0] - x) * 2) / 3, y + ((control[1] - y) * 2) / 3];
        const second = [end[0] + ((control[0] - end[0]) * 2) / 3, end[1] + ((control[1] - end[1]) * 2) / 3];
        ops.push(`${n(first[0]!)} ${n(first[1]!)} ${n(second[0]!)} ${n(second[1]!)} ${n(end[0])} ${n(end[1])} c`);
        points.push(...control);
        [x, y] = end;
        break;
      }
      default:
        ops.push("h");
        [x, y] = [startX, startY];
    }
    points.push(x, y);
  }
  return { ops: ops.join(" "), points };
}

function pointsOutline(value: string, closed: boolean, what: string): Outline {
  const list = numbers(value, what);
  if (list.length % 2 !== 0) throw new NotDirect(`${what}="${value.slice(0, 40)}"`);
  const ops: string[] = [];
  for (let i = 0; i < list.length; i += 2) ops.push(`${n(list[i]!)} ${n(list[i + 1]!)} ${i === 0 ? "m" : "l"}`);
  if (closed && ops.length > 0) ops.push("h");
  return { ops: ops.join(" "), points: list };
}

/** The transform attribute as one matrix: translate, scale, rotate and matrix, in order. */
function transformMatrix(value: string): Matrix {
  let matrix: Matrix = IDENTITY;
  const list = /^\s*(?:(?:translate|scale|rotate|matrix)\s*\([^()]*\)[\s,]*)*$/.test(value);
  if (!list) throw new NotDirect(`transform="${value.slice(0, 40)}"`);
  for (const [, name, text] of value.matchAll(/(translate|scale|rotate|matrix)\s*\(([^()]*)\)/g)) {
    const args = numbers(text!, "transform");
    let step: Matrix;
    if (name === "translate" && (args.length === 1 || args.length === 2)) step = [1, 0, 0, 1, args[0]!, args[1] ?? 0];
    else if (name === "scale" && (args.length === 1 || args.length === 2))
      step = [args[0]!, 0, 0, args[1] ?? args[0]!, 0, 0];
    else if (name === "matrix" && args.length === 6) step = args as Matrix;
    else if (name === "rotate" && (args.length === 1 || args.length === 3)) {
      const angle = (args[0]! * Math.PI) / 180;
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      const [cx, cy] = [args[1] ?? 0, args[2] ?? 0];
      step = compose(compose([1, 0, 0, 1, -cx, -cy], [cos, sin, -sin, cos, 0, 0]), [1, 0, 0, 1, cx, cy]);
    } else throw new NotDirect(`transform="${value.slice(0, 40)}"`);
    matrix = compose(step, matrix);
  }
  return matrix;
}

/** The faces text is drawn in: the regular and bold Latin faces, opened when first drawn. */
export interface LatinFonts {
  regular: () => UsedFont | undefined;
  bold: () => UsedFont | undefined;
}

/** What the pages share: fonts, opacity states and transparency groups, named once for the document. */
export class Resources {
  readonly states = new Map<string, { name: string; fill: number; stroke: number }>();
  readonly groups: { name: string; content: string; box: Box }[] = [];
  /** Lines already laid out, by face and text: a map repeats its lane labels and prefixes. */
  readonly #lines = new Map<string, LaidOutLine>();

  constructor(readonly fonts: LatinFonts) {}

  line(used: UsedFont, text: string): LaidOutLine {
    const key = `${used.resource} ${text}`;
    let line = this.#lines.get(key);
    if (!line) {
      line = layoutLine(used.font, text);
      if (this.#lines.size < 10_000) this.#lines.set(key, line);
    }
    return line;
  }

  state(fill: number, stroke: number): string {
    const key = `${n(fill)} ${n(stroke)}`;
    let found = this.states.get(key);
    if (!found) this.states.set(key, (found = { name: `G${this.states.size}`, fill, stroke }));
    return found.name;
  }
}

export interface Link {
  href: string;
  /** In the page's points, PDF's way up: [x1 y1 x2 y2]. */
  box: Box;
}

export interface PaintedPage {
  content: string;
  links: Link[];
}

interface Frame {
  name: string;
  style: Style;
  matrix: Matrix;
  /** Operators that end what this element started (Q). */
  close: string;
  /** A group drawn with its opacity: the content outside it, and the opacity. */
  group?: { outside: string[]; opacity: number; box: Box };
  link?: Link;
  text?: { x: number; y: number; parts: string[] };
  skip?: boolean;
}

function grow(box: Box, x: number, y: number): void {
  box[0] = Math.min(box[0], x);
  box[1] = Math.min(box[1], y);
  box[2] = Math.max(box[2], x);
  box[3] = Math.max(box[3], y);
}

const EMPTY_BOX = (): Box => [Infinity, Infinity, -Infinity, -Infinity];

/** The whitespace of SVG text as a browser shows it (xml:space="default"). */
function collapse(text: string): string {
  return text
    .replace(/[\n\r]/g, "")
    .replace(/\t/g, " ")
    .trim()
    .replace(/ {2,}/g, " ");
}

/** The content of one page whose SVG fills `width` × `height` points (its viewBox scaled to meet, top left). */
export function paintPage(svg: string, width: number, height: number, resources: Resources): PaintedPage {
  // One scan first: a picture whose last word needs shaping is not drawn in full before pdfkit draws it.
  const early = firstNeedingShaping(svg);
  if (early) throw new NotDirect(shapingReason(early));
  let out: string[] = [];
  const links: Link[] = [];
  const openLinks: Link[] = [];
  const stack: Frame[] = [];
  const cover = (matrix: Matrix, points: number[]): void => {
    if (openLinks.length === 0) return;
    for (let i = 0; i + 1 < points.length; i += 2) {
      const [x, y] = apply(matrix, points[i]!, points[i + 1]!);
      for (const link of openLinks) grow(link.box, x, y);
    }
  };

  const paint = (frame: Frame, outline: Outline): void => {
    const { style } = frame;
    const fill = style.fill !== "none";
    const stroke = style.stroke !== "none" && style.strokeWidth > 0;
    if (openLinks.length > 0) {
      // A link covers what its shapes cover, drawn or not (as svg-to-pdfkit's bounding shapes do).
      const half = stroke ? style.strokeWidth / 2 : 0;
      const { points } = outline;
      const box: number[] = [];
      for (let i = 0; i + 1 < points.length; i += 2)
        box.push(points[i]! - half, points[i + 1]! - half, points[i]! + half, points[i + 1]! + half);
      cover(frame.matrix, box);
    }
    if ((!fill && !stroke) || outline.ops === "") return;
    const ops: string[] = ["q"];
    if ((fill && style.fillOpacity < 1) || (stroke && style.strokeOpacity < 1))
      ops.push(`/${resources.state(style.fillOpacity, style.strokeOpacity)} gs`);
    if (fill) ops.push(`${(style.fill as number[]).map(n).join(" ")} rg`);
    if (stroke) {
      ops.push(`${(style.stroke as number[]).map(n).join(" ")} RG ${n(style.strokeWidth)} w`);
      if (style.dashes.length > 0) ops.push(`[${style.dashes.map(n).join(" ")}] 0 d`);
      if (style.lineCap) ops.push(`${style.lineCap} J`);
      if (style.lineJoin) ops.push(`${style.lineJoin} j`);
      // The page starts with SVG's miter limit, 4.
      if (style.miterLimit !== 4) ops.push(`${n(style.miterLimit)} M`);
    }
    ops.push(
      outline.ops,
      fill && stroke ? (style.evenOdd ? "B*" : "B") : fill ? (style.evenOdd ? "f*" : "f") : "S",
      "Q",
    );
    out.push(ops.join(" "));
  };

  const drawText = (frame: Frame): void => {
    const { style, text } = frame;
    const content = collapse(text!.parts.join(""));
    if (content === "" || style.fontSize <= 0 || style.fill === "none") return;
    if (style.stroke !== "none") throw new NotDirect("stroked text");
    const shaping = NEEDS_SHAPING.exec(content);
    if (shaping) throw new NotDirect(shapingReason(shaping[0]));
    const used = style.bold ? resources.fonts.bold() : resources.fonts.regular();
    if (!used) throw new NotDirect(style.bold ? "no bold Latin face installed" : "no Latin face installed");
    const { font } = used;
    const line = resources.line(used, content);
    if (!line.complete) throw new NotDirect(`text the Latin face does not draw ("${content.slice(0, 20)}")`);
    const scale = style.fontSize / font.unitsPerEm;
    const start = anchoredStart(text!.x, line.width * scale, style.anchor);
    const characters = [...content];
    const shown: string[] = [];
    let run = "";
    let pen = 0;
    line.glyphs.forEach((placed, i) => {
      const offset = placed.x - pen;
      if (offset !== 0) {
        if (run) shown.push(`<${run}>`);
        run = "";
        shown.push(n((-offset * 1000) / font.unitsPerEm));
      }
      const code = used.code(placed.glyph, characters[i]);
      run += code.toString(16).padStart(4, "0");
      pen = placed.x + used.advances[code]!;
    });
    if (run) shown.push(`<${run}>`);
    const ops = ["q"];
    if (style.fillOpacity < 1) ops.push(`/${resources.state(style.fillOpacity, 1)} gs`);
    ops.push(
      `${(style.fill as number[]).map(n).join(" ")} rg BT /${used.resource} ${n(style.fontSize)} Tf`,
      `1 0 0 -1 ${n(start)} ${n(text!.y)} Tm [${shown.join("")}] TJ ET Q`,
    );
    out.push(ops.join(" "));
    cover(frame.matrix, [
      start,
      text!.y - font.ascender * scale,
      start + line.width * scale,
      text!.y - font.descender * scale,
    ]);
  };

  const start = (name: string, attributes: string[]): void => {
    const parent = stack.at(-1);
    if (parent?.skip) {
      stack.push({ name, style: parent.style, matrix: parent.matrix, close: "", skip: true });
      return;
    }
    if (parent?.text) throw new NotDirect(`<${name}> inside <text>`);
    if (name === "title" || name === "desc") {
      stack.push({ name, style: INITIAL_STYLE, matrix: IDENTITY, close: "", skip: true });
      return;
    }
    const geometry = GEOMETRY[name];
    if (!geometry) throw new NotDirect(`the element <${name}>`);
    let style = parent?.style ?? INITIAL_STYLE;
    let own = false;
    let opacity = 1;
    let transform: Matrix | undefined;
    const get = (key: string): string | undefined => {
      for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === key) return attributes[i + 1];
      return undefined;
    };
    for (let i = 0; i < attributes.length; i += 2) {
      const key = attributes[i]!;
      const value = attributes[i + 1]!;
      const presentation = PRESENTATION[key];
      if (presentation) {
        // Most elements set a colour or two: the inherited style is copied only when one is set.
        if (!own) [style, own] = [{ ...style }, true];
        presentation(style, value, key);
      } else if (key === "opacity") opacity = unit(value, key);
      else if (key === "transform") transform = transformMatrix(value);
      else if (!geometry.includes(key) && !IGNORED.test(key)) throw new NotDirect(`the attribute ${key} of <${name}>`);
    }
    let matrix = parent?.matrix ?? IDENTITY;
    const frame: Frame = { name, style, matrix, close: "" };
    const ops: string[] = [];
    if (!parent) {
      if (name !== "svg") throw new NotDirect(`a picture that starts with <${name}>`);
      const view = numbers(get("viewBox") ?? "", "viewBox");
      if (view.length !== 4 || view[2]! <= 0 || view[3]! <= 0) throw new NotDirect("a picture without a viewBox");
      const fit = Math.min(width / view[2]!, height / view[3]!);
      matrix = compose([fit, 0, 0, fit, -view[0]! * fit, -view[1]! * fit], [1, 0, 0, -1, 0, height]);
      ops.push(`${matrix.map(n).join(" ")} cm 4 M`);
    } else if (name === "svg") {
      const [x, y, w, h] = ["x", "y", "width", "height"].map((key) => length(get(key), key));
      const overflow = get("overflow");
      if (overflow !== undefined && overflow !== "hidden") throw new NotDirect(`overflow="${overflow}"`);
      const view = get("viewBox") === undefined ? [0, 0, w!, h!] : numbers(get("viewBox")!, "viewBox");
      if (view.length !== 4 || view[2]! <= 0 || view[3]! <= 0 || w! <= 0 || h! <= 0) {
        // A viewport of no size shows nothing.
        stack.push({ ...frame, skip: true });
        return;
      }
      const fit = Math.min(w! / view[2]!, h! / view[3]!);
      const [left, top] = [x! + (w! - view[2]! * fit) / 2, y! + (h! - view[3]! * fit) / 2];
      const inner: Matrix = [fit, 0, 0, fit, left - view[0]! * fit, top - view[1]! * fit];
      ops.push(`q ${n(x!)} ${n(y!)} ${n(w!)} ${n(h!)} re W n ${inner.map(n).join(" ")} cm`);
      matrix = compose(inner, matrix);
      frame.close = "Q";
    }
    if (transform) {
      ops.push(`q ${transform.map(n).join(" ")} cm`);
      matrix = compose(transform, matrix);
      frame.close = `Q ${frame.close}`;
    }
    frame.matrix = matrix;
    if (opacity < 1) {
      // A group's opacity applies to the group as one picture: a transparency group drawn at that alpha.
      const inverse = invert(matrix);
      const box = EMPTY_BOX();
      for (const [x, y] of [
        [0, 0],
        [width, 0],
        [0, height],
        [width, height],
      ] as const)
        grow(box, ...apply(inverse, x, y));
      out.push(ops.join(" "));
      ops.length = 0;
      frame.group = { outside: out, opacity, box };
      out = [];
    }
    if (ops.length > 0) out.push(ops.join(" "));
    if (name === "a") {
      const href = get("href") ?? get("xlink:href");
      if (href !== undefined) {
        if (!/^[\x21-\x7e]{1,2000}$/.test(href)) throw new NotDirect("a link that is not plain ASCII");
        frame.link = { href, box: EMPTY_BOX() };
        openLinks.push(frame.link);
      }
    }
    if (name === "text") frame.text = { x: length(get("x"), "x"), y: length(get("y"), "y"), parts: [] };
    stack.push(frame);
    if (opacity === 0) {
      frame.skip = true;
      return;
    }
    const at = (key: string): number => length(get(key), key);
    if (name === "rect") {
      const [w, h] = [at("width"), at("height")];
      if (w <= 0 || h <= 0) return;
      let [rx, ry] = [get("rx"), get("ry")].map((value, i) =>
        value === undefined ? undefined : length(value, i ? "ry" : "rx"),
      );
      rx ??= ry ?? 0;
      ry ??= rx;
      paint(frame, rectOutline(at("x"), at("y"), w, h, Math.min(rx, w / 2), Math.min(ry, h / 2)));
    } else if (name === "circle") {
      const r = at("r");
      if (r > 0) paint(frame, ellipseOutline(at("cx"), at("cy"), r, r));
    } else if (name === "ellipse") {
      const [rx, ry] = [at("rx"), at("ry")];
      if (rx > 0 && ry > 0) paint(frame, ellipseOutline(at("cx"), at("cy"), rx, ry));
    } else if (name === "line") {
      const [x1, y1, x2, y2] = [at("x1"), at("y1"), at("x2"), at("y2")];
      paint(
        { ...frame, style: { ...style, fill: "none" } },
        { ops: `${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l`, points: [x1, y1, x2, y2] },
      );
    } else if (name === "polyline" || name === "polygon") {
      paint(frame, pointsOutline(get("points") ?? "", name === "polygon", "points"));
    } else if (name === "path") {
      paint(frame, pathOutline(get("d") ?? ""));
    }
  };

  const end = (name: string): void => {
    const frame = stack.pop();
    if (!frame || frame.name !== name) throw new NotDirect(`an end tag </${name}> that closes nothing`);
    if (frame.skip && stack.at(-1)?.skip) return;
    if (frame.text && !frame.skip) drawText(frame);
    if (frame.link) {
      openLinks.splice(openLinks.indexOf(frame.link), 1);
      if (frame.link.box[0] <= frame.link.box[2]) links.push(frame.link);
    }
    if (frame.group) {
      const content = out.join("\n");
      out = frame.group.outside;
      if (content !== "" && !frame.skip) {
        const name = `X${resources.groups.length}`;
        resources.groups.push({ name, content, box: frame.group.box });
        out.push(`q /${resources.state(frame.group.opacity, frame.group.opacity)} gs /${name} Do Q`);
      }
    }
    if (frame.close) out.push(frame.close);
  };

  let done = false;
  readSvg(svg, {
    start: (name, attributes) => {
      if (done) throw new NotDirect(`<${name}> after the picture`);
      start(name, attributes);
    },
    end: (name) => {
      end(name);
      done = stack.length === 0;
    },
    text: (text) => {
      const frame = stack.at(-1);
      if (frame?.text) frame.text.parts.push(text);
      else if (!frame?.skip && text.trim() !== "") throw new NotDirect("text outside a <text> element");
    },
  });
  if (stack.length > 0) throw new NotDirect("an element that is never closed");
  return { content: out.join("\n"), links };
}
