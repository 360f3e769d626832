// CSV reading as a user meets it: real export shapes read to the right cells, and every bad file
// refused with the line and column where it goes wrong.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvProblem, explainCsv, readCsv, MAX_COLUMNS } from "../../src/data/csv.js";

const bytes = (text: string | Uint8Array) => (typeof text === "string" ? new TextEncoder().encode(text) : text);
/** The file in chunks of `size` bytes, so that every boundary case is crossed, read as a stream is. */
function chunks(text: string | Uint8Array, size = 3): AsyncIterable<Uint8Array> {
  const all = bytes(text);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += size) parts.push(all.subarray(i, i + size));
  return Readable.from(parts);
}

async function rows(text: string | Uint8Array, size = 3) {
  const found: string[][] = [];
  const { delimiter } = await readCsv(chunks(text, size), {}, (cells) => found.push(cells));
  return { delimiter, rows: found.filter((cells) => cells.some((cell) => cell.trim() !== "")) };
}

async function problem(
  text: string | Uint8Array,
  size = 5,
): Promise<{ message: string; line: number; column: number }> {
  try {
    await readCsv(chunks(text, size), {}, () => {});
  } catch (error) {
    if (!(error instanceof CsvProblem)) throw error;
    return explainCsv(() => chunks(text, size), {}, error);
  }
  throw new Error("no problem found");
}

describe("readCsv", () => {
  it("reads a BOM, CRLF, quoted commas and doubled quotes, in any chunking", async () => {
    for (const size of [1, 2, 7, 1000]) {
      expect(await rows('\ufeffa,b\r\n1,"x, ""y"""\r\n2,"multi\r\nline"\r\n', size)).toEqual({
        delimiter: ",",
        rows: [
          ["a", "b"],
          ["1", 'x, "y"'],
          ["2", "multi\nline"],
        ],
      });
    }
  });

  it("drops spaces between a closing quote and the delimiter, as papaparse does", async () => {
    expect((await rows('a,b\n"x" ,"y"  \n')).rows).toEqual([
      ["a", "b"],
      ["x", "y"],
    ]);
  });

  it("hands rows over in file order up to the first malformed one, whatever the chunk size", async () => {
    for (const size of [1, 4, 64, 65536]) {
      const seen: number[] = [];
      const text = 'a,b\n1,2\n3,"x"y\n5,6\n';
      const failure = await readCsv(chunks(text, size), {}, (_cells, record) => seen.push(record)).catch(
        (error: unknown) => error,
      );
      expect(seen, `chunks of ${size}`).toEqual([0, 1]);
      expect(failure).toBeInstanceOf(CsvProblem);
      expect(await explainCsv(() => chunks(text, size), {}, failure as CsvProblem)).toEqual({
        message: '"y" after a closing quote: a quote inside a quoted field is written twice ("")',
        line: 3,
        column: 6,
      });
    }
  });

  it("skips a GA4 preamble of # lines and detects ; and tab delimiters", async () => {
    expect((await rows("# report\n#\n\nx;y\n1;2,5\n")).rows).toEqual([
      ["x", "y"],
      ["1", "2,5"],
    ]);
    expect((await rows("x\ty\n1\t2\n")).delimiter).toBe("\t");
  });

  it("finds a row's field again for its position, past quoted delimiters and line breaks", async () => {
    const text = 'a,b,c\n1,"q,\nq",3\n4,5,6\n';
    const at = (record: number, field?: number) =>
      explainCsv(() => chunks(text), {}, new CsvProblem("m", field === undefined ? { record } : { record, field }));
    expect(await at(1, 2)).toEqual({ message: "m", line: 3, column: 4 });
    expect(await at(1)).toEqual({ message: "m", line: 2, column: 1 });
    expect(await at(2, 1)).toEqual({ message: "m", line: 4, column: 3 });
  });
});

describe("bad CSV files are refused where they go wrong", () => {
  it.each([
    [
      "a quote that never closes",
      'a,b\n1,"never\n2,3\n',
      "this quote is never closed: the file ends inside a quoted field",
      2,
      3,
    ],
    [
      "text after a closing quote",
      'a,b\n1,"x"y\n',
      '"y" after a closing quote: a quote inside a quoted field is written twice ("")',
      2,
      6,
    ],
    ["a NUL byte", "a,b\n1,x\0y\n", "the file holds a NUL byte: it is binary, not a CSV export", 2, 4],
    [
      "Windows-1252 text",
      new Uint8Array([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'byte 0xe9 is not UTF-8 text: export the file as "CSV UTF-8" (Excel\'s plain "CSV" writes Windows-1252)',
      2,
      4,
    ],
    [
      "UTF-16",
      new Uint8Array([0xff, 0xfe, 0x61, 0x00]),
      'the file is UTF-16, not UTF-8: export it as "CSV UTF-8"',
      1,
      1,
    ],
  ])("%s", async (_name, text, message, line, column) => {
    expect(await problem(text)).toEqual({ message, line, column });
  });

  it("refuses a row of a million columns at the column past the limit, in linear time", async () => {
    const started = performance.now();
    expect(await problem(`a\n${",".repeat(1_000_000)}\n`, 65536)).toEqual({
      message: `this row has more than ${MAX_COLUMNS.toLocaleString("en")} columns`,
      line: 2,
      column: MAX_COLUMNS,
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a huge field, and a quote left open over megabytes, at the quote", async () => {
    expect((await problem(`a\n${"x".repeat(1_100_000)}\n`, 65536)).message).toBe(
      "this field is longer than 1,000,000 characters",
    );
    expect(await problem(`a,b\n1,"${"x".repeat(1_100_000)}`, 65536)).toEqual({
      message: "the quoted field that starts here is longer than 1,000,000 characters: a quote that never closes?",
      line: 2,
      column: 3,
    });
  });
});
