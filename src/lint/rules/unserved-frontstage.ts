// unserved-frontstage: in a blueprint, a frontstage entry whose servedBy names no backstage action and no
// support process.
import { entryName, isBlueprint, laneEntriesOf } from "../lane-entries.js";
import { docsUrl, type Rule } from "../types.js";

export const unservedFrontstage: Rule = {
  meta: {
    id: "unserved-frontstage",
    description: "in a blueprint, a frontstage action that no backstage action or support process serves",
    rationale:
      "The point of a service blueprint is to show what must happen behind the line of visibility for each thing the customer sees; a frontstage action with nothing behind it is either magic or a gap in the map.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("unserved-frontstage"),
  },
  check({ journey, source, report }) {
    if (!isBlueprint(journey)) return;
    const { entries, byId } = laneEntriesOf(journey, source);
    for (const placed of entries) {
      if (placed.layer !== "frontstage") continue;
      const served = (placed.entry.servedBy ?? []).some((id) => {
        const layer = byId.get(id)?.layer;
        return layer === "backstage" || layer === "support";
      });
      if (served) continue;
      report(
        `${entryName(placed)} is served by no backstage action or support process: give the ones that make it happen an id and name them under servedBy`,
        placed.range(),
        placed.subject,
      );
    }
  },
};
