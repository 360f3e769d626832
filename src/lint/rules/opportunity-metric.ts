// opportunity-metric: an opportunity whose `metric` names a metric the map neither declares nor measures.
import { knownMetrics, type KnownMetrics } from "../metric-places.js";
import { opportunityPlaces } from "../opportunity-places.js";
import { listOf } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const opportunityMetric: Rule = {
  meta: {
    id: "opportunity-metric",
    description: "an opportunity that names a metric the map neither declares nor measures",
    rationale:
      "The metric an opportunity should move is how the team will know it worked; a metric the map does not know is a typo, or a measure nobody takes, so the result can never be seen.",
    defaultSeverity: "error",
    docsUrl: docsUrl("opportunity-metric"),
  },
  check({ journey, source, definitions, suggestions, report }) {
    // Looked up when an opportunity names a metric (most name none).
    let known: KnownMetrics | undefined;
    for (const place of opportunityPlaces(journey, source)) {
      const metric = place.opportunity.metric;
      if (!metric) continue;
      known ??= knownMetrics(journey, definitions.scope, suggestions, { measured: true });
      if (known.ids.has(metric.id)) continue;
      const guess = known.closest(metric.id);
      const hint = guess
        ? `did you mean "${guess}"?`
        : known.ids.size > 0
          ? `use one of ${listOf([...known.ids])}, or declare it under metrics`
          : "declare it under metrics, and record its value on the touchpoint";
      report(
        `${place.where} should move metric "${metric.id}", which the map neither declares nor measures: ${hint}`,
        source.valueRangeOf(metric, "id") ?? place.rangeOf("metric"),
        place.subject,
      );
    }
  },
};
