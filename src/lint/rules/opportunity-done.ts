// opportunity-done: an opportunity marked done while a pain point it addresses is still listed on its
// touchpoint, or while the metric it should move is still short of its target there.
import { formatMetricNumber, metricDefinitionsFor, readingOf, type MetricReading } from "../../journey/metrics.js";
import type { MetricDefinition, MetricValue, Stage, Touchpoint } from "../../journey/model.js";
import { opportunityPlaces } from "../opportunity-places.js";
import { listOf } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const opportunityDone: Rule = {
  meta: {
    id: "opportunity-done",
    description: "an opportunity done while a pain point it addresses is still listed or its metric is off target",
    rationale:
      "Done means the journey changed: a pain point still listed beside a finished fix, or a metric still short of the target the work was meant to reach, says either the map or the status is wrong.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("opportunity-done"),
  },
  check({ journey, source, report }) {
    let definitions: Map<string, MetricDefinition> | undefined;
    for (const place of opportunityPlaces(journey, source)) {
      const { opportunity, touchpoint, stage } = place;
      if (opportunity.status !== "done") continue;
      const pains = touchpoint.painPoints ?? [];
      const named = opportunity.addresses ? new Set(opportunity.addresses) : undefined;
      const still = named ? pains.filter((pain) => named.has(pain)) : pains;
      if (still.length > 0) {
        const what =
          still.length === 1
            ? `pain point "${still[0]}" is`
            : `pain points ${listOf(still.map((pain) => `"${pain}"`))} are`;
        report(
          `${place.where} is done but ${what} still listed there: remove what the work fixed, or set its status back to in-progress`,
          place.rangeOf("status"),
          `${place.subject}:pains`,
        );
      }
      const metric = opportunity.metric;
      if (!metric) continue;
      definitions ??= metricDefinitionsFor(journey);
      const definition = definitions.get(metric.id);
      const value = valueAt(metric.id, touchpoint, stage);
      if (value === undefined) continue;
      const reading = readingOf(value);
      const target = metric.target ?? reading.target ?? definition?.target;
      if (!isShort(reading, target, definition)) continue;
      report(
        `${place.where} is done but ${definition?.name ?? metric.id} there is ${formatMetricNumber(reading.value!, definition)} against its target of ${formatMetricNumber(target!, definition)}: measure again once the change has landed, or set its status back to in-progress`,
        place.rangeOf("status"),
        `${place.subject}:metric`,
      );
    }
  },
};

/** The metric's value on the touchpoint, else on its stage. */
function valueAt(id: string, touchpoint: Touchpoint, stage: Stage): MetricValue | undefined {
  for (const holder of [touchpoint, stage])
    if (holder.metrics && Object.hasOwn(holder.metrics, id)) return holder.metrics[id];
  return undefined;
}

/** Whether a reading has not reached the target, in the direction the definition says is better.
 * Without a direction there is nothing to judge. */
function isShort(
  reading: MetricReading,
  target: number | undefined,
  definition: MetricDefinition | undefined,
): boolean {
  if (reading.value === undefined || target === undefined || !definition?.better) return false;
  return definition.better === "higher" ? reading.value < target : reading.value > target;
}
