// The zip module (src/io/zip.ts): what it writes read back by jszip, a real zip reader that checks every
// entry's CRC-32; what jszip writes read by it; and the packages it refuses, each with its message.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  inflateEntry,
  listEntries,
  repackZip,
  unzipFiles,
  ZipProblem,
  zipFiles,
  type ZipFile,
} from "../../src/io/zip.js";
import { zipOf } from "../helpers/adversarial-xlsx.js";

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const text = (data: Uint8Array) => Buffer.from(data).toString("utf8");
const FIXED = Date.UTC(2000, 0, 1);

const files: ZipFile[] = [
  { name: "[Content_Types].xml", data: bytes("<Types/>") },
  { name: "visio/pages/page1.xml", data: bytes(`<PageContents>${"<Shape/>".repeat(50_000)}</PageContents>`) },
  { name: "docProps/café.xml", data: bytes("<é>ü ✓ 👨‍👩‍👧</é>") },
  { name: "empty.xml", data: new Uint8Array(0) },
];
const asText = (read: readonly ZipFile[]) => read.map(({ name, data }) => [name, text(data)]);

/** The package with `edit` applied to a copy of its bytes. */
function edited(zip: Uint8Array, edit: (copy: Buffer) => void): Uint8Array {
  const copy = Buffer.from(zip);
  edit(copy);
  return new Uint8Array(copy);
}

/** The message `read` fails with, a ZipProblem. */
function problem(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ZipProblem);
    return (error as Error).message;
  }
  throw new Error("no problem found");
}

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

describe("zipFiles", () => {
  it("is read back by jszip, CRC-32 checked: the same files in the same order, dated 2000-01-01", async () => {
    const zip = await JSZip.loadAsync(zipFiles(files), { checkCRC32: true });
    const entries = Object.values(zip.files);
    expect(entries.map((entry) => entry.name)).toEqual(files.map(({ name }) => name));
    for (const [index, entry] of entries.entries()) {
      expect(await entry.async("string"), entry.name).toBe(text(files[index]!.data));
      expect(entry.date.getTime(), entry.name).toBe(FIXED);
      expect(entry.dir).toBe(false);
    }
  });

  it("deflates what has bytes and stores an empty file; `stored` stores them all", () => {
    const deflated = listEntries(zipFiles(files));
    expect(deflated.map((entry) => entry.method)).toEqual([8, 8, 8, 0]);
    // 400 KB of one repeated element, deflated.
    expect(deflated[1]!.compressedSize).toBeLessThan(files[1]!.data.length / 100);
    const stored = listEntries(zipFiles(files, { stored: true }));
    expect(stored.map((entry) => entry.method)).toEqual([0, 0, 0, 0]);
    expect(stored.map((entry) => entry.compressedSize)).toEqual(files.map(({ data }) => data.length));
  });

  it("flags a name that is not ASCII as UTF-8, so a reader that would take it as CP437 does not", async () => {
    const latin1 = (name: Uint8Array | string[] | Buffer) => Buffer.from(name as Uint8Array).toString("latin1");
    const zip = await JSZip.loadAsync(zipFiles(files), { decodeFileName: latin1 });
    expect(Object.keys(zip.files)).toContain("docProps/café.xml");
    // An ASCII name needs no flag: the same reader reads it the same either way.
    expect(Object.keys(zip.files)).toContain("visio/pages/page1.xml");
  });

  it("gives the same bytes for the same files", () => {
    expect(Buffer.from(zipFiles(files)).equals(Buffer.from(zipFiles(files)))).toBe(true);
  });
});

describe("unzipFiles", () => {
  it("reads what jszip writes, stored or deflated, folders left out, in the directory's order", async () => {
    for (const compression of ["STORE", "DEFLATE"] as const) {
      const zip = new JSZip();
      zip.folder("ppt");
      for (const { name, data } of files) zip.file(name, data);
      const read = unzipFiles(await zip.generateAsync({ type: "uint8array", compression }));
      expect(asText(read), compression).toEqual(asText(files));
    }
  });

  it("reads what zipFiles writes", () => {
    expect(asText(unzipFiles(zipFiles(files)))).toEqual(asText(files));
    expect(asText(unzipFiles(zipFiles(files, { stored: true })))).toEqual(asText(files));
  });
});

describe("repackZip", () => {
  it("writes a package dated now again with the fixed date: the same files, the same bytes each time", async () => {
    const zip = new JSZip();
    for (const { name, data } of files) zip.file(name, data, { date: new Date() });
    const written = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const repacked = repackZip(written);
    const read = await JSZip.loadAsync(repacked, { checkCRC32: true });
    for (const entry of Object.values(read.files)) expect(entry.date.getTime(), entry.name).toBe(FIXED);
    expect(asText(unzipFiles(repacked))).toEqual(asText(files));
    expect(Buffer.from(repackZip(repacked)).equals(Buffer.from(repacked))).toBe(true);
    expect(listEntries(repackZip(written, { stored: true })).every((entry) => entry.method === 0)).toBe(true);
  });
});

describe("a package refused, with what is wrong", () => {
  const zip = zipFiles([{ name: "a.xml", data: bytes("<a/>") }]);

  it("not a zip at all", () => {
    expect(problem(() => listEntries(bytes("not a zip at all, just text")))).toBe(
      "it is not a zip package (no end of central directory), as every Office file is: save it again from its program",
    );
  });

  it("cut short inside its central directory: no end record", () => {
    const cut = zip.subarray(0, zip.length - 30);
    expect(problem(() => listEntries(cut))).toMatch(/^it is not a zip package \(no end of central directory\)/);
  });

  it("a central directory that reaches past the end record", () => {
    const truncated = edited(zip, (copy) => copy.writeUInt32LE(10_000, copy.indexOf(END) + 12));
    expect(problem(() => listEntries(truncated))).toBe(
      "its central directory lies outside the file: the package is damaged",
    );
  });

  it("more entries counted than its directory holds", () => {
    const counted = edited(zip, (copy) => {
      copy.writeUInt16LE(2, copy.indexOf(END) + 8);
      copy.writeUInt16LE(2, copy.indexOf(END) + 10);
    });
    expect(problem(() => listEntries(counted))).toBe("its central directory is damaged: save the package again");
  });

  it("an entry whose data lies past the end of the file", () => {
    const huge = edited(zip, (copy) => copy.writeUInt32LE(0x7fff_ffff, copy.indexOf(CENTRAL) + 20));
    expect(problem(() => listEntries(huge))).toBe('its entry "a.xml" lies outside the file: the package is damaged');
  });

  it("65,535 entries: too many, before the count is read as ZIP64's marker", () => {
    const many = edited(zip, (copy) => copy.writeUInt16LE(0xffff, copy.indexOf(END) + 10));
    expect(problem(() => listEntries(many, 2_000))).toBe(
      "it lists 65535 entries, more than the 2000 a journey map's package needs",
    );
    expect(problem(() => listEntries(many, 0xffff))).toBe(
      "it is a ZIP64 package, which journeymap does not read: save it again as a plain zip package",
    );
  });

  it("ZIP64 sizes", () => {
    const zip64 = edited(zip, (copy) => copy.writeUInt32LE(0xffffffff, copy.indexOf(CENTRAL) + 24));
    expect(problem(() => listEntries(zip64))).toMatch(/^it is a ZIP64 package/);
  });

  it("a compression method other than stored or deflated", () => {
    // The central directory's method field (8 = deflated) set to 12 (bzip2).
    const bzip2 = edited(zip, (copy) => copy.writeUInt16LE(12, copy.indexOf(CENTRAL) + 10));
    expect(problem(() => unzipFiles(bzip2))).toBe(
      'its entry "a.xml" uses compression method 12, not deflate: save the package again',
    );
  });

  it("an entry that inflates past its declared size (a zip bomb's lie), or short of it", () => {
    const liar = zipOf([{ name: "big.xml", data: new Uint8Array(1 << 20), declared: 1000 }]);
    const [entry] = listEntries(liar);
    expect(problem(() => inflateEntry(liar, entry!))).toBe(
      'its entry "big.xml" does not inflate to the 1000 bytes its directory declares: the package is damaged or a zip bomb',
    );
    const short = zipOf([{ name: "small.xml", data: bytes("<a/>"), declared: 5 }]);
    expect(problem(() => unzipFiles(short))).toMatch(/^its entry "small.xml" does not inflate to the 5 bytes/);
  });

  it("an entry whose data does not match its CRC-32", () => {
    const damaged = edited(zip, (copy) => copy.writeUInt32LE(0x1234_5678, copy.indexOf(CENTRAL) + 16));
    expect(problem(() => unzipFiles(damaged))).toBe(
      'its entry "a.xml" does not match its CRC-32: the package is damaged',
    );
  });

  it("a directory entry pointing at no local header", () => {
    const moved = edited(zip, (copy) => copy.writeUInt32LE(1, copy.indexOf(CENTRAL) + 42));
    expect(problem(() => unzipFiles(moved))).toBe('its entry "a.xml" is damaged');
  });
});
