// opportunity-owner: an opportunity written as tracked work (with a title) and no owner, or an owner
// that is not one of the declared teams.
import { isClosed } from "../../journey/review.js";
import { Suggester } from "../../journey/suggest.js";
import { opportunityPlaces } from "../opportunity-places.js";
import { knownIds, listOf } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const opportunityOwner: Rule = {
  meta: {
    id: "opportunity-owner",
    description: "an opportunity with no owner, or an owner that is not a declared team",
    rationale:
      "An opportunity that nobody owns is a wish, not work: the owner is the team that decides, builds and reports on it. When teams are declared, an owner outside them is a typo or a renamed team.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("opportunity-owner"),
  },
  check({ journey, source, definitions, suggestions, report }) {
    const teams = journey.teams ? new Set(journey.teams.map((team) => team.id)) : undefined;
    let suggester: Suggester | undefined;
    let candidates: string[] = [];
    for (const place of opportunityPlaces(journey, source)) {
      const { opportunity } = place;
      // Named by id alone: its owner is written where its title is.
      if (opportunity.title === undefined) continue;
      const { owner } = opportunity;
      if (owner === undefined) {
        if (isClosed(opportunity)) continue;
        report(
          `${place.where} has no owner: add "owner: <team>" naming the team that carries the work`,
          place.rangeOf(),
          place.subject,
        );
        continue;
      }
      if (!teams || teams.has(owner)) continue;
      if (!suggester) {
        candidates = knownIds(teams, definitions, "team");
        suggester = new Suggester(candidates, suggestions);
      }
      const guess = suggester.closest(owner);
      report(
        `owner "${owner}" of ${place.where} is not a declared team: ${guess ? `did you mean "${guess}"?` : `use one of ${listOf(candidates)}, or add it to teams`}`,
        place.rangeOf("owner"),
        place.subject,
      );
    }
  },
};
