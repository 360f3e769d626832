// team-owns-nothing: a shared team that maps name but that owns no map and no touchpoint anywhere.
import { dirname } from "node:path";
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const teamOwnsNothing: RepositoryRule = {
  meta: {
    id: "team-owns-nothing",
    description: "a shared team that owns no map and no touchpoint in any map",
    rationale:
      "A team in the shared library that is accountable for nothing across every journey has an empty backlog: its touchpoints are missing, or assigned to someone else.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("team-owns-nothing"),
  },
  check({ maps, shared, covers, report }) {
    const named = new Map<string, number>();
    const owning = new Set<string>();
    for (const map of maps)
      for (const use of map.uses) {
        if (use.kind !== "team") continue;
        const key = `${use.file}\0${use.id}`;
        named.set(key, (named.get(key) ?? 0) + 1);
        if (use.owns) owning.add(key);
      }
    for (const file of shared) {
      if (!covers(dirname(file.path))) continue;
      for (const definition of file.definitions) {
        const key = `${file.file}\0${definition.id}`;
        // A team no map names at all is unused-shared-definition's finding.
        if (definition.kind !== "team" || !named.has(key) || owning.has(key)) continue;
        const count = named.get(key)!;
        report(
          file.file,
          `team "${definition.name ?? definition.id}" is named by ${count} map${count === 1 ? "" : "s"} but owns no map and no touchpoint: make it the owner of the touchpoints it is accountable for`,
          definition.range,
          `team:${definition.id}`,
        );
        owning.add(key);
      }
    }
  },
};
