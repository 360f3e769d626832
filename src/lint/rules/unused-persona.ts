// unused-persona: a declared persona that no touchpoint involves.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { personaName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const unusedPersona: Rule = {
  meta: {
    id: "unused-persona",
    description: "a persona that no touchpoint involves",
    rationale:
      "A persona with no touchpoint has no journey on this map: either its touchpoints are missing or it belongs on another map.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("unused-persona"),
  },
  check({ journey, source, report }) {
    const involved = new Set<string>();
    for (const { touchpoint } of touchpointsOf(journey)) {
      // A touchpoint that names no personas involves them all.
      if (!touchpoint.personas) return;
      for (const id of touchpoint.personas) involved.add(id);
    }
    for (const persona of journey.personas) {
      if (involved.has(persona.id)) continue;
      report(
        `no touchpoint involves ${personaName(persona)}: add "${persona.id}" to the personas of the touchpoints they go through, or remove the persona`,
        source.rangeOf(persona),
        subjectOf.persona(persona),
      );
    }
  },
};
