// stale-metric: a metric value measured longer ago than the configured maximum age (default 90 days).
import { dayNumber, metricValuesOf } from "../../journey/metrics.js";
import { placeOf } from "../metric-places.js";
import { docsUrl, type Rule } from "../types.js";

export const staleMetric: Rule = {
  meta: {
    id: "stale-metric",
    description: "a metric value measured longer ago than data.maxAge (default 90 days)",
    rationale:
      "A map is only as current as its numbers: a satisfaction score from last year tells nothing about the journey today, and a map nobody refreshes goes stale.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("stale-metric"),
  },
  check({ journey, source, settings, report }) {
    const asOf = settings.asOf === undefined ? undefined : dayNumber(settings.asOf);
    // Only dated values can be stale: most are plain numbers, passed over without building anything.
    for (const value of metricValuesOf(journey)) {
      const date = typeof value.value === "object" ? value.value.date : undefined;
      if (date === undefined) continue;
      const place = placeOf(value, source);
      const day = dayNumber(date);
      if (day === undefined) {
        report(
          `metric "${place.id}" at ${place.where} is dated ${date}, which is not a day of the calendar: write the day it was measured`,
          place.rangeOf("date"),
          place.subject,
        );
        continue;
      }
      if (asOf === undefined || asOf - day <= settings.maxAgeDays) continue;
      report(
        `metric "${place.id}" at ${place.where} was measured on ${date}, ${asOf - day} days before ${settings.asOf} (more than ${settings.maxAgeDays}): refresh it with journeymap data pull, or remove it`,
        place.rangeOf("date"),
        place.subject,
      );
    }
  },
};
