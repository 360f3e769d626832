// empty-stage: a stage with no touchpoints.
import { subjectOf } from "../../journey/queries.js";
import { stageName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const emptyStage: Rule = {
  meta: {
    id: "empty-stage",
    description: "a stage with no touchpoints",
    rationale:
      "A stage without touchpoints says nothing about what customers meet there: it is either unfinished or not part of this journey.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("empty-stage"),
  },
  check({ journey, source, report }) {
    for (const stage of journey.stages) {
      if ((stage.touchpoints ?? []).length > 0) continue;
      report(
        `${stageName(stage)} has no touchpoints: add the moments where customers meet you in this stage, or remove the stage`,
        source.rangeOf(stage),
        subjectOf.stage(stage),
      );
    }
  },
};
