// unknown-owner: teams are declared (in the map or shared) and a touchpoint's owner, or an id in the
// map's `teams` list, is none of them.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { Suggester } from "../../journey/suggest.js";
import { knownIds, listOf, touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const unknownOwner: Rule = {
  meta: {
    id: "unknown-owner",
    description: "a touchpoint owner that is not one of the declared teams",
    rationale:
      "When a map declares its teams, an owner outside that list is usually a typo or a team that was renamed, and the touchpoint is in fact unowned.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-owner"),
  },
  check({ journey, source, definitions, suggestions, report }) {
    if (!journey.teams) return;
    const teams = new Set(journey.teams.map((team) => team.id));
    const candidates = knownIds(teams, definitions, "team");
    const suggester = new Suggester(candidates, suggestions);
    const hint = (id: string): string => {
      const guess = suggester.closest(id);
      return guess ? `did you mean "${guess}"?` : `use one of ${listOf(candidates)}, or add it to teams`;
    };
    for (const entry of definitions.entries) {
      if (entry.kind !== "team" || entry.local || entry.shared) continue;
      report(
        `the map lists team "${entry.id}", which is neither defined in it nor shared: ${hint(entry.id)}`,
        source.itemRangeOf(entry.list, entry.index),
        subjectOf.team(entry),
      );
    }
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const { owner } = touchpoint;
      if (owner === undefined || teams.has(owner)) continue;
      report(
        `owner "${owner}" of ${touchpointName(touchpoint)} is not a declared team: ${hint(owner)}`,
        source.valueRangeOf(touchpoint, "owner"),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
