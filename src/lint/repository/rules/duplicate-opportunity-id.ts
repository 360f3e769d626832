// duplicate-opportunity-id: two opportunities written with a title under the same id, in one map or in
// two maps of the run.
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const duplicateOpportunityId: RepositoryRule = {
  meta: {
    id: "duplicate-opportunity-id",
    description: "two opportunities written with a title under the same id",
    rationale:
      "An opportunity's id is unique across the repository: the backlog, the issue-tracker sync and other maps name it. Two definitions under one id make one of them invisible, and its issue is shared by work that is not the same.",
    defaultSeverity: "error",
    docsUrl: docsUrl("duplicate-opportunity-id"),
  },
  check({ maps, report }) {
    const first = new Map<string, { file: string; at: string; line?: number }>();
    for (const map of maps) {
      for (const mention of map.opportunityMentions ?? []) {
        if (mention.kind !== "defines") continue;
        const earlier = first.get(mention.id);
        if (!earlier) {
          first.set(mention.id, {
            file: map.file,
            at: mention.at,
            ...(mention.range ? { line: mention.range.line } : {}),
          });
          continue;
        }
        const where = `${earlier.file}${earlier.line === undefined ? "" : `:${earlier.line}`}`;
        report(
          map.file,
          `opportunity "${mention.id}" at ${mention.at} is already written with a title at ${earlier.at} (${where}): give this one another id, or name the first one by its id alone ("- id: ${mention.id}")`,
          mention.range,
          mention.subject,
        );
      }
    }
  },
};
