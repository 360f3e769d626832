// unknown-opportunity: an opportunity named by id alone, or a fail point's `opportunity`, that no map
// of the run writes with a title.
import { Suggester, SuggestionBudget } from "../../../journey/suggest.js";
import { docsUrl } from "../../types.js";
import type { RepositoryRule } from "../types.js";

export const unknownOpportunity: RepositoryRule = {
  meta: {
    id: "unknown-opportunity",
    description: "an opportunity named by id, or by a fail point, that no map writes with a title",
    rationale:
      "An id names an opportunity written with its title on another touchpoint or map; one that nothing defines is a typo or work that was removed, and the pain point or fail point it was meant to cover is left without a plan.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-opportunity"),
  },
  check({ maps, portfolio, report }) {
    // Map files named one by one are not the whole repository: the definition may be in a map not read.
    if (!portfolio) return;
    const defined = new Set<string>();
    let references = 0;
    for (const map of maps)
      for (const mention of map.opportunityMentions ?? []) {
        if (mention.kind === "defines") defined.add(mention.id);
        else references++;
      }
    let suggester: Suggester | undefined;
    for (const map of maps) {
      for (const mention of map.opportunityMentions ?? []) {
        if (mention.kind === "defines" || defined.has(mention.id)) continue;
        suggester ??= new Suggester(defined, SuggestionBudget.for(64 * (maps.length + references)));
        const guess = suggester.closest(mention.id);
        const what =
          mention.kind === "fail" ? `${mention.at} names opportunity` : `opportunity at ${mention.at} names id`;
        report(
          map.file,
          `${what} "${mention.id}", which no map in this run writes with a title: ${guess ? `did you mean "${guess}"?` : "write it with its title on one touchpoint (id, title, owner, status), or fix the id"}`,
          mention.range,
          mention.subject,
        );
      }
    }
  },
};
