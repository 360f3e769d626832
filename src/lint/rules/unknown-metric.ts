// unknown-metric: a metric value whose id neither the map's metric definitions nor the metrics shared in
// its scope declare, or an id in the map's `metrics` list that names no shared metric.
import { subjectOf } from "../../journey/queries.js";
import { knownMetrics, metricPlaces } from "../metric-places.js";
import { listOf } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const unknownMetric: Rule = {
  meta: {
    id: "unknown-metric",
    description: "a metric value whose metric the map's definitions do not declare",
    rationale:
      "Once a map defines its metrics (or its folder shares them), a value under any other name is a typo or an undefined measure: it has no unit, no target and no direction, so nobody can tell whether it is good.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-metric"),
  },
  check({ journey, source, definitions, suggestions, report }) {
    const { ids: declared, closest } = knownMetrics(journey, definitions.scope, suggestions);
    const shares = (definitions.scope?.byKind.metric.size ?? 0) > 0;
    for (const entry of definitions.entries) {
      if (entry.kind !== "metric" || entry.local || entry.shared) continue;
      const guess = closest(entry.id);
      const hint = guess
        ? `did you mean "${guess}"?`
        : declared.size > 0
          ? `use one of ${listOf([...declared])}, or define it under metrics`
          : "define it under metrics, or in a journeymap.shared.yaml in this folder or above";
      report(
        `the map lists metric "${entry.id}", which is neither defined in it nor shared: ${hint}`,
        source.itemRangeOf(entry.list, entry.index),
        subjectOf.metric(entry),
      );
    }
    if (declared.size === 0) return;
    const where = shares ? 'is neither declared in "metrics" nor shared' : 'is not declared in "metrics"';
    for (const place of metricPlaces(journey, source)) {
      if (declared.has(place.id)) continue;
      const guess = closest(place.id);
      report(
        `metric "${place.id}" at ${place.where} ${where}${guess ? ` (did you mean "${guess}"?)` : ""}: declare it, or use a declared metric id`,
        place.keyRange(),
        place.subject,
      );
    }
  },
};
