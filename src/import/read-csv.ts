// A CSV file as one sheet, read by the bounded CSV reader of `data` (src/data/csv.ts: UTF-8 only, a
// byte-order mark dropped, CRLF made LF, quotes, field and row sizes checked). A cell that starts with
// "=" is a formula a spreadsheet would evaluate: refused; one escaped with a leading "'" (OWASP's advice
// for CSV files) is read without the quote.
import { basename } from "node:path";
import { CsvProblem, explainCsv, readCsv } from "../data/csv.js";
import { JourneymapError } from "../errors.js";
import type { CellValue } from "../render/export/layout.js";
import { cellProblem, type Grid } from "./grid.js";

/** The most cells journeymap reads from a CSV file. */
const MAX_CELLS = 2_000_000;

function sheetName(shown: string): string {
  const base = basename(shown);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

export async function readCsvSheet(bytes: Uint8Array, shown: string): Promise<Grid> {
  // The reader takes a stream of chunks; the file is one, already read within its size limit.
  const chunks = async function* () {
    yield await Promise.resolve(bytes);
  };
  const rows: CellValue[][] = [];
  const grid: Grid = { name: sheetName(shown), rows, covered: new Set(), typed: false };
  let cells = 0;
  try {
    await readCsv(chunks(), {}, (fields, record) => {
      cells += fields.length;
      if (cells > MAX_CELLS)
        throw new JourneymapError(
          `"${shown}" holds more than ${MAX_CELLS.toLocaleString("en")} cells, more than a journey map needs: split it`,
        );
      rows[record] = fields.map((field, index) => {
        if (field === "") return undefined;
        if (field.startsWith("="))
          throw cellProblem(
            grid,
            record + 1,
            index + 1,
            `the cell is a formula (${JSON.stringify(field.slice(0, 40))}): journeymap imports values; export the values, or start the text with ' to keep it as text`,
          );
        return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
      });
    });
  } catch (error) {
    if (!(error instanceof CsvProblem)) throw error;
    const { message, line, column } = await explainCsv(chunks, {}, error);
    throw new JourneymapError(`${shown}:${line}:${column}: ${message}`);
  }
  for (let index = 0; index < rows.length; index++) rows[index] ??= [];
  return grid;
}
