// shadowed-definition: a persona, team or metric defined in the map with the id of a shared one in its
// scope.
import { DEFINITION_KINDS } from "../../journey/definitions.js";
import { subjectOf } from "../../journey/queries.js";
import { docsUrl, type Rule } from "../types.js";

export const shadowedDefinition: Rule = {
  meta: {
    id: "shadowed-definition",
    description: "a persona, team or metric defined in the map with the id of a shared one",
    rationale:
      "A local copy of a shared persona, team or metric drifts from the shared one the first time either is edited, and readers cannot tell which one a touchpoint means.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("shadowed-definition"),
  },
  check({ source, definitions, report }) {
    for (const entry of definitions.entries) {
      if (!entry.local || !entry.shared) continue;
      const { noun, list } = DEFINITION_KINDS[entry.kind];
      const where = entry.shared.range ? `${entry.shared.file}:${entry.shared.range.line}` : entry.shared.file;
      report(
        `${noun} "${entry.id}" is defined here and in ${where}: this map's own definition hides the shared one; remove it and list "${entry.id}" under ${list} to use the shared ${noun}, or give it another id`,
        source.valueRangeOf(entry.local, "id"),
        subjectOf[entry.kind](entry),
      );
    }
  },
};
