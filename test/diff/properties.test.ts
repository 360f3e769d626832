// Properties of diffJourneys over generated maps: a map against itself, or against the same map written
// differently, has an empty diff; and B against A is the mirror of A against B.
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { diffJourneys, isEmptyDiff } from "../../src/diff/index.js";
import type { JourneyDiff, TouchpointChange } from "../../src/diff/index.js";
import { loadJourney } from "../../src/journey/load.js";
import type { Journey, Touchpoint } from "../../src/journey/model.js";
import { listFieldsModel } from "../helpers/fields.js";

const PERSONAS = ["parent", "student", "retiree"];
const STAGES = ["awareness", "consideration", "decision", "retention"];
const TEAMS = ["growth", "app", "ops"];
const NAMES = ["Signs up", "Pays", "Gets help", "Browses offers", "Reads a review"];
const TEXTS = ["Slow", "Too many steps", "Price unclear", "Show the total first"];

const score = fc.integer({ min: 1, max: 5 }) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>;
const texts = fc.option(fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 3 }), { nil: undefined });

const touchpoint: fc.Arbitrary<Touchpoint> = fc
  .record(
    {
      id: fc.option(fc.constantFrom("t1", "t2", "t3", "t4", "t5"), { nil: undefined }),
      name: fc.constantFrom(...NAMES),
      channel: fc.option(fc.constantFrom("web", "mobile app", "phone"), { nil: undefined }),
      owner: fc.option(fc.constantFrom(...TEAMS, "care"), { nil: undefined }),
      personas: fc.option(fc.subarray(PERSONAS, { minLength: 1 }), { nil: undefined }),
      emotion: fc.option(fc.oneof(score, fc.dictionary(fc.constantFrom(...PERSONAS), score)), { nil: undefined }),
      // Every list of text the field registry has: a field added there is compared here too.
      ...listFieldsModel(texts),
      metrics: fc.option(
        fc.dictionary(
          fc.constantFrom("conversion", "nps"),
          fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("7%")),
        ),
        {
          nil: undefined,
        },
      ),
    },
    { requiredKeys: ["name"] },
  )
  .map(
    (value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as unknown as Touchpoint,
  );

const journey: fc.Arbitrary<Journey> = fc
  .record({
    title: fc.constantFrom("Onboarding", "First order"),
    personas: fc.uniqueArray(fc.constantFrom(...PERSONAS), { minLength: 1 }),
    personaNames: fc.constantFrom("", " (renamed)"),
    teams: fc.option(fc.uniqueArray(fc.constantFrom(...TEAMS), { minLength: 1 }), { nil: undefined }),
    stages: fc.uniqueArray(fc.constantFrom(...STAGES), { minLength: 1 }),
    touchpoints: fc.array(fc.array(touchpoint, { maxLength: 4 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ title, personas, personaNames, teams, stages, touchpoints }) => ({
    journeymap: 1,
    title,
    personas: personas.map((id) => ({ id, name: `Persona ${id}${personaNames}` })),
    ...(teams ? { teams: teams.map((id) => ({ id, name: `Team ${id}` })) } : {}),
    stages: stages.map((id, s) => ({ id, name: `Stage ${id}`, touchpoints: touchpoints[s]! })),
  }));

function load(map: Journey, text = stringify(map)) {
  const loaded = loadJourney(text, { file: "map.journey.yaml" });
  expect(loaded.diagnostics).toEqual([]);
  return loaded;
}

/** The same map, written another way: keys in reverse order, flow collections, four-space indents, comments. */
function rewritten(map: Journey): string {
  const reversed = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reversed)
      : typeof value === "object" && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : value;
  return `# written by hand\n${stringify(reversed(map), { indent: 4, collectionStyle: "flow" })}# the end\n`;
}

describe("diffJourneys properties", () => {
  it("a map compared with itself has an empty diff", () => {
    fc.assert(
      fc.property(journey, (map) => {
        const diff = diffJourneys(load(map), load(map));
        expect(isEmptyDiff(diff)).toBe(true);
      }),
    );
  });

  it("a map that differs only in formatting, comments and key order has an empty diff", () => {
    fc.assert(
      fc.property(journey, (map) => {
        const diff = diffJourneys(load(map), load(map, rewritten(map)));
        expect(diff.touchpoints).toEqual({ added: [], removed: [], changed: [] });
        expect(isEmptyDiff(diff)).toBe(true);
      }),
    );
  });

  it("B against A is the mirror of A against B (added ↔ removed, old ↔ new)", () => {
    fc.assert(
      fc.property(journey, journey, (a, b) => {
        const forward = diffJourneys(load(a), load(b));
        const backward = diffJourneys(load(b), load(a));
        expect(comparable(backward)).toEqual(comparable(mirror(forward)));
        // Which touchpoints "moved within a stage" is one longest run kept in order, chosen among equals;
        // how many moved is the same both ways.
        const orderMoves = (diff: JourneyDiff) => diff.touchpoints.changed.filter((c) => c.moved === "order").length;
        expect(orderMoves(backward)).toBe(orderMoves(forward));
      }),
      { numRuns: 200 },
    );
  });

  it("a renamed touchpoint without an id is matched by its stage and fields, marked as a guess", () => {
    const old = load({
      journeymap: 1,
      title: "T",
      personas: [{ id: "parent", name: "Dana" }],
      stages: [
        {
          id: "decision",
          name: "Decision",
          touchpoints: [{ name: "Picks a slot", channel: "app", owner: "app", emotion: 2, painPoints: ["Full"] }],
        },
      ],
    });
    const renamed = load({
      journeymap: 1,
      title: "T",
      personas: [{ id: "parent", name: "Dana" }],
      stages: [
        {
          id: "decision",
          name: "Decision",
          touchpoints: [
            { name: "Chooses a delivery slot", channel: "app", owner: "app", emotion: 2, painPoints: ["Full"] },
          ],
        },
      ],
    });
    const diff = diffJourneys(old, renamed, { lint: false });
    expect(diff.touchpoints.added).toEqual([]);
    expect(diff.touchpoints.changed).toMatchObject([
      {
        matchedBy: "similarity",
        renamed: true,
        old: { name: "Picks a slot" },
        new: { name: "Chooses a delivery slot" },
      },
    ]);
  });
});

/** The diff with old and new swapped everywhere, as diffJourneys(new, old) should give it. */
function mirror(diff: JourneyDiff): JourneyDiff {
  const swap = <T>(pair: { old: T; new: T }) => ({ old: pair.new, new: pair.old });
  const swapChanges = <T>(changes: { added: T[]; removed: T[]; renamed: Array<{ old: T; new: T }> }) => ({
    added: changes.removed,
    removed: changes.added,
    renamed: changes.renamed.map(swap),
  });
  return {
    ...diff,
    old: diff.new,
    new: diff.old,
    status: diff.status === "added" ? "deleted" : diff.status === "deleted" ? "added" : diff.status,
    ...(diff.title ? { title: { old: diff.title.new, new: diff.title.old } } : {}),
    personas: swapChanges(diff.personas),
    teams: swapChanges(diff.teams),
    stages: {
      ...swapChanges(diff.stages),
      ...(diff.stages.reordered ? { reordered: swap(diff.stages.reordered) } : {}),
    },
    touchpoints: {
      added: diff.touchpoints.removed,
      removed: diff.touchpoints.added,
      changed: diff.touchpoints.changed.map((change): TouchpointChange => ({
        ...change,
        old: change.new,
        new: change.old,
        fields: Object.fromEntries(
          Object.entries(change.fields).map(([field, value]) => [
            field,
            {
              ...(value.new !== undefined ? { old: value.new } : {}),
              ...(value.old !== undefined ? { new: value.old } : {}),
              ...(value.newName !== undefined ? { oldName: value.newName } : {}),
              ...(value.oldName !== undefined ? { newName: value.oldName } : {}),
              range: {
                ...(value.range.new ? { old: value.range.new } : {}),
                ...(value.range.old ? { new: value.range.old } : {}),
              },
            },
          ]),
        ),
        ...(change.personas
          ? {
              personas: {
                added: change.personas.removed,
                removed: change.personas.added,
                addedCount: change.personas.removedCount,
                removedCount: change.personas.addedCount,
                addedNames: change.personas.removedNames,
                removedNames: change.personas.addedNames,
              },
            }
          : {}),
        emotions: change.emotions.map((emotion) => ({
          personas: emotion.personas,
          personaNames: emotion.personaNames,
          count: emotion.count,
          ...(emotion.new !== undefined ? { old: emotion.new } : {}),
          ...(emotion.old !== undefined ? { new: emotion.old } : {}),
          ...(emotion.delta !== undefined ? { delta: -emotion.delta } : {}),
          direction: ({ up: "down", down: "up", added: "removed", removed: "added" } as const)[emotion.direction],
        })),
        lists: Object.fromEntries(
          Object.entries(change.lists).map(([field, list]) => [field, { added: list.removed, removed: list.added }]),
        ),
        metrics: change.metrics.map((metric) => ({
          name: metric.name,
          ...(metric.label !== undefined ? { label: metric.label } : {}),
          ...(metric.new !== undefined ? { old: metric.new } : {}),
          ...(metric.old !== undefined ? { new: metric.old } : {}),
        })),
      })),
    },
    findings: { introduced: diff.findings.fixed, fixed: diff.findings.introduced },
  };
}

/** What must agree between a diff and a mirrored one: everything but derived figures, list order where
 * it follows one side's declarations, the subject (named after the new side) and moves within a stage. */
function comparable(diff: JourneyDiff): unknown {
  const changed = diff.touchpoints.changed
    .map(({ subject: _subject, moved, ...change }) => ({
      ...change,
      ...(moved === "stage" ? { moved } : {}),
      // One change per way (old → new), its personas in one version's order: sorted here.
      emotions: change.emotions
        .map(({ personaNames: _n, personas, ...e }) => ({ ...e, personas: [...personas].sort() }))
        .sort((a, b) => `${a.old}>${a.new}`.localeCompare(`${b.old}>${b.new}`)),
      metrics: change.metrics.map(({ relativeChange: _r, ...metric }) => metric),
    }))
    .filter(
      (change) =>
        change.renamed ||
        change.moved ||
        change.personas ||
        Object.keys(change.fields).length +
          Object.keys(change.lists).length +
          change.emotions.length +
          change.metrics.length >
          0,
    )
    .sort((a, b) => a.old.stage.localeCompare(b.old.stage) || a.old.index - b.old.index);
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  const elements = (changes: JourneyDiff["personas"]) => ({
    added: byId(changes.added),
    removed: byId(changes.removed),
    renamed: [...changes.renamed].sort((a, b) => a.new.id.localeCompare(b.new.id)),
  });
  return {
    ...diff,
    personas: elements(diff.personas),
    teams: elements(diff.teams),
    stages: { ...elements(diff.stages), reordered: diff.stages.reordered },
    touchpoints: { ...diff.touchpoints, changed },
  };
}
