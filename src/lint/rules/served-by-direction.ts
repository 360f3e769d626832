// served-by-direction: in a blueprint, a servedBy that names an entry in the same row or a row above, or
// the entry itself; the blueprint's arrows come from the rows below (support serves backstage serves frontstage).
import { BLUEPRINT_LAYERS, type BlueprintLayer } from "../../journey/model.js";
import { entryName, isBlueprint, LAYER_NOUNS, LAYER_PLURALS, laneEntriesOf, ROW_OF_LAYER } from "../lane-entries.js";
import { listOf } from "../names.js";
import { MAX_SERVED_BY_FINDINGS, MORE_SUBJECT, moreOf, reportServedBy } from "../served-by-flood.js";
import { docsUrl, type Rule } from "../types.js";

/** What to do, by the row of the entry that names the wrong one: written once, not per entry. */
const ADVICE = Object.fromEntries(
  BLUEPRINT_LAYERS.map((layer) => {
    const below = BLUEPRINT_LAYERS.filter((other) => ROW_OF_LAYER[other] > ROW_OF_LAYER[layer]);
    const advice =
      below.length > 0
        ? `a blueprint's arrows come from the rows below, so name only the ${listOf(below.map((other) => LAYER_PLURALS[other])).replace(/ and /, " or ")} that serve it`
        : "support processes are the blueprint's bottom row, so nothing below serves them: move the entry to its row, or remove servedBy";
    return [layer, advice];
  }),
) as Record<BlueprintLayer, string>;

export const servedByDirection: Rule = {
  meta: {
    id: "served-by-direction",
    description: "in a blueprint, a servedBy that names an entry in the same row or a row above",
    rationale:
      "A service blueprint reads top down: what the customer sees is served by the rows below it. An arrow from the same row or from above is usually an entry in the wrong lane, or servedBy written on the wrong end.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("served-by-direction"),
  },
  check({ journey, source, report }) {
    if (!isBlueprint(journey)) return;
    const { entries, byId } = laneEntriesOf(journey, source);
    for (const placed of entries) {
      const { servedBy } = placed.entry;
      const { layer } = placed;
      if (!servedBy) continue;
      const row = layer ? ROW_OF_LAYER[layer] : undefined;
      // One finding per id, the first time the entry names it: naming it again draws no second arrow.
      const seen = new Set<string>();
      const wrong: number[] = [];
      for (let index = 0; index < servedBy.length; index++) {
        const id = servedBy[index]!;
        const target = byId.get(id);
        // An entry naming itself is wrong in any lane; the others only between two rows of the blueprint.
        const self = target === placed;
        if (!self && (row === undefined || !target?.layer || ROW_OF_LAYER[target.layer] > row)) continue;
        if (seen.has(id)) continue;
        seen.add(id);
        wrong.push(index);
      }
      reportServedBy(
        wrong,
        (index) => {
          const id = servedBy[index]!;
          const target = byId.get(id)!;
          const message =
            target === placed
              ? `${entryName(placed)} is served by "${id}", its own id: an entry cannot serve itself, so no arrow is drawn; remove "${id}" from its servedBy`
              : `${entryName(placed)} is served by "${id}", ${target.layer === layer ? "in the same row" : `a ${LAYER_NOUNS[target.layer!]}, in a row above`}: ${ADVICE[layer!]}`;
          report(message, source.itemRangeOf(servedBy, index), `${placed.subject} servedBy:${id}`);
        },
        (index, count) =>
          report(
            `${entryName(placed)} is served by ${moreOf(count, "entry", "entries")} in its own row or a row above (or itself), from "${servedBy[index]!}" on (the first ${MAX_SERVED_BY_FINDINGS} are reported one by one): ${layer ? ADVICE[layer] : "name only entries of the rows below"}`,
            source.itemRangeOf(servedBy, index),
            `${placed.subject} ${MORE_SUBJECT}`,
          ),
      );
    }
  },
};
