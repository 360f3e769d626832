// Made-up opportunities for the backlog's tests: deterministic (a seeded
// generator), with titles of every length, scores of every cell and some left unscored.
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
