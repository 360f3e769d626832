// map-owner: a map with no owner, when it takes part in reviews (it has a status or a review date, or
// the configuration sets review.every). Maps that use none of these keep linting as before.
import { subjectOf } from "../../journey/queries.js";
import { takesPartInReviews } from "../../journey/review.js";
import { docsUrl, type Rule } from "../types.js";

export const mapOwner: Rule = {
  meta: {
    id: "map-owner",
    description: "a map with a status, a review date or a review period and no owner",
    rationale:
      "A map owned by everyone is maintained by no one: the owner is the team that reviews it and acts on what it shows.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("map-owner"),
  },
  check({ journey, source, settings, report }) {
    if (journey.owner !== undefined || !takesPartInReviews(journey, settings.reviewConfigured)) return;
    report(
      `map "${journey.title}" has no owner: add "owner: <team>" naming the team that keeps it current`,
      source.keyRangeOf(journey, "title"),
      subjectOf.map(),
    );
  },
};
