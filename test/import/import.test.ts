// journeymap import: the round trip through Excel (render -o x.xlsx, import, diff: no change), both
// layouts from CSV, and bad spreadsheets told at Sheet!Cell with exit 2 and nothing written.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { zipBomb } from "../helpers/adversarial-xlsx.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-import-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const EVERY_FIELD = `journeymap: 1
id: every-field
title: Every field
description: A map with every field a spreadsheet carries
owner: cx
tags: [one, two]
personas:
  - {id: parent, name: Dana, description: Two kids, goals: [Fast], frustrations: [Slow], color: "#123456"}
  - {id: student, name: Sam}
teams:
  - {id: cx, name: Customer experience, description: Owns maps}
  - {id: app}
metrics:
  - {id: nps, name: NPS, unit: score, better: higher, target: 40, warning: 20}
  - {id: note, name: Note}
stages:
  - id: discover
    name: Discovers
    description: Finds the shop
    details: discover-map
    metrics: {nps: {value: 12, target: 30, date: "2025-03-01", source: survey, n: 40}}
    touchpoints:
      - id: ad
        name: Sees an ad
        description: On the bus
        details: ad-map
        channel: outdoor
        owner: cx
        personas: [parent]
        emotion: 3
        actions: [Looks, Scans the code]
        thoughts: ["Is it cheap?"]
        painPoints: ["=1+1 looks like a formula"]
        opportunities: [QR code]
        metrics: {nps: 31, note: "text value"}
        evidence: [interviews]
      - id: app-store
        name: Installs the app
        owner: app
        emotion: {parent: 4, student: 2}
        metrics: {nps: {value: 5, n: 10}}
  - id: empty
    name: Nothing yet
`;

function write(name: string, contents: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, contents);
  return path;
}

function roundTrip(map: string, name: string): void {
  const xlsx = join(folder, `${name}.xlsx`);
  const back = join(folder, `${name}-back.journey.yaml`);
  expect(runCli(["render", map, "-o", xlsx]).code).toBe(0);
  const imported = runCli(["import", xlsx, "-o", back]);
  expect(imported.stderr).toBe(`✔ ${xlsx} (sheet "Touchpoints", touchpoints layout) → ${back}\n`);
  expect(imported.code).toBe(0);
  const diff = runCli(["diff", map, back]);
  expect(diff.stdout).toContain("no changes");
  expect(diff.code).toBe(0);
}

describe("the round trip through Excel", () => {
  it.each(["checkout", "delivery", "refund"])("FreshCart %s: render, import, diff finds no change", (name) => {
    roundTrip(`examples/freshcart/${name}.journey.yaml`, name);
  });

  it("a map with every field a spreadsheet carries", () => {
    const map = write("every.journey.yaml", EVERY_FIELD);
    roundTrip(map, "every");
    const yaml = runCli(["import", join(folder, "every.xlsx")]).stdout;
    expect(yaml.split("\n")[0]).toBe(
      '# Imported by journeymap 0.1.0 from "every.xlsx", sheet "Touchpoints" (touchpoints layout).',
    );
    expect(yaml).toContain("- =1+1 looks like a formula");
    expect(yaml).toContain("details: discover-map");
    expect(yaml).toMatch(/nps:\n\s+value: 12\n\s+target: 30\n\s+date: "2025-03-01"\n\s+source: survey\n\s+n: 40/);
    expect(yaml).toContain("id: empty");
  });
});

describe("import from CSV", () => {
  it("reads the Touchpoints layout with a byte-order mark and CRLF line breaks", () => {
    const csv = write(
      "workshop.csv",
      '\uFEFFStage,Touchpoint,Owner,Emotion: parent,Pain points\r\nBrowse,Opens the app,app,4,\r\nBrowse,Searches,app,2,"No results\nSlow"\r\nPay,Pays,payments,3,\r\n',
    );
    const run = runCli(["import", csv]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("title: workshop");
    expect(run.stdout).toContain("- id: browse\n    name: Browse\n    touchpoints:\n      - name: Opens the app");
    expect(run.stdout).toContain("painPoints:\n          - No results\n          - Slow");
    expect(run.code).toBe(0);
  });

  it("reads stages as columns (the Map layout), a stage's name over its first column", () => {
    const csv = write(
      "grid.csv",
      "Stage,Browse,,Pay\nTouchpoint,Opens the app,Searches,Pays\nOwner,app,app,payments\nEmotion: Dana,4,2,3\nPain points,,No results,\nMetrics,,Searches: 120,\n",
    );
    const run = runCli(["import", csv]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("personas:\n  - id: dana\n    name: Dana");
    expect(run.stdout).toContain(
      "- name: Searches\n        owner: app\n        painPoints:\n          - No results\n        metrics:\n          searches: 120\n        emotion:\n          dana: 2",
    );
    expect(run.code).toBe(0);
  });
});

async function workbook(build: (book: ExcelJS.Workbook) => void, name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  return write(name, new Uint8Array(await book.xlsx.writeBuffer()));
}

function refused(args: string[], message: string | RegExp): void {
  const output = join(folder, "never.journey.yaml");
  const run = runCli([...args, "-o", output]);
  if (typeof message === "string") expect(run.stderr).toBe(`journeymap: ${message}\n`);
  else expect(run.stderr).toMatch(message);
  expect(run.code).toBe(2);
  expect(existsSync(output)).toBe(false);
}

describe("bad spreadsheets: a message at Sheet!Cell, exit 2, nothing written", () => {
  const table = (book: ExcelJS.Workbook) => {
    const sheet = book.addWorksheet("Touchpoints");
    sheet.addRow(["Stage", "Touchpoint", "Owner", "Channel", "Personas", "Emotion"]);
    for (let row = 2; row <= 7; row++) sheet.addRow(["Browse", `Step ${row}`, "app", "web", undefined, 3]);
    return sheet;
  };

  it("an emotion that is not 1–5", async () => {
    const file = await workbook((book) => (table(book).getCell("F7").value = 7), "emotion.xlsx");
    refused(
      ["import", file],
      'Touchpoints!F7: emotion "7" is not 1–5: score each emotion from 1 (very negative) to 5 (very positive)',
    );
  });

  it("a merged header", async () => {
    const file = await workbook((book) => table(book).mergeCells("C1:D1"), "merged.xlsx");
    refused(
      ["import", file],
      /^journeymap: Touchpoints!C1: the header "Owner" is merged over several columns: unmerge it/,
    );
  });

  it("an unknown column", async () => {
    const file = await workbook((book) => (table(book).getCell("G1").value = "Mood"), "column.xlsx");
    refused(["import", file], /^journeymap: Touchpoints!G1: unknown column "Mood": use Stage id, Stage, /);
  });

  it("a formula", async () => {
    const file = await workbook(
      (book) => (table(book).getCell("B3").value = { formula: "1+1", result: 2 }),
      "formula.xlsx",
    );
    refused(
      ["import", file],
      /^journeymap: Touchpoints!B3: the cell holds a formula \(=1\+1\): journeymap imports values only/,
    );
  });

  it("an unknown lane of the Map layout", async () => {
    const file = await workbook((book) => {
      const sheet = book.addWorksheet("Map");
      sheet.addRow(["Stage", "Browse"]);
      sheet.addRow(["Touchpoint", "Opens the app"]);
      sheet.addRow(["Feelings", "good"]);
    }, "lane.xlsx");
    refused(["import", file], /^journeymap: Map!A3: unknown lane "Feelings": use Touchpoint, Channel, /);
  });

  it("an empty sheet", async () => {
    const file = await workbook((book) => book.addWorksheet("Touchpoints"), "empty.xlsx");
    refused(["import", file], "Touchpoints!A1: the sheet is empty: nothing to import");
  });

  it("a CSV cell that is a formula", () => {
    const file = write("formula.csv", 'Stage,Touchpoint\nBrowse,=HYPERLINK("x")\n');
    refused(
      ["import", file],
      /^journeymap: formula!B2: the cell is a formula \("=HYPERLINK\(\\"x\\"\)"\): journeymap imports values/,
    );
  });

  it("a 50 MB workbook, refused by its size before reading", () => {
    const file = write("huge.xlsx", new Uint8Array(50 * 1024 * 1024));
    refused(
      ["import", file],
      /^journeymap: cannot read spreadsheet ".*huge.xlsx": it is 50(\.0)? MB, more than the 10(\.0)? MB limit/,
    );
  });

  it("a zip bomb, refused from the zip's directory", () => {
    refused(["import", write("bomb.xlsx", zipBomb(200))], /its parts unpack to more than 6 MB/);
  });

  it("a zip bomb whose directory lies about its size", () => {
    refused(
      ["import", write("liar.xlsx", zipBomb(200, true))],
      /does not inflate to the 1000 bytes its directory declares: the package is damaged or a zip bomb/,
    );
  });

  it("never writes over the spreadsheet", async () => {
    const file = await workbook(table, "self.xlsx");
    const run = runCli(["import", file, "-o", file]);
    expect(run.stderr).toMatch(/it is an input of this run/);
    expect(run.code).toBe(2);
  });
});
