// An .xlsx workbook's sheets as grids of values. Before any library inflates a byte, the zip's central
// directory is checked (entries, their declared sizes, the total and the compression ratio) and each
// entry is inflated with a cap at its declared size, so that a zip bomb is refused, not unpacked.
// exceljs (an optional peer dependency) then reads the checked package, stored uncompressed (Node's
// zlib inflated it already; exceljs's JavaScript inflate took 8% of an import). A formula is refused:
// journeymap imports values.
import type { CellValue as ExcelValue, ValueType, Worksheet } from "exceljs";
import { JourneymapError } from "../errors.js";
import type { CellValue } from "../render/export/layout.js";
import { CELL_TYPES, loadWorkbookClass } from "../render/export/excel-workbook.js";
import { listEntries, unzipFiles, ZipProblem, zipFiles } from "../io/zip.js";
import { cellProblem, type Grid } from "./grid.js";

/** A workbook's parts inflated together: a 1,000-touchpoint export is about 1.1 MB, and exceljs reads about 2 MB of sheet XML a second (a 4.7 MB sheet of 100,000 cells: 2.3 s), so 6 MB keeps any import within the 3 s budget. */
export const MAX_UNCOMPRESSED = 6 * 1024 * 1024;
/** Spreadsheet XML compresses 5 to 20 times; far more is a bomb. */
export const MAX_RATIO = 200;
/** The most cells journeymap reads from a workbook. */
export const MAX_CELLS = 500_000;

/** Checks the package's directory and every entry's real size; throws JourneymapError (exit 2). Returns
 * the package with every entry stored uncompressed. */
export function checkPackage(bytes: Uint8Array, shown: string): Uint8Array {
  const fail = (reason: string) => new JourneymapError(`cannot read workbook "${shown}": ${reason}`);
  try {
    const entries = listEntries(bytes, 2_000);
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      if (total > MAX_UNCOMPRESSED)
        throw fail(
          `its parts unpack to more than ${MAX_UNCOMPRESSED / 1024 / 1024} MB, more than a journey map's workbook needs (a zip bomb?): split it into smaller workbooks`,
        );
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)
      )
        throw fail(
          `its entry "${entry.name}" unpacks ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times larger than it is stored, more than the ${MAX_RATIO} times a spreadsheet does (a zip bomb?)`,
        );
    }
    return zipFiles(unzipFiles(bytes, entries), { stored: true });
  } catch (error) {
    if (error instanceof ZipProblem) throw fail(error.message);
    throw error;
  }
}

/** A cell's value as text or a number; dates as YYYY-MM-DD. Formulas are refused by the caller. */
function plain(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return undefined;
}

function gridOf(sheet: Worksheet, budget: { cells: number }): Grid {
  const rows: CellValue[][] = [];
  const covered = new Set<string>();
  const grid: Grid = { name: sheet.name, rows, covered, typed: true };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (--budget.cells < 0)
        throw new JourneymapError(
          `the workbook holds more than ${MAX_CELLS.toLocaleString("en")} cells, more than a journey map needs: split it`,
        );
      if (cell.type === (CELL_TYPES.merge as ValueType)) {
        covered.add(`${rowNumber}:${columnNumber}`);
        return;
      }
      if (cell.formula !== undefined || cell.type === (CELL_TYPES.formula as ValueType))
        throw cellProblem(
          grid,
          rowNumber,
          columnNumber,
          `the cell holds a formula (=${String(cell.formula ?? "").slice(0, 40)}): journeymap imports values only; copy the sheet and paste it as values`,
        );
      values[columnNumber - 1] = plain(cell.value);
    });
    rows[rowNumber - 1] = values;
  });
  for (let index = 0; index < rows.length; index++) rows[index] ??= [];
  return grid;
}

/** Every sheet of the workbook, in the workbook's order. */
export async function readWorkbook(bytes: Uint8Array, shown: string): Promise<Grid[]> {
  const checked = checkPackage(bytes, shown);
  const Workbook = await loadWorkbookClass("importing a workbook (.xlsx)");
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) as never);
  } catch (error) {
    throw new JourneymapError(
      `cannot read workbook "${shown}": ${(error as Error).message.split("\n")[0]} (is it an .xlsx file saved by Excel, LibreOffice or Google Sheets?)`,
    );
  }
  const budget = { cells: MAX_CELLS };
  return workbook.worksheets.map((sheet) => gridOf(sheet, budget));
}
