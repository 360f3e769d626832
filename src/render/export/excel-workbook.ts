// exceljs's Workbook class, for the Excel export and the workbook import. exceljs (an optional peer
// dependency) is loaded only here and only when a workbook is read or written.
import type { Workbook } from "exceljs";
import { importOptional } from "../browser.js";

export type WorkbookClass = typeof Workbook;

/** exceljs's cell types (ValueType in its enums). */
export const CELL_TYPES = { merge: 1, formula: 6 } as const;

/**
 * The Workbook class alone: exceljs's index also loads its streaming reader and writer and its CSV
 * parser (unzipper, archiver, fast-csv), 170 of the 300 ms its import costs. Should a later exceljs
 * move that file, the package's index is the fallback (and says what to install when it is missing).
 */
export async function loadWorkbookClass(purpose: string): Promise<WorkbookClass> {
  try {
    const { default: loaded } = await import("exceljs/lib/doc/workbook.js");
    if (typeof loaded === "function") return loaded;
  } catch {
    // Not where exceljs 4 keeps it: the index below.
  }
  const { default: index } = await importOptional("exceljs", purpose, () => import("exceljs"));
  return index.Workbook;
}
