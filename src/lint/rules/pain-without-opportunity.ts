// pain-without-opportunity: a touchpoint records pain points but no opportunity.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const painWithoutOpportunity: Rule = {
  meta: {
    id: "pain-without-opportunity",
    description: "a touchpoint with pain points and no opportunity",
    rationale:
      "A pain point without an opportunity is a complaint nobody is fixing; writing down the opportunity is the first step towards the fix.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("pain-without-opportunity"),
  },
  check({ journey, source, report }) {
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const pains = touchpoint.painPoints?.length ?? 0;
      if (pains === 0 || (touchpoint.opportunities?.length ?? 0) > 0) continue;
      const what = pains === 1 ? "a pain point" : `${pains} pain points`;
      report(
        `${touchpointName(touchpoint)} has ${what} and no opportunity: add "opportunities" saying how it could be better`,
        source.rangeOf(touchpoint),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
