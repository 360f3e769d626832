// A team's own `x-` keys in the workbook, for every sheet that has them: a column per key (a row on the
// Map info sheet), headed by the key, "<key> (JSON)" when one of its values is not a text or a number.
// Named once for the writer (records.ts, layout.ts, xlsx.ts) and the reader (src/import/).
import { JourneymapError } from "../../errors.js";
import { MAX_DEPTH } from "../../journey/yaml-outcome.js";
import { cellText, CUT_NOTE, MAX_CELL_TEXT } from "./cells.js";
import type { CellValue } from "./layout.js";

/** The header of an x- key's column whose cells are JSON (a value that is not a text or a number). */
export const JSON_COLUMN_SUFFIX = " (JSON)";
/** The header of a fail point's x- key's column starts with it: "Fail x-incident". */
export const FAIL_PREFIX = "Fail ";

/** An x- key's column: headed by the key, or by "<key> (JSON)" when one of its values is not a text or a
 * number (true, null, a list, an object; or a text a cell would not give back: empty, or only spaces). */
export interface ExtensionColumn {
  key: string;
  json: boolean;
  header: string;
  /** A key of the lane entry's fail point ("Fail x-<key>"), not of the entry. */
  fail?: boolean;
}

/** A number every spreadsheet gives back as it is: finite, and of at most 15 significant digits (LibreOffice
 * Calc saves 0.30000000000000004 as 0.3; its JSON text keeps every digit). */
const isCellNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && Number(value.toPrecision(15)) === value;

/** A value a cell gives back as it is: such a number, or a text with something besides spaces and no
 * character a cell drops (control characters, a carriage return; JSON escapes them). A text longer than
 * a cell holds is cut with a note either way. */
const isCellValue = (value: unknown) =>
  (typeof value === "string" && value.trim() !== "" && (value.length > MAX_CELL_TEXT || cellText(value) === value)) ||
  isCellNumber(value);

/** The most x- columns a sheet has: a team keeps a few keys of its own, and each row is as wide as
 * the sheet (10,000 entries with a key each would make 100,000,000 empty cells to walk). */
export const MAX_EXTENSION_COLUMNS = 100;

/** The x- keys of these records (own keys only), in order of first appearance. `what` names the sheet's
 * columns in the message of a refusal ("the Touchpoints sheet would need more than 100 columns"). */
export function extensionColumns(
  records: Iterable<object>,
  sheet: string,
  fail = false,
  what = "columns",
): ExtensionColumn[] {
  const json = new Map<string, boolean>();
  for (const record of records)
    for (const [key, value] of Object.entries(record)) {
      if (!key.startsWith("x-")) continue;
      // A key that itself ends in " (JSON)" is headed "<key> (JSON)" whatever its values, so that the
      // import, which takes the suffix off, finds the key again.
      json.set(key, (json.get(key) ?? false) || !isCellValue(value) || key.endsWith(JSON_COLUMN_SUFFIX));
      if (json.size > MAX_EXTENSION_COLUMNS)
        throw new JourneymapError(
          `the ${sheet} sheet would need more than ${MAX_EXTENSION_COLUMNS} ${what} of x- keys: keep your own data under fewer x- keys (one key can hold an object)`,
        );
    }
  return [...json].map(([key, asJson]) => ({
    key,
    json: asJson,
    header: `${fail ? FAIL_PREFIX : ""}${key}${asJson ? JSON_COLUMN_SUFFIX : ""}`,
    ...(fail ? { fail } : {}),
  }));
}

/** A record's cell of one x- key: a text or a number as it is, in a JSON column the value's JSON. */
export function extensionCell(
  record: object | undefined,
  { key, json }: Pick<ExtensionColumn, "key" | "json">,
): CellValue {
  if (record === undefined || !Object.hasOwn(record, key)) return undefined;
  const value = (record as Record<string, unknown>)[key];
  if (!json || isCellNumber(value)) return value as CellValue;
  // JSON leaves DEL, the C1 controls and U+FFFE/U+FFFF as they are, which a cell drops: escaped, they
  // come back (they can only be in the JSON's texts).
  return (JSON.stringify(value) ?? "null").replace(
    /[\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The x- key a header names, and whether its cells are JSON: "x-jira", "x-meta (JSON)". Undefined for
 * a header that is not an x- key's. The key keeps its case ("X-jira" is not an x- key). */
export function extensionOfHeader(header: string): { key: string; json: boolean } | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith("x-")) return undefined;
  if (!trimmed.endsWith(JSON_COLUMN_SUFFIX)) return { key: trimmed, json: false };
  return { key: trimmed.slice(0, -JSON_COLUMN_SUFFIX.length).trimEnd(), json: true };
}

/** How deep a JSON cell's value may nest: as deep as the map loader reads a map (64 levels in all), so
 * that any value a map holds comes back; every step that walks the map is recursive, and a
 * 32,767-character cell could nest 16,000 levels. A value that nests past the map's limit with the
 * levels above it is refused by the loader when the import checks the map. */
export const MAX_JSON_DEPTH = MAX_DEPTH;

/** The most lists and objects the JSON cells of one import hold in all: the map loader reads a nested
 * list written as YAML in about 30 µs (a 1 MB workbook could hold a million), and a team's own data on
 * a map of 1,000 touchpoints is a few thousand. */
export const MAX_JSON_COLLECTIONS = 20_000;

/** Why a JSON column's cell is not a value, in words for a message at the cell; or the value. */
export type ExtensionValue = { value: unknown } | { problem: string };

/** Reads the cells of x- keys' columns as the keys' values, for one import: a text or a number as the
 * cell holds it, a JSON column's cell parsed (a number cell as the number), within the bounds above. */
export class ExtensionReader {
  private collections = 0;

  /** `header` is the column's header without " (JSON)". */
  read(value: string | number, json: boolean, header: string): ExtensionValue {
    if (!json || typeof value === "number") return { value };
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      if (value.endsWith(CUT_NOTE))
        return {
          problem: `the value was cut at Excel's ${MAX_CELL_TEXT.toLocaleString("en")} characters when the workbook was written, and is no longer JSON: keep a value this long in the map, not in the workbook (or put less under one x- key)`,
        };
      return {
        problem: `${JSON.stringify(value.slice(0, 40))} is not JSON, which the column "${header}${JSON_COLUMN_SUFFIX}" holds: write the value as JSON ("text" in double quotes), or name the column "${header}" for text`,
      };
    }
    const walked = this.walk(parsed, MAX_JSON_DEPTH);
    if (walked === "deep")
      return {
        problem: `the value is nested more than ${MAX_JSON_DEPTH} levels deep: a map holds a handful, flatten it`,
      };
    if (walked === "many")
      return {
        problem: `the workbook's JSON cells hold more than ${MAX_JSON_COLLECTIONS.toLocaleString("en")} lists and objects, more than a team's own keys on a journey map need: keep fewer nested values under x- keys`,
      };
    return { value: parsed };
  }

  /** Counts the value's lists and objects; stops at the first past either bound. */
  private walk(value: unknown, levels: number): "deep" | "many" | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    if (levels === 0) return "deep";
    if (++this.collections > MAX_JSON_COLLECTIONS) return "many";
    for (const item of Object.values(value)) {
      const found = this.walk(item, levels - 1);
      if (found) return found;
    }
    return undefined;
  }
}
