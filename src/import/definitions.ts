// The small sheets of a workbook journeymap wrote (or a team laid out the same way): personas, teams,
// metrics, and the map's own facts. Each is optional; a sheet that is there is read by its headers. A
// team's own x- keys are a column each (a row each on the Map info sheet), as extensions.ts writes them.
import {
  ExtensionReader,
  extensionOfHeader,
  MAX_EXTENSION_COLUMNS,
  type ExtensionColumn,
} from "../render/export/extensions.js";
import { DEFINITION_COLUMNS, INFO_ROWS, LIST_KEYS, listOf, SHEETS, VERSION_LABEL } from "../render/export/layout.js";
import type { LaneDefinition, MetricDefinition, Persona, Team } from "../journey/model.js";
import { cellProblem, textAt, valueAt, widthOf, type Grid } from "./grid.js";
import { requiredNumber, textOf } from "./values.js";

/** The Map info values that are ids, names or dates rather than free text. */
const TRIMMED_INFO: ReadonlySet<string> = new Set(["id", "type", "status", "reviewed"]);
const NUMBER_KEYS = new Set(["target", "warning", "order"]);

/** An x- key read from a cell (its key, JSON or not), or a message at the cell. */
function extensionAt(
  reader: ExtensionReader,
  grid: Grid,
  row: number,
  column: number,
  extension: Pick<ExtensionColumn, "key" | "json">,
): { value: unknown } | undefined {
  const cell = valueAt(grid, row, column);
  if (cell === undefined || (typeof cell === "string" && cell.trim() === "")) return undefined;
  const read = reader.read(cell, extension.json, extension.key);
  if ("problem" in read) throw cellProblem(grid, row, column, read.problem);
  return read;
}

function tooManyExtensions(grid: Grid, row: number, column: number, what: string) {
  return cellProblem(
    grid,
    row,
    column,
    `the ${grid.name} sheet has more than ${MAX_EXTENSION_COLUMNS} ${what} of x- keys: keep your own data under fewer x- keys (one key can hold an object)`,
  );
}

function definitionsOf<T>(reader: ExtensionReader, grid: Grid, columns: ReadonlyArray<readonly [string, string]>): T[] {
  const keys: (string | undefined)[] = [];
  const extensions = new Map<number, { key: string; json: boolean }>();
  const seen = new Set<string>();
  for (let column = 1, width = widthOf(grid); column <= width; column++) {
    const header = textAt(grid, 1, column);
    if (header === undefined) continue;
    if (grid.covered.has(`1:${column + 1}`))
      throw cellProblem(grid, 1, column, `the header "${header}" is merged over several columns: unmerge it`);
    const key = columns.find(([name]) => name.toLowerCase() === header.toLowerCase())?.[1];
    const extension = key === undefined ? extensionOfHeader(header) : undefined;
    if (extension) {
      if (seen.has(extension.key))
        throw cellProblem(grid, 1, column, `the column "${header}" is there twice: keep one`);
      seen.add(extension.key);
      extensions.set(column, extension);
      if (extensions.size > MAX_EXTENSION_COLUMNS) throw tooManyExtensions(grid, 1, column, "columns");
      continue;
    }
    if (key === undefined)
      throw cellProblem(
        grid,
        1,
        column,
        `unknown column "${header}": the ${grid.name} sheet has ${columns.map(([name]) => name).join(", ")}, and x-<your key>`,
      );
    keys[column - 1] = key;
  }
  if (!keys.includes("id"))
    throw cellProblem(
      grid,
      1,
      1,
      `the ${grid.name} sheet has no "Id" column: add one (its first row names the columns)`,
    );
  // The named columns only: a row's other cells are read by no one (and a sheet may be 16,384 wide).
  const named = keys.flatMap((key, index) => (key === undefined ? [] : [[key, index] as const]));
  const definitions: T[] = [];
  for (let row = 2; row <= grid.rows.length; row++) {
    const definition: Record<string, unknown> = {};
    named.forEach(([key, index]) => {
      const value = valueAt(grid, row, index + 1);
      if (LIST_KEYS.has(key)) {
        const items = listOf(value);
        if (items) definition[key] = items;
      } else if (NUMBER_KEYS.has(key)) {
        const number = requiredNumber(grid, row, index + 1, value, key);
        if (number !== undefined) definition[key] = number;
      } else {
        const text = key === "id" ? textAt(grid, row, index + 1) : textOf(value);
        if (text !== undefined) definition[key] = text;
      }
    });
    for (const [column, extension] of extensions) {
      const read = extensionAt(reader, grid, row, column, extension);
      if (read) definition[extension.key] = read.value;
    }
    if (Object.keys(definition).length === 0) continue;
    if (definition.id === undefined) {
      const idColumn = keys.indexOf("id") + 1;
      throw cellProblem(grid, row, idColumn, `this row has no id: give each row of the ${grid.name} sheet an id`);
    }
    definitions.push(definition as T);
  }
  return definitions;
}

export interface WorkbookDefinitions {
  personas?: Persona[];
  teams?: Team[];
  metrics?: MetricDefinition[];
  lanes?: LaneDefinition[];
  info: Record<string, string | string[]>;
  /** The map's own x- keys, from the Map info sheet. */
  extensions: Record<string, unknown>;
}

/** The personas, teams, metrics and map facts of the sheets a workbook has. */
export function readDefinitions(
  sheets: ReadonlyMap<string, Grid>,
  reader = new ExtensionReader(),
): WorkbookDefinitions {
  const found: WorkbookDefinitions = { info: {}, extensions: {} };
  const personas = sheets.get(SHEETS.personas.toLowerCase());
  if (personas) found.personas = definitionsOf<Persona>(reader, personas, DEFINITION_COLUMNS.personas);
  const teams = sheets.get(SHEETS.teams.toLowerCase());
  if (teams) found.teams = definitionsOf<Team>(reader, teams, DEFINITION_COLUMNS.teams);
  const metrics = sheets.get(SHEETS.metrics.toLowerCase());
  if (metrics) found.metrics = definitionsOf<MetricDefinition>(reader, metrics, DEFINITION_COLUMNS.metrics);
  const lanes = sheets.get(SHEETS.lanes.toLowerCase());
  if (lanes) found.lanes = definitionsOf<LaneDefinition>(reader, lanes, DEFINITION_COLUMNS.lanes);
  const info = sheets.get(SHEETS.info.toLowerCase());
  if (info) {
    const seen = new Set<string>();
    for (let row = 1; row <= info.rows.length; row++) {
      const label = textAt(info, row, 1);
      if (label === undefined || label === VERSION_LABEL) continue;
      const extension = extensionOfHeader(label);
      if (extension) {
        if (seen.has(extension.key)) throw cellProblem(info, row, 1, `the row "${label}" is there twice: keep one`);
        seen.add(extension.key);
        if (seen.size > MAX_EXTENSION_COLUMNS) throw tooManyExtensions(info, row, 1, "rows");
        const read = extensionAt(reader, info, row, 2, extension);
        if (read) found.extensions[extension.key] = read.value;
        continue;
      }
      const key = INFO_ROWS.find(([name]) => name.toLowerCase() === label.toLowerCase())?.[1];
      if (key === undefined)
        throw cellProblem(
          info,
          row,
          1,
          `unknown row "${label}": the ${info.name} sheet has ${INFO_ROWS.map(([name]) => name).join(", ")}, and x-<your key>`,
        );
      const value = valueAt(info, row, 2);
      const read = key === "tags" ? listOf(value) : TRIMMED_INFO.has(key) ? textAt(info, row, 2) : textOf(value);
      if (read !== undefined) found.info[key] = read;
    }
  }
  return found;
}
