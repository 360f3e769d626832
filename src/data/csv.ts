// Reading CSV exports as a stream of rows: bytes are decoded (UTF-8 only, byte-order mark dropped,
// line endings made "\n", a leading "#" preamble blanked) and split into cells by papaparse's parser,
// one chunk at a time. What the parser would otherwise buffer or accept (quotes that never close,
// huge fields and rows, too many columns, NUL bytes) is refused; a second pass over the file says
// where, at its line and column. Linear in the file; memory bounded by a few rows.
import { isAscii } from "node:buffer";
import Papa from "papaparse";

/** A field longer than this is not an export's cell but a quote that never closes, or an attack. */
export const MAX_FIELD_LENGTH = 1_000_000;
/** Exports have tens of columns; a million is an attack on memory. */
export const MAX_COLUMNS = 10_000;
/** A row longer than this is refused: the parser reads a row that spans chunks again with each chunk. */
export const MAX_ROW_LENGTH = 4_000_000;

/** A position in the decoded text: a 1-based line and column, or a record (the 0-based index of a row
 * in the file, blank lines included) and one of its fields, that `explainCsv` turns into a line and
 * column with a second pass. */
export type CsvAt = { line: number; column: number } | { record: number; field?: number };

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

/** The fast pass saw a file that is not well-formed CSV (a quote, a field, a row or a column count);
 * the second pass checks the file character by character to say what and where exactly. */
class MalformedCsv extends CsvProblem {}

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
  // ASCII (most exports, most chunks) is read as Latin-1, which is much faster than the decoder; the
  // decoder takes the first chunk (for the byte-order mark) and any chunk after one that was not ASCII
  // (which may have ended inside a character).
  let decoderHolds = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      const wide = wideEncoding(chunk);
      if (wide)
        throw new CsvProblem(`the file is ${wide}, not UTF-8: export it as "CSV UTF-8"`, { line: 1, column: 1 });
    }
    let text: string;
    const atStart = cursor.line === 1 && cursor.column === 1;
    const ascii = isAscii(chunk);
    try {
      text =
        ascii && !decoderHolds
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1")
          : decoder.decode(chunk, { stream: true });
      if (chunk.length > 0) decoderHolds = !ascii;
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

/** The exact check: quotes, fields, rows and columns scanned as papaparse reads them, refused at the
 * line and column of the first problem. Run by the second pass, and over long rows in the first. */
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
      // Spaces between a closing quote and the delimiter are dropped, as papaparse does.
      if (this.#closed && code !== 32 && code !== 9) {
        throw new CsvProblem(
          `${JSON.stringify(text[i])} after a closing quote: a quote inside a quoted field is written twice ("")`,
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
          line: out.length + 1,
          column: 1,
        });
    }
  }
  if (inPreamble) {
    yield { delimiter: delimiter ?? detectDelimiter(pending) };
    if (out + pending) yield out + pending;
  }
}

/** Decoded text and the delimiter, from a file's bytes. */
async function prepare(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
): Promise<{ delimiter: string; text: AsyncGenerator<string> }> {
  const parts = withoutPreamble(decodedText(chunks), options.delimiter);
  const head = await parts.next();
  const delimiter = head.done || typeof head.value === "string" ? "," : head.value.delimiter;
  async function* text(): AsyncGenerator<string> {
    for await (const part of parts) if (typeof part === "string") yield part;
  }
  return { delimiter, text: text() };
}

/** What papaparse's parser returns for one piece of text (it is typed `any`). */
interface ParsedText {
  data: string[][];
  errors: Array<{ message: string; row: number }>;
  meta: { cursor: number };
}

/**
 * Reads every row of a CSV file in order and hands its cells and record number to `onRow` (which
 * may throw a CsvProblem to stop); `onDelimiter` hears the delimiter before the first row. Throws a
 * CsvProblem for a file that is not CSV text; any other error (the file cannot be read) passes
 * through as it is.
 */
export async function readCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  onRow: (cells: string[], record: number) => void,
  onDelimiter?: (delimiter: string) => void,
): Promise<{ delimiter: string }> {
  const { delimiter, text } = await prepare(chunks, options);
  onDelimiter?.(delimiter);
  // The parser itself, fed chunk by chunk: rows come back as arrays, without a stream or a callback per row.
  const parser = new Papa.Parser({ delimiter, newline: "\n", quoteChar: '"', escapeChar: '"' });
  let record = 0;
  const parse = (input: string, last: boolean): string => {
    // Only text this long can hold a field or a row over the limits: the exact check says (a long
    // row is read again only when the text has doubled, so this stays linear).
    if (input.length > MAX_FIELD_LENGTH) {
      try {
        new Guard(delimiter.charCodeAt(0)).scan(input);
      } catch (error) {
        if (error instanceof CsvProblem) throw new MalformedCsv(error.message, { record });
        throw error;
      }
    }
    const parsed = parser.parse(input, 0, !last) as ParsedText;
    const rows = parsed.data;
    const bad = parsed.errors[0];
    const end = bad ? Math.min(bad.row, rows.length) : rows.length;
    for (let i = 0; i < end; i++) {
      const cells = rows[i]!;
      if (cells.length > MAX_COLUMNS)
        throw new MalformedCsv(`this row has more than ${MAX_COLUMNS.toLocaleString("en")} columns`, { record });
      onRow(cells, record++);
    }
    if (bad) throw new MalformedCsv(`${bad.message.toLowerCase()}: check the quotes on this row`, { record });
    const rest = last ? "" : input.slice(parsed.meta.cursor);
    if (rest.length > MAX_ROW_LENGTH)
      throw new MalformedCsv(`this row is longer than ${MAX_ROW_LENGTH.toLocaleString("en")} characters`, { record });
    return rest;
  };
  let pending = "";
  let waitFor = 0;
  for await (const part of text) {
    pending += part;
    if (pending.length < waitFor) continue;
    pending = parse(pending, false);
    waitFor = 2 * pending.length;
  }
  parse(pending, true);
  return { delimiter };
}

/**
 * A problem's message and its line and column, from a second pass over the same decoded text:
 * problems are rare, so the first pass keeps no positions. A file that is not well-formed is checked
 * character by character for the first place it goes wrong.
 */
export async function explainCsv(
  chunks: () => AsyncIterable<Uint8Array>,
  options: CsvOptions,
  problem: CsvProblem,
): Promise<{ message: string; line: number; column: number }> {
  if ("line" in problem.at) return { message: problem.message, ...problem.at };
  if (problem instanceof MalformedCsv) {
    try {
      const { delimiter, text } = await prepare(chunks(), options);
      const guard = new Guard(delimiter.charCodeAt(0));
      for await (const part of text) guard.scan(part);
      guard.end();
    } catch (error) {
      if (!(error instanceof CsvProblem) || !("line" in error.at)) throw error;
      return { message: error.message, ...error.at };
    }
  }
  return { message: problem.message, ...(await locateCsv(chunks(), options, problem.at)) };
}

/** The line and column where a record (or one of its fields) starts, walking the text as papaparse
 * reads it: a quote opens a field only at its start; inside, "" is a quote. */
async function locateCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  target: { record: number; field?: number },
): Promise<{ line: number; column: number }> {
  const field = target.field ?? 0;
  let line = 1;
  let column = 1;
  let record = 0;
  let fieldIndex = 0;
  /** At the first character of a field. */
  let starting = true;
  let quoted = false;
  let quotePending = false;
  const prepared = await prepare(chunks, options).catch(() => undefined);
  if (!prepared) return { line, column };
  const { delimiter, text } = prepared;
  try {
    for await (const chunk of text) {
      for (let i = 0; i < chunk.length; i++) {
        if (starting && record === target.record && fieldIndex === field) return { line, column };
        const character = chunk[i];
        const wasStarting = starting;
        starting = false;
        if (quotePending) {
          quotePending = false;
          if (character !== '"') quoted = false;
        } else if (quoted) {
          if (character === '"') quotePending = true;
        } else if (character === '"' && wasStarting) quoted = true;
        if (!quoted && character === delimiter) {
          fieldIndex++;
          starting = true;
        } else if (!quoted && character === "\n") {
          record++;
          fieldIndex = 0;
          starting = true;
        }
        if (character === "\n") {
          line++;
          column = 1;
        } else column++;
      }
    }
  } catch {
    // The text broke off (the first pass said where): the position reached stands.
  }
  return { line, column };
}
