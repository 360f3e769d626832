// unknown-persona: a touchpoint's `personas` list or emotion mapping names an undeclared persona.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { closest } from "../../journey/suggest.js";
import { listOf, touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const unknownPersona: Rule = {
  meta: {
    id: "unknown-persona",
    description: "a touchpoint's personas or emotion mapping names an undeclared persona",
    rationale:
      "A persona id that is not declared is a typo or a persona that was removed; its emotions and involvement silently drop out of every rendering.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-persona"),
  },
  check({ journey, source, report }) {
    const personas = new Set(journey.personas.map((persona) => persona.id));
    const hint = (id: string): string => {
      const guess = closest(id, personas);
      return guess ? `did you mean "${guess}"?` : `use one of ${listOf([...personas])}, or declare it under personas`;
    };
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const named = touchpoint.personas ?? [];
      named.forEach((id, index) => {
        if (personas.has(id)) return;
        report(
          `${touchpointName(touchpoint)} names persona "${id}", which is not declared: ${hint(id)}`,
          source.itemRangeOf(named, index),
          `${subjectOf.touchpoint(stage, touchpoint)} persona:${id}`,
        );
      });
      const { emotion } = touchpoint;
      if (typeof emotion !== "object") continue;
      for (const id of Object.keys(emotion)) {
        if (personas.has(id)) continue;
        report(
          `the emotion of ${touchpointName(touchpoint)} is scored for persona "${id}", which is not declared: ${hint(id)}`,
          source.keyRangeOf(emotion, id),
          `${subjectOf.touchpoint(stage, touchpoint)} emotion:${id}`,
        );
      }
    }
  },
};
