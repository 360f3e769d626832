// The picture on paper: the map laid out once (layout.ts), then cut into pages of a paper size at stage
// boundaries (a stage wider than a page at touchpoint columns, its name repeated with "(continued)"),
// the lane labels repeated on every page, the header (title, description, personas) on the first, the
// emotion curve running on across pages (cut at the page's edge, where it leaves one page and enters
// the next), and a footer on each. Pure: the same map and options give the same pages, byte for byte.
import { JourneymapError } from "../../errors.js";
import type { Journey } from "../../journey/model.js";
import { shorten } from "../../text/shorten.js";
import { GAP, LABEL_WIDTH, MARGIN, PAD, SMALL, STAGE, TextColumn, largest } from "./column.js";
import { drawContent } from "./draw.js";
import { FACE_RADIUS } from "./emotion.js";
import { layoutHeader, PERSONA_WIDTH } from "./header.js";
import {
  layoutJourney,
  type Box,
  type CurvePoint,
  type Layout,
  type MapLinker,
  type MetricOptions,
  type PersonaCurve,
  type Rect,
} from "./layout.js";
import { escapeXml, n } from "./markup.js";
import { cleanText, FONT_FAMILY, measure, type Font } from "./text.js";
import { themeNamed, type Theme } from "./themes.js";

/** Paper sizes in points (1/72 in), portrait. */
export const PAPER_SIZES = {
  a4: { width: 595.28, height: 841.89 },
  a3: { width: 841.89, height: 1190.55 },
  letter: { width: 612, height: 792 },
  legal: { width: 612, height: 1008 },
  tabloid: { width: 792, height: 1224 },
} as const;
export type PaperName = keyof typeof PAPER_SIZES;
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as PaperName[];

/** The white border around a page's content, in points (about 1 cm); the footer sits in the bottom one. */
const PAGE_MARGIN = 30;
/** The footer's text size and its baseline above the page's bottom edge, in points: inside the 5 mm most
 * printers can reach. */
const FOOTER: Font = { size: 7 };
const FOOTER_BASELINE = 16;
/** The smallest text on paper, in points: a page never shrinks the picture below it (it splits finer). */
export const MIN_TEXT_PT = 6;
/** Points per picture pixel at most: a small map is printed at its picture's sizes (10 to 22 pt), not blown up. */
const MAX_PAGE_SCALE = 1;
/**
 * The most pages one map prints to. Every page is drawn whole (a PNG of an A4 page at --scale 2 is
 * 2 megapixels), so the pages of a hostile map (5,000 stages: 800 A4 pages) would take minutes; a map
 * of 60 touchpoints, the most the text budget draws, takes 12 A4 pages.
 */
export const MAX_PAGES = 40;

/** One printed page: its size in points and its SVG, whose user unit is one point (its width and height
 * carry no unit: resvg then draws --scale pixels per point; svg-to-pdfkit needs `assumePt: true`). The
 * pieces of the picture sit in nested <svg> viewports that clip them (Chrome, resvg and svg-to-pdfkit
 * all clip there). */
export interface PrintPage {
  width: number;
  height: number;
  svg: string;
}

/** What the footer says besides the page number: where the map comes from and which version it is. */
export interface FooterFacts {
  /** The map's file, relative (to the repository or the working folder). */
  file?: string;
  /** Which version of the file: "commit 1a2b3c4" or "modified 2026-12-07". */
  version?: string;
  /** "journeymap 0.1.0". */
  tool?: string;
}

export interface PrintOptions extends MetricOptions {
  paper: PaperName;
  /** Landscape (the default, what a journey map wants: stages run left to right) or portrait. */
  landscape?: boolean;
  theme?: "light" | "dark";
  footer?: FooterFacts;
  links?: MapLinker;
}

/** The size in points of a paper in an orientation. */
export function paperSize(paper: PaperName, landscape = true): { width: number; height: number } {
  const { width, height } = PAPER_SIZES[paper];
  return landscape ? { width: height, height: width } : { width, height };
}

/** A run of one stage's touchpoint slots (the whole stage, or a part of one wider than a page). */
interface Piece {
  stage: number;
  from: number;
  to: number;
  /** The stage is cut across pages; `continued` for every part after its first. */
  split: boolean;
  continued: boolean;
}

interface StageColumn {
  box: Box;
  /** Left and right edges of its touchpoint slots (one slot, the whole column, for an empty stage). */
  slots: Array<[number, number]>;
}

/** A vertical band of the grid on one page: the stage row (repeated on bands after the first) and rows. */
interface Band {
  ranges: Array<[number, number]>;
  height: number;
}

/** The grid of a laid-out map: its columns, its rows and their edges, in picture pixels. */
interface Grid {
  layout: Layout;
  columns: StageColumn[];
  top: number;
  bottom: number;
  stageBottom: number;
  rows: Array<[number, number]>;
}

/** The least height of a row of persona cards: padding, the face of its key, and the gap under it. */
const ROW_MIN = 2 * PAD + 2 * FACE_RADIUS + 2 + GAP;
const LABEL_LEFT = MARGIN - 1;
const LABEL_VIEW = LABEL_WIDTH + 2;
const isHeaderBox = (id: string) => id === "header" || id.startsWith("persona-");

/** Lays the map out as pages of `options.paper`. Throws JourneymapError (exit 2) when it needs more than MAX_PAGES. */
export function renderPages(journey: Journey, options: PrintOptions): PrintPage[] {
  const theme = themeNamed(options.theme);
  const paper = paperSize(options.paper, options.landscape ?? true);
  const printable = { width: paper.width - 2 * PAGE_MARGIN, height: paper.height - 2 * PAGE_MARGIN };
  const { links, footer: _footer, paper: _paper, landscape: _landscape, theme: _theme, ...metrics } = options;
  const layout = layoutJourney(journey, { ...metrics, ...(links ? { linker: links } : {}) });
  const grid = gridOf(layout);
  const smallest = layout.texts.reduce((least, text) => Math.min(least, text.size), Infinity);
  const minScale = MIN_TEXT_PT / (Number.isFinite(smallest) ? smallest : 10);

  // Columns: as few pages across as the smallest text allows, then as wide a scale as that many pages allow.
  const widest = largest(
    grid.columns.flatMap((column) => column.slots.map(([from, to]) => to - from)),
    0,
  );
  const limitAtMin = Math.max(widest, printable.width / minScale - LABEL_VIEW - GAP);
  const across = pack(grid.columns, limitAtMin).length;
  let [low, high] = [widest, limitAtMin];
  if (across > 1)
    for (let step = 0; step < 24 && high - low > 1; step++) {
      const middle = (low + high) / 2;
      if (pack(grid.columns, middle).length <= across) high = middle;
      else low = middle;
    }
  const groups = pack(grid.columns, across > 1 ? high : limitAtMin);
  const widestGroup = largest(groups.map(sliceWidth), 0);
  const contentWidth = LABEL_VIEW + widestGroup;
  const gridHeight = grid.bottom - grid.top;
  // The header on the first page, above the grid, when both fit at a scale the text allows; else the
  // grid as large as it goes, and the header above the first band only if it still fits there.
  const widthFit = Math.min(MAX_PAGE_SCALE, printable.width / contentWidth);
  let header = layoutPrintHeader(journey, contentWidth, printable.height / minScale);
  const together = Math.min(widthFit, printable.height / (header.height + GAP + gridHeight));
  const scale = together >= minScale ? together : Math.max(minScale, Math.min(widthFit, printable.height / gridHeight));
  const room = printable.height / scale;
  const bands = bandsOf(grid, room);
  const shared = header.height + GAP + bands[0]!.height <= room + 0.01;
  // A header on a page of its own spreads across the page, with as many persona rows as the page holds.
  if (!shared) header = layoutPrintHeader(journey, printable.width / scale, room);
  const count = (shared ? 0 : 1) + groups.length * bands.length;
  if (count > MAX_PAGES) {
    const name = `${options.paper.toUpperCase()} ${options.landscape === false ? "portrait" : "landscape"}`;
    // Bands stop being counted past the cap: then the count is only a lower bound.
    const needs = bands.length > MAX_PAGES ? "at least " : "";
    throw new JourneymapError(
      `the map needs ${needs}${count.toLocaleString("en-US")} pages of ${name}, more than ${MAX_PAGES}: use a larger --page ` +
        `(a3, tabloid), or --format svg, or split the map into smaller ones (a stage can detail a map of its own)`,
    );
  }

  const labels = new Map<Band, string>();
  const pages: string[][] = [];
  if (!shared) pages.push([view(header.layout, theme, [LABEL_LEFT, header.top, header.width, header.height], 0, 0)]);
  for (const group of groups) {
    const slice = sliceOf(grid, group, journey);
    for (const band of bands) {
      const parts: string[] = [];
      let y = 0;
      if (shared && pages.length === 0) {
        parts.push(view(header.layout, theme, [LABEL_LEFT, header.top, header.width, header.height], 0, 0));
        y = header.height + GAP;
      }
      if (!labels.has(band))
        labels.set(band, bandViews(grid, band, theme, labelLayout(grid), [LABEL_LEFT, LABEL_VIEW]));
      parts.push(`<g transform="translate(0 ${n(y)})">${labels.get(band)!}</g>`);
      const from = group[0]!.from - GAP / 2;
      parts.push(
        `<g transform="translate(${n(LABEL_VIEW)} ${n(y)})">${bandViews(grid, band, theme, slice, [from, sliceWidth(group)])}</g>`,
      );
      pages.push(parts);
    }
  }
  const title = cleanText(journey.title);
  return pages.map((parts, p) => ({
    ...paper,
    svg: pageSvg(paper, scale, parts, theme, title, footerLines(title, options.footer, p + 1, pages.length, paper)),
  }));
}

/** The stage columns, their touchpoint slots and the grid's rows, read back from the layout's boxes. */
function gridOf(layout: Layout): Grid {
  const stageBoxes = layout.boxes.filter((box) => /^stage-\d+$/.test(box.id));
  const slots = layout.boxes.filter((box) => /^t\d+-touchpoint$/.test(box.id));
  let next = 0;
  const columns = stageBoxes.map((box): StageColumn => {
    const inside: Array<[number, number]> = [];
    while (next < slots.length && slots[next]!.x < box.x + box.width) {
      const slot = slots[next++]!;
      inside.push([slot.x, slot.x + slot.width]);
    }
    return { box, slots: inside.length ? inside : [[box.x, box.x + box.width]] };
  });
  const laneBoxes = layout.boxes.filter((box) => box.id.startsWith("lane-"));
  const top = (stageBoxes[0]?.y ?? MARGIN) - GAP / 2;
  const stageBottom = (stageBoxes[0] ? stageBoxes[0].y + stageBoxes[0].height : top) + GAP / 2;
  const rows = laneBoxes.map((box): [number, number] => [box.y - GAP / 2, box.y + box.height + GAP / 2]);
  const bottom = rows.length ? rows[rows.length - 1]![1] : stageBottom;
  return { layout, columns, top, bottom, stageBottom, rows };
}

/** Packs stages into groups of at most `limit` px of slots each; a stage wider than that is cut at slots. */
function pack(columns: StageColumn[], limit: number): Piece[][] {
  const groups: Piece[][] = [];
  let group: Piece[] = [];
  let used = 0;
  const add = (piece: Piece) => {
    const width = piece.to - piece.from;
    if (group.length && used + GAP + width > limit) {
      groups.push(group);
      group = [];
      used = 0;
    }
    used += group.length ? GAP + width : width;
    group.push(piece);
  };
  columns.forEach((column, stage) => {
    const { box, slots } = column;
    if (box.width <= limit) {
      add({ stage, from: box.x, to: box.x + box.width, split: false, continued: false });
      return;
    }
    let first = 0;
    let part = 0;
    while (first < slots.length) {
      let last = first;
      while (last + 1 < slots.length && slots[last + 1]![1] - slots[first]![0] <= limit) last++;
      add({ stage, from: slots[first]![0], to: slots[last]![1], split: true, continued: part++ > 0 });
      first = last + 1;
    }
  });
  if (group.length) groups.push(group);
  return groups;
}

/** The width of a group's view: its slots and half a gap either side (the stage bands reach that far). */
function sliceWidth(group: Piece[]): number {
  return group[group.length - 1]!.to - group[0]!.from + GAP;
}

/** The grid cut into bands of at most `room` px: whole lane rows where they fit, the stage row repeated
 * above the rows of every band after the first. A row taller than a page on its own is cut above the
 * first line of text the page's end would cut through. Stops past MAX_PAGES bands (the map is refused). */
function bandsOf(grid: Grid, room: number): Band[] {
  const stageRow: [number, number] = [grid.top, grid.stageBottom];
  const stageHeight = grid.stageBottom - grid.top;
  const lines = grid.layout.texts.filter((text) => !isHeaderBox(text.box));
  const bands: Band[] = [];
  let start = grid.top;
  let end = grid.stageBottom;
  let rows = 0;
  const prefix = () => (bands.length === 0 ? 0 : stageHeight);
  const close = () => {
    const ranges: Array<[number, number]> = bands.length === 0 ? [[start, end]] : [stageRow, [start, end]];
    bands.push({ ranges, height: end - start + prefix() });
  };
  for (const [top, bottom] of grid.rows) {
    if (rows > 0 && bottom - start + prefix() > room) {
      close();
      [start, rows] = [top, 0];
    }
    end = bottom;
    rows++;
    while (end - start + prefix() > room && bands.length <= MAX_PAGES) {
      const page = start + Math.max(room - prefix(), 24);
      let cut = page;
      for (const line of lines)
        if (line.top < cut && line.top + line.height > page && line.top > start + 1) cut = line.top;
      const rest = end;
      end = cut;
      close();
      [start, end] = [cut, rest];
    }
  }
  close();
  return bands;
}

/** The header laid out across the page's content width; persona rows that would not fit on a page are
 * left out, with a line that says how many. */
function layoutPrintHeader(
  journey: Journey,
  contentWidth: number,
  room: number,
): { layout: Layout; top: number; width: number; height: number } {
  const width = contentWidth - 2;
  const perRow = Math.max(1, Math.floor((width + GAP) / (PERSONA_WIDTH + GAP)));
  const rowsOf = (count: number) => Math.ceil(count / perRow);
  const attempt = (rows: number) => {
    const shown = Math.min(journey.personas.length, rows * perRow);
    const layout = emptyLayout();
    let end = layoutHeader(layout, { ...journey, personas: journey.personas.slice(0, shown) }, width, MARGIN) - 12;
    if (shown < journey.personas.length) {
      const note = new TextColumn(layout, "header", MARGIN, width, end);
      const more = journey.personas.length - shown;
      note.paragraph(
        `and ${more.toLocaleString("en-US")} more persona${more === 1 ? "" : "s"} (the SVG picture shows them all)`,
        SMALL,
        "muted",
      );
      end = note.y;
    }
    const top = MARGIN - PAD - 1;
    return { layout, top, width: contentWidth, height: end - top };
  };
  // A row of persona cards is at least ROW_MIN tall: more rows than a page holds are never laid out.
  const rows = Math.min(rowsOf(journey.personas.length), Math.floor(room / ROW_MIN) + 1);
  let result = attempt(rows);
  if (result.height <= room) return result;
  let [low, high] = [0, rows];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (attempt(middle).height <= room) low = middle;
    else high = middle;
  }
  result = attempt(low);
  return result;
}

function emptyLayout(): Layout {
  return {
    width: 0,
    height: 0,
    title: "",
    summary: "",
    boxes: [],
    texts: [],
    bullets: [],
    bands: [],
    grid: [],
    curves: [],
    swatches: [],
    bars: [],
    faceRadius: 8,
    links: [],
  };
}

/** The lane labels' column (the labels, the emotion scale): the same on every page. */
function labelLayout(grid: Grid): Layout {
  const right = LABEL_LEFT + LABEL_VIEW;
  return {
    ...emptyLayout(),
    boxes: grid.layout.boxes.filter((box) => box.x < right && !isHeaderBox(box.id)),
    texts: grid.layout.texts.filter((text) => text.x < right && !isHeaderBox(text.box)),
  };
}

/** The part of the grid a group of pieces covers: its boxes cut to the pieces' edges, a split stage's
 * header laid out again within its part, the curves' points there and one on either side. */
function sliceOf(grid: Grid, group: Piece[], journey: Journey): Layout {
  const { layout } = grid;
  const left = group[0]!.from;
  const right = group[group.length - 1]!.to;
  const inside = (x: number) => x >= left - GAP / 2 && x < right + GAP / 2;
  const crosses = (rect: Rect) => rect.x < right + GAP / 2 && rect.x + rect.width > left - GAP / 2;
  const clamp = <T extends Rect>(rect: T, margin = 0): T => {
    const from = Math.max(rect.x, left - margin);
    const to = Math.min(rect.x + rect.width, right + margin);
    return from === rect.x && to === rect.x + rect.width ? rect : { ...rect, x: from, width: to - from };
  };
  const split = new Set(group.filter((piece) => piece.split).map((piece) => `stage-${piece.stage + 1}`));
  const boxes = layout.boxes.filter((box) => !isHeaderBox(box.id) && !box.id.startsWith("lane-") && crosses(box));
  const kept = new Set(boxes.map((box) => box.id));
  const slice: Layout = {
    ...emptyLayout(),
    faceRadius: layout.faceRadius,
    boxes: boxes.map((box) => clamp(box)),
    texts: layout.texts.filter(
      (text) => inside(text.x) && !split.has(text.box) && !isHeaderBox(text.box) && !text.box.startsWith("lane-"),
    ),
    bullets: layout.bullets.filter((bullet) => inside(bullet.x) && !isHeaderBox(bullet.box)),
    bands: layout.bands.filter(crosses).map((band) => clamp(band, GAP / 2)),
    grid: layout.grid
      .filter((line) => line.x1 < right && line.x2 > left)
      .map((line) => ({ ...line, x1: Math.max(line.x1, left), x2: Math.min(line.x2, right) })),
    bars: layout.bars.filter(crosses),
    curves: layout.curves.map((curve) => curveWithin(curve, left - GAP / 2, right + GAP / 2)),
    links: layout.links.filter((link) => kept.has(link.box)),
  };
  // A stage cut across pages: its name again in each part ("(continued)" after the first), within the part.
  for (const piece of group) {
    if (!piece.split) continue;
    const box = grid.columns[piece.stage]!.box;
    const scratch = emptyLayout();
    const text = new TextColumn(scratch, box.id, piece.from + PAD, piece.to - piece.from - 2 * PAD, box.y + PAD);
    const name = journey.stages[piece.stage]!.name;
    text.paragraph(piece.continued ? `${name} (continued)` : name, STAGE);
    const description = journey.stages[piece.stage]!.description;
    if (description && !piece.continued) text.paragraph(description, SMALL, "muted");
    for (const line of scratch.texts)
      if (line.top + line.height <= box.y + box.height - PAD / 2) slice.texts.push(line);
  }
  return slice;
}

/** A persona's curve on one page: the points inside, and one either side so the line runs to the edge. */
function curveWithin(curve: PersonaCurve, left: number, right: number): PersonaCurve {
  const segments: CurvePoint[][] = [];
  for (const segment of curve.segments) {
    let first = -1;
    let last = -1;
    segment.forEach((point, i) => {
      if (point.x >= left && point.x < right) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0) {
      // A line that only passes through the page (no point on it) is still drawn across it.
      const after = segment.findIndex((point) => point.x >= right);
      if (after > 0 && segment[after - 1]!.x < left) segments.push(segment.slice(after - 1, after + 1));
      continue;
    }
    segments.push(segment.slice(Math.max(0, first - 1), Math.min(segment.length, last + 2)));
  }
  return { ...curve, points: curve.points.filter((point) => point.x >= left && point.x < right), segments };
}

/** A band's views, one under the other: each range of rows of `layout`, from x `from` for `width` px. */
function bandViews(grid: Grid, band: Band, theme: Theme, layout: Layout, [from, width]: [number, number]): string {
  let y = 0;
  return band.ranges
    .map(([top, bottom]) => {
      const drawn = view(withinRows(layout, top, bottom), theme, [from, top, width, bottom - top], 0, y);
      y += bottom - top;
      return drawn;
    })
    .join("");
}

/** The parts of a layout that reach into the rows from `top` to `bottom` (the view clips the rest). */
function withinRows(layout: Layout, top: number, bottom: number): Layout {
  const reaches = (y: number, height: number) => y < bottom && y + height > top;
  return {
    ...layout,
    boxes: layout.boxes.filter((box) => reaches(box.y, box.height)),
    texts: layout.texts.filter((text) => reaches(text.top, text.height)),
    bullets: layout.bullets.filter((bullet) => reaches(bullet.y - 2, 4)),
    bands: layout.bands.filter((band) => reaches(band.y, band.height)),
    grid: layout.grid.filter((line) => reaches(line.y - 1, 2)),
    bars: layout.bars.filter((bar) => reaches(bar.y, bar.height)),
  };
}

/** A piece of a layout in a viewport of its own at (x, y): the picture's pixels from `view`, clipped to it. */
function view(
  layout: Layout,
  theme: Theme,
  [left, top, width, height]: [number, number, number, number],
  x: number,
  y: number,
): string {
  return [
    `<svg x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" viewBox="${n(left)} ${n(top)} ${n(width)} ${n(height)}" overflow="hidden">`,
    ...drawContent(layout, theme),
    "</svg>",
  ].join("\n");
}

/** The footer's two lines of text: the map, its file and version on the left; the page and tool on the right. */
function footerLines(
  title: string,
  facts: FooterFacts | undefined,
  page: number,
  count: number,
  paper: { width: number },
): { left: string; right: string } {
  const right = `page ${page} of ${count}${facts?.tool ? ` · ${facts.tool}` : ""}`;
  const room = paper.width - 2 * PAGE_MARGIN - measure(right, FOOTER) - 24;
  const file = facts?.file === undefined ? undefined : fitText(cleanText(facts.file), room / 2);
  const tail = [file, facts?.version].filter((part) => part !== undefined).join(" · ");
  const titleRoom = room - (tail ? measure(` · ${tail}`, FOOTER) : 0);
  const left = [fitText(title, titleRoom), tail].filter(Boolean).join(" · ");
  return { left, right };
}

/** The longest start of `text` (with "…") that is at most `width` wide in the footer's font. */
function fitText(text: string, width: number): string {
  const cut = shorten(text, 500);
  if (measure(cut, FOOTER) <= width) return cut;
  let [low, high] = [0, Math.min(cut.length, 500)];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (measure(shorten(cut, middle), FOOTER) <= width) low = middle;
    else high = middle;
  }
  return low === 0 ? "" : shorten(cut, low);
}

function pageSvg(
  paper: { width: number; height: number },
  scale: number,
  parts: string[],
  theme: Theme,
  title: string,
  footer: { left: string; right: string },
): string {
  const { width, height } = paper;
  const baseline = height - FOOTER_BASELINE;
  const muted = theme.tones.muted;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT_FAMILY}" data-theme="${theme.name}">`,
    `<title>${escapeXml(shorten(title, 200))}</title>`,
    `<rect width="${n(width)}" height="${n(height)}" fill="${theme.background}"/>`,
    `<g transform="translate(${PAGE_MARGIN} ${PAGE_MARGIN}) scale(${n4(scale)})">`,
    ...parts,
    "</g>",
    `<text x="${PAGE_MARGIN}" y="${n(baseline)}" font-size="${FOOTER.size}" fill="${muted}" data-footer="map">${escapeXml(footer.left)}</text>`,
    `<text x="${n(width - PAGE_MARGIN)}" y="${n(baseline)}" font-size="${FOOTER.size}" fill="${muted}" text-anchor="end" data-footer="page">${escapeXml(footer.right)}</text>`,
    "</svg>",
    "",
  ].join("\n");
}

/** Four decimals: a page's scale, where two would move its right edge by a few points. */
function n4(value: number): string {
  return `${Math.round(value * 10_000) / 10_000}`;
}
