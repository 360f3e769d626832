// Properties of the diff of declared lanes and opportunities tracked as work, on generated maps: a map
// compared with itself has an empty diff; B against A counts as many entries added as A against B
// removed (and the reverse), and as many changed; an unchanged lane entry or opportunity is never reported.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffJourneys, isEmptyDiff, type JourneyDiff } from "../../src/diff/index.js";
import { loadJourney } from "../../src/journey/load.js";

const TEXTS = ["CRM", "PMS", "Greets", "Looks up"];
const IDS = ["a", "b", "c"];

const entry = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.record(
    {
      id: fc.constantFrom(...IDS),
      text: fc.constantFrom(...TEXTS),
      servedBy: fc.subarray(IDS, { minLength: 1 }),
      fail: fc.record({ risk: fc.constantFrom("Lost", "Late") }, { requiredKeys: [] }),
      wait: fc.constantFrom("5 min", "10 min"),
    },
    { requiredKeys: ["text"] },
  ),
);
const laneValue = fc.oneof(fc.constantFrom(...TEXTS), fc.array(entry, { maxLength: 4 }));
const opportunity = fc.oneof(
  fc.constantFrom("Show the queue", "Mobile key"),
  fc.record(
    {
      id: fc.constantFrom("o1", "o2"),
      title: fc.constantFrom("Show the queue", "Mobile key"),
      status: fc.constantFrom("idea", "planned", "in-progress", "done"),
      owner: fc.constantFrom("ops", "app"),
      value: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: ["id"] },
  ),
);
const map = fc.record({
  type: fc.constantFrom("journey", "blueprint"),
  lanes: fc.dictionary(fc.constantFrom("constructor", "systems", "backstage"), laneValue, { maxKeys: 3 }),
  opportunities: fc.array(opportunity, { maxLength: 3 }),
  stageLanes: fc.dictionary(fc.constantFrom("policies", "constructor"), laneValue, { maxKeys: 2 }),
});

type Generated = typeof map extends fc.Arbitrary<infer T> ? T : never;

function load(generated: Generated, file: string) {
  return loadJourney(
    JSON.stringify({
      journeymap: 1,
      title: "T",
      type: generated.type,
      personas: [],
      lanes: [
        { id: "constructor", label: "Ctor" },
        { id: "systems", label: "Systems" },
        { id: "backstage", label: "Back office" },
        { id: "policies", label: "Policies", kind: "text" },
      ],
      stages: [
        {
          id: "s",
          name: "S",
          lanes: generated.stageLanes,
          touchpoints: [{ id: "t", name: "Pays", lanes: generated.lanes, opportunities: generated.opportunities }],
        },
      ],
    }),
    { file },
  );
}

/** Entries added, removed and changed over every lane of a diff, and opportunities changed. */
function counts(diff: JourneyDiff) {
  const lanes = [
    ...(diff.touchpoints.changed[0]?.lanes ?? []),
    ...(diff.stages.changed ?? []).flatMap((stage) => stage.lanes),
  ];
  const opportunities = diff.touchpoints.changed[0]?.lists.opportunities;
  return {
    added: lanes.reduce((sum, lane) => sum + lane.added.length, 0) + (opportunities?.added.length ?? 0),
    removed: lanes.reduce((sum, lane) => sum + lane.removed.length, 0) + (opportunities?.removed.length ?? 0),
    changed:
      lanes.reduce((sum, lane) => sum + lane.changed.length, 0) +
      (diff.touchpoints.changed[0]?.opportunities?.length ?? 0),
  };
}

describe("the diff of lanes and tracked opportunities, on generated maps", () => {
  it("is empty for a map compared with itself", () => {
    fc.assert(
      fc.property(map, (generated) => {
        const diff = diffJourneys(load(generated, "a.journey.yaml"), load(generated, "b.journey.yaml"), {
          lint: false,
        });
        expect(isEmptyDiff(diff)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("counts the mirror: B against A adds what A against B removes, and changes as many", () => {
    fc.assert(
      fc.property(map, map, (a, b) => {
        const forward = counts(diffJourneys(load(a, "a.journey.yaml"), load(b, "b.journey.yaml"), { lint: false }));
        const backward = counts(diffJourneys(load(b, "b.journey.yaml"), load(a, "a.journey.yaml"), { lint: false }));
        expect(backward).toEqual({ added: forward.removed, removed: forward.added, changed: forward.changed });
      }),
      { numRuns: 300 },
    );
  });
});
