// unused-team: a declared team that owns no touchpoint (and is not the map's owner). Info by default:
// some maps list every team involved, for context, not only the owners.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf, type Team } from "../../journey/model.js";
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
  check({ journey, source, definitions, report }) {
    if (!journey.teams) return;
    const owners = new Set<string>();
    if (journey.owner !== undefined) owners.add(journey.owner);
    for (const { touchpoint } of touchpointsOf(journey))
      if (touchpoint.owner !== undefined) owners.add(touchpoint.owner);
    // The map's own list only: a shared team it does not list is team-owns-nothing's to judge, once.
    for (const entry of definitions.entries) {
      if (entry.kind !== "team" || owners.has(entry.id)) continue;
      const team = (entry.local ?? entry.shared?.value) as Team | undefined;
      if (!team) continue; // an unknown id: unknown-owner's finding
      report(
        `${entry.local ? "" : "the shared "}${teamName(team)} owns no touchpoint: make it the owner of the touchpoints it is accountable for, or remove it from teams`,
        entry.local ? source.rangeOf(entry.local) : source.itemRangeOf(entry.list, entry.index),
        subjectOf.team(entry),
      );
    }
  },
};
