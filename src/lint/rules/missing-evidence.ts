// missing-evidence: in a blueprint that records physical evidence, a touchpoint with customer actions
// (`actions`, or entries in a customer lane) and no evidence.
import { laneValueOf } from "../../journey/lanes.js";
import { touchpointsOf, type Touchpoint } from "../../journey/model.js";
import { subjectOf } from "../../journey/queries.js";
import { isBlueprint, laneEntriesOf } from "../lane-entries.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const missingEvidence: Rule = {
  meta: {
    id: "missing-evidence",
    description: "in a blueprint, a customer action with no physical evidence where the map records evidence elsewhere",
    rationale:
      "Physical evidence is what the customer sees and handles at each step (a screen, a receipt, a sign); where a map records it for some steps, a step without it is usually one nobody looked at from the customer's side.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("missing-evidence"),
  },
  check({ journey, source, report }) {
    if (!isBlueprint(journey)) return;
    const touchpoints = Array.from(touchpointsOf(journey));
    if (!touchpoints.some(({ touchpoint }) => (touchpoint.evidence?.length ?? 0) > 0)) return;
    const customerLanes = [...laneEntriesOf(journey, source).layers]
      .filter(([, layer]) => layer === "customer")
      .map(([id]) => id);
    const customerLane = (touchpoint: Touchpoint): string | undefined =>
      customerLanes.find((id) => {
        const value = laneValueOf(touchpoint, id);
        return value !== undefined && value.length > 0;
      });
    for (const { stage, touchpoint } of touchpoints) {
      if ((touchpoint.evidence?.length ?? 0) > 0) continue;
      const hasActions = (touchpoint.actions?.length ?? 0) > 0;
      const lane = hasActions ? undefined : customerLane(touchpoint);
      if (!hasActions && lane === undefined) continue;
      report(
        `${touchpointName(touchpoint)} has customer actions but no physical evidence: add under evidence what the customer sees or handles there (a screen, a letter, a sign)`,
        hasActions ? source.keyRangeOf(touchpoint, "actions") : source.keyRangeOf(touchpoint.lanes!, lane!),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
