// unknown-served-by: a lane entry's servedBy names no lane entry id of the map.
import { Suggester } from "../../journey/suggest.js";
import { entryName, laneEntriesOf } from "../lane-entries.js";
import { listOf } from "../names.js";
import { MAX_SERVED_BY_FINDINGS, MORE_SUBJECT, moreOf, reportServedBy } from "../served-by-flood.js";
import { docsUrl, type Rule } from "../types.js";

export const unknownServedBy: Rule = {
  meta: {
    id: "unknown-served-by",
    description: "a lane entry's servedBy names no lane entry of the map",
    rationale:
      "servedBy draws the blueprint's arrows from the entries that serve a step; an id that names no entry is a typo or an entry that was removed, and the arrow silently disappears.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-served-by"),
  },
  check({ journey, source, suggestions, report }) {
    const { entries, byId } = laneEntriesOf(journey, source);
    const suggester = new Suggester(byId.keys(), suggestions);
    // The ids a message lists, worked out once: a copy per finding made 30,000 findings cost 30,000 × ids.
    let known: string | undefined;
    const someIds = () => (known ??= listOf([...byId.keys()]));
    const hint = (id: string): string => {
      const guess = suggester.closest(id);
      if (guess) return `did you mean "${guess}"?`;
      const give = `give the entry that serves it "id: ${id}"`;
      return byId.size > 0 ? `use one of ${someIds()}, or ${give}` : give;
    };
    for (const placed of entries) {
      const { servedBy } = placed.entry;
      if (!servedBy) continue;
      // One finding per id, the first time the entry names it: naming it again draws no second arrow.
      const seen = new Set<string>();
      const unknown: number[] = [];
      servedBy.forEach((id, index) => {
        if (byId.has(id) || seen.has(id)) return;
        seen.add(id);
        unknown.push(index);
      });
      reportServedBy(
        unknown,
        (index) => {
          const id = servedBy[index]!;
          report(
            `${entryName(placed)} is served by "${id}", which is no lane entry's id: ${hint(id)}`,
            source.itemRangeOf(servedBy, index),
            `${placed.subject} servedBy:${id}`,
          );
        },
        (index, count) =>
          report(
            `${entryName(placed)} is served by ${moreOf(count, "id")} that name no lane entry, from "${servedBy[index]!}" on (the first ${MAX_SERVED_BY_FINDINGS} are reported one by one): correct them to the ids of the entries that serve it, or remove them`,
            source.itemRangeOf(servedBy, index),
            `${placed.subject} ${MORE_SUBJECT}`,
          ),
      );
    }
  },
};
