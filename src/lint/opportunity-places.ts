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
      if (typeof opportunity === "string") continue;
      yield {
        stage,
        touchpoint,
        opportunity,
        where: `opportunity "${opportunity.id}" at ${touchpointName(touchpoint)}`,
        subject: `${subjectOf.touchpoint(stage, touchpoint)}:opportunity:${opportunity.id}`,
        rangeOf: (key) =>
          (key === undefined ? undefined : source.valueRangeOf(opportunity, key)) ??
          source.rangeOf(opportunity) ??
          source.itemRangeOf(list, index),
      };
    }
  }
}
