// unused-lane: a lane the map declares (or lists from a shared file) that no touchpoint or stage fills.
// Info by default: a team may declare a lane before it has anything to put in it.
import type { LaneDefinition } from "../../journey/model.js";
import { filledLanes } from "../../journey/lanes.js";
import { subjectOf } from "../../journey/queries.js";
import { docsUrl, type Rule } from "../types.js";

export const unusedLane: Rule = {
  meta: {
    id: "unused-lane",
    description: "a declared lane that no touchpoint or stage fills",
    rationale:
      "A lane nobody fills is drawn empty on every rendering: it is a leftover, or the map is missing what the lane was declared to hold.",
    defaultSeverity: "info",
    docsUrl: docsUrl("unused-lane"),
  },
  check({ journey, source, definitions, report }) {
    if (!journey.lanes) return;
    const filled = new Set<string>();
    for (const stage of journey.stages) {
      for (const [id] of filledLanes(stage)) filled.add(id);
      for (const touchpoint of stage.touchpoints ?? []) for (const [id] of filledLanes(touchpoint)) filled.add(id);
    }
    // The map's own list only: a shared lane it does not list is unused-shared-definition's to judge, once.
    const reported = new Set<string>();
    for (const entry of definitions.entries) {
      if (entry.kind !== "lane" || filled.has(entry.id) || reported.has(entry.id)) continue;
      const lane = (entry.local ?? entry.shared?.value) as LaneDefinition | undefined;
      if (!lane) continue; // an unknown id: unknown-lane's finding
      reported.add(entry.id);
      report(
        `${entry.local ? "" : "the shared "}lane "${lane.label}" (${lane.id}) is declared but no touchpoint or stage fills it: fill it under \`lanes\` where it applies, or remove it from lanes`,
        entry.local ? source.valueRangeOf(entry.local, "id") : source.itemRangeOf(entry.list, entry.index),
        subjectOf.lane(entry),
      );
    }
  },
};
