// Reading CSV exports as a stream of rows: bytes are decoded (UTF-8 only, byte-order mark dropped,
// line endings made "\n", a leading "#" preamble blanked), guarded (quotes that never close, huge
// fields, too many columns, NUL bytes: refused at their line and column before the parser buffers
// them), and split into cells by papaparse. Linear in the file; memory bounded by one row.
import { Readable } from "node:stream";
import { inspect } from "node:util";
import Papa from "papaparse";

/** A field longer than this is not an export's cell but a quote that never closes, or an attack. */
export const MAX_FIELD_LENGTH = 1_000_000;
/** Exports have tens of columns; a million is an attack on memory. */
export const MAX_COLUMNS = 10_000;
/** A row longer than this is refused: the parser reads a row that spans chunks again with each chunk. */
export const MAX_ROW_LENGTH = 4_000_000;

/** A position in the decoded text: a 1-based line and column, or a row's offset (and one of its fields)
 * that `locateCsv` turns into a line and column with a second pass. */
export type CsvAt = { line: number; column: number } | { offset: number; field?: number };

/** A problem with a CSV file's content: what is wrong and where. */
export class CsvProblem extends Error {
  constructor(
    message: string,
    readonly at: CsvAt,
  ) {
    super(message);
    this.name = "CsvProblem";
  }
}

export interface CsvRow {
  cells: string[];
  /** Where the row starts in the decoded text (for locateCsv). */
  offset: number;
}

export interface CsvOptions {
  /** The field separator; undefined: detected from the header line. */
  delimiter?: string;
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** The first bytes of a file saved as UTF-16 or UTF-32 (Excel's "Unicode text"), if they are. */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? "UTF-32" : "UTF-16";
  if (b0 === 0xfe && b1 === 0xff) return "UTF-16";
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return "UTF-32";
  if (bytes.length >= 4 && b1 === 0 && b3 === 0 && b0 !== 0 && b2 !== 0) return "UTF-16";
  if (bytes.length >= 4 && b0 === 0 && b2 === 0 && b1 !== 0 && b3 !== 0) return "UTF-16";
  return undefined;
}

/** The longest prefix of `bytes` that is valid UTF-8 (after any continuation bytes it starts with). */
function validPrefix(bytes: Uint8Array): number {
  const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      fatal.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** Counts lines and columns over the decoded text, so that problems found while reading have positions. */
class Cursor {
  line = 1;
  column = 1;

  advance(text: string, end = text.length): void {
    let last = -1;
    for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
      this.line++;
      last = i;
    }
    this.column = last === -1 ? this.column + end : end - last;
  }

  /** The position `end` characters into `text` from here, without moving. */
  at(text: string, end: number): { line: number; column: number } {
    const copy = new Cursor();
    copy.line = this.line;
    copy.column = this.column;
    copy.advance(text, end);
    return { line: copy.line, column: copy.column };
  }
}

/** Decoded, normalized text in chunks: UTF-8 checked, BOM dropped, "\r\n" and "\r" made "\n", NUL refused. */
async function* decodedText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const cursor = new Cursor();
  let first = true;
  let heldCr = false;
  const normalize = (text: string): string => {
    let out = heldCr ? `\r${text}` : text;
    heldCr = false;
    if (out.includes("\r")) {
      if (out.endsWith("\r")) {
        heldCr = true;
        out = out.slice(0, -1);
      }
      out = out.replace(/\r\n?/g, "\n");
    }
    const nul = out.indexOf("\0");
    if (nul !== -1)
      throw new CsvProblem("the file holds a NUL byte: it is binary, not a CSV export", cursor.at(out, nul));
    cursor.advance(out);
    return out;
  };
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      const wide = wideEncoding(chunk);
      if (wide)
        throw new CsvProblem(`the file is ${wide}, not UTF-8: export it as "CSV UTF-8"`, { line: 1, column: 1 });
    }
    let text: string;
    const atStart = cursor.line === 1 && cursor.column === 1;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // Continuation bytes at the start finish a character the previous chunk began.
      let skip = 0;
      while (skip < 3 && ((chunk[skip] ?? 0) & 0xc0) === 0x80) skip++;
      const good = skip + validPrefix(chunk.subarray(skip));
      // The decoder fails one byte late when a sequence is cut short: point at the sequence's first byte.
      let bad = good;
      for (let back = 1; back <= 3 && good - back >= skip; back++) {
        const byte = chunk[good - back]!;
        if ((byte & 0xc0) === 0xc0) bad = good - back;
        if ((byte & 0xc0) !== 0x80) break;
      }
      const before =
        (skip > 0 ? "?" : "") + new TextDecoder("utf-8", { ignoreBOM: !atStart }).decode(chunk.subarray(skip, bad));
      const shown = before.replace(/\r\n?/g, "\n");
      throw new CsvProblem(
        `byte 0x${chunk[bad]?.toString(16).padStart(2, "0") ?? "??"} is not UTF-8 text: export the file as "CSV UTF-8" (Excel's plain "CSV" writes Windows-1252)`,
        cursor.at(shown, shown.length),
      );
    }
    const out = normalize(text);
    if (out) yield out;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new CsvProblem('the file ends inside a character: export it as "CSV UTF-8"', { ...cursor });
  }
  const out = normalize(rest) + (heldCr ? "\n" : "");
  if (out) yield out;
}

/** Guards what the parser would otherwise buffer: scans quotes and fields as papaparse reads them. */
class Guard {
  #quoted = false;
  #fieldStart = true;
  /** After a closing quote: only a delimiter or a line break may follow. */
  #closed = false;
  /** A quote inside a quoted field whose meaning (escaped or closing) the next character decides. */
  #quotePending = false;
  #fields = 1;
  #fieldLength = 0;
  #rowLength = 0;
  #quoteAt = { line: 1, column: 1 };
  readonly #cursor = new Cursor();

  constructor(private readonly delimiter: number) {}

  scan(text: string): void {
    const delimiter = this.delimiter;
    let lineStart = -this.#cursor.column + 1;
    let line = this.#cursor.line;
    const at = (i: number) => ({ line, column: i - lineStart + 1 });
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (++this.#rowLength > MAX_ROW_LENGTH)
        throw new CsvProblem(`this row is longer than ${MAX_ROW_LENGTH.toLocaleString("en")} characters`, at(i));
      if (this.#quotePending) {
        this.#quotePending = false;
        if (code === 34) {
          this.#fieldLength++;
          continue; // "" inside quotes: one quote
        }
        this.#quoted = false;
        this.#closed = true;
      }
      if (this.#quoted) {
        if (code === 34) this.#quotePending = true;
        else if (code === 10) {
          line++;
          lineStart = i + 1;
        }
        if (++this.#fieldLength > MAX_FIELD_LENGTH)
          throw new CsvProblem(
            `the quoted field that starts here is longer than ${MAX_FIELD_LENGTH.toLocaleString("en")} characters: a quote that never closes?`,
            this.#quoteAt,
          );
        continue;
      }
      if (code === delimiter || code === 10) {
        this.#closed = false;
        this.#fieldStart = true;
        this.#fieldLength = 0;
        if (code === 10) {
          this.#fields = 1;
          this.#rowLength = 0;
          line++;
          lineStart = i + 1;
        } else if (++this.#fields > MAX_COLUMNS) {
          throw new CsvProblem(`this row has more than ${MAX_COLUMNS.toLocaleString("en")} columns`, at(i));
        }
        continue;
      }
      if (this.#closed) {
        throw new CsvProblem(
          `"${text[i]}" after a closing quote: a quote inside a quoted field is written twice ("")`,
          at(i),
        );
      }
      if (code === 34 && this.#fieldStart) {
        this.#quoted = true;
        this.#quoteAt = at(i);
        this.#fieldStart = false;
        continue;
      }
      this.#fieldStart = false;
      if (++this.#fieldLength > MAX_FIELD_LENGTH)
        throw new CsvProblem(`this field is longer than ${MAX_FIELD_LENGTH.toLocaleString("en")} characters`, at(i));
    }
    this.#cursor.line = line;
    this.#cursor.column = text.length - lineStart + 1;
  }

  end(): void {
    if (this.#quoted && !this.#quotePending)
      throw new CsvProblem("this quote is never closed: the file ends inside a quoted field", this.#quoteAt);
  }
}

/** The delimiter a header line uses most outside quotes (a one-column file: a comma). */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const character of header) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(character))
      counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ",";
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/** Text with the leading preamble blanked: "#" lines and blank lines before the header (Google
 * Analytics' exports start with such lines) keep only their line break, so lines keep their numbers.
 * Yields the delimiter first (given, or detected from the header line), then the text. */
async function* withoutPreamble(
  text: AsyncIterable<string>,
  delimiter: string | undefined,
): AsyncGenerator<{ delimiter: string } | string> {
  let pending = "";
  let inPreamble = true;
  // The blanked lines wait for the delimiter, which comes first.
  let out = "";
  for await (const chunk of text) {
    if (!inPreamble) {
      yield chunk;
      continue;
    }
    pending += chunk;
    let start = 0;
    for (;;) {
      const end = pending.indexOf("\n", start);
      if (end === -1) break;
      const line = pending.slice(start, end);
      if (line.trim() === "" || line.trimStart().startsWith("#")) {
        out += "\n";
        start = end + 1;
        continue;
      }
      inPreamble = false;
      yield { delimiter: delimiter ?? detectDelimiter(line) };
      yield out + pending.slice(start);
      pending = "";
      break;
    }
    if (inPreamble) {
      pending = pending.slice(start);
      if (pending.length > MAX_FIELD_LENGTH)
        throw new CsvProblem(`the first line is longer than ${MAX_FIELD_LENGTH.toLocaleString("en")} characters`, {
          offset: 0,
        });
    }
  }
  if (inPreamble) {
    yield { delimiter: delimiter ?? detectDelimiter(pending) };
    if (out + pending) yield out + pending;
  }
}

/** Decoded, guarded text and the delimiter, from a file's bytes. */
async function prepare(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
): Promise<{ delimiter: string; text: AsyncGenerator<string> }> {
  const parts = withoutPreamble(decodedText(chunks), options.delimiter);
  const head = await parts.next();
  const delimiter = head.done || typeof head.value === "string" ? "," : head.value.delimiter;
  const guard = new Guard(delimiter.charCodeAt(0));
  async function* guarded(): AsyncGenerator<string> {
    for await (const part of parts) {
      if (typeof part !== "string") continue;
      guard.scan(part);
      yield part;
    }
    guard.end();
  }
  return { delimiter, text: guarded() };
}

/**
 * Reads every row of a CSV file in order and hands it to `onRow` with the file's delimiter (onRow may
 * throw a CsvProblem to stop). Throws a CsvProblem for a file that is not CSV text; any other error (the file cannot be
 * read) passes through as it is.
 */
export async function readCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  onRow: (row: CsvRow, delimiter: string) => void,
): Promise<{ delimiter: string }> {
  const { delimiter, text } = await prepare(chunks, options);
  const input = Readable.from(text, { objectMode: true });
  let failure: unknown;
  let offset = 0;
  await new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      input.destroy();
      resolve();
    };
    input.on("error", (error) => {
      failure ??= error;
      finish();
    });
    Papa.parse<string[]>(input as unknown as File, {
      delimiter,
      newline: "\n",
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      skipEmptyLines: false,
      step(results, parser) {
        if (failure !== undefined) return;
        const start = offset;
        offset = results.meta.cursor;
        try {
          if (results.errors.length > 0)
            throw new CsvProblem(`${results.errors[0]!.message.toLowerCase()}: check the quotes on this row`, {
              offset: start,
            });
          onRow({ cells: results.data, offset: start }, delimiter);
        } catch (error) {
          failure = error;
          parser.abort();
          finish();
        }
      },
      complete: finish,
      error(error: Error) {
        failure ??= error;
        finish();
      },
    });
  });
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(inspect(failure));
  return { delimiter };
}

/**
 * Turns row offsets (and field indexes) into lines and columns with a second pass over the same
 * decoded text: problems are rare, so the first pass keeps no positions.
 */
export async function locateCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  targets: ReadonlyArray<{ offset: number; field?: number }>,
): Promise<Array<{ line: number; column: number }>> {
  const found = targets.map(() => ({ line: 1, column: 1 }));
  const order = targets.map((_, index) => index).sort((a, b) => targets[a]!.offset - targets[b]!.offset);
  let next = 0;
  let line = 1;
  let column = 1;
  let offset = 0;
  // The row being walked for the fields of targets that start at it.
  let row: { wanted: Array<{ index: number; field: number }>; field: number; quoted: boolean } | undefined;
  const prepared = await prepare(chunks, options).catch(() => undefined);
  if (!prepared) return found;
  const { delimiter, text } = prepared;
  try {
    for await (const chunk of text) {
      for (let i = 0; i < chunk.length; i++, offset++) {
        if (!row && next < order.length && targets[order[next]!]!.offset === offset) {
          row = { wanted: [], field: 0, quoted: false };
          while (next < order.length && targets[order[next]!]!.offset === offset) {
            const index = order[next++]!;
            const field = targets[index]!.field ?? 0;
            if (field === 0) found[index] = { line, column };
            else row.wanted.push({ index, field });
          }
          if (row.wanted.length === 0) row = undefined;
        }
        const character = chunk[i];
        if (row) {
          if (character === '"') row.quoted = !row.quoted;
          else if (!row.quoted && character === "\n") row = undefined;
          else if (!row.quoted && character === delimiter) {
            row.field++;
            for (const wanted of row.wanted)
              if (wanted.field === row.field) found[wanted.index] = { line, column: column + 1 };
            if (row.wanted.every((wanted) => wanted.field <= row!.field)) row = undefined;
          }
        }
        if (character === "\n") {
          line++;
          column = 1;
        } else column++;
      }
      if (next >= order.length && !row) break;
    }
  } catch {
    // The text broke off (the first pass said where): the positions found so far stand.
  }
  for (; next < order.length; next++) found[order[next]!] = { line, column };
  return found;
}
