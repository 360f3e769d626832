// Hostile shapes for the portfolio heat map: what a map can put in its title and stage names (bidi
// overrides, isolates, markup, combining marks, emoji joined by ZWJ, megabyte names), and a portfolio
// whose maps share no stage id (every stage a column to place).
import type { MapFacts } from "../../src/workspace/facts.js";

/** Text that must stay inert in the heat map: escaped markup, bidi controls as character references. */
export const HOSTILE_NAME = '\u202eevil\u2066 <b>&amp;</b> "q" e\u0301\u0301 👨‍👩‍👧‍👦 ##[error]';

/** A map of about 1 MB: a long hostile title and thousands of stages with hostile names, each scored. */
export function hostileHeatmapMap(): string {
  const lines = [
    "journeymap: 1",
    `title: ${JSON.stringify(`Title ${HOSTILE_NAME} `.repeat(2_000))}`,
    "personas: [{ id: p, name: P }]",
    "stages:",
  ];
  let size = lines.join("\n").length;
  for (let i = 0; size < 1_000_000; i++) {
    const stage = [
      `  - id: s-${i}`,
      `    name: ${JSON.stringify(`Stage ${i} ${HOSTILE_NAME} ${"word ".repeat(5)}`)}`,
      "    touchpoints:",
      "      - name: T",
      `        emotion: ${1 + (i % 5)}`,
    ].join("\n");
    lines.push(stage);
    size += stage.length + 1;
  }
  return `${lines.join("\n")}\n`;
}

/** `count` maps of `stages` stages each, no stage id shared: every stage a column the merge must place. */
export function disjointPortfolio(count: number, stages: number): MapFacts[] {
  return Array.from({ length: count }, (_, m) => ({
    file: `m${m}.journey.yaml`,
    id: `m${m}`,
    title: `Map ${m}`,
    personas: [],
    teams: [],
    links: [],
    uses: [],
    owners: [],
    stages: Array.from({ length: stages }, (_, s) => ({
      id: `s-${m}-${s}`,
      name: `Stage ${s}`,
      touchpoints: 1,
      emotion: 2,
    })),
    touchpoints: stages,
    painPoints: 0,
    opportunities: 0,
  }));
}
