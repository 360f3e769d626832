// unknown-lane: a touchpoint or a stage fills a lane that neither the map nor a shared file in scope
// declares, or the map lists a lane id that is neither defined in it nor shared.
import { filledLanes } from "../../journey/lanes.js";
import type { Stage, Touchpoint } from "../../journey/model.js";
import { subjectOf } from "../../journey/queries.js";
import { Suggester } from "../../journey/suggest.js";
import { knownIds, listOf, stageName, touchpointName } from "../names.js";
import { docsUrl, type Rule } from "../types.js";

export const unknownLane: Rule = {
  meta: {
    id: "unknown-lane",
    description: "a touchpoint or stage fills a lane that is not declared",
    rationale:
      "A value under an undeclared lane is drawn nowhere and compared by nothing: it is usually a typo of a lane id or a lane that was renamed, and what it says is silently lost.",
    defaultSeverity: "error",
    docsUrl: docsUrl("unknown-lane"),
  },
  check({ journey, source, definitions, suggestions, report }) {
    const declared = new Set((journey.lanes ?? []).map((lane) => lane.id));
    const candidates = knownIds(declared, definitions, "lane");
    const suggester = new Suggester(candidates, suggestions);
    const hint = (id: string): string => {
      const guess = suggester.closest(id);
      if (guess) return `did you mean "${guess}"?`;
      const declare =
        "declare it under lanes (an id and a label), or in a journeymap.shared.yaml in this folder or above";
      return candidates.length > 0 ? `use one of ${listOf(candidates)}, or ${declare}` : declare;
    };
    for (const entry of definitions.entries) {
      if (entry.kind !== "lane" || entry.local || entry.shared) continue;
      report(
        `the map lists lane "${entry.id}", which is neither defined in it nor shared: ${hint(entry.id)}`,
        source.itemRangeOf(entry.list, entry.index),
        subjectOf.lane(entry),
      );
    }
    const check = (holder: Stage | Touchpoint, name: () => string, subject: () => string) => {
      for (const [id] of filledLanes(holder)) {
        if (declared.has(id)) continue;
        report(
          `${name()} fills lane "${id}", which is not declared: ${hint(id)}`,
          source.keyRangeOf(holder.lanes!, id),
          `${subject()} lane:${id}`,
        );
      }
    };
    // Names and subjects only for a finding: most maps fill no lane at all.
    for (const stage of journey.stages) {
      check(
        stage,
        () => stageName(stage),
        () => subjectOf.stage(stage),
      );
      for (const touchpoint of stage.touchpoints ?? [])
        check(
          touchpoint,
          () => touchpointName(touchpoint),
          () => subjectOf.touchpoint(stage, touchpoint),
        );
    }
  },
};
