// unused-persona: a declared persona that no touchpoint involves.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf, type Persona } from "../../journey/model.js";
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
  check({ journey, source, definitions, report }) {
    const involved = new Set<string>();
    for (const { touchpoint } of touchpointsOf(journey)) {
      // A touchpoint that names no personas involves them all.
      if (!touchpoint.personas) return;
      for (const id of touchpoint.personas) involved.add(id);
    }
    // The map's own list: its definitions and the shared personas it lists by id. A shared persona
    // the map does not list is not its to report (unused-shared-definition judges the repository).
    for (const entry of definitions.entries) {
      if (entry.kind !== "persona" || involved.has(entry.id)) continue;
      const persona = (entry.local ?? entry.shared?.value) as Persona | undefined;
      if (!persona) continue; // an unknown id: unknown-persona's finding
      report(
        entry.local
          ? `no touchpoint involves ${personaName(persona)}: add "${entry.id}" to the personas of the touchpoints they go through, or remove the persona`
          : `no touchpoint involves the shared ${personaName(persona)}: add "${entry.id}" to the personas of the touchpoints they go through, or remove it from this map's personas`,
        entry.local ? source.rangeOf(entry.local) : source.itemRangeOf(entry.list, entry.index),
        subjectOf.persona(entry),
      );
    }
  },
};
