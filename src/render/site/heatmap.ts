// The portfolio's heat map: one row per map, one column per stage, each cell the stage's average emotion
// as a colour whose lightness rises with the score (it reads in greyscale) and as the number itself.
// Pure SVG like the journey-map picture: no script, no CSS, every text escaped, the same bytes each time.
import type { MapFacts } from "../../workspace/facts.js";
import { escapeXml } from "../svg/markup.js";
import { cleanText, FONT_FAMILY } from "../svg/text.js";

/** The file name of the heat map, beside the index page. */
export const HEATMAP_FILE = "portfolio-heatmap.svg";

/** Stages of one map past this many are counted in a note, not drawn: the picture stays readable and
 * its size linear in the maps' stages. */
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

function short(text: string, length: number): string {
  const clean = cleanText(text).trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

const n = (value: number): string => `${Math.round(value * 100) / 100}`;

/** One row per map, its own stages left to right (maps of a portfolio rarely share stages: a detail
 * map zooms into one stage of its parent), each cell the stage's name and average emotion. */
export function renderHeatmap(maps: readonly MapFacts[]): string {
  const LABEL = 220;
  const CELL = 100;
  const ROW = 44;
  const TOP = 48;
  const widest = Math.min(MAX_STAGE_COLUMNS, Math.max(1, ...maps.map((map) => map.stages.length)));
  const width = 24 + LABEL + widest * CELL + 24;
  const legendTop = TOP + maps.length * ROW + 16;
  const height = legendTop + 64;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="heatmap-title heatmap-desc" font-family="${FONT_FAMILY}">`,
    `<title id="heatmap-title">Average emotion per map and stage</title>`,
    `<desc id="heatmap-desc">${escapeXml(`One row for each of ${maps.length} maps, its stages in order; each cell gives the average emotion of the stage's touchpoints, from 1 (very negative, dark) to 5 (very positive, light).`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="24" y="30" font-size="16" font-weight="bold" fill="#1f2328">Average emotion per map and stage</text>`,
  ];
  let hidden = 0;
  maps.forEach((map, r) => {
    const y = TOP + r * ROW;
    out.push(
      `<text x="24" y="${n(y + ROW / 2 + 4)}" font-size="12" font-weight="bold" fill="#1f2328">${escapeXml(short(map.title, 28))}</text>`,
    );
    hidden += Math.max(0, map.stages.length - MAX_STAGE_COLUMNS);
    map.stages.slice(0, MAX_STAGE_COLUMNS).forEach((stage, c) => {
      const x = 24 + LABEL + c * CELL;
      const scored = stage.emotion !== undefined;
      const fill = scored ? heatColor(stage.emotion!) : "#ffffff";
      const ink = scored && luminance(fill) < 0.25 ? "#ffffff" : "#1f2328";
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL - 2}" height="${ROW - 2}" fill="${fill}" stroke="#d0d7de" data-stage="${escapeXml(cleanText(stage.id))}"${scored ? ` data-score="${stage.emotion!.toFixed(1)}"` : ""}/>`,
        `<text x="${n(x + CELL / 2)}" y="${n(y + 16)}" font-size="10" text-anchor="middle" fill="${ink}">${escapeXml(short(stage.name, 15))}</text>`,
        `<text x="${n(x + CELL / 2)}" y="${n(y + 34)}" font-size="${scored ? 14 : 11}" font-weight="bold" text-anchor="middle" fill="${ink}">${scored ? stage.emotion!.toFixed(1) : "no emotion"}</text>`,
      );
    });
  });
  const note =
    hidden > 0
      ? ` ${hidden} stage${hidden === 1 ? " is" : "s are"} past the first ${MAX_STAGE_COLUMNS} of a map and not shown.`
      : "";
  out.push(
    `<text x="24" y="${legendTop + 12}" font-size="11" fill="#57606a">${escapeXml(`Average emotion of each stage's touchpoints: 1 very negative … 5 very positive.${note}`)}</text>`,
  );
  [1, 2, 3, 4, 5].forEach((score, i) => {
    const x = 24 + i * 60;
    const fill = heatColor(score);
    out.push(
      `<rect x="${x}" y="${legendTop + 22}" width="56" height="24" fill="${fill}" stroke="#d0d7de"/>`,
      `<text x="${x + 28}" y="${legendTop + 38}" font-size="12" font-weight="bold" text-anchor="middle" fill="${luminance(fill) < 0.25 ? "#ffffff" : "#1f2328"}">${score}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
