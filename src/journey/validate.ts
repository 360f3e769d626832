// Schema validation with the validator precompiled from schemas/journeymap.schema.json, and the
// translation of its errors into messages for people, placed at the key, the value or the mapping.
import type { ErrorObject } from "ajv";
import { SCHEMA } from "./checks.js";
import type { Diagnostic, Range } from "../diagnostic.js";
import { compareDiagnostics } from "../diagnostic.js";
import { validate as validateSchema } from "../validators/journey.generated.js";
import { validate as validateSharedSchema } from "../validators/shared.generated.js";
import type { Path, SourceMap } from "./source-map.js";
import { Suggester, SuggestionBudget } from "./suggest.js";

type Validator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

const validateMap = validateSchema as unknown as Validator;
const validateShared = validateSharedSchema as unknown as Validator;

/** Schema diagnostics for a parsed map, in source order. */
export function schemaDiagnostics(value: unknown, source: SourceMap, file: string): Diagnostic[] {
  return diagnosticsOf(validateMap, value, source, file);
}

/** Schema diagnostics for a parsed shared-definitions file (schemas/journeymap.shared.schema.json). */
export function sharedSchemaDiagnostics(value: unknown, source: SourceMap, file: string): Diagnostic[] {
  return diagnosticsOf(validateShared, value, source, file);
}

/** "Did you mean" for unknown keys: one index per list of known keys, one budget per map. */
class KeySuggestions {
  readonly #budget: SuggestionBudget;
  readonly #byKeys = new Map<object, Suggester>();

  constructor(size: number) {
    this.#budget = SuggestionBudget.for(size);
  }

  closest(key: string, schema: { properties?: object }): string | undefined {
    let suggester = this.#byKeys.get(schema);
    if (!suggester)
      this.#byKeys.set(schema, (suggester = new Suggester(Object.keys(schema.properties ?? {}), this.#budget)));
    return suggester.closest(key);
  }
}

function diagnosticsOf(validate: Validator, value: unknown, source: SourceMap, file: string): Diagnostic[] {
  if (validate(value)) return [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const suggestions = new KeySuggestions(source.size);
  for (const error of validate.errors ?? []) {
    const problem = describeError(error, source, suggestions);
    if (!problem) continue;
    const fallback: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const diagnostic: Diagnostic = {
      file,
      ruleId: SCHEMA,
      severity: "error",
      message: problem.message,
      ...(problem.range ?? fallback),
    };
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}

/** The path named by a JSON pointer such as ajv's instancePath (`/stages/0/name`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** What an element is called in messages: `stage "Awareness"`, `touchpoint "Picks a slot"`, `the map`. */
function elementName(path: Path, source: SourceMap): string {
  const kind = elementKind(path);
  if (!kind) return `"${path.join(".")}"`;
  if (path.length === 0) return "the map";
  const element = source.valueAt(path) as Record<string, unknown> | undefined;
  const label =
    typeof element?.name === "string" && element.name
      ? element.name
      : typeof element?.id === "string"
        ? element.id
        : undefined;
  return label ? `${kind} "${label}"` : `${kind} ${Number(path[path.length - 1]) + 1}`;
}

function elementKind(path: Path): string | undefined {
  const shape = path.map((segment) => (/^\d+$/.test(String(segment)) ? "#" : segment)).join("/");
  return {
    "": "map",
    "personas/#": "persona",
    "teams/#": "team",
    "stages/#": "stage",
    "stages/#/touchpoints/#": "touchpoint",
    "metrics/#": "metric",
    "sources/#": "source",
  }[shape];
}

/** What a field is called in messages: `emotion`, `emotion of "parent"`, `goals entry 2`. */
function fieldName(path: Path): string {
  const last = String(path[path.length - 1] ?? "the map");
  const parent = String(path[path.length - 2] ?? "");
  if (/^\d+$/.test(last)) return elementKind(path) ?? `${parent} entry ${Number(last) + 1}`;
  if (parent === "emotion") return `emotion of "${last}"`;
  if (parent === "metrics") return `metric "${last}"`;
  return last;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  array: "a list",
  object: "a mapping",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
};

const SCORE_RULE = "must be a whole number from 1 to 5";

function describeError(
  error: ErrorObject,
  source: SourceMap,
  suggestions: KeySuggestions,
): { message: string; range?: Range } | undefined {
  const path = parsePointer(error.instancePath);
  const field = fieldName(path);
  const got = `(got ${describeValue(error.data)})`;
  const valueRange = source.rangeAt(path);
  const isEmotion = field === "emotion" || field.startsWith("emotion of");

  switch (error.keyword) {
    case "required": {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const hint =
        path.length === 0 && missing === "journeymap" ? ': add "journeymap: 1", the format version, at the top' : "";
      return {
        message: `${elementName(path, source)} is missing "${missing}"${hint}`,
        range: valueRange ?? source.rangeAt([]),
      };
    }
    case "additionalProperties": {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const parent = error.parentSchema as { properties?: object };
      const known = Object.keys(parent.properties ?? {});
      const suggestion = suggestions.closest(key, parent);
      const where = path.length === 0 ? "the map" : (elementKind(path) ?? field);
      const help = suggestion
        ? ` (did you mean "${suggestion}"?)`
        : `: use one of ${known.map((k) => `"${k}"`).join(", ")}, or start your own keys with "x-"`;
      return { message: `unknown key "${key}" in ${where}${help}`, range: source.keyRangeAt([...path, key]) };
    }
    case "type": {
      if (path.length === 0) {
        return {
          message: `a journey map must be a mapping with "journeymap", "title", "personas" and "stages" ${got}`,
          range: valueRange,
        };
      }
      if (isEmotion) {
        const alternative = field === "emotion" ? ", or a mapping from persona id to such a number" : "";
        return { message: `${field} ${SCORE_RULE}${alternative} ${got}`, range: valueRange };
      }
      const expected = String(error.params.type)
        .split(",")
        .map((type) => TYPE_WORDS[type] ?? type)
        .join(" or ");
      return { message: `${field} must be ${expected} ${got}`, range: valueRange };
    }
    case "minimum":
    case "maximum":
      if (isEmotion) return { message: `${field} ${SCORE_RULE} ${got}`, range: valueRange };
      return { message: `${field} ${error.message} ${got}`, range: valueRange };
    case "if":
      // An entry that is an id or a definition: the branch it took has said what is wrong.
      return undefined;
    case "const":
      return { message: `journeymap must be 1, the format version this tool reads ${got}`, range: valueRange };
    case "minItems":
      return {
        message: `${field} must list at least one ${field === "stages" ? "stage" : "persona"}`,
        range: valueRange,
      };
    case "minLength":
      return { message: `${field} must not be empty`, range: valueRange };
    case "maxLength": {
      // Ids are repeated in every finding, diff entry and fingerprint that names what they identify.
      const { limit } = error.params as { limit: number };
      const length = String(error.data).length.toLocaleString("en-US");
      const what = field === "id" ? `${elementName(path.slice(0, -1), source)} has an id` : `${field} names an id`;
      return {
        message: `${what} of ${length} characters: an id has at most ${limit}, use a short kebab-case name`,
        range: valueRange,
      };
    }
    case "dependencies": {
      const { property, missingProperty } = error.params as { property: string; missingProperty: string };
      const why = missingProperty === "better" ? ": say whether higher or lower values are better" : "";
      return {
        message: `${elementName(path, source)} has "${property}" but no "${missingProperty}"${why}`,
        range: source.keyRangeAt([...path, property]) ?? valueRange,
      };
    }
    case "pattern": {
      if (field === "color")
        return { message: `color must be a colour written #rrggbb, like "#1f77b4" ${got}`, range: valueRange };
      const kebab = String(error.data)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
      const owner = elementName(path.slice(0, -1), source);
      const like = kebab ? `, like "${kebab}"` : "";
      if (field === "details")
        return {
          message: `${owner} details ${describeValue(error.data)}: name the map by its id, in lowercase kebab-case${like}`,
          range: valueRange,
        };
      return {
        message: `${owner} has id ${describeValue(error.data)}: ids are lowercase kebab-case${like}`,
        range: valueRange,
      };
    }
    default:
      return { message: `${field} ${error.message ?? "is not valid"}`, range: valueRange };
  }
}
