// The portfolio's heat map: one row per map, one column per stage id shared across the maps, each cell the
// stage's average emotion as a number and as a colour of a diverging scale centred on neutral (3).
// Pure SVG like the journey-map picture: no script, no CSS, every text escaped, the same bytes each time.
import type { MapFacts } from "../../workspace/facts.js";
import { countOf } from "../../journey/queries.js";
import { shorten } from "../../text/shorten.js";
import { escapeXml, n } from "../svg/markup.js";
import { contrast } from "../svg/themes.js";
import { cleanText, FONT_FAMILY, measure, wrap, type Font } from "../svg/text.js";

/** The file name of the heat map, beside the index page. */
export const HEATMAP_FILE = "portfolio-heatmap.svg";

/** Stage columns past this many are counted in a note, not drawn: the picture stays readable and its
 * size linear in the maps' stages. */
export const MAX_STAGE_COLUMNS = 24;

/** Lines a map's name (row header) or a stage's name (column header) wraps onto; the rest is in its tooltip. */
export const NAME_LINES = 3;

/** Characters of a name a tooltip repeats: a row's cells each name their map, so a megabyte title must
 * not be copied into every cell. */
const TOOLTIP_NAME_MAX = 300;

/**
 * The colours of scores 1..5, after ColorBrewer's PuOr (orange–purple: colour-blind safe, its two hues
 * stay apart for protan, deutan and tritan readers): dark orange below neutral, a near-white grey at
 * neutral, a mid purple above. The two sides have different lightness (CIELAB L* about 33, 48, 97, 79,
 * 65), so every score differs from every other by 14 L* or more: it reads in greyscale, where a
 * symmetric scale would make 1 and 5 the same grey.
 */
export const SCORE_COLORS = ["#7f3b08", "#b35806", "#f7f7f7", "#c4c0e2", "#9e9ac8"] as const;

/** The words of the scores, for the legend. */
export const SCORE_WORDS = ["very negative", "negative", "neutral", "positive", "very positive"] as const;

const INK = "#1f2328";
const MUTED = "#57606a";
const GRID = "#d0d7de";

/** The cell colour of an average score (1..5), interpolated between the colours of the whole scores. */
export function heatColor(score: number): string {
  const position = Math.min(4, Math.max(0, score - 1));
  const low = Math.floor(position);
  const high = Math.min(4, low + 1);
  const t = position - low;
  const [from, to] = [SCORE_COLORS[low]!, SCORE_COLORS[high]!].map((color) =>
    [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)),
  );
  const rgb = from!.map((channel, i) => Math.round(channel + (to![i]! - channel) * t));
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, "0")).join("")}`;
}

/** The colour of the number on a cell: white or black, whichever contrasts more (at least 4.58:1 on any
 * colour, above WCAG's 4.5:1 for normal text). */
export function inkOn(fill: string): string {
  return contrast(fill, "#ffffff") >= contrast(fill, "#000000") ? "#ffffff" : "#000000";
}

/** A column of the heat map: a stage id and the name most maps give it. */
export interface StageColumn {
  id: string;
  name: string;
}

export interface HeatmapOptions {
  /** The stage ids the configuration expects, in order (its "stages" or preset): their columns come first. */
  stages?: readonly string[];
}

/**
 * The stage columns of `maps`: the configured stages that some map has, in the configured order, then
 * every other stage id where the maps put it: after the stage before it in the first map that has it
 * (or before the next known one when it opens a map). Linear: a linked list of ids, one pass per map.
 */
export function stageColumns(
  maps: readonly MapFacts[],
  configured: readonly string[] = [],
  limit = Infinity,
): { columns: StageColumn[]; total: number } {
  const next = new Map<string, string | undefined>();
  const previous = new Map<string, string | undefined>();
  let head: string | undefined;
  let tail: string | undefined;
  const insertAfter = (id: string, after: string | undefined) => {
    const following = after === undefined ? head : next.get(after);
    next.set(id, following);
    previous.set(id, after);
    if (after === undefined) head = id;
    else next.set(after, id);
    if (following === undefined) tail = id;
    else previous.set(following, id);
  };
  const present = new Set<string>();
  for (const map of maps) for (const stage of map.stages) present.add(stage.id);
  for (const id of configured) if (present.has(id) && !next.has(id)) insertAfter(id, tail);
  for (const map of maps) {
    let after: string | undefined;
    let waiting: string[] = [];
    for (const stage of map.stages) {
      if (next.has(stage.id)) {
        // Stages that opened this map go just before the first one already placed.
        for (const id of waiting) insertAfter(id, previous.get(stage.id));
        waiting = [];
        after = stage.id;
      } else if (after === undefined) {
        if (!waiting.includes(stage.id)) waiting.push(stage.id);
        if (waiting.length > MAX_STAGE_COLUMNS) {
          for (const id of waiting) insertAfter(id, tail);
          waiting = [];
          after = tail;
        }
      } else {
        insertAfter(stage.id, after);
        after = stage.id;
      }
    }
    for (const id of waiting) insertAfter(id, tail);
  }
  const shown: string[] = [];
  for (let id = head; id !== undefined && shown.length < limit; id = next.get(id)) shown.push(id);
  // The name most maps give each shown id (the first one written on a tie).
  const names = new Map(shown.map((id) => [id, new Map<string, number>()]));
  for (const map of maps)
    for (const stage of map.stages) {
      const counts = names.get(stage.id);
      counts?.set(stage.name, (counts.get(stage.name) ?? 0) + 1);
    }
  const columns = shown.map((id): StageColumn => {
    let best = id;
    let most = 0;
    for (const [name, count] of names.get(id)!) if (count > most) [best, most] = [name, count];
    return { id, name: best };
  });
  return { columns, total: next.size };
}

/** A name wrapped onto at most NAME_LINES lines of `width`, the last one ending in "…" when cut. */
function nameLines(text: string, font: Font, width: number): string[] {
  const lines = wrap(shorten(cleanText(text).trim(), 400), font, width).map((line) => line.text);
  if (lines.length <= NAME_LINES) return lines;
  let last = lines[NAME_LINES - 1]!;
  while (last && measure(`${last}…`, font) > width) last = [...last].slice(0, -1).join("");
  return [...lines.slice(0, NAME_LINES - 1), `${last.trimEnd()}…`];
}

/** Lines of text centred on (x, middle), or left-aligned at x. */
function lines(texts: string[], x: number, middle: number, font: Font, attributes: string): string {
  const step = Math.round(font.size * 1.3);
  const first = middle - ((texts.length - 1) * step) / 2 + font.size * 0.35;
  return texts
    .map(
      (text, i) =>
        `<text x="${n(x)}" y="${n(first + i * step)}" font-size="${font.size}"${font.bold ? ' font-weight="bold"' : ""}${attributes}>${escapeXml(text)}</text>`,
    )
    .join("");
}

const tip = (text: string): string => escapeXml(shorten(cleanText(text).trim(), TOOLTIP_NAME_MAX));

/** One row per map (in the order given), one column per stage id (see stageColumns), each cell the
 * stage's average emotion; a map without that stage shows "—". */
export function renderHeatmap(maps: readonly MapFacts[], options: HeatmapOptions = {}): string {
  const PAD = 24;
  const LABEL = 220;
  const CELL = 120;
  const ROW = 52;
  const HEADER = 60;
  const rowFont: Font = { size: 12, bold: true };
  const columnFont: Font = { size: 11 };
  const { columns, total } = stageColumns(maps, options.stages, MAX_STAGE_COLUMNS);
  const hidden = total - columns.length;
  const LEGEND_ITEM = 120;
  const legendWidth = 7 * LEGEND_ITEM;
  const width = Math.max(PAD + LABEL + Math.max(1, columns.length) * CELL, PAD + legendWidth) + PAD;
  const top = 48 + HEADER;
  const legendTop = top + maps.length * ROW + 20;
  const height = legendTop + 96;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="heatmap-title heatmap-desc" font-family="${FONT_FAMILY}">`,
    `<title id="heatmap-title">Average emotion per map and stage</title>`,
    `<desc id="heatmap-desc">${escapeXml(`One row for each of ${countOf(maps.length, "map")}, one column for each of ${countOf(columns.length, "stage")} by stage id; each cell gives the average emotion of the stage's touchpoints, from 1 (very negative, dark orange) through 3 (neutral, light grey) to 5 (very positive, purple), or "—" when the map has no such stage.`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="30" font-size="16" font-weight="bold" fill="${INK}">Average emotion per map and stage</text>`,
  ];
  const columnNames = columns.map((column) => shorten(cleanText(column.name).trim(), TOOLTIP_NAME_MAX));
  const columnAt = new Map(columns.map((column, c) => [column.id, c]));
  columns.forEach((column, c) => {
    const x = PAD + LABEL + c * CELL;
    out.push(
      `<g data-stage="${escapeXml(cleanText(column.id))}"><title>${tip(`${column.name} (${column.id})`)}</title>` +
        lines(
          nameLines(column.name, columnFont, CELL - 8),
          x + CELL / 2,
          48 + HEADER / 2,
          columnFont,
          ` text-anchor="middle" fill="${INK}"`,
        ) +
        `</g>`,
    );
  });
  maps.forEach((map, r) => {
    const y = top + r * ROW;
    out.push(
      `<g data-map="${escapeXml(cleanText(map.id))}"><title>${tip(map.title)}</title>` +
        lines(nameLines(map.title, rowFont, LABEL - 12), PAD, y + ROW / 2, rowFont, ` fill="${INK}"`) +
        `</g>`,
    );
    const rowName = shorten(cleanText(map.title).trim(), TOOLTIP_NAME_MAX);
    const cells: Array<MapFacts["stages"][number] | undefined> = columns.map(() => undefined);
    for (const stage of map.stages) {
      const c = columnAt.get(stage.id);
      if (c !== undefined && cells[c] === undefined) cells[c] = stage;
    }
    cells.forEach((stage, c) => {
      const x = PAD + LABEL + c * CELL;
      const box = `x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${ROW - 2}"`;
      const middle = `x="${n(x + CELL / 2)}" y="${n(y + ROW / 2 + 5)}" text-anchor="middle"`;
      const where = `${rowName} · ${columnNames[c]!}`;
      if (!stage) {
        out.push(
          `<g><title>${escapeXml(`${where}: not a stage of this map`)}</title><rect ${box} fill="#ffffff" stroke="${GRID}" stroke-dasharray="3 3"/><text ${middle} font-size="14" fill="${MUTED}">—</text></g>`,
        );
        return;
      }
      const touchpoints = countOf(stage.touchpoints, "touchpoint");
      if (stage.emotion === undefined) {
        out.push(
          `<g data-stage="${escapeXml(cleanText(stage.id))}"><title>${escapeXml(`${where}: ${stage.touchpoints === 0 ? "no touchpoints" : `no emotion recorded (${touchpoints})`}`)}</title><rect ${box} fill="#ffffff" stroke="${GRID}"/><text ${middle} font-size="11" fill="${MUTED}">no score</text></g>`,
        );
        return;
      }
      const fill = heatColor(stage.emotion);
      const score = stage.emotion.toFixed(1);
      out.push(
        `<g data-stage="${escapeXml(cleanText(stage.id))}" data-score="${score}"><title>${escapeXml(`${where}: ${score} (${touchpoints})`)}</title><rect ${box} fill="${fill}" stroke="${GRID}"/><text ${middle} font-size="14" font-weight="bold" fill="${inkOn(fill)}">${score}</text></g>`,
      );
    });
  });
  const note =
    hidden > 0
      ? ` ${hidden} more stage${hidden === 1 ? " is" : "s are"} past the first ${MAX_STAGE_COLUMNS} columns and not shown.`
      : "";
  out.push(
    `<text x="${PAD}" y="${legendTop + 12}" font-size="11" fill="${MUTED}">${escapeXml(`Average emotion of each stage's touchpoints.${note}`)}</text>`,
  );
  const legend: Array<{ fill: string; mark: string; ink: string; words: string; dashed?: boolean }> = [
    ...SCORE_COLORS.map((fill, i) => ({ fill, mark: String(i + 1), ink: inkOn(fill), words: SCORE_WORDS[i]! })),
    { fill: "#ffffff", mark: "no score", ink: MUTED, words: "no touchpoints scored" },
    { fill: "#ffffff", mark: "—", ink: MUTED, words: "no such stage", dashed: true },
  ];
  legend.forEach((item, i) => {
    const x = PAD + i * LEGEND_ITEM;
    out.push(
      `<rect x="${x}" y="${legendTop + 22}" width="${LEGEND_ITEM - 8}" height="28" fill="${item.fill}" stroke="${GRID}"${item.dashed ? ' stroke-dasharray="3 3"' : ""}/>`,
      `<text x="${x + (LEGEND_ITEM - 8) / 2}" y="${legendTop + 41}" font-size="${item.mark.length > 1 ? 11 : 13}" font-weight="bold" text-anchor="middle" fill="${item.ink}">${item.mark}</text>`,
      `<text x="${x + (LEGEND_ITEM - 8) / 2}" y="${legendTop + 68}" font-size="11" text-anchor="middle" fill="${INK}">${item.words}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
