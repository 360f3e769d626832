// missing-emotion: a touchpoint with no emotion score.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const missingEmotion: Rule = {
  meta: {
    id: "missing-emotion",
    description: "a touchpoint with no emotion",
    rationale:
      "The emotion curve is what a journey map is read for; a touchpoint without a score leaves a hole in it and hides dips.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("missing-emotion"),
  },
  check({ journey, source, report }) {
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      if (touchpoint.emotion !== undefined) continue;
      report(
        `${touchpointName(touchpoint)} has no emotion: add "emotion: <1-5>" (1 very negative, 5 very positive), or a score per persona`,
        source.rangeOf(touchpoint),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
