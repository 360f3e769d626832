// opportunity-metric: an opportunity whose `metric` names a metric the map neither declares nor measures.
import { declaredMetricIds, metricDefinitionsFor, metricValuesOf } from "../../journey/metrics.js";
import { Suggester } from "../../journey/suggest.js";
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
    let known: Set<string> | undefined;
    let suggester: Suggester | undefined;
    for (const place of opportunityPlaces(journey, source)) {
      const metric = place.opportunity.metric;
      if (!metric) continue;
      if (!known) {
        known = new Set(declaredMetricIds(metricDefinitionsFor(journey), definitions.scope));
        for (const value of metricValuesOf(journey)) known.add(value.id);
        suggester = new Suggester(known, suggestions);
      }
      if (known.has(metric.id)) continue;
      const guess = suggester!.closest(metric.id);
      const hint = guess
        ? `did you mean "${guess}"?`
        : known.size > 0
          ? `use one of ${listOf([...known])}, or declare it under metrics`
          : "declare it under metrics, and record its value on the touchpoint";
      report(
        `${place.where} should move metric "${metric.id}", which the map neither declares nor measures: ${hint}`,
        source.valueRangeOf(metric, "id") ?? place.rangeOf("metric"),
        place.subject,
      );
    }
  },
};
