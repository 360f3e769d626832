// metric-without-source: a metric value with no source or no date, in a map that defines its metrics (or
// whose folder shares them).
import { declaredMetricIds, metricDefinitionsFor, readingOf } from "../../journey/metrics.js";
import { metricPlaces } from "../metric-places.js";
import { docsUrl, type Rule } from "../types.js";

export const metricWithoutSource: Rule = {
  meta: {
    id: "metric-without-source",
    description: "a metric value with no source or no date, in a map that defines its metrics",
    rationale:
      "A number without its source and date cannot be checked or refreshed, and nobody can tell how old it is; maps without metric definitions keep their free-form metrics unchecked.",
    defaultSeverity: "info",
    docsUrl: docsUrl("metric-without-source"),
  },
  check({ journey, source, definitions, report }) {
    if (declaredMetricIds(metricDefinitionsFor(journey), definitions.scope).size === 0) return;
    for (const place of metricPlaces(journey, source)) {
      const reading = readingOf(place.value);
      const missing = [reading.source === undefined ? "source" : "", reading.date === undefined ? "date" : ""].filter(
        Boolean,
      );
      if (missing.length === 0) continue;
      report(
        `metric "${place.id}" at ${place.where} has no ${missing.join(" and no ")}: write it as {value, date, source}, or let journeymap data pull fill it`,
        place.keyRange(),
        place.subject,
      );
    }
  },
};
