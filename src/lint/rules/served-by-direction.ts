// served-by-direction: in a blueprint, a servedBy that names an entry in the same row or a row above;
// the blueprint's arrows come from the rows below (support serves backstage serves frontstage).
import { BLUEPRINT_LAYERS } from "../../journey/model.js";
import { entryName, isBlueprint, LAYER_NOUNS, LAYER_PLURALS, laneEntriesOf, ROW_OF_LAYER } from "../lane-entries.js";
import { listOf } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

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
      if (!servedBy || !placed.layer) continue;
      const row = ROW_OF_LAYER[placed.layer];
      const below = BLUEPRINT_LAYERS.filter((layer) => ROW_OF_LAYER[layer] > row).map((layer) => LAYER_PLURALS[layer]);
      const advice =
        below.length > 0
          ? `a blueprint's arrows come from the rows below, so name only the ${listOf(below).replace(/ and /, " or ")} that serve it`
          : "support processes are the blueprint's bottom row, so nothing below serves them: move the entry to its row, or remove servedBy";
      servedBy.forEach((id, index) => {
        const target = byId.get(id);
        if (!target?.layer || ROW_OF_LAYER[target.layer] > row) return;
        const where =
          target.layer === placed.layer ? "in the same row" : `a ${LAYER_NOUNS[target.layer]}, in a row above`;
        report(
          `${entryName(placed)} is served by "${id}", ${where}: ${advice}`,
          source.itemRangeOf(servedBy, index),
          `${placed.subject} servedBy:${id}`,
        );
      });
    }
  },
};
