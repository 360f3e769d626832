// persona-stage-gap: a persona has no touchpoint in a stage where other personas have some.
import { subjectOf } from "../../journey/queries.js";
import { personasAt } from "../../journey/model.js";
import { personaName, stageName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const personaStageGap: Rule = {
  meta: {
    id: "persona-stage-gap",
    description: "a persona has no touchpoint in a stage where other personas have some",
    rationale:
      "When one persona's journey skips a stage that the others go through, the map usually lacks that persona's touchpoints there, which hides how their experience differs.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("persona-stage-gap"),
  },
  check({ journey, source, report }) {
    if (journey.personas.length < 2) return;
    const inStage = journey.stages.map((stage) => {
      const ids = new Set<string>();
      for (const touchpoint of stage.touchpoints ?? [])
        for (const persona of personasAt(journey, touchpoint)) ids.add(persona.id);
      return ids;
    });
    // A persona on no touchpoint at all is unused-persona's finding, not a gap in every stage.
    const anywhere = new Set(inStage.flatMap((ids) => [...ids]));
    journey.stages.forEach((stage, index) => {
      const ids = inStage[index]!;
      if (ids.size === 0) return;
      for (const persona of journey.personas) {
        if (ids.has(persona.id) || !anywhere.has(persona.id)) continue;
        report(
          `${personaName(persona)} has no touchpoint in ${stageName(stage)}, where other personas have some: map what they do here, or add "${persona.id}" to a touchpoint's personas`,
          source.rangeOf(stage),
          `${subjectOf.persona(persona)} ${subjectOf.stage(stage)}`,
        );
      }
    });
  },
};
