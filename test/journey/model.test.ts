// The TypeScript model and the JSON Schema cannot drift apart: same keys, same required keys.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL_KEYS } from "../../src/journey/model-keys.js";

interface ObjectSchema {
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
  patternProperties?: Record<string, unknown>;
}

const schema = JSON.parse(readFileSync("schemas/journeymap.schema.json", "utf8")) as ObjectSchema & {
  definitions: Record<string, ObjectSchema>;
};
const objects: Record<keyof typeof MODEL_KEYS, ObjectSchema> = {
  journey: schema,
  persona: schema.definitions.persona!,
  team: schema.definitions.team!,
  stage: schema.definitions.stage!,
  touchpoint: schema.definitions.touchpoint!,
};

describe.each(Object.entries(objects))("the %s object", (name, objectSchema) => {
  const model = MODEL_KEYS[name as keyof typeof MODEL_KEYS] as Record<string, boolean>;

  it("has the same keys in the schema and in the model", () => {
    expect(Object.keys(objectSchema.properties).sort()).toEqual(Object.keys(model).sort());
  });

  it("requires the same keys in the schema and in the model", () => {
    const required = Object.entries(model)
      .filter(([, isRequired]) => isRequired)
      .map(([key]) => key);
    expect([...(objectSchema.required ?? [])].sort()).toEqual(required.sort());
  });

  it("refuses unknown keys but allows x- extensions", () => {
    expect(objectSchema.additionalProperties).toBe(false);
    expect(Object.keys(objectSchema.patternProperties ?? {})).toEqual(["^x-"]);
  });

  it("documents every key with a description and examples, for editors' hover help", () => {
    for (const [key, property] of Object.entries(objectSchema.properties) as [
      string,
      { description?: string; examples?: unknown[] },
    ][]) {
      expect(property.description, key).toBeTruthy();
      expect(property.examples?.length, key).toBeGreaterThan(0);
    }
  });
});
