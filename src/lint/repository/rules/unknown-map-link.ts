// unknown-map-link: a stage or touchpoint whose `details` names a map id that no map of the portfolio has.
import { Suggester, SuggestionBudget } from "../../../journey/suggest.js";
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const unknownMapLink: RepositoryRule = {
  meta: {
    id: "unknown-map-link",
    description: "a stage or touchpoint that details a map no map of the repository is",
    rationale:
      "A link to a map that does not exist is a typo or a map that was renamed or removed: the docs site would link to a missing page and the hierarchy loses a branch.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-map-link"),
  },
  check({ maps, graph, portfolio, report }) {
    // Map files named one by one are not the whole repository: a link may point at a map not read.
    if (!portfolio) return;
    // One index of the map ids and one budget for the run: 6,000 broken links cost what their number allows.
    const links = maps.reduce((count, map) => count + map.links.length, 0);
    const suggester = new Suggester(graph.byId.keys(), SuggestionBudget.for(64 * (maps.length + links)));
    for (const map of maps) {
      for (const link of map.links) {
        if (graph.byId.has(link.target)) continue;
        const guess = suggester.closest(link.target);
        report(
          map.file,
          `${link.from} "${link.name}" details map "${link.target}", which no map in this run has as its id: ${guess ? `did you mean "${guess}"?` : "use a map's id (its file name without .journey.yaml, or its id:)"}`,
          link.range,
          `${link.subject} details:${link.target}`,
        );
      }
    }
  },
};
