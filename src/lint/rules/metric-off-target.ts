// metric-off-target: a metric value worse than its target where no opportunity is recorded.
import { formatMetricNumber, metricDefinitionsFor, metricStatus, readingOf, targetOf } from "../../journey/metrics.js";
import { metricPlaces } from "../metric-places.js";
import { docsUrl, type Rule } from "../types.js";

export const metricOffTarget: Rule = {
  meta: {
    id: "metric-off-target",
    description: "a metric value worse than its target where no opportunity is recorded",
    rationale:
      "A number off its target is a problem the map can see; when the touchpoint (or, for a stage, none of its touchpoints) records an opportunity, nobody has said what to do about it yet.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("metric-off-target"),
  },
  check({ journey, source, report }) {
    const definitions = metricDefinitionsFor(journey);
    if (definitions.size === 0) return;
    for (const place of metricPlaces(journey, source)) {
      const definition = definitions.get(place.id);
      const reading = readingOf(place.value);
      if (metricStatus(reading, definition) !== "off") continue;
      const opportunities = place.touchpoint
        ? (place.touchpoint.opportunities?.length ?? 0)
        : (place.stage.touchpoints ?? []).reduce((sum, touchpoint) => sum + (touchpoint.opportunities?.length ?? 0), 0);
      if (opportunities > 0) continue;
      const value = formatMetricNumber(reading.value!, definition);
      const target = formatMetricNumber(targetOf(reading, definition)!, definition);
      const past =
        definition?.warning === undefined
          ? ""
          : `, past the warning threshold of ${formatMetricNumber(definition.warning, definition)}`;
      const nobody = place.touchpoint ? "no opportunity is recorded" : "none of its touchpoints records an opportunity";
      report(
        `${definition?.name ?? place.id} at ${place.where} is ${value} against a target of ${target}${past}, and ${nobody}: add an opportunity saying how to reach the target`,
        place.rangeOf("value"),
        place.subject,
      );
    }
  },
};
