// The portfolio's heat map: one row per map, one column per stage, each cell the stage's average emotion
// as a colour whose lightness rises with the score (it reads in greyscale) and as the number itself.
// Pure SVG like the journey-map picture: no script, no CSS, every text escaped, the same bytes each time.
import type { MapFacts } from "../../workspace/facts.js";
import { escapeXml } from "../svg/draw.js";
import { cleanText, FONT_FAMILY } from "../svg/text.js";

/** The file name of the heat map, beside the index page. */
export const HEATMAP_FILE = "portfolio-heatmap.svg";

/** Columns past this many stage ids (the most used ones are kept) would make the picture unreadable and
 * its size maps × stages: the rest are counted in a note. */
export const MAX_STAGE_COLUMNS = 24;

/** Lightness-ordered colour stops for scores 1..5: dark red for very negative to pale green for very positive. */
const STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [0x7f, 0x1d, 0x1d],
  [0xc2, 0x41, 0x0c],
  [0xe8, 0xa3, 0x3d],
  [0xd9, 0xea, 0x9a],
  [0xf2, 0xfb, 0xee],
];

/** The cell colour of an average score (1..5), interpolated between the stops. */
export function heatColor(score: number): string {
  const position = Math.min(4, Math.max(0, score - 1));
  const low = Math.floor(position);
  const high = Math.min(4, low + 1);
  const t = position - low;
  const rgb = STOPS[low]!.map((channel, i) => Math.round(channel + (STOPS[high]![i]! - channel) * t));
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, "0")).join("")}`;
}

/** Relative luminance (WCAG) of a #rrggbb colour: what a greyscale print keeps. */
export function luminance(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(color.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.045) / 1.045) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The stage columns: stage ids by how many maps have them (then first appearance), at most MAX_STAGE_COLUMNS. */
export function stageColumns(maps: readonly MapFacts[]): {
  columns: Array<{ id: string; name: string }>;
  hidden: number;
} {
  const seen = new Map<string, { name: string; count: number; order: number }>();
  for (const map of maps)
    for (const stage of map.stages) {
      const known = seen.get(stage.id);
      if (known) known.count++;
      else seen.set(stage.id, { name: stage.name, count: 1, order: seen.size });
    }
  const kept = [...seen.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order)
    .slice(0, MAX_STAGE_COLUMNS)
    .sort((a, b) => a[1].order - b[1].order);
  return { columns: kept.map(([id, { name }]) => ({ id, name })), hidden: seen.size - kept.length };
}

function short(text: string, length: number): string {
  const clean = cleanText(text).trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

const n = (value: number): string => `${Math.round(value * 100) / 100}`;

export function renderHeatmap(maps: readonly MapFacts[]): string {
  const { columns, hidden } = stageColumns(maps);
  const LABEL = 260;
  const CELL = 92;
  const ROW = 30;
  const TOP = 70;
  const width = 24 + LABEL + Math.max(1, columns.length) * CELL + 24;
  const legendTop = TOP + maps.length * ROW + 24;
  const height = legendTop + 70;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="heatmap-title heatmap-desc" font-family="${FONT_FAMILY}">`,
    `<title id="heatmap-title">Average emotion per map and stage</title>`,
    `<desc id="heatmap-desc">${escapeXml(`A grid of ${maps.length} maps by ${columns.length} stages; each cell gives the average emotion of the stage's touchpoints, from 1 (very negative, dark) to 5 (very positive, light).`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="24" y="30" font-size="16" font-weight="bold" fill="#1f2328">Average emotion per map and stage</text>`,
  ];
  columns.forEach((column, c) => {
    const x = 24 + LABEL + c * CELL + CELL / 2;
    out.push(
      `<text x="${n(x)}" y="${TOP - 10}" font-size="11" font-weight="bold" text-anchor="middle" fill="#1f2328" data-stage="${escapeXml(cleanText(column.id))}">${escapeXml(short(column.name, 14))}</text>`,
    );
  });
  maps.forEach((map, r) => {
    const y = TOP + r * ROW;
    out.push(
      `<text x="24" y="${n(y + ROW / 2 + 4)}" font-size="12" fill="#1f2328">${escapeXml(short(map.title, 38))}</text>`,
    );
    const byId = new Map(map.stages.map((stage) => [stage.id, stage]));
    columns.forEach((column, c) => {
      const x = 24 + LABEL + c * CELL;
      const stage = byId.get(column.id);
      if (stage?.emotion === undefined) {
        out.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${ROW - 2}" fill="#ffffff" stroke="#d0d7de" data-cell="none"/>`,
          `<text x="${n(x + CELL / 2)}" y="${n(y + ROW / 2 + 4)}" font-size="11" text-anchor="middle" fill="#57606a">${stage ? "no emotion" : "–"}</text>`,
        );
        return;
      }
      const fill = heatColor(stage.emotion);
      const ink = luminance(fill) < 0.25 ? "#ffffff" : "#1f2328";
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${ROW - 2}" fill="${fill}" data-score="${stage.emotion.toFixed(1)}"/>`,
        `<text x="${n(x + CELL / 2)}" y="${n(y + ROW / 2 + 4)}" font-size="12" font-weight="bold" text-anchor="middle" fill="${ink}">${stage.emotion.toFixed(1)}</text>`,
      );
    });
  });
  const note = hidden > 0 ? ` ${hidden} less used stage${hidden === 1 ? " is" : "s are"} not shown.` : "";
  out.push(
    `<text x="24" y="${legendTop + 14}" font-size="11" fill="#57606a">${escapeXml(`Average emotion: 1 very negative … 5 very positive; – the map has no such stage.${note}`)}</text>`,
  );
  [1, 2, 3, 4, 5].forEach((score, i) => {
    const x = 24 + i * 60;
    const fill = heatColor(score);
    out.push(
      `<rect x="${x}" y="${legendTop + 26}" width="56" height="24" fill="${fill}" stroke="#d0d7de"/>`,
      `<text x="${x + 28}" y="${legendTop + 42}" font-size="12" font-weight="bold" text-anchor="middle" fill="${luminance(fill) < 0.25 ? "#ffffff" : "#1f2328"}">${score}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
