// The opportunity objects rules look at, with what every message needs: the opportunity's name, its
// touchpoint, the subject that identifies it, and where it (or one of its keys) is in the file.
import type { Range } from "../diagnostic.js";
import { touchpointsOf, type Journey, type OpportunityObject, type Stage, type Touchpoint } from "../journey/model.js";
import { subjectOf } from "../journey/queries.js";
import type { SourceMap } from "../journey/source-map.js";
import { touchpointName } from "./names.js";

export interface OpportunityPlace {
  stage: Stage;
  touchpoint: Touchpoint;
  opportunity: OpportunityObject;
  /** `opportunity "mobile-key" at touchpoint "Checks in"`. */
  where: string;
  subject: string;
  /** The range of a key's value, else of the whole opportunity. */
  rangeOf(key?: "owner" | "status" | "due" | "metric"): Range | undefined;
}

/** Every opportunity written as an object (with its title, or naming one by id), in journey order. */
export function* opportunityPlaces(journey: Journey, source: SourceMap): Generator<OpportunityPlace> {
  for (const { stage, touchpoint } of touchpointsOf(journey)) {
    const list = touchpoint.opportunities;
    if (!list) continue;
    for (let index = 0; index < list.length; index++) {
      const opportunity = list[index]!;
      if (typeof opportunity !== "string") yield new Place(stage, touchpoint, opportunity, list, index, source);
    }
  }
}

/** One opportunity, with its names and ranges worked out when a rule reports, not for every one (a map
 * has many; most are fine). */
class Place implements OpportunityPlace {
  constructor(
    readonly stage: Stage,
    readonly touchpoint: Touchpoint,
    readonly opportunity: OpportunityObject,
    private readonly list: readonly unknown[],
    private readonly index: number,
    private readonly source: SourceMap,
  ) {}

  get where(): string {
    return `opportunity "${this.opportunity.id}" at ${touchpointName(this.touchpoint)}`;
  }

  get subject(): string {
    return `${subjectOf.touchpoint(this.stage, this.touchpoint)}:opportunity:${this.opportunity.id}`;
  }

  rangeOf(key?: "owner" | "status" | "due" | "metric"): Range | undefined {
    return (
      (key === undefined ? undefined : this.source.valueRangeOf(this.opportunity, key)) ??
      this.source.rangeOf(this.opportunity) ??
      this.source.itemRangeOf(this.list, this.index)
    );
  }
}
