// The value × effort matrix: an SVG picture of the ranked opportunities, each a dot placed by its scores
// (several with the same scores spread within their cell), labelled with its title where a label fits
// without touching another label, a dot or a quadrant's name (greedy, in rank order, with leader lines
// for labels set further off), and a "… and N more" line per cell for the dots left unlabelled.
// Pure and deterministic: the same backlog gives the same bytes.
import { escapeInvisible } from "../../text/visible.js";
import { escapeXml, n } from "../svg/markup.js";
import { cleanText, FONT_FAMILY, measure } from "../svg/text.js";
import { themeNamed, type Theme } from "../svg/themes.js";
import { shorten } from "../../text/shorten.js";
import type { OpportunityStatus } from "../../journey/model.js";
import type { RankedOpportunity } from "../../backlog/priority.js";

export interface MatrixOptions {
  theme?: "light" | "dark";
}

/** The quadrants as practitioners name them (the impact/effort or "action priority" matrix). */
export const QUADRANTS = [
  { name: "Quick wins", value: "high", effort: "low" },
  { name: "Big bets", value: "high", effort: "high" },
  { name: "Fill-ins", value: "low", effort: "low" },
  { name: "Money pits", value: "low", effort: "high" },
] as const;

const WIDTH = 1000;
const PLOT = { left: 80, top: 70, width: 880, height: 600 };
const SCALE = 5;
const CELL_WIDTH = PLOT.width / SCALE;
const CELL_HEIGHT = PLOT.height / SCALE;
const LABEL_FONT = { size: 11 };
/** A label's title is cut to this many characters (the dot's tooltip has it whole, up to TOOLTIP). */
const LABEL_CHARACTERS = 32;
const TOOLTIP = 300;
const MORE_FONT = { size: 12 };
const MORE_LINE = 18;
/** DejaVu Sans' ascent and descent (em): the box a browser gives a line of text. */
const ASCENT = 0.928;
const DESCENT = 0.236;
const GAP = 2;
const FULL_CELL = 12;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const STATUS_TONE: Record<OpportunityStatus, (theme: Theme) => string> = {
  idea: (theme) => theme.tones.muted,
  planned: (theme) => theme.personaColors[0]!,
  "in-progress": (theme) => theme.personaColors[2]!,
  done: (theme) => theme.personaColors[3]!,
  dropped: (theme) => theme.tones.warning,
};

/** The text a label shows: one line, no control or invisible character acting (shown as an escape),
 * no pile of combining marks, cut to a length. */
function labelText(title: string, max: number): string {
  const oneLine = cleanText(escapeInvisible(title.replace(/[\r\n]+/g, " "))).replace(/(\p{M}{2})\p{M}+/gu, "$1");
  return shorten(oneLine.trim(), max);
}

/** A uniform grid of boxes for overlap tests: each query looks only at the boxes in its bins. */
class BoxIndex<T extends Box = Box> {
  readonly #bins = new Map<number, T[]>();
  static readonly SIZE = 40;

  add(box: T): void {
    for (const key of this.#keys(box)) {
      const bin = this.#bins.get(key);
      if (bin) bin.push(box);
      else this.#bins.set(key, [box]);
    }
  }

  /** Whether a box overlapping `box` passes `test` (default: any does). */
  overlaps(box: Box, test: (other: T) => boolean = () => true): boolean {
    for (const key of this.#keys(box))
      for (const other of this.#bins.get(key) ?? [])
        if (
          box.x < other.x + other.width &&
          other.x < box.x + box.width &&
          box.y < other.y + other.height &&
          other.y < box.y + box.height &&
          test(other)
        )
          return true;
    return false;
  }

  *#keys(box: Box): Generator<number> {
    const size = BoxIndex.SIZE;
    const x0 = Math.floor(box.x / size);
    const x1 = Math.floor((box.x + box.width) / size);
    const y0 = Math.floor(box.y / size);
    const y1 = Math.floor((box.y + box.height) / size);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield y * 10_000 + x;
  }
}

/** A leader line, with its bounding box for the index. */
interface Segment extends Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function segment(x1: number, y1: number, x2: number, y2: number): Segment {
  return {
    x1,
    y1,
    x2,
    y2,
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
}

/** Whether the segment passes through the box (Liang–Barsky clipping). */
function crosses(line: Segment, box: Box): boolean {
  const dx = line.x2 - line.x1;
  const dy = line.y2 - line.y1;
  let low = 0;
  let high = 1;
  const edges: Array<[number, number]> = [
    [-dx, line.x1 - box.x],
    [dx, box.x + box.width - line.x1],
    [-dy, line.y1 - box.y],
    [dy, box.y + box.height - line.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) low = Math.max(low, t);
    else high = Math.min(high, t);
    if (low > high) return false;
  }
  return true;
}

interface Dot {
  opportunity: RankedOpportunity;
  x: number;
  y: number;
  r: number;
  cell: string;
}

/** Where each scored opportunity's dot goes: the centre of its cell, or a grid within the cell (rank
 * order, row by row) when several share the scores. */
function placeDots(opportunities: readonly RankedOpportunity[]): Dot[] {
  const byCell = new Map<string, RankedOpportunity[]>();
  for (const opportunity of opportunities) {
    const { value, effort } = opportunity;
    if (!onScale(value) || !onScale(effort)) continue;
    const key = `${value},${effort}`;
    const list = byCell.get(key);
    if (list) list.push(opportunity);
    else byCell.set(key, [opportunity]);
  }
  const dots: Dot[] = [];
  for (const [cell, list] of byCell) {
    const [value, effort] = cell.split(",").map(Number) as [number, number];
    const centreX = PLOT.left + (effort - 0.5) * CELL_WIDTH;
    const centreY = PLOT.top + (SCALE - value + 0.5) * CELL_HEIGHT;
    const columns = Math.min(list.length, Math.ceil(Math.sqrt(list.length * (CELL_WIDTH / CELL_HEIGHT))));
    const rows = Math.ceil(list.length / columns);
    const stepX = (CELL_WIDTH * 0.84) / columns;
    const stepY = (CELL_HEIGHT * 0.84) / rows;
    const r = Math.max(1.5, Math.min(6, Math.min(stepX, stepY) * 0.3));
    list.forEach((opportunity, index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      dots.push({
        opportunity,
        x: centreX + (column - (columns - 1) / 2) * stepX,
        y: centreY + (row - (rows - 1) / 2) * stepY,
        r,
        cell,
      });
    });
  }
  // Labels are placed in rank order: the most important work gets the best places.
  return dots.sort((a, b) => a.opportunity.rank - b.opportunity.rank);
}

function onScale(score: number | undefined): score is number {
  return score !== undefined && Number.isInteger(score) && score >= 1 && score <= SCALE;
}

/** Candidate places for a label around a dot, nearest first: beside, above, below, then diagonals, on
 * rings further out (those get a leader line back to the dot). */
function* candidates(dot: Dot, width: number, height: number): Generator<Box & { leader: boolean }> {
  for (const [ring, distance] of [0, 12, 28, 48, 72].entries()) {
    const d = dot.r + GAP + distance;
    const leader = ring > 0;
    yield { x: dot.x + d, y: dot.y - height / 2, width, height, leader };
    yield { x: dot.x - d - width, y: dot.y - height / 2, width, height, leader };
    yield { x: dot.x - width / 2, y: dot.y - d - height, width, height, leader };
    yield { x: dot.x - width / 2, y: dot.y + d, width, height, leader };
    yield { x: dot.x + d * 0.7, y: dot.y - d * 0.7 - height, width, height, leader };
    yield { x: dot.x - d * 0.7 - width, y: dot.y - d * 0.7 - height, width, height, leader };
    yield { x: dot.x + d * 0.7, y: dot.y + d * 0.7, width, height, leader };
    yield { x: dot.x - d * 0.7 - width, y: dot.y + d * 0.7, width, height, leader };
  }
}

const inside = (box: Box, area: Box) =>
  box.x >= area.x &&
  box.y >= area.y &&
  box.x + box.width <= area.x + area.width &&
  box.y + box.height <= area.y + area.height;

/** The point of `box` nearest to (x, y): where a leader line ends. */
function nearest(box: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.x), box.x + box.width), Math.min(Math.max(y, box.y), box.y + box.height)];
}

/** The matrix of these ranked opportunities (unscored ones are left out and counted). */
export function renderMatrix(opportunities: readonly RankedOpportunity[], options: MatrixOptions = {}): string {
  const theme = themeNamed(options.theme);
  const text = theme.tones.text;
  const muted = theme.tones.muted;
  const index = new BoxIndex();
  /** The labels placed so far, and their leader lines: a leader line never crosses a label. */
  const labelIndex = new BoxIndex();
  const leaderIndex = new BoxIndex<Segment>();
  const plotBox: Box = { x: PLOT.left, y: PLOT.top, width: PLOT.width, height: PLOT.height };
  const right = PLOT.left + PLOT.width;
  const bottom = PLOT.top + PLOT.height;
  const midX = PLOT.left + PLOT.width / 2;
  const midY = PLOT.top + PLOT.height / 2;

  // Quadrants: tinted halves, split through the middle of the scale (a score of 3 sits on the line).
  const tints = [theme.surfaces.opportunities, theme.surfaces.stage, theme.surfaces.lane, theme.surfaces.painPoints];
  const halves: Box[] = [
    { x: PLOT.left, y: PLOT.top, width: PLOT.width / 2, height: PLOT.height / 2 },
    { x: midX, y: PLOT.top, width: PLOT.width / 2, height: PLOT.height / 2 },
    { x: PLOT.left, y: midY, width: PLOT.width / 2, height: PLOT.height / 2 },
    { x: midX, y: midY, width: PLOT.width / 2, height: PLOT.height / 2 },
  ];
  const quadrants = halves.map(
    (box, i) =>
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="${tints[i]}"/>`,
  );
  const grid: string[] = [];
  for (let i = 1; i < SCALE; i++) {
    const x = PLOT.left + i * CELL_WIDTH;
    const y = PLOT.top + i * CELL_HEIGHT;
    grid.push(`<line x1="${n(x)}" y1="${PLOT.top}" x2="${n(x)}" y2="${bottom}" stroke="${theme.grid}"/>`);
    grid.push(`<line x1="${PLOT.left}" y1="${n(y)}" x2="${right}" y2="${n(y)}" stroke="${theme.grid}"/>`);
  }
  grid.push(
    `<line x1="${n(midX)}" y1="${PLOT.top}" x2="${n(midX)}" y2="${bottom}" stroke="${theme.border}" stroke-dasharray="6 4"/>`,
    `<line x1="${PLOT.left}" y1="${n(midY)}" x2="${right}" y2="${n(midY)}" stroke="${theme.border}" stroke-dasharray="6 4"/>`,
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" fill="none" stroke="${theme.border}"/>`,
  );

  // Fixed texts: quadrant names at the plot's corners, outside it (above the top corners, on the axis
  // title's line below the bottom ones), so no dot is ever drawn over one; ticks and axis titles.
  const fixed: string[] = [];
  QUADRANTS.forEach((quadrant) => {
    const anchor = quadrant.effort === "low" ? `x="${PLOT.left}"` : `x="${right}" text-anchor="end"`;
    const y = quadrant.value === "high" ? PLOT.top - 8 : bottom + 40;
    fixed.push(
      `<text class="quadrant" ${anchor} y="${y}" font-size="13" font-weight="bold" fill="${muted}">${quadrant.name}</text>`,
    );
  });
  for (let score = 1; score <= SCALE; score++) {
    const x = PLOT.left + (score - 0.5) * CELL_WIDTH;
    const y = PLOT.top + (SCALE - score + 0.5) * CELL_HEIGHT;
    fixed.push(
      `<text class="tick" x="${n(x)}" y="${bottom + 18}" font-size="12" text-anchor="middle" fill="${muted}">${score}</text>`,
    );
    fixed.push(
      `<text class="tick" x="${PLOT.left - 12}" y="${n(y + 4)}" font-size="12" text-anchor="end" fill="${muted}">${score}</text>`,
    );
  }
  fixed.push(
    `<text class="axis" x="${n(midX)}" y="${bottom + 40}" font-size="13" text-anchor="middle" fill="${text}">Effort (1 little … 5 a lot) →</text>`,
    `<text class="axis" x="24" y="${n(midY)}" font-size="13" text-anchor="middle" fill="${text}" transform="rotate(-90 24 ${n(midY)})">Value (1 little … 5 a lot) →</text>`,
  );

  const dots = placeDots(opportunities);
  const height = LABEL_FONT.size * (ASCENT + DESCENT);
  for (const dot of dots)
    index.add({ x: dot.x - dot.r - GAP, y: dot.y - dot.r - GAP, width: 2 * (dot.r + GAP), height: 2 * (dot.r + GAP) });

  const circles: string[] = [];
  const leaders: string[] = [];
  const labels: string[] = [];
  const unlabelled = new Map<string, Dot[]>();
  // A cell where this many dots in a row found no place is full: its other dots go to its "… and N
  // more" line without trying 40 places each (a thousand dots in one cell stay linear).
  const failures = new Map<string, number>();
  for (const dot of dots) {
    const { opportunity } = dot;
    const colour = STATUS_TONE[opportunity.status](theme);
    circles.push(
      `<circle cx="${n(dot.x)}" cy="${n(dot.y)}" r="${n(dot.r)}" fill="${colour}" stroke="${theme.background}"><title>${escapeXml(labelText(`${opportunity.rank}. ${opportunity.title}`, TOOLTIP))}</title></circle>`,
    );
    const label = labelText(opportunity.title, LABEL_CHARACTERS);
    const width = measure(label, LABEL_FONT) + 2 * GAP;
    let placed: (Box & { leader: boolean }) | undefined;
    let line: Segment | undefined;
    if ((failures.get(dot.cell) ?? 0) < FULL_CELL)
      for (const candidate of candidates(dot, width, height + 2 * GAP)) {
        if (!inside(candidate, plotBox) || index.overlaps(candidate)) continue;
        // No leader line already drawn may cross the label, nor may the label's own cross another label.
        if (leaderIndex.overlaps(candidate, (other) => crosses(other, candidate))) continue;
        line = undefined;
        if (candidate.leader) {
          const [x, y] = nearest(candidate, dot.x, dot.y);
          const own = segment(dot.x, dot.y, x, y);
          if (labelIndex.overlaps(own, (other) => crosses(own, other))) continue;
          line = own;
        }
        placed = candidate;
        break;
      }
    failures.set(dot.cell, placed ? 0 : (failures.get(dot.cell) ?? 0) + 1);
    if (!placed) {
      const list = unlabelled.get(dot.cell);
      if (list) list.push(dot);
      else unlabelled.set(dot.cell, [dot]);
      continue;
    }
    index.add(placed);
    labelIndex.add(placed);
    if (line) {
      leaderIndex.add(line);
      leaders.push(
        `<line x1="${n(line.x1)}" y1="${n(line.y1)}" x2="${n(line.x2)}" y2="${n(line.y2)}" stroke="${muted}" stroke-width="0.75"/>`,
      );
    }
    labels.push(
      `<text class="label" x="${n(placed.x + GAP)}" y="${n(placed.y + GAP + LABEL_FONT.size * ASCENT)}" font-size="${LABEL_FONT.size}" fill="${text}">${escapeXml(label)}</text>`,
    );
  }

  // Below the plot: one line per cell whose dots could not all be labelled, naming the first of them.
  const more: string[] = [];
  let y = bottom + 70;
  const cells = [...unlabelled.entries()].sort(([a], [b]) => cellOrder(a) - cellOrder(b));
  const unscored = opportunities.length - dots.length;
  const width = WIDTH - PLOT.left - 20;
  // Up to three names, as many as fit whole; the count at the end always says how many are not named.
  const lines: string[] = cells.map(([cell, list]) => {
    const [value, effort] = cell.split(",");
    const prefix = `Value ${value}, effort ${effort}: `;
    const line = (shown: number) => {
      const names = list.slice(0, shown).map((dot) => labelText(dot.opportunity.title, LABEL_CHARACTERS));
      const rest = list.length - shown;
      return { names: prefix + names.join("; "), count: rest > 0 ? ` … and ${rest.toLocaleString("en")} more` : "" };
    };
    for (let shown = Math.min(3, list.length); shown > 1; shown--) {
      const { names, count } = line(shown);
      if (measure(names + count, MORE_FONT) <= width) return names + count;
    }
    const { names, count } = line(1);
    return shortenToWidth(names, width - measure(count, MORE_FONT)) + count;
  });
  if (unscored > 0)
    lines.push(
      `${unscored.toLocaleString("en")} without a value or an effort: not on the matrix (see the ranked list)`,
    );
  for (const line of lines) {
    more.push(
      `<text class="more" x="${PLOT.left}" y="${y}" font-size="${MORE_FONT.size}" fill="${muted}">${escapeXml(line)}</text>`,
    );
    y += MORE_LINE;
  }

  // The status legend, above the plot.
  const legend: string[] = [];
  let x = PLOT.left;
  for (const status of ["idea", "planned", "in-progress", "done", "dropped"] as const) {
    legend.push(`<circle cx="${n(x + 5)}" cy="40" r="5" fill="${STATUS_TONE[status](theme)}"/>`);
    legend.push(`<text class="legend" x="${n(x + 14)}" y="44" font-size="12" fill="${text}">${status}</text>`);
    x += 14 + measure(status, { size: 12 }) + 24;
  }

  const total = Math.ceil(y - MORE_LINE + 24);
  const heightOf = Math.max(total, bottom + 60);
  const title = `Value × effort matrix of ${dots.length.toLocaleString("en")} opportunit${dots.length === 1 ? "y" : "ies"}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${heightOf}" viewBox="0 0 ${WIDTH} ${heightOf}" role="img" font-family="${FONT_FAMILY.replace(/'/g, "&apos;")}">`,
    `<title>${title}</title>`,
    `<rect width="${WIDTH}" height="${heightOf}" fill="${theme.background}"/>`,
    `<text class="heading" x="${PLOT.left}" y="22" font-size="15" font-weight="bold" fill="${text}">${title}</text>`,
    `<g class="quadrants">${quadrants.join("")}</g>`,
    `<g class="grid">${grid.join("")}</g>`,
    `<g class="fixed">${fixed.join("")}</g>`,
    `<g class="legend">${legend.join("")}</g>`,
    `<g class="leaders">${leaders.join("")}</g>`,
    `<g class="dots">${circles.join("")}</g>`,
    `<g class="labels">${labels.join("")}</g>`,
    `<g class="more">${more.join("")}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}

/** Cells top-left first (high value, low effort), as a reader scans the matrix. */
function cellOrder(cell: string): number {
  const [value, effort] = cell.split(",").map(Number) as [number, number];
  return (SCALE - value) * 10 + effort;
}

/** The line cut (with "…") to fit a width, measured as the picture measures. */
function shortenToWidth(line: string, width: number): string {
  if (measure(line, MORE_FONT) <= width) return line;
  let low = 0;
  let high = line.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(shorten(line, middle), MORE_FONT) <= width) low = middle;
    else high = middle - 1;
  }
  return shorten(line, low);
}
