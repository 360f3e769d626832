// link-cycle: maps that detail each other in a loop, so the hierarchy has no top.
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const linkCycle: RepositoryRule = {
  meta: {
    id: "link-cycle",
    description: "maps whose details links form a cycle",
    rationale:
      "A map details a part of its parent; a loop of such links means one of them points the wrong way, and breadcrumbs and the portfolio tree cannot place the maps in it.",
    defaultSeverity: "error",
    docsUrl: docsUrl("link-cycle"),
  },
  check({ graph, report }) {
    for (const cycle of graph.cycles) {
      const [from, to] = [cycle[0]!, cycle[1]!];
      const map = graph.byId.get(from)!;
      const link = map.links.find((candidate) => candidate.target === to)!;
      report(
        map.file,
        `the details links ${cycle.map((id) => `"${id}"`).join(" → ")} form a cycle: a map details a part of its parent, so remove the link that points back up`,
        link.range,
        `${link.subject} details:${to}`,
      );
    }
  },
};
