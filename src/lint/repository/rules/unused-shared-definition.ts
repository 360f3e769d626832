// unused-shared-definition: a shared persona, team, metric or lane that no map in its folder tree uses. Reported
// once, in the shared file, and only when the run linted every map that could use it.
import { dirname } from "node:path";
import { DEFINITION_KINDS } from "../../../journey/definitions.js";
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const unusedSharedDefinition: RepositoryRule = {
  meta: {
    id: "unused-shared-definition",
    description: "a shared persona, team, metric or lane that no map uses",
    rationale:
      "A shared definition no journey uses is a leftover, or a persona, team, metric or lane whose journeys are not mapped yet; either way the library says more than the maps do.",
    defaultSeverity: "info",
    docsUrl: docsUrl("unused-shared-definition"),
  },
  check({ maps, shared, covers, report }) {
    const used = new Set<string>();
    for (const map of maps) for (const use of map.uses) used.add(`${use.file}\0${use.kind}:${use.id}`);
    for (const file of shared) {
      if (!covers(dirname(file.path))) continue;
      const seen = new Set<string>();
      for (const definition of file.definitions) {
        const key = `${definition.kind}:${definition.id}`;
        if (seen.has(key) || used.has(`${file.file}\0${key}`)) continue;
        seen.add(key);
        const { noun, useHint } = DEFINITION_KINDS[definition.kind];
        report(
          file.file,
          `no map uses the shared ${noun} "${definition.name ?? definition.id}": ${useHint(definition.id)}, or remove it`,
          definition.range,
          key,
        );
      }
    }
  },
};
