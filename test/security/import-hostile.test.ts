// Issue 23's budget: any input of at most 1 MB is exported to .xlsx, or imported from .xlsx or .csv,
// within 3 s and a 500 MB heap, or refused with a message. Each input runs in a child process
// (node --max-old-space-size=500); TIME_SLACK (default 2) loosens the time bound on a loaded machine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialMaps } from "../helpers/adversarial.js";
import { zipBomb, zipOf } from "../helpers/adversarial-xlsx.js";
import { inImportChild, type ImportOutcome } from "../helpers/import-child.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-import-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(mode: "render" | "import", name: string, contents: string | Uint8Array): ImportOutcome {
  const file = join(folder, name);
  writeFileSync(file, contents);
  return inImportChild(mode, file, name, 600);
}

const SHAPES = [
  "long lines",
  "30,000 keys",
  "personas × touchpoints",
  "shared score × personas",
  "huge metrics",
  "hostile text",
];

describe("a 1 MB map of each adversarial shape, rendered to .xlsx", () => {
  it.each(SHAPES)("%s", (shape) => {
    const outcome = run("render", `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`, adversarialMaps[shape]!());
    // Written, or refused with a message (Excel's 16,384 columns), never a crash.
    expect(outcome.size > 0 || outcome.refusal !== undefined).toBe(true);
  });
});

/** A CSV of about 1 MB in the Touchpoints layout: `rows` rows of `cell`. */
function csvOf(rows: number, row: (index: number) => string): string {
  const lines = ["Stage,Touchpoint,Owner,Emotion,Pain points"];
  for (let index = 0; index < rows; index++) lines.push(row(index));
  return lines.join("\n");
}

describe("a hostile spreadsheet of at most 1 MB, imported", () => {
  it("20,000 touchpoints in one CSV", () => {
    const csv = csvOf(
      20_000,
      (index) => `Stage ${index % 50},Touchpoint number ${index},team-${index % 7},${(index % 5) + 1},pain`,
    );
    expect(csv.length).toBeLessThan(1 << 20);
    expect(run("import", "many.csv", csv).refusal).toBeUndefined();
  });

  it("20,000 stages of one touchpoint each", () => {
    const csv = csvOf(20_000, (index) => `S${index},T${index},,,`);
    expect(run("import", "stages.csv", csv).refusal).toBeUndefined();
  });

  it("one 1 MB cell", () => {
    const csv = `Stage,Touchpoint\nBrowse,"${"x".repeat(900_000)}"\n`;
    expect(run("import", "cell.csv", csv).refusal).toBeUndefined();
  });

  it("5,000 unknown columns", () => {
    const csv = `Stage,Touchpoint,${Array.from({ length: 5_000 }, (_, index) => `Column ${index}`).join(",")}\n`;
    expect(run("import", "columns.csv", csv).refusal).toMatch(/^columns!C1: unknown column "Column 0"/);
  });

  it("5,000 persona emotion columns of 40 rows", () => {
    const header = `Stage,Touchpoint,${Array.from({ length: 5_000 }, (_, index) => `Emotion: p${index}`).join(",")}`;
    const rows = Array.from({ length: 40 }, (_, index) => `S,T${index},${"3,".repeat(4_999)}3`);
    const outcome = run("import", "personas.csv", [header, ...rows].join("\n"));
    expect(outcome.refusal === undefined || /validate/.test(outcome.refusal)).toBe(true);
  });

  it("a zip bomb of 1 GB of zeros (about 1 MB on disk)", () => {
    expect(run("import", "bomb.xlsx", zipBomb(1000)).refusal).toMatch(/its parts unpack to more than 6 MB/);
  });

  it("a zip bomb whose directory declares 1,000 bytes", () => {
    expect(run("import", "liar.xlsx", zipBomb(1000, true)).refusal).toMatch(/does not inflate to the 1000 bytes/);
  });

  it("10,000 empty entries", () => {
    const parts = Array.from({ length: 10_000 }, (_, index) => ({ name: `e${index}`, data: new Uint8Array(0) }));
    expect(run("import", "entries.xlsx", zipOf(parts)).refusal).toMatch(/lists 10000 entries/);
  });

  it("a workbook of 100,000 small cells", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Touchpoints");
    sheet.addRow(["Stage", "Touchpoint", "Owner", "Channel", "Emotion"]);
    for (let index = 0; index < 20_000; index++) sheet.addRow([`S${index % 100}`, `T${index}`, "app", "web", 3]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(1 << 20);
    expect(run("import", "cells.xlsx", bytes).refusal).toBeUndefined();
  });
});

/** A workbook of these sheets, each filled by its function. */
async function workbookOf(sheets: Record<string, (sheet: ExcelJS.Worksheet) => void>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, fill] of Object.entries(sheets)) fill(book.addWorksheet(name));
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  expect(bytes.length).toBeLessThan(1 << 20);
  return bytes;
}

// Each row is read by its filled cells: a sheet as wide as Excel allows (one cell in its last column)
// once cost every column of every row (5.8 s for the Map layout's 20,000 lanes, 4.3 s for 20,000 rows).
describe("a hostile workbook 16,384 columns wide, imported", () => {
  it("the Map layout: 20,000 lanes and a stage in the last column", async () => {
    const bytes = await workbookOf({
      Map: (sheet) => {
        sheet.getCell(1, 1).value = "Stage";
        sheet.getCell(1, 16_384).value = "Far";
        sheet.getCell(2, 1).value = "Touchpoint";
        for (let row = 3; row < 20_003; row++) sheet.getCell(row, 1).value = "Owner";
      },
    });
    expect(run("import", "wide-map.xlsx", bytes).refusal).toBeUndefined();
  });

  it("the Touchpoints layout: 20,000 rows and a lane column in the last column", async () => {
    const bytes = await workbookOf({
      Touchpoints: (sheet) => {
        sheet.addRow(["Stage", "Touchpoint"]);
        sheet.getCell(1, 16_384).value = "Lane: far";
        for (let row = 0; row < 20_000; row++) sheet.addRow(["s", `T${row}`]);
      },
    });
    expect(run("import", "wide-touchpoints.xlsx", bytes).refusal).toBeUndefined();
  });

  it("a Lanes sheet of 20,000 lanes with one cell in the last column", async () => {
    const bytes = await workbookOf({
      Touchpoints: (sheet) =>
        sheet.addRows([
          ["Stage", "Touchpoint"],
          ["s", "T"],
        ]),
      Lanes: (sheet) => {
        sheet.addRow(["Id", "Label"]);
        for (let row = 0; row < 20_000; row++) sheet.addRow([`l${row}`, "L"]);
        sheet.getCell(2, 16_384).value = "far";
      },
    });
    expect(run("import", "wide-lanes.xlsx", bytes).refusal).toBeUndefined();
  });

  it("a Lane entries sheet of 20,000 rows with one cell in the last column (once 4.3 s)", async () => {
    const bytes = await workbookOf({
      Touchpoints: (sheet) =>
        sheet.addRows([
          ["Stage id", "Touchpoint", "Lane: backstage"],
          ["s", "Desk", "x"],
        ]),
      "Lane entries": (sheet) => {
        sheet.addRow(["Stage id", "Touchpoint", "Lane", "Text"]);
        for (let row = 0; row < 20_000; row++) sheet.addRow(["s", "Desk", "backstage", `t${row}`]);
        sheet.getCell(2, 16_384).value = "far";
      },
    });
    expect(run("import", "wide-entries.xlsx", bytes).refusal).toBeUndefined();
  });
});

describe("a spreadsheet whose map would be far larger than it", () => {
  it("a 1 MB CSV of 475,000 one-letter lane cells (15 MB of YAML): refused, once 7.7 s and 900 MB", () => {
    const header = `Stage,Touchpoint,${Array.from({ length: 5_000 }, (_, index) => `Lane: l${index}`).join(",")}`;
    const rows = Array.from({ length: 95 }, (_, index) => `s,T${index},${Array(5_000).fill("x").join(",")}`);
    const csv = [header, ...rows].join("\n");
    expect(csv.length).toBeLessThan(1 << 20);
    expect(run("import", "sparse.csv", csv).refusal).toMatch(
      /^the map imported from sheet "sparse" would be more than 4 MB of YAML, more than a journey map needs/,
    );
  });
});
