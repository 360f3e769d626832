// stage-order: the expected stages are present but not in the expected order.
import { subjectOf } from "../../journey/queries.js";
import type { Stage } from "../../journey/model.js";
import { stageName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const stageOrder: Rule = {
  meta: {
    id: "stage-order",
    description: "the expected stages are present but in another order",
    rationale:
      "Stages are read left to right as the order customers live them; a map in another order tells a different story than the one the team agreed on.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("stage-order"),
  },
  check({ journey, source, settings, report }) {
    const rank = new Map(settings.stages.map((id, index) => [id, index]));
    const seen = new Set<string>();
    // The expected stages in map order (first occurrence of each id; duplicates are duplicate-id's business).
    const placed: Array<{ stage: Stage; rank: number }> = [];
    for (const stage of journey.stages) {
      const r = rank.get(stage.id);
      if (r === undefined || seen.has(stage.id)) continue;
      seen.add(stage.id);
      placed.push({ stage, rank: r });
    }
    // Keep the longest run already in order; the others are the ones to move (fewest moves).
    const kept = longestIncreasing(placed.map((entry) => entry.rank));
    const expectedOrder = settings.stages.filter((id) => seen.has(id)).join(", ");
    placed.forEach(({ stage, rank: r }, index) => {
      if (kept.has(index)) return;
      const previous = [...kept]
        .map((i) => placed[i]!)
        .filter((entry) => entry.rank < r)
        .sort((a, b) => b.rank - a.rank)[0];
      const next = [...kept].map((i) => placed[i]!).sort((a, b) => a.rank - b.rank)[0];
      const where = previous
        ? `after ${stageName(previous.stage)}`
        : next
          ? `before ${stageName(next.stage)}`
          : "first";
      report(
        `${stageName(stage)} is out of order: move it ${where} (expected order: ${expectedOrder})`,
        source.rangeOf(stage),
        subjectOf.stage(stage),
      );
    });
  },
};

/** Indexes of one longest strictly increasing subsequence (stages are few: quadratic is fine here). */
function longestIncreasing(values: number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const kept = new Set<number>();
  while (end !== -1) {
    kept.add(end);
    end = previous[end]!;
  }
  return kept;
}
