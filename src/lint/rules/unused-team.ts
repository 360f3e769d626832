// unused-team: a declared team that owns no touchpoint (and is not the map's owner). Info by default:
// some maps list every team involved, for context, not only the owners.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { teamName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const unusedTeam: Rule = {
  meta: {
    id: "unused-team",
    description: "a declared team that owns no touchpoint",
    rationale:
      "A team listed on the map but accountable for nothing on it is usually a leftover, or a sign that its touchpoints are missing or assigned to someone else.",
    defaultSeverity: "info",
    docsUrl: docsUrl("unused-team"),
  },
  check({ journey, source, report }) {
    if (!journey.teams) return;
    const owners = new Set<string>();
    if (journey.owner !== undefined) owners.add(journey.owner);
    for (const { touchpoint } of touchpointsOf(journey))
      if (touchpoint.owner !== undefined) owners.add(touchpoint.owner);
    for (const team of journey.teams) {
      if (owners.has(team.id)) continue;
      report(
        `${teamName(team)} owns no touchpoint: make it the owner of the touchpoints it is accountable for, or remove it from teams`,
        source.rangeOf(team),
        subjectOf.team(team),
      );
    }
  },
};
