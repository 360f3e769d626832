// unknown-metric: a metric value whose id the map's metric definitions do not declare.
import { metricDefinitionsFor } from "../../journey/metrics.js";
import { closest } from "../../journey/suggest.js";
import { metricPlaces } from "../metric-places.js";
import { docsUrl, type Rule } from "../types.js";

export const unknownMetric: Rule = {
  meta: {
    id: "unknown-metric",
    description: "a metric value whose metric the map's definitions do not declare",
    rationale:
      "Once a map defines its metrics, a value under any other name is a typo or an undefined measure: it has no unit, no target and no direction, so nobody can tell whether it is good.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-metric"),
  },
  check({ journey, source, report }) {
    const definitions = metricDefinitionsFor(journey);
    if (definitions.size === 0) return;
    for (const place of metricPlaces(journey, source)) {
      if (definitions.has(place.id)) continue;
      const guess = closest(place.id, definitions.keys());
      report(
        `metric "${place.id}" at ${place.where} is not declared in "metrics"${guess ? ` (did you mean "${guess}"?)` : ""}: declare it, or use a declared metric id`,
        place.keyRange(),
        place.subject,
      );
    }
  },
};
