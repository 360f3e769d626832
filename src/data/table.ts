// A CSV export read into columns of codes: each column keeps its distinct cells once and a code per
// row, so that a source's pass over the rows looks each distinct cell up once (its touchpoint, day,
// number) and filters by index (`where`), and so that the sources naming one file read it once per
// run (SourceTables: by device, inode, size and times). Built from csv.ts's stream of rows.
import { CsvProblem, readCsv, type CsvOptions } from "./csv.js";

/** One column: its distinct cells as they were written, and each row's index into them. */
export interface Column {
  codes: Int32Array;
  values: string[];
}

/** A file's rows: the header, then the data rows (blank rows left out) up to the first problem. */
export interface SourceTable {
  delimiter: string;
  header?: string[];
  /** The header's record (its 0-based row in the file, blank rows included). */
  headerRecord: number;
  /** Data rows kept (before any problem). */
  rows: number;
  /** Each data row's record, for positions. */
  records: Int32Array;
  /** The columns read (all, or those a source asked for), by index in the header. */
  columns: ReadonlyMap<number, Column>;
  /** What stopped reading after `rows` rows: the file is not CSV there, or a row's field count is not
   * the header's. A source that reaches the end of the rows meets it. */
  problem?: CsvProblem;
  /** Rows by code, per column: built on first use (the index of `where`). */
  postings(index: number): { starts: Int32Array; rows: Int32Array };
  /** The codes of a column whose cell, trimmed, is `value`: built on first use. */
  codesOf(index: number, value: string): readonly number[];
}

/** A growable array of 32-bit integers. */
class IntList {
  array = new Int32Array(64);
  length = 0;
  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }
  done(): Int32Array {
    return this.array.subarray(0, this.length);
  }
}

/** Reads a file into a table. `wanted` picks the columns to keep from the header (all by default);
 * errors that are not about the content (the file cannot be read) pass through. */
export async function readTable(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  wanted?: (header: readonly string[]) => ReadonlySet<number>,
): Promise<SourceTable> {
  let delimiter = options.delimiter ?? ",";
  let header: string[] | undefined;
  let headerRecord = 0;
  const records = new IntList();
  let builders: Array<{ index: number; codes: IntList; ids: Map<string, number>; values: string[] }> = [];
  let problem: CsvProblem | undefined;
  const onRow = (cells: string[], record: number) => {
    if (cells[0]!.trim() === "" && cells.every((cell) => cell.trim() === "")) return;
    if (!header) {
      header = cells;
      headerRecord = record;
      const kept = wanted?.(cells);
      builders = cells.flatMap((_, index) =>
        kept && !kept.has(index) ? [] : [{ index, codes: new IntList(), ids: new Map<string, number>(), values: [] }],
      );
      return;
    }
    if (cells.length !== header.length)
      throw new CsvProblem(
        `this row has ${cells.length} field${cells.length === 1 ? "" : "s"} and the header ${header.length}: a delimiter too many or too few?`,
        { record },
      );
    records.push(record);
    for (const builder of builders) {
      const cell = cells[builder.index]!;
      let id = builder.ids.get(cell);
      if (id === undefined) {
        id = builder.values.length;
        builder.ids.set(cell, id);
        builder.values.push(cell);
      }
      builder.codes.push(id);
    }
  };
  try {
    await readCsv(chunks, options, onRow, (found) => (delimiter = found));
  } catch (error) {
    if (!(error instanceof CsvProblem)) throw error;
    problem = error;
  }
  const rows = records.length;
  const columns = new Map<number, Column>(
    builders.map((builder) => [builder.index, { codes: builder.codes.done(), values: builder.values }]),
  );
  const postings = new Map<number, { starts: Int32Array; rows: Int32Array }>();
  const trimmedCodes = new Map<number, Map<string, number[]>>();
  return {
    delimiter,
    ...(header ? { header } : {}),
    headerRecord,
    rows,
    records: records.done(),
    columns,
    ...(problem ? { problem } : {}),
    postings(index) {
      let found = postings.get(index);
      if (!found) {
        // A counting sort of the rows by code: rows of one code stay in file order.
        const { codes, values } = columns.get(index)!;
        const starts = new Int32Array(values.length + 1);
        for (let row = 0; row < rows; row++) starts[codes[row]! + 1]!++;
        for (let code = 0; code < values.length; code++) starts[code + 1]! += starts[code]!;
        const next = starts.slice(0, values.length);
        const sorted = new Int32Array(rows);
        for (let row = 0; row < rows; row++) sorted[next[codes[row]!]!++] = row;
        found = { starts, rows: sorted };
        postings.set(index, found);
      }
      return found;
    },
    codesOf(index, value) {
      let byValue = trimmedCodes.get(index);
      if (!byValue) {
        byValue = new Map();
        columns.get(index)!.values.forEach((cell, code) => {
          const trimmed = cell.trim();
          const codes = byValue!.get(trimmed);
          if (codes) codes.push(code);
          else byValue!.set(trimmed, [code]);
        });
        trimmedCodes.set(index, byValue);
      }
      return byValue.get(value) ?? [];
    },
  };
}

/** Files kept as tables for a run: only files up to this size (a table of every column takes a few
 * times the file); a bigger export is read again by each source naming it, with only its columns. */
export const TABLE_CACHE_FILE_BYTES = 16 * 1024 * 1024;
/** The tables kept at once, in file bytes: older ones are dropped past it. */
const TABLE_CACHE_BYTES = 64 * 1024 * 1024;

/** The tables of a run, by the file's identity (device, inode, size, times) and the source's delimiter. */
export class SourceTables {
  readonly #tables = new Map<string, { table: Promise<SourceTable>; bytes: number }>();
  #bytes = 0;

  /** The table of a file, read once; undefined when the file is not to be kept (too big, or unknown). */
  get(
    identity: { key: string; size: number } | undefined,
    options: CsvOptions,
    read: () => Promise<SourceTable>,
  ): Promise<SourceTable> | undefined {
    if (!identity || identity.size > TABLE_CACHE_FILE_BYTES) return undefined;
    const key = `${identity.key}\0${options.delimiter ?? ""}`;
    const kept = this.#tables.get(key);
    if (kept) return kept.table;
    const table = read();
    // A file that cannot be read is not kept: the next source says so again, with its map.
    table.catch(() => this.#forget(key));
    this.#tables.set(key, { table, bytes: identity.size });
    this.#bytes += identity.size;
    for (const [old, entry] of this.#tables) {
      if (this.#bytes <= TABLE_CACHE_BYTES || old === key) break;
      this.#forget(old);
      void entry;
    }
    return table;
  }

  #forget(key: string): void {
    const entry = this.#tables.get(key);
    if (!entry) return;
    this.#bytes -= entry.bytes;
    this.#tables.delete(key);
  }
}
