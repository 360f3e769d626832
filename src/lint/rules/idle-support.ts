// idle-support: in a blueprint, a support process (an entry of a support lane) that no entry's servedBy names.
import { entryName, isBlueprint, laneEntriesOf } from "../lane-entries.js";
import { docsUrl, type Rule } from "../types.js";

export const idleSupport: Rule = {
  meta: {
    id: "idle-support",
    description: "in a blueprint, a support process that serves nothing",
    rationale:
      "Support processes are on a blueprint to show which steps depend on them; one that serves no step is a leftover, or the arrows to the steps it makes possible are missing.",
    defaultSeverity: "info",
    docsUrl: docsUrl("idle-support"),
  },
  check({ journey, source, report }) {
    if (!isBlueprint(journey)) return;
    const { entries } = laneEntriesOf(journey, source);
    const named = new Set<string>();
    for (const { entry } of entries) for (const id of entry.servedBy ?? []) named.add(id);
    for (const placed of entries) {
      if (placed.layer !== "support") continue;
      const { id } = placed.entry;
      if (id !== undefined && named.has(id)) continue;
      report(
        id === undefined
          ? `${entryName(placed)} serves nothing: give it an id and name it under servedBy of the steps it serves, or remove it`
          : `${entryName(placed)} serves nothing: name "${id}" under servedBy of the steps it serves, or remove it`,
        placed.range(),
        placed.subject,
      );
    }
  },
};
