// Property: any JSON values under x- keys of the map, its stages, touchpoints, personas, teams, metrics
// and lanes (texts with hostile characters, numbers of every size, booleans, null, nested lists and
// objects), rendered to .xlsx and imported back, are the same values of the same types.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importSpreadsheet } from "../../src/import/index.js";
import { loadJourney } from "../../src/journey/load.js";
import { renderXlsx } from "../../src/render/export/xlsx.js";
import { HOSTILE_CELLS, HOSTILE_STRINGS } from "../helpers/adversarial.js";

/** A text a team might keep: hostile strings, formula-like cells, any unicode (a cell holds 32,767). */
const text = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS, ...HOSTILE_CELLS, "", " ", "007", "1e3", "true", "null", "2026-11-30"),
  fc.string({ unit: "binary", maxLength: 40 }),
);
const scalar = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("object")),
  list: fc.array(tie("value"), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 3 }),
})).value;
/** A holder's x- keys: names as authors write them (letters, digits, dashes, any letter of any script). */
const keys = fc.dictionary(fc.stringMatching(/^x-[a-zA-Z0-9\u00e9\u30ad-]{1,8}$/), value, { maxKeys: 3 });

const map = fc.record({
  map: keys,
  stage: keys,
  touchpoint: keys,
  persona: keys,
  team: keys,
  metric: keys,
  lane: keys,
});

/** The map as loaded, as plain data: -0 is 0 in JSON and in a cell. */
function loaded(source: string): unknown {
  const outcome = loadJourney(source, { file: "map.journey.yaml" });
  expect(outcome.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return JSON.parse(JSON.stringify(outcome.journey));
}

describe("x- keys everywhere through Excel, for any values", () => {
  it("come back as the same values of the same types", async () => {
    await fc.assert(
      fc.asyncProperty(map, async (extensions) => {
        // JSON is YAML: the map written as JSON, read by the map loader.
        const source = JSON.stringify({
          journeymap: 1,
          title: "Keys",
          ...extensions.map,
          personas: [{ id: "p", name: "P", ...extensions.persona }],
          teams: [{ id: "t", ...extensions.team }],
          metrics: [{ id: "m", name: "M", ...extensions.metric }],
          lanes: [{ id: "l", label: "L", ...extensions.lane }],
          stages: [
            {
              id: "s",
              name: "S",
              ...extensions.stage,
              touchpoints: [{ name: "T", owner: "t", lanes: { l: ["x"] }, ...extensions.touchpoint }],
            },
          ],
        });
        const original = loaded(source);
        const outcome = loadJourney(source, { file: "map.journey.yaml" });
        const { text: back } = await importSpreadsheet(await renderXlsx(outcome.journey!), { shown: "map.xlsx" });
        expect(loaded(back)).toEqual(original);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  }, 120_000);
});
