// pain-without-opportunity: a touchpoint records pain points but no opportunity, or a pain point that
// none of its opportunities addresses (objects with `addresses` address those; a dropped one none).
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf, type Touchpoint } from "../../journey/model.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const painWithoutOpportunity: Rule = {
  meta: {
    id: "pain-without-opportunity",
    description:
      "a touchpoint with pain points and no opportunity, or a pain point none of its opportunities addresses",
    rationale:
      "A pain point without an opportunity is a complaint nobody is fixing; writing down the opportunity is the first step towards the fix.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("pain-without-opportunity"),
  },
  check({ journey, source, report }) {
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const pains = touchpoint.painPoints?.length ?? 0;
      if (pains === 0) continue;
      if ((touchpoint.opportunities?.length ?? 0) > 0) {
        for (const { pain, index } of unaddressed(touchpoint))
          report(
            `pain point "${pain}" of ${touchpointName(touchpoint)} is addressed by none of its opportunities: add it to an opportunity's "addresses", or add an opportunity for it`,
            source.itemRangeOf(touchpoint.painPoints!, index),
            `${subjectOf.touchpoint(stage, touchpoint)}:pain:${index}`,
          );
        continue;
      }
      const what = pains === 1 ? "a pain point" : `${pains} pain points`;
      report(
        `${touchpointName(touchpoint)} has ${what} and no opportunity: add "opportunities" saying how it could be better`,
        source.rangeOf(touchpoint),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};

/** The touchpoint's pain points that none of its opportunities addresses: a text, or an object without
 * `addresses`, addresses them all; an object with `addresses` those it names; a dropped one none. */
function unaddressed(touchpoint: Touchpoint): Array<{ pain: string; index: number }> {
  const named = new Set<string>();
  for (const opportunity of touchpoint.opportunities ?? []) {
    if (typeof opportunity === "string") return [];
    if (opportunity.status === "dropped") continue;
    if (!opportunity.addresses) return [];
    for (const pain of opportunity.addresses) named.add(pain);
  }
  const left: Array<{ pain: string; index: number }> = [];
  touchpoint.painPoints!.forEach((pain, index) => {
    if (!named.has(pain)) left.push({ pain, index });
  });
  return left;
}
