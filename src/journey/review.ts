// Keeping maps and their opportunities current: the review period and the dates that say what is late.
import { dayNumber } from "./metrics.js";
import type { Journey, OpportunityObject } from "./model.js";

/** A map reviewed longer ago than this many days is overdue, unless the configuration says otherwise. */
export const DEFAULT_REVIEW_DAYS = 180;
/** The longest review period a configuration may set (a hundred years): beyond it, no map is ever late. */
export const MAX_REVIEW_DAYS = 36_500;

/** An opportunity that is finished with: done, or dropped. */
export function isClosed(opportunity: OpportunityObject): boolean {
  return opportunity.status === "done" || opportunity.status === "dropped";
}

/** Whether the map asks to be kept current: archived maps are kept for the record and never overdue. */
export function isUnderReview(journey: Journey): boolean {
  return journey.status !== "archived";
}

/** Whether the map takes part in reviews: it is not archived, and it writes a status or a review date,
 * or the configuration sets a review period. Maps that use none of these lint as they did before the
 * review keys existed. */
export function takesPartInReviews(journey: Journey, reviewConfigured: boolean | undefined): boolean {
  if (!isUnderReview(journey)) return false;
  return journey.status !== undefined || journey.reviewed !== undefined || reviewConfigured === true;
}

/** Days from `date` to `asOf` (both YYYY-MM-DD): negative when `date` is later, undefined when either is
 * not a day of the calendar. */
export function daysBetween(date: string, asOf: string): number | undefined {
  const from = dayNumber(date);
  const to = dayNumber(asOf);
  return from === undefined || to === undefined ? undefined : to - from;
}
