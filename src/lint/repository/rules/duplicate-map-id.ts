// duplicate-map-id: two maps with one id (written, or their file names), so links to it are ambiguous.
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const duplicateMapId: RepositoryRule = {
  meta: {
    id: "duplicate-map-id",
    description: "two maps with the same id, written or linked to",
    rationale:
      "Links name maps by id: with two maps of one id, a link reaches only the first, and the docs site and the hierarchy show the wrong map.",
    defaultSeverity: "error",
    docsUrl: docsUrl("duplicate-map-id"),
  },
  check({ maps, graph, report }) {
    // Two files of one name in two folders share a default id; that matters once a link names it.
    const linked = new Set(maps.flatMap((map) => map.links.map((link) => link.target)));
    for (const map of maps) {
      const first = graph.byId.get(map.id)!;
      if (first === map || !(linked.has(map.id) || map.idRange || first.idRange)) continue;
      report(
        map.file,
        `map id "${map.id}" is also the id of ${first.file}: links reach only that one; give this map its own id (id: ${map.id}-2) or rename the file`,
        map.idRange,
        "map",
      );
    }
  },
};
