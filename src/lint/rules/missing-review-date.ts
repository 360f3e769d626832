// missing-review-date: a map that takes part in reviews (it has a status, or the configuration sets
// review.every) and no `reviewed` date. Archived maps, and maps that use no review key, are left alone.
import { subjectOf } from "../../journey/queries.js";
import { takesPartInReviews } from "../../journey/review.js";
import { docsUrl, type Rule } from "../types.js";

export const missingReviewDate: Rule = {
  meta: {
    id: "missing-review-date",
    description: "a map with a status or a review period and no reviewed date",
    rationale:
      "An owner keeps a map current by reviewing it; without the date of the last review nobody can tell whether the map still matches the journey, and review-overdue cannot remind anyone.",
    defaultSeverity: "info",
    docsUrl: docsUrl("missing-review-date"),
  },
  check({ journey, source, settings, report }) {
    if (journey.reviewed !== undefined || !takesPartInReviews(journey, settings.reviewConfigured)) return;
    report(
      `the map has no review date: add "reviewed: YYYY-MM-DD" with the day ${journey.owner === undefined ? "its owner" : `"${journey.owner}"`} last checked it against the journey`,
      source.keyRangeOf(journey, "owner") ?? source.keyRangeOf(journey, "title"),
      subjectOf.map(),
    );
  },
};
