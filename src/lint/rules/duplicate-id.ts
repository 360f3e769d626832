// duplicate-id: an id used twice among personas, teams, stages, touchpoints, lanes, or lane entries.
import { subjectOf } from "../../journey/queries.js";
import type { Range } from "../../diagnostic.js";
import { touchpointsOf } from "../../journey/model.js";
import { laneEntriesOf } from "../lane-entries.js";
import { docsUrl, type Rule } from "../types.js";

export const duplicateId: Rule = {
  meta: {
    id: "duplicate-id",
    description: "an id used twice among personas, teams, stages, touchpoints, lanes, or lane entries",
    rationale:
      "Ids are how touchpoints refer to personas and teams, how servedBy names the lane entries that serve a step, and how renderings link elements; two elements with one id make every reference ambiguous.",
    defaultSeverity: "error",
    docsUrl: docsUrl("duplicate-id"),
  },
  check({ journey, source, definitions, report }) {
    // Personas and teams as the map lists them: its own definitions and the shared ids it names.
    // Ranges and subjects are worked out only for an id met twice: most maps have none.
    type Place = { range: Range | undefined; whole: Range | undefined; subject: string };
    type Listed = { id: string | undefined; place(): Place };
    const listed = (kind: "persona" | "team" | "lane"): Listed[] =>
      definitions.entries
        .filter((entry) => entry.kind === kind)
        .map((entry) => ({
          id: entry.id,
          place() {
            const item = source.itemRangeOf(entry.list, entry.index);
            return {
              range: entry.local ? source.valueRangeOf(entry.local, "id") : item,
              whole: entry.local ? source.rangeOf(entry.local) : item,
              subject: subjectOf[kind](entry),
            };
          },
        }));
    const element = (value: { id?: string }, subject: () => string): Listed => ({
      id: value.id,
      place: () => ({ range: source.valueRangeOf(value, "id"), whole: source.rangeOf(value), subject: subject() }),
    });
    const groups: Array<[kind: string, elements: Iterable<Listed>]> = [
      ["persona", listed("persona")],
      ["team", listed("team")],
      ["stage", journey.stages.map((stage) => element(stage, () => subjectOf.stage(stage)))],
      // An array, not a generator expression: with a new generator function per map here, each map's
      // model outlived young collections and was promoted (V8 seems to keep what a new generator
      // function makes, its prototype and hidden class, in the old generation); linting 10,000 maps
      // took ~100 MB more memory and 30% more time (bench: issue 14).
      [
        "touchpoint",
        Array.from(touchpointsOf(journey), ({ stage, touchpoint }) =>
          element(touchpoint, () => subjectOf.touchpoint(stage, touchpoint)),
        ),
      ],
      ["lane", listed("lane")],
      // servedBy names lane entries by id, across the whole map: two with one id make an arrow ambiguous.
      [
        "lane entry",
        laneEntriesOf(journey, source)
          .entries.filter((placed) => placed.id !== undefined)
          .map((placed) => element(placed.entry, () => placed.subject)),
      ],
    ];
    for (const [kind, elements] of groups) {
      const first = new Map<string, Listed>();
      for (const listedElement of elements) {
        if (listedElement.id === undefined) continue;
        const earlier = first.get(listedElement.id);
        if (!earlier) {
          first.set(listedElement.id, listedElement);
          continue;
        }
        const line = earlier.place().whole?.line;
        const where = line ? ` (first used on line ${line})` : "";
        const { range, subject } = listedElement.place();
        report(`${kind} id "${listedElement.id}" is used twice${where}: give each ${kind} its own id`, range, subject);
      }
    }
  },
};
