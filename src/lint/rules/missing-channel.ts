// missing-channel: a touchpoint with no channel.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const missingChannel: Rule = {
  meta: {
    id: "missing-channel",
    description: "a touchpoint with no channel",
    rationale:
      "The channel says where a touchpoint happens (web, store, phone); without it, the map cannot be read per channel and the owner cannot find the moment.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("missing-channel"),
  },
  check({ journey, source, report }) {
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      if (touchpoint.channel !== undefined) continue;
      report(
        `${touchpointName(touchpoint)} has no channel: add "channel: <where it happens>" such as web, mobile app, email, store or phone`,
        source.rangeOf(touchpoint),
        subjectOf.touchpoint(stage, touchpoint),
      );
    }
  },
};
