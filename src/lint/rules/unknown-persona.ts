// unknown-persona: a touchpoint's `personas` list or emotion mapping, or the map's own `personas` list,
// names a persona that is neither defined in the map nor shared.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { Suggester } from "../../journey/suggest.js";
import { knownIds, listOf, touchpointName } from "../names.js";
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
  check({ journey, source, definitions, suggestions, report }) {
    const personas = new Set(journey.personas.map((persona) => persona.id));
    const candidates = knownIds(personas, definitions, "persona");
    const suggester = new Suggester(candidates, suggestions);
    const hint = (id: string): string => {
      const guess = suggester.closest(id);
      return guess
        ? `did you mean "${guess}"?`
        : candidates.length > 0
          ? `use one of ${listOf(candidates)}, or declare it under personas`
          : "declare it under personas, or in a journeymap.shared.yaml in this folder or above";
    };
    for (const entry of definitions.entries) {
      if (entry.kind !== "persona" || entry.local || entry.shared) continue;
      report(
        `the map lists persona "${entry.id}", which is neither defined in it nor shared: ${hint(entry.id)}`,
        source.itemRangeOf(entry.list, entry.index),
        subjectOf.persona(entry),
      );
    }
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
