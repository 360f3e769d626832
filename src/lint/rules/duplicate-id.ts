// duplicate-id: an id used twice among personas, teams, stages, or touchpoints.
import { subjectOf } from "../../journey/queries.js";
import type { Range } from "../../diagnostic.js";
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
  check({ journey, source, definitions, report }) {
    // Personas and teams as the map lists them: its own definitions and the shared ids it names.
    type Listed = { id: string | undefined; range: Range | undefined; whole: Range | undefined; subject: string };
    const listed = (kind: "persona" | "team"): Listed[] =>
      definitions.entries
        .filter((entry) => entry.kind === kind)
        .map((entry) => {
          const item = source.itemRangeOf(entry.list, entry.index);
          return {
            id: entry.id,
            range: entry.local ? source.valueRangeOf(entry.local, "id") : item,
            whole: entry.local ? source.rangeOf(entry.local) : item,
            subject: kind === "persona" ? subjectOf.persona(entry) : subjectOf.team(entry),
          };
        });
    const each = (elements: Iterable<{ element: { id?: string }; subject: string }>): Iterable<Listed> =>
      (function* () {
        for (const { element, subject } of elements)
          yield {
            id: element.id,
            range: source.valueRangeOf(element, "id"),
            whole: source.rangeOf(element),
            subject,
          };
      })();
    const groups: Array<[kind: string, elements: Iterable<Listed>]> = [
      ["persona", listed("persona")],
      ["team", listed("team")],
      ["stage", each(journey.stages.map((stage) => ({ element: stage, subject: subjectOf.stage(stage) })))],
      [
        "touchpoint",
        each(
          (function* () {
            for (const { stage, touchpoint } of touchpointsOf(journey))
              yield { element: touchpoint, subject: subjectOf.touchpoint(stage, touchpoint) };
          })(),
        ),
      ],
    ];
    for (const [kind, elements] of groups) {
      const first = new Map<string, Listed>();
      for (const element of elements) {
        if (element.id === undefined) continue;
        const earlier = first.get(element.id);
        if (!earlier) {
          first.set(element.id, element);
          continue;
        }
        const line = earlier.whole?.line;
        const where = line ? ` (first used on line ${line})` : "";
        report(
          `${kind} id "${element.id}" is used twice${where}: give each ${kind} its own id`,
          element.range,
          element.subject,
        );
      }
    }
  },
};
