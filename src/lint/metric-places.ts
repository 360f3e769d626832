// The metric values rules look at, with what every message and position needs: the element's name
// and subject, and where the value (or its key, or its element) is in the file.
import type { Range } from "../diagnostic.js";
import { metricSubject, metricValuesOf, type MetricPlace } from "../journey/metrics.js";
import type { Journey } from "../journey/model.js";
import { subjectOf } from "../journey/queries.js";
import type { SourceMap } from "../journey/source-map.js";
import { stageName, touchpointName } from "./names.js";

export interface RuleMetricPlace extends MetricPlace {
  /** `touchpoint "Pays"`, `stage "Decision"`. */
  where: string;
  subject: string;
  /** The range of a key of the value (`value`, `date`) when it is a measured value, else of the value. */
  rangeOf(field?: "value" | "date" | "source"): Range | undefined;
  keyRange(): Range | undefined;
}

/** Every metric value of the map; a value written in by lint --data falls back to its element's range. */
export function* metricPlaces(journey: Journey, source: SourceMap): Generator<RuleMetricPlace> {
  for (const place of metricValuesOf(journey)) {
    const { stage, touchpoint, holder, metrics, id, value } = place;
    const element = touchpoint ? subjectOf.touchpoint(stage, touchpoint) : subjectOf.stage(stage);
    const fallback = () => source.keyRangeOf(metrics, id) ?? source.rangeOf(metrics) ?? source.rangeOf(holder);
    yield {
      ...place,
      where: touchpoint ? touchpointName(touchpoint) : stageName(stage),
      subject: metricSubject(element, id),
      rangeOf(field) {
        const own = field && typeof value === "object" ? source.valueRangeOf(value, field) : undefined;
        return own ?? source.valueRangeOf(metrics, id) ?? fallback();
      },
      keyRange: fallback,
    };
  }
}
