// Emotion and involvement changes, grouped without a loop over the map's personas, against the plain
// definition as an oracle: for every persona of either version, involved or not on each side, its score
// on each side (one change per persona), then grouped by way (old → new) and counted here.
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { diffJourneys } from "../../src/diff/index.js";
import { loadJourney } from "../../src/journey/load.js";
import { emotionOf, personasAt, type Journey, type Score, type Touchpoint } from "../../src/journey/model.js";

const POOL = ["a", "b", "c", "d", "e", "f", "g", "h"];
const LISTED = 5;
const score = fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<Score>;
/** Ids a touchpoint may name: the pool and one that no version declares. */
const named = fc.shuffledSubarray([...POOL, "z"], { minLength: 1 });

const touchpoint = (id: string): fc.Arbitrary<Touchpoint> =>
  fc
    .record(
      {
        personas: named,
        emotion: fc.oneof(
          score,
          named.chain((ids) => fc.tuple(...ids.map(() => score)).map((scores) => pairsToRecord(ids, scores))),
        ),
      },
      { requiredKeys: [] },
    )
    .map((fields) => ({ id, name: id.toUpperCase(), ...fields }));

function pairsToRecord(ids: string[], scores: Score[]): Record<string, Score> {
  const record: Record<string, Score> = {};
  ids.forEach((id, i) => (record[id] = scores[i]!));
  return record;
}

const version = (count: number): fc.Arbitrary<Journey> =>
  fc
    .record({
      personas: fc.shuffledSubarray(POOL),
      touchpoints: fc.tuple(...Array.from({ length: count }, (_, i) => touchpoint(`t${i}`))),
    })
    .map(({ personas, touchpoints }) => ({
      journeymap: 1,
      title: "Emotions",
      personas: personas.map((id) => ({ id, name: `Persona ${id}` })),
      stages: [{ id: "s", name: "S", touchpoints }],
    }));

const pair = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(version(count), version(count)));

/** The personas a touchpoint involves, as version 1 of the diff listed them (a loop over the map's). */
function involvedAt(journey: Journey, t: Touchpoint, other: Journey): string[] {
  const declaredInOther = new Set(other.personas.map((persona) => persona.id));
  const namedAt = (id: string) =>
    t.personas?.includes(id) === true ||
    (typeof t.emotion === "object" && Object.prototype.hasOwnProperty.call(t.emotion, id));
  return personasAt(journey, t)
    .map((persona) => persona.id)
    .filter((id) => declaredInOther.has(id) || namedAt(id));
}

describe("emotion changes grouped by way agree with one change per persona", () => {
  it("same ways, same counts, the first five personas of each in map order; involvement likewise", () => {
    fc.assert(
      fc.property(pair, ([before, after]) => {
        const load = (journey: Journey, file: string) => loadJourney(stringify(journey), { file });
        const diff = diffJourneys(load(before, "old.journey.yaml"), load(after, "new.journey.yaml"), { lint: false });
        const changed = new Map(diff.touchpoints.changed.map((change) => [change.new.id, change]));
        after.stages[0]!.touchpoints!.forEach((n, i) => {
          const o = before.stages[0]!.touchpoints![i]!;
          const oldInvolved = involvedAt(before, o, after);
          const newInvolved = involvedAt(after, n, before);
          // Expected: per persona (the new version's order, then the old one's), grouped by way.
          const ways = new Map<string, string[]>();
          for (const id of new Set([...newInvolved, ...oldInvolved])) {
            const from = oldInvolved.includes(id) ? emotionOf(o, id) : undefined;
            const to = newInvolved.includes(id) ? emotionOf(n, id) : undefined;
            if (from === to) continue;
            const key = `${from ?? "-"}>${to ?? "-"}`;
            ways.set(key, [...(ways.get(key) ?? []), id]);
          }
          const change = changed.get(n.id);
          const actual = new Map(
            (change?.emotions ?? []).map((emotion) => [
              `${emotion.old ?? "-"}>${emotion.new ?? "-"}`,
              { personas: emotion.personas, count: emotion.count },
            ]),
          );
          expect(actual).toEqual(
            new Map([...ways].map(([key, ids]) => [key, { personas: ids.slice(0, LISTED), count: ids.length }])),
          );
          const added = newInvolved.filter((id) => !oldInvolved.includes(id));
          const removed = oldInvolved.filter((id) => !newInvolved.includes(id));
          expect(change?.personas).toEqual(
            added.length + removed.length === 0
              ? undefined
              : {
                  added: added.slice(0, LISTED),
                  removed: removed.slice(0, LISTED),
                  addedCount: added.length,
                  removedCount: removed.length,
                  // Names as each version declares them ("Persona <id>" in both here).
                  addedNames: added.slice(0, LISTED).map((id) => `Persona ${id}`),
                  removedNames: removed.slice(0, LISTED).map((id) => `Persona ${id}`),
                },
          );
        });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
