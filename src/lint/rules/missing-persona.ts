// missing-persona: a map that follows no persona, neither its own nor a shared one.
import { docsUrl, type Rule } from "../types.js";

export const missingPersona: Rule = {
  meta: {
    id: "missing-persona",
    description: "a map that follows no persona, defined in it or shared",
    rationale:
      "A journey map is the journey of someone: without a persona its emotions belong to nobody and the picture has no emotion curve.",
    defaultSeverity: "error",
    docsUrl: docsUrl("missing-persona"),
  },
  check({ journey, source, report }) {
    if (journey.personas.length > 0) return;
    report(
      "the map follows no persona: define one under personas, or list the id of a shared persona (personas: [parent]) from a journeymap.shared.yaml in this folder or above",
      source.keyRangeOf(journey, "personas") ?? source.keyRangeOf(journey, "title"),
      "map",
    );
  },
};
