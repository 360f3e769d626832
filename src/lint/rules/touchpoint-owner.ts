// touchpoint-owner: a touchpoint with no owner.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const touchpointOwner: Rule = {
  meta: {
    id: "touchpoint-owner",
    description: "a touchpoint with no owner",
    rationale:
      "A touchpoint nobody owns is one nobody improves: naming the accountable team turns a finding on the map into someone's work.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("touchpoint-owner"),
  },
  check({ journey, source, report }) {
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      if (touchpoint.owner !== undefined) continue;
      report(
        `${touchpointName(touchpoint)} has no owner: add "owner: <team>" so someone is accountable for it`,
        source.rangeOf(touchpoint),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
