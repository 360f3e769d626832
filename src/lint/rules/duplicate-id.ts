// duplicate-id: an id used twice among personas, teams, stages, or touchpoints.
import { subjectOf } from "../../journey/queries.js";
import { touchpointsOf } from "../../journey/model.js";
import { docsUrl, type Rule } from "../types.js";

export const duplicateId: Rule = {
  meta: {
    id: "duplicate-id",
    description: "an id used twice among personas, teams, stages, or touchpoints",
    rationale:
      "Ids are how touchpoints refer to personas and teams and how renderings link elements; two elements with one id make every reference ambiguous.",
    defaultSeverity: "error",
    docsUrl: docsUrl("duplicate-id"),
  },
  check({ journey, source, report }) {
    type Named = { element: { id?: string }; subject: string };
    const each = <T extends { id: string }>(elements: readonly T[], subject: (element: T) => string): Named[] =>
      elements.map((element) => ({ element, subject: subject(element) }));
    const groups: Array<[kind: string, elements: Iterable<Named>]> = [
      ["persona", each(journey.personas, subjectOf.persona)],
      ["team", each(journey.teams ?? [], subjectOf.team)],
      ["stage", each(journey.stages, subjectOf.stage)],
      [
        "touchpoint",
        (function* () {
          for (const { stage, touchpoint } of touchpointsOf(journey))
            yield { element: touchpoint, subject: subjectOf.touchpoint(stage, touchpoint) };
        })(),
      ],
    ];
    for (const [kind, elements] of groups) {
      const first = new Map<string, object>();
      for (const { element, subject } of elements) {
        if (element.id === undefined) continue;
        const earlier = first.get(element.id);
        if (!earlier) {
          first.set(element.id, element);
          continue;
        }
        const line = source.rangeOf(earlier)?.line;
        const where = line ? ` (first used on line ${line})` : "";
        report(
          `${kind} id "${element.id}" is used twice${where}: give each ${kind} its own id`,
          source.valueRangeOf(element, "id"),
          subject,
        );
      }
    }
  },
};
