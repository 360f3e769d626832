// opportunity-overdue: an opportunity past its `due` date (at --as-of, or today) that is neither done
// nor dropped; or a due date that is no day of the calendar.
import { dayNumber } from "../../journey/metrics.js";
import { daysBetween, isClosed } from "../../journey/review.js";
import { opportunityPlaces } from "../opportunity-places.js";
import { docsUrl, type Rule } from "../types.js";

export const opportunityOverdue: Rule = {
  meta: {
    id: "opportunity-overdue",
    description: "an opportunity past its due date and not done or dropped",
    rationale:
      "A due date that has passed with the work still open means the plan changed and the map did not: move the date, mark the work done, or drop it, so the backlog says what is true.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("opportunity-overdue"),
  },
  check({ journey, source, settings, report }) {
    for (const place of opportunityPlaces(journey, source)) {
      const { opportunity } = place;
      const { due } = opportunity;
      if (due === undefined) continue;
      if (dayNumber(due) === undefined) {
        report(
          `${place.where} is due on ${due}, which is not a day of the calendar: write the day it should be done by`,
          place.rangeOf("due"),
          place.subject,
        );
        continue;
      }
      if (settings.asOf === undefined || isClosed(opportunity)) continue;
      const late = daysBetween(due, settings.asOf);
      if (late === undefined || late <= 0) continue;
      report(
        `${place.where} was due on ${due}, ${late} ${late === 1 ? "day" : "days"} before ${settings.asOf}, and is ${opportunity.status ?? "idea"}: mark it done or dropped, or set a new "due" date`,
        place.rangeOf("due"),
        place.subject,
      );
    }
  },
};
