// The metric values rules look at, with what every message and position needs: the element's name
// and subject, and where the value (or its key, or its element) is in the file; and the metric ids a
// map may name, with the closest one to a misspelt id.
import type { Range } from "../diagnostic.js";
import type { SharedScope } from "../journey/definitions.js";
import {
  declaredMetricIds,
  metricDefinitionsFor,
  metricSubject,
  metricValuesOf,
  type MetricPlace,
} from "../journey/metrics.js";
import type { Journey } from "../journey/model.js";
import { subjectOf } from "../journey/queries.js";
import type { SourceMap } from "../journey/source-map.js";
import { Suggester, type SuggestionBudget } from "../journey/suggest.js";
import { stageName, touchpointName } from "./names.js";

export interface RuleMetricPlace extends MetricPlace {
  /** `touchpoint "Pays"`, `stage "Decision"`. */
  where: string;
  subject: string;
  /** The range of a key of the value (`value`, `date`) when it is a measured value, else of the value. */
  rangeOf(field?: "value" | "date" | "source"): Range | undefined;
  keyRange(): Range | undefined;
}

/** The metric ids a map may name, and the closest of them to an id it does not know. */
export interface KnownMetrics {
  ids: ReadonlySet<string>;
  /** The known id a misspelt one most likely meant ("did you mean"), from the map's shared budget. */
  closest: (id: string) => string | undefined;
}

/** The metrics a map declares or that are shared in its scope; with `measured`, also those it records
 * values of (a value is a measure someone takes, declared or not). */
export function knownMetrics(
  journey: Journey,
  scope: SharedScope | undefined,
  suggestions: SuggestionBudget,
  { measured = false }: { measured?: boolean } = {},
): KnownMetrics {
  const ids = declaredMetricIds(metricDefinitionsFor(journey), scope);
  if (measured) for (const value of metricValuesOf(journey)) ids.add(value.id);
  const suggester = new Suggester(ids, suggestions);
  return { ids, closest: (id) => suggester.closest(id) };
}

/** Every metric value of the map; a value written in by lint --data falls back to its element's range. */
export function* metricPlaces(journey: Journey, source: SourceMap): Generator<RuleMetricPlace> {
  for (const place of metricValuesOf(journey)) yield new Place(place, source);
}

/** One value of metricValuesOf as a rule reports it (for a rule that picks a few values first). */
export function placeOf(place: MetricPlace, source: SourceMap): RuleMetricPlace {
  return new Place(place, source);
}

/** One value with its names and ranges worked out when a rule reports, not for every value (a map
 * has many; most are fine). */
class Place implements RuleMetricPlace {
  readonly stage: MetricPlace["stage"];
  readonly touchpoint: MetricPlace["touchpoint"];
  readonly holder: MetricPlace["holder"];
  readonly metrics: MetricPlace["metrics"];
  readonly id: string;
  readonly value: MetricPlace["value"];

  constructor(
    place: MetricPlace,
    private readonly source: SourceMap,
  ) {
    this.stage = place.stage;
    this.touchpoint = place.touchpoint;
    this.holder = place.holder;
    this.metrics = place.metrics;
    this.id = place.id;
    this.value = place.value;
  }

  get where(): string {
    return this.touchpoint ? touchpointName(this.touchpoint) : stageName(this.stage);
  }

  get subject(): string {
    const element = this.touchpoint ? subjectOf.touchpoint(this.stage, this.touchpoint) : subjectOf.stage(this.stage);
    return metricSubject(element, this.id);
  }

  rangeOf(field?: "value" | "date" | "source"): Range | undefined {
    const own = field && typeof this.value === "object" ? this.source.valueRangeOf(this.value, field) : undefined;
    return own ?? this.source.valueRangeOf(this.metrics, this.id) ?? this.keyRange();
  }

  keyRange(): Range | undefined {
    const { source } = this;
    return source.keyRangeOf(this.metrics, this.id) ?? source.rangeOf(this.metrics) ?? source.rangeOf(this.holder);
  }
}
