// Hostile zip packages given to `journeymap import` (src/io/zip.ts reads them): a central directory cut
// short or reaching past the file, entries declaring huge sizes, 65,535 entries, a bomb of overlapping
// entries, a damaged CRC-32. Each is refused with one message that says what is wrong, within 3 s of
// CPU and a 500 MB heap, in a child process (import-child.mjs); TIME_SLACK loosens the time bound.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { overlappingZip, zipOf } from "../helpers/adversarial-xlsx.js";
import { inImportChild } from "../helpers/import-child.js";

const CLI = fileURLToPath(new URL("../../bin/journeymap.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "journeymap-zip-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const workbookParts = () => [
  { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") },
  { name: "xl/worksheets/sheet1.xml", data: new TextEncoder().encode("<worksheet/>".repeat(1000)) },
];

/** The refusal of importing `zip` as `name`, after checking its CPU time and memory. */
function refusal(name: string, zip: Uint8Array): string {
  const file = join(folder, name);
  writeFileSync(file, zip);
  const outcome = inImportChild("import", file, name, 500);
  expect(outcome.refusal, "not refused").toBeDefined();
  return outcome.refusal!.replace(/^cannot read workbook ".*?": /, "");
}

/** A copy of `zip` with `edit` applied. */
function edited(zip: Uint8Array, edit: (copy: Buffer) => void): Uint8Array {
  const copy = Buffer.from(zip);
  edit(copy);
  return new Uint8Array(copy);
}

describe("a hostile zip package, imported", () => {
  it("cut short inside its central directory (no end record)", () => {
    const zip = zipOf(workbookParts());
    expect(refusal("cut.xlsx", zip.subarray(0, zip.length - 40))).toBe(
      "it is not a zip package (no end of central directory), as every Office file is: save it again from its program",
    );
  });

  it("an end record whose directory reaches past it", () => {
    const zip = edited(zipOf(workbookParts()), (copy) => copy.writeUInt32LE(0x00ff_ffff, copy.indexOf(END) + 12));
    expect(refusal("reach.xlsx", zip)).toBe("its central directory lies outside the file: the package is damaged");
  });

  it("an end record counting 2,000 entries over a directory of 2", () => {
    const zip = edited(zipOf(workbookParts()), (copy) => {
      copy.writeUInt16LE(2_000, copy.indexOf(END) + 8);
      copy.writeUInt16LE(2_000, copy.indexOf(END) + 10);
    });
    expect(refusal("counted.xlsx", zip)).toBe("its central directory is damaged: save the package again");
  });

  it("an entry declaring 4 GB unpacked", () => {
    const zip = zipOf([...workbookParts(), { name: "xl/huge.xml", data: new Uint8Array(10), declared: 0xffff_fffe }]);
    expect(refusal("declared.xlsx", zip)).toMatch(/^its parts unpack to more than 6 MB/);
  });

  it("an entry declaring 2 GB stored", () => {
    const zip = edited(zipOf(workbookParts()), (copy) => copy.writeUInt32LE(0x7fff_ffff, copy.indexOf(CENTRAL) + 20));
    expect(refusal("stored.xlsx", zip)).toBe(
      'its entry "[Content_Types].xml" lies outside the file: the package is damaged',
    );
  });

  it("65,535 entries (4 MB)", () => {
    expect(refusal("entries.xlsx", overlappingZip(0xffff, 1))).toBe(
      "it lists 65535 entries, more than the 2000 a journey map's package needs",
    );
  });

  it("2,000 entries sharing one deflated kernel of 1 MB of zeros (an overlapping zip bomb)", () => {
    expect(refusal("overlap.xlsx", overlappingZip(2_000, 1 << 20))).toMatch(/^its parts unpack to more than 6 MB/);
  });

  it("2,000 entries sharing one kernel of 3 KB, within the total (6 MB in all): read, and no sheet found", () => {
    expect(refusal("overlap-small.xlsx", overlappingZip(2_000, 3_000))).toMatch(/has no sheet: nothing to import$/);
  });

  it("an entry whose data does not match its CRC-32", () => {
    const zip = edited(zipOf(workbookParts()), (copy) => copy.writeUInt32LE(0x1234_5678, copy.indexOf(CENTRAL) + 16));
    expect(refusal("crc.xlsx", zip)).toBe(
      'its entry "[Content_Types].xml" does not match its CRC-32: the package is damaged',
    );
  });

  it("says so in one line on standard error, exit code 2", () => {
    const file = join(folder, "one-line.xlsx");
    writeFileSync(file, zipOf(workbookParts()).subarray(0, 200));
    const cli = spawnSync(process.execPath, [CLI, "import", file], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(
      `journeymap: cannot read workbook "${file}": it is not a zip package (no end of central directory), as every Office file is: save it again from its program\n`,
    );
  });
});
