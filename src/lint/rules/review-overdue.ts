// review-overdue: a map whose `reviewed` date is older than the review period (review.every, default
// 180 days), or no day of the calendar. Archived maps are never overdue.
import { dayNumber } from "../../journey/metrics.js";
import { subjectOf } from "../../journey/queries.js";
import { daysBetween, isUnderReview } from "../../journey/review.js";
import { docsUrl, type Rule } from "../types.js";

export const reviewOverdue: Rule = {
  meta: {
    id: "review-overdue",
    description: "a map reviewed longer ago than review.every (default 180 days)",
    rationale:
      "A journey map that nobody has checked for months describes a service that may no longer exist; a review date that is due reminds the owner to walk the journey again.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("review-overdue"),
  },
  check({ journey, source, settings, report }) {
    const { reviewed } = journey;
    if (reviewed === undefined || !isUnderReview(journey)) return;
    const range = source.valueRangeOf(journey, "reviewed");
    if (dayNumber(reviewed) === undefined) {
      report(
        `the map was reviewed on ${reviewed}, which is not a day of the calendar: write the day it was last reviewed`,
        range,
        subjectOf.map(),
      );
      return;
    }
    if (settings.asOf === undefined) return;
    const age = daysBetween(reviewed, settings.asOf);
    if (age === undefined) return;
    if (age < 0) {
      report(
        `the map was reviewed on ${reviewed}, ${-age} days after ${settings.asOf}: a review date is a day that has come, write the day it was last reviewed`,
        range,
        subjectOf.map(),
      );
      return;
    }
    if (age <= settings.reviewDays) return;
    const owner = journey.owner === undefined ? "its owner" : `"${journey.owner}"`;
    report(
      `the map was last reviewed on ${reviewed}, ${age} days before ${settings.asOf} (more than ${settings.reviewDays}): ask ${owner} to check it against the journey today and update "reviewed"`,
      range,
      subjectOf.map(),
    );
  },
};
