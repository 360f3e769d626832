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

describe("editor completion", () => {
  it("offers no example or snippet that an editor would label [object Object]", () => {
    // The editor schema (the published one plus the language server's snippets; see scripts/editor-schemas.mjs).
    const schema = JSON.parse(readFileSync("schemas/editor/journeymap.schema.json", "utf8")) as unknown;
    const labels: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      // The YAML language server labels a completion by String(example) for scalar-typed properties.
      const types = ([] as unknown[]).concat(record.type ?? []);
      if (Array.isArray(record.examples) && types.some((type) => type !== "object" && type !== "array")) {
        for (const example of record.examples)
          labels.push(typeof example === "object" ? "[object Object]" : String(example));
      }
      for (const snippet of (record.defaultSnippets as Array<{ label?: unknown }> | undefined) ?? []) {
        labels.push(typeof snippet.label === "string" ? snippet.label : "[object Object]");
      }
      Object.values(record).forEach(visit);
    };
    visit(schema);
    expect(labels).not.toContain("[object Object]");
    expect(labels).toEqual(expect.arrayContaining(["one score for every persona", "a score per persona"]));
  });
});
