// missing-stage: an expected stage (from the configured stages or preset) is absent from the map.
import { subjectOf } from "../../journey/queries.js";
import { docsUrl, type Rule } from "../types.js";

export const missingStage: Rule = {
  meta: {
    id: "missing-stage",
    description: "an expected stage is absent from the map",
    rationale:
      "A stage nobody mapped is a blind spot: customers still go through it, but nobody knows what they meet there. The expected stages come from the configuration (default: the marketing funnel).",
    defaultSeverity: "warning",
    docsUrl: docsUrl("missing-stage"),
  },
  check({ journey, source, settings, report }) {
    const present = new Set(journey.stages.map((stage) => stage.id));
    const expected = settings.stages;
    for (const [index, id] of expected.entries()) {
      if (present.has(id)) continue;
      const before = expected
        .slice(0, index)
        .reverse()
        .find((other) => present.has(other));
      const after = expected.slice(index + 1).find((other) => present.has(other));
      const place = before ? ` after stage "${before}"` : after ? ` before stage "${after}"` : "";
      report(
        `expected stage "${id}" is missing: add a stage with "id: ${id}"${place}, or change the expected stages ("stages" in journeymap.config.yaml)`,
        source.keyRangeOf(journey, "stages"),
        subjectOf.stage({ id }),
      );
    }
  },
};
