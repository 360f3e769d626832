// Made-up opportunities and repositories of maps for the backlog's tests: deterministic (a seeded
// generator), with titles of every length, scores of every cell and some left unscored.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CollectedOpportunity } from "../../src/backlog/collect.js";
import { OPPORTUNITY_STATUSES } from "../../src/journey/model.js";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = [
  "Show",
  "the",
  "next",
  "free",
  "slot",
  "refund",
  "wallet",
  "driver",
  "substitution",
  "checkout",
  "Größe",
  "配送",
  "🛒",
  "at once",
  "per item",
];

/** `count` opportunities as the collector gives them; `crowded` puts them all in one cell of the matrix. */
export function madeUpOpportunities(
  count: number,
  options: { seed?: number; crowded?: boolean } = {},
): CollectedOpportunity[] {
  const next = random(options.seed ?? 7);
  return Array.from({ length: count }, (_, i) => {
    const words = 1 + Math.floor(next() * 8);
    const title = [`#${i}`, ...Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!)].join(
      " ",
    );
    const scored = options.crowded || i % 11 !== 5;
    return {
      id: `opportunity-${i}`,
      title,
      status: OPPORTUNITY_STATUSES[i % 4]!,
      owner: `team-${i % 6}`,
      ...(scored
        ? {
            value: options.crowded ? 5 : 1 + Math.floor(next() * 5),
            effort: options.crowded ? 1 : 1 + Math.floor(next() * 5),
          }
        : {}),
      ...(i % 3 === 0 ? { confidence: 50 + 10 * (i % 6) } : {}),
      map: { title: `Map ${i % 10}`, path: `maps/map-${i % 10}.journey.yaml` },
      painPoints: [],
      places: [],
      written: { id: `opportunity-${i}` },
    };
  });
}

/** A map's YAML with `count` opportunity objects spread over its touchpoints (ids from `first`). */
export function mapWithOpportunities(index: number, first: number, count: number): string {
  const lines = ["journeymap: 1", `title: Map ${index}`, "stages:"];
  const perTouchpoint = 5;
  for (let stage = 0; stage * perTouchpoint * 2 < count; stage++) {
    lines.push(`  - id: stage-${stage}`, `    name: Stage ${stage}`, "    touchpoints:");
    for (let touchpoint = 0; touchpoint < 2; touchpoint++) {
      const start = (stage * 2 + touchpoint) * perTouchpoint;
      if (start >= count) break;
      lines.push(
        `      - name: Touchpoint ${stage}.${touchpoint}`,
        "        painPoints: [Waits too long]",
        "        opportunities:",
      );
      for (let k = start; k < Math.min(count, start + perTouchpoint); k++) {
        const id = first + k;
        lines.push(
          `          - id: opp-${id}`,
          `            title: Opportunity ${id} for the slot picker`,
          `            owner: team-${id % 20}`,
          `            status: ${["idea", "planned", "in-progress", "done"][id % 4]}`,
          `            value: ${(id % 5) + 1}`,
          `            effort: ${(id % 3) + 1}`,
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A folder of `maps` maps holding `perMap` opportunities each. */
export function writeBacklogRepository(folder: string, maps: number, perMap: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < maps; i++)
    writeFileSync(
      join(folder, `map-${String(i).padStart(4, "0")}.journey.yaml`),
      mapWithOpportunities(i, i * perMap, perMap),
    );
}
