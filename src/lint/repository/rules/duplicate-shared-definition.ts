// duplicate-shared-definition: a shared persona, team or metric defined twice, in one file or in two
// shared files of which one applies below the other.
import { dirname } from "node:path";
import { isInside } from "../../../io/repository.js";
import { DEFINITION_KINDS } from "../../../journey/definitions.js";
import { docsUrl } from "../../types.js";
import type { RepositoryRule, SharedFileFacts } from "../types.js";

export const duplicateSharedDefinition: RepositoryRule = {
  meta: {
    id: "duplicate-shared-definition",
    description: "a shared persona, team or metric defined twice",
    rationale:
      "Two shared definitions of one id drift apart, and which one a map gets depends on its folder; define each persona, team and metric once.",
    defaultSeverity: "error",
    docsUrl: docsUrl("duplicate-shared-definition"),
  },
  check({ shared, report }) {
    // The files above each one: their definitions apply in its folder too.
    const above = (file: SharedFileFacts) =>
      shared.filter((other) => other !== file && isInside(dirname(file.path), dirname(other.path)));
    for (const file of shared) {
      const outer = above(file);
      const seen = new Map<string, { line?: number }>();
      for (const definition of file.definitions) {
        const key = `${definition.kind}:${definition.id}`;
        const noun = DEFINITION_KINDS[definition.kind].noun;
        const earlier = seen.get(key);
        if (earlier) {
          report(
            file.file,
            `${noun} "${definition.id}" is defined twice in this file${earlier.line ? ` (first on line ${earlier.line})` : ""}: keep one definition`,
            definition.range,
            `${definition.kind}:${definition.id}`,
          );
          continue;
        }
        seen.set(key, { ...(definition.range ? { line: definition.range.line } : {}) });
        const outside = outer.find((other) =>
          other.definitions.some((candidate) => candidate.kind === definition.kind && candidate.id === definition.id),
        );
        if (!outside) continue;
        const line = outside.definitions.find((c) => c.kind === definition.kind && c.id === definition.id)?.range?.line;
        report(
          file.file,
          `${noun} "${definition.id}" is also defined in ${outside.file}${line ? `:${line}` : ""}, which applies here too: this one wins for the maps below this folder; define it once`,
          definition.range,
          `${definition.kind}:${definition.id}`,
        );
      }
    }
  },
};
