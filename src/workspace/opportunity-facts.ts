// The opportunity ids a map writes, with positions, for the repository rules: each object written with
// its title (a definition) or named by id alone, and each fail point's `opportunity`. Plain data.
import type { Range } from "../diagnostic.js";
import { entryObjectsOf } from "../journey/lanes.js";
import { touchpointsOf, type Journey } from "../journey/model.js";
import { subjectOf } from "../journey/queries.js";
import type { SourceMap } from "../journey/source-map.js";

/** One place an opportunity id is written. */
export interface OpportunityMention {
  id: string;
  /** "defines": an object with a title; "names": an object with only an id; "fail": a fail point's opportunity. */
  kind: "defines" | "names" | "fail";
  /** The touchpoint's (or the lane entry's) name, as written, for messages. */
  at: string;
  subject: string;
  range?: Range;
}

/** Every opportunity id the map writes, in the order they come. */
export function opportunityMentionsOf(journey: Journey, source: SourceMap): OpportunityMention[] {
  const mentions: OpportunityMention[] = [];
  for (const { stage, touchpoint } of touchpointsOf(journey)) {
    for (const opportunity of touchpoint.opportunities ?? []) {
      if (typeof opportunity === "string") continue;
      const range = source.valueRangeOf(opportunity, "id");
      mentions.push({
        id: opportunity.id,
        kind: opportunity.title === undefined ? "names" : "defines",
        at: `touchpoint "${touchpoint.name}"`,
        subject: `${subjectOf.touchpoint(stage, touchpoint)}:opportunity:${opportunity.id}`,
        ...(range ? { range } : {}),
      });
    }
  }
  for (const { entry, lane, stage, touchpoint } of entryObjectsOf(journey)) {
    const id = entry.fail?.opportunity;
    if (id === undefined) continue;
    const range = source.valueRangeOf(entry.fail!, "opportunity");
    const holder = touchpoint ? subjectOf.touchpoint(stage, touchpoint) : subjectOf.stage(stage);
    mentions.push({
      id,
      kind: "fail",
      at: `the fail point of "${entry.text}"`,
      subject: `${holder}:lane:${lane}:fail:${id}`,
      ...(range ? { range } : {}),
    });
  }
  return mentions;
}
