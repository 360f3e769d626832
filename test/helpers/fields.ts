// The field registry as the tests use it: the JSON Schema a field's kind takes, the kind a schema
// property has, a field added to the registry at run time, and fast-check arbitraries for every list
// field the registry has (so that a field added there is generated without an edit here).
import fc from "fast-check";
import { TOUCHPOINT_FIELDS, touchpointFields, type Field, type FieldSpec } from "../../src/journey/fields.js";

/** A schema property: enough of JSON Schema to tell a field's kind. */
export interface PropertySchema {
  $ref?: string;
  type?: string | string[];
  items?: PropertySchema;
}

/** The schema fragment a map's schema gives a field of this kind (schemas/journeymap.schema.json). */
export function schemaOfKind(kind: FieldSpec["kind"]): PropertySchema & Record<string, unknown> {
  switch (kind) {
    case "text":
      return { type: "string", minLength: 1 };
    case "list":
      return { $ref: "#/definitions/textList" };
    case "emotion":
      return {
        type: ["integer", "object"],
        minimum: 1,
        maximum: 5,
        additionalProperties: { $ref: "#/definitions/score" },
      };
    case "metrics":
      return { $ref: "#/definitions/metricValues" };
    case "touchpoints":
      return { type: "array", items: { $ref: "#/definitions/touchpoint" } };
    case "lanes":
      return { $ref: "#/definitions/laneValues" };
  }
}

/** The kind of value a schema property takes, read back from the schema. */
export function kindOfSchema(property: PropertySchema): FieldSpec["kind"] | undefined {
  if (property.$ref === "#/definitions/textList") return "list";
  if (property.$ref === "#/definitions/metricValues") return "metrics";
  if (property.$ref === "#/definitions/id" || property.type === "string") return "text";
  if (Array.isArray(property.type) && property.type.join() === "integer,object") return "emotion";
  if (property.type === "array" && property.items?.type === "string") return "list";
  if (property.type === "array" && property.items?.$ref === "#/definitions/touchpoint") return "touchpoints";
  // Opportunities: texts, or objects that read as their title (entryText).
  if (property.type === "array" && property.items?.$ref === "#/definitions/opportunity") return "list";
  if (property.$ref === "#/definitions/laneValues") return "lanes";
  return undefined;
}

/** Adds a touchpoint field to the registry, as a contributor's entry in src/journey/fields.ts would.
 * Modules that read the registry when they load must be imported after this (dynamic imports). */
export function addTouchpointField(key: string, spec: FieldSpec): void {
  (TOUCHPOINT_FIELDS as unknown as Record<string, FieldSpec>)[key] = spec;
}

/** The touchpoint fields that hold a list of free text (not references): the ones a generator fills with text. */
export const freeListFields = (): Field[] =>
  touchpointFields().filter((field) => field.kind === "list" && field.refers === undefined);

/** An fc.record model with `arbitrary` for every free list field of the registry. */
export function listFieldsModel<T>(arbitrary: fc.Arbitrary<T>): Record<string, fc.Arbitrary<T>> {
  return Object.fromEntries(freeListFields().map((field) => [field.key, arbitrary]));
}
