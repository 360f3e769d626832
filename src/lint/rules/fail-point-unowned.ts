// fail-point-unowned: in a blueprint, a fail point with no owner or no opportunity to prevent it, an owner
// that is not a declared team, or an opportunity id that no opportunity of the map has.
import { touchpointsOf } from "../../journey/model.js";
import { Suggester } from "../../journey/suggest.js";
import { entryName, isBlueprint, laneEntriesOf } from "../lane-entries.js";
import { knownIds, listOf } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const failPointUnowned: Rule = {
  meta: {
    id: "fail-point-unowned",
    description: "in a blueprint, a fail point with no owner or no opportunity, or naming unknown ones",
    rationale:
      "A fail point marks where the service breaks; without a team that must prevent it and the opportunity that would, it is a warning nobody acts on.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("fail-point-unowned"),
  },
  check({ journey, source, definitions, suggestions, report }) {
    if (!isBlueprint(journey)) return;
    const { entries } = laneEntriesOf(journey, source);
    const teams = journey.teams ? new Set(journey.teams.map((team) => team.id)) : undefined;
    const teamSuggester = teams && new Suggester(knownIds(teams, definitions, "team"), suggestions);
    const opportunities = new Set<string>();
    for (const { touchpoint } of touchpointsOf(journey))
      for (const opportunity of touchpoint.opportunities ?? [])
        if (typeof opportunity === "object") opportunities.add(opportunity.id);
    const opportunitySuggester = new Suggester(opportunities, suggestions);
    // The ids messages list, worked out once: a copy of every id per finding cost findings × ids.
    const teamList = teams && listOf([...teams]);
    const opportunityList = listOf([...opportunities]);
    for (const placed of entries) {
      const { fail } = placed.entry;
      if (!fail) continue;
      const { entry } = placed;
      const name = `the fail point${fail.risk !== undefined ? ` "${fail.risk}"` : ""} of ${entryName(placed)}`;
      if (fail.owner === undefined)
        report(
          `${name} has no owner: add "owner: <team>" under fail, the team that must prevent it`,
          source.keyRangeOf(entry, "fail"),
          `${placed.subject} fail:owner`,
        );
      else if (teams && !teams.has(fail.owner)) {
        const guess = teamSuggester!.closest(fail.owner);
        report(
          `owner "${fail.owner}" of ${name} is not a declared team: ${guess ? `did you mean "${guess}"?` : `use one of ${teamList!}, or add it to teams`}`,
          source.valueRangeOf(fail, "owner"),
          `${placed.subject} fail:owner`,
        );
      }
      if (fail.opportunity === undefined)
        report(
          `${name} has no opportunity: add "opportunity: <id>" under fail, naming the opportunity that would prevent it`,
          source.keyRangeOf(entry, "fail"),
          `${placed.subject} fail:opportunity`,
        );
      else if (!opportunities.has(fail.opportunity)) {
        const guess = opportunitySuggester.closest(fail.opportunity);
        const hint = guess
          ? `did you mean "${guess}"?`
          : opportunities.size > 0
            ? `use one of ${opportunityList}, or give the opportunity that prevents it "id: ${fail.opportunity}"`
            : `give the opportunity that prevents it "id: ${fail.opportunity}" on a touchpoint of this map`;
        report(
          `${name} names opportunity "${fail.opportunity}", which no opportunity of the map has as id: ${hint}`,
          source.valueRangeOf(fail, "opportunity"),
          `${placed.subject} fail:opportunity`,
        );
      }
    }
  },
};
