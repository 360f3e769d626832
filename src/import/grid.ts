// A sheet as journeymap reads it: rows of values (text or numbers), with the cells that a merge covers,
// whatever file it came from (an .xlsx workbook's sheet, or a CSV file as its one sheet). Problems are
// told at `Sheet!Cell`, as a spreadsheet names a cell.
import { JourneymapError } from "../errors.js";
import { columnLetters } from "../render/export/cells.js";
import type { CellValue } from "../render/export/layout.js";

export interface Grid {
  /** The sheet's name (a CSV file's: its file name without the extension, as Excel names it). */
  name: string;
  /** rows[r][c]: row r + 1, column c + 1; undefined where empty. */
  rows: CellValue[][];
  /** "row:column" (1-based) of each cell that a merge covers but does not start. */
  covered: ReadonlySet<string>;
  /** Cells know text from numbers (a workbook): a text "12" stays text. A CSV file's cells are all text. */
  typed: boolean;
}

/** "Touchpoints!F7". The sheet's name is quoted as Excel quotes it when it is not a plain word. */
export function cellName(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}

/** A problem with the spreadsheet's content, at a cell: exit 2, nothing written. */
export function cellProblem(grid: Pick<Grid, "name">, row: number, column: number, message: string): JourneymapError {
  return new JourneymapError(`${cellName(grid.name, row, column)}: ${message}`);
}

/** The cell at a 1-based row and column. */
export function valueAt(grid: Grid, row: number, column: number): CellValue {
  return grid.rows[row - 1]?.[column - 1];
}

/** A cell's text, trimmed; undefined when empty. */
export function textAt(grid: Grid, row: number, column: number): string | undefined {
  const value = valueAt(grid, row, column);
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** The widest row. */
export function widthOf(grid: Grid): number {
  let width = 0;
  for (const row of grid.rows) width = Math.max(width, row.length);
  return width;
}
