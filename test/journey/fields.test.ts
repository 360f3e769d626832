// The field registry (src/journey/fields.ts) and the places it cannot reach by itself: the schema file
// (static JSON, compiled at build time), the docs' lane table and the bench generator. Each test fails
// when a field is added to the registry and forgotten there, and says what to add.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateMap } from "../../bench/generate.mjs";
import { fieldLanes, stageFields, touchpointFields } from "../../src/journey/fields.js";
import { loadJourney } from "../../src/journey/load.js";
import { LANE_NAMES } from "../../src/render/svg/lanes.js";
import { kindOfSchema, type PropertySchema } from "../helpers/fields.js";

type Schema = { definitions: Record<string, { properties: Record<string, PropertySchema> }> };
const schema = JSON.parse(readFileSync("schemas/journeymap.schema.json", "utf8")) as Schema;

describe("the field registry", () => {
  it.each([
    ["touchpoint", touchpointFields()],
    ["stage", stageFields()],
  ] as const)("agrees with the schema file on the kind of every %s field", (object, fields) => {
    const properties = schema.definitions[object]!.properties;
    const disagreements = fields
      .filter((field) => kindOfSchema(properties[field.key] ?? {}) !== field.kind)
      .map((field) => `${object} field "${field.key}": give it a ${field.kind} in schemas/journeymap.schema.json`);
    expect(disagreements).toEqual([]);
  });

  it("says of every field how diff compares it; the fields it leaves out are a decision, with a reason", () => {
    const ignored = [
      ...touchpointFields().map((field) => ({ ...field, key: `touchpoint.${field.key}` })),
      ...stageFields().map((field) => ({ ...field, key: `stage.${field.key}` })),
    ].flatMap((field) => (field.diff.by === "ignored" ? [[field.key, field.diff.why.length > 20] as const] : []));
    expect(ignored).toEqual([
      ["touchpoint.details", true],
      ["stage.description", true],
      ["stage.details", true],
      ["stage.metrics", true],
    ]);
  });

  it("gives the picture its lanes, in the order the picture draws them (test/render/svg/lanes.types.test.ts lists them)", () => {
    expect(["touchpoint", ...fieldLanes().map((lane) => lane.name)]).toEqual(LANE_NAMES);
  });

  it("has every touchpoint lane in docs/svg.md's lane table, by label and key", () => {
    const docs = readFileSync("docs/svg.md", "utf8");
    const missing = fieldLanes()
      .filter((lane) => lane.on === "touchpoint")
      .filter(({ field }) => !docs.includes(`| ${field.label} | \`${field.key}\` |`))
      .map(({ field }) => `| ${field.label} | \`${field.key}\` | … |`);
    expect(missing, "add these rows to the lane table of docs/svg.md").toEqual([]);
  });

  it("is filled by the bench's generated map in every list lane, so the bench draws each lane", () => {
    const { journey } = loadJourney(generateMap({ touchpoints: 5 }));
    const touchpoints = journey!.stages.flatMap((stage) => stage.touchpoints ?? []);
    const empty = fieldLanes()
      .filter(({ field }) => typeof field.lane === "object" && "list" in field.lane)
      .filter(({ field }) => !touchpoints.some((touchpoint) => field.key in touchpoint))
      .map(({ field }) => field.key);
    expect(empty, "add these fields to every touchpoint in bench/generate.mjs").toEqual([]);
  });
});
