// unknown-owner: `teams` is declared and a touchpoint's owner is not one of its ids.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { closest } from "../../journey/suggest.js";
import { listOf, touchpointName } from "../names.js";
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
  check({ journey, source, report }) {
    if (!journey.teams) return;
    const teams = new Set(journey.teams.map((team) => team.id));
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const { owner } = touchpoint;
      if (owner === undefined || teams.has(owner)) continue;
      const guess = closest(owner, teams);
      const hint = guess ? `did you mean "${guess}"?` : `use one of ${listOf([...teams])}, or add it to teams`;
      report(
        `owner "${owner}" of ${touchpointName(touchpoint)} is not a declared team: ${hint}`,
        source.valueRangeOf(touchpoint, "owner"),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
