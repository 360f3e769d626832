// A team's own x- keys of the map, its stages, touchpoints and definitions (personas, teams, metrics, lanes)
// through Excel: the Touchpoints, Stages and definition sheets give each key a column after the fields, the
// Map info sheet a row after the map's facts, headed as the Lane entries and Opportunities sheets head
// theirs ("x-jira", or "x-meta (JSON)" when a value is not a text or a number). The map imported back
// equals the original key by key (journeymap diff ignores x- keys, so the test compares the maps
// themselves), also after LibreOffice Calc saves the workbook again; a CSV file of touchpoints with x-
// columns is read too. Hostile values stay text (no formula), and a wrong cell is told at its cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { calcResave, soffice } from "../helpers/calc-resave.js";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-import-extensions-everywhere-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MAP = `journeymap: 1
id: hotel-check-in
title: Hotel check-in, with a team's own keys everywhere
owner: front-office
x-jira: HOTEL-1
x-budget: 12500.5
x-public: false
x-reviewers: [ana, "李"]
x-meta: { squad: keys, nested: { deep: [1, { deeper: true }] } }
x-=1+1: a key that looks like a formula
x-formula: "=HYPERLINK(\\"http://evil.example\\", \\"click\\")"
x-plus: "+1+1"
x-minus: "-5"
x-at: "@SUM(A1)"
x-code: "007"
x-ünïcode-キー: "日本語 🚀 café"
personas:
  - { id: guest, name: Guest, x-segment: leisure, x-weight: 0.6, x-vip: true }
  - { id: agent, name: Travel agent }
teams:
  - { id: front-office, name: Front office, x-slack: "#front", x-size: 7 }
  - { id: digital, x-meta: { tribe: apps } }
metrics:
  - { id: checkin-time, name: Check-in time, unit: seconds, better: lower, target: 120, x-source: "=cmd|' /C calc'!A0", x-sampled: [mon, fri] }
lanes:
  - { id: frontstage, label: Front desk, layer: frontstage, x-color: "#00f" }
  - { id: backstage, label: Back office, layer: backstage, x-hidden: false, x-order-note: "-first" }
stages:
  - id: arrival
    name: Arrival
    x-sla: 15 min
    x-owner-count: 3
    x-flags: { night: true }
    x-none: null
    x-formula: "@cmd"
    x-precise: 0.30000000000000004
    touchpoints:
      - id: desk
        name: Checks in at the desk
        owner: front-office
        painPoints: [Queue at 6 pm]
        x-jira: APP-7
        x-points: 5
        x-ratio: -2.25
        x-done: true
        x-tags: [ios, android]
        x-meta: { squad: keys, emoji: "🔑" }
        x-formula: "=1+1"
        x-blank: "  "
        x-empty: ""
        x-lines: "Good evening,\\nwelcome"
        x-ünïcode-キー: ключ
        opportunities:
          - id: mobile-key
            title: Mobile key in the app
            x-jira: APP-8
      - id: room
        name: Finds the room
        x-jira: APP-9
  - id: stay
    name: Stay
    x-sla: "24 h"
  - id: departure
    name: Departure
    touchpoints:
      - { name: Pays the bill, x-points: 2 }
`;

/** The map as loaded (x- keys included), as plain data. */
function loaded(text: string): unknown {
  const outcome = loadJourney(text, { file: "map.journey.yaml" });
  expect(outcome.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return JSON.parse(JSON.stringify(outcome.journey));
}

const paths = {
  map: join(folder, "everywhere.journey.yaml"),
  xlsx: join(folder, "everywhere.xlsx"),
  back: join(folder, "everywhere-back.journey.yaml"),
};

beforeAll(() => {
  writeFileSync(paths.map, MAP);
  const rendered = runCli(["render", paths.map, "-o", paths.xlsx]);
  expect(rendered.code, rendered.stderr).toBe(0);
  const imported = runCli(["import", paths.xlsx, "-o", paths.back]);
  expect(imported.code, imported.stderr).toBe(0);
});

/** Each sheet of the workbook as rows of values, read by a second library. */
async function sheetsOf(file: string): Promise<Map<string, unknown[][]>> {
  return new Map((await readXlsxFile(readFileSync(file), { trim: false })).map((sheet) => [sheet.sheet, sheet.data]));
}

/** A sheet's x- columns (header and cells, row by row), read by header. */
function extensionColumns(rows: unknown[][]): Record<string, unknown[]> {
  const header = rows[0]!;
  return Object.fromEntries(
    header.flatMap((name, index) =>
      typeof name === "string" && name.startsWith("x-") ? [[name, rows.slice(1).map((row) => row[index])]] : [],
    ),
  );
}

describe("x- keys of the map, stages, touchpoints and definitions through Excel", () => {
  it("come back equal, key by key: texts, numbers, booleans, null, lists, nested objects, unicode", () => {
    const back = readFileSync(paths.back, "utf8");
    expect(loaded(back)).toEqual(loaded(MAP));
    expect(runCli(["diff", paths.map, paths.back]).stdout).toContain("no changes");
    // Texts a YAML reader could take for something else are quoted: they stay texts.
    expect(back).toContain('x-code: "007"');
    expect(back).toContain('x-minus: "-5"');
  });

  it("each key has a column after the fields (a row on Map info), headed by the key, JSON for what is not a text or a number", async () => {
    const sheets = await sheetsOf(paths.xlsx);
    expect(extensionColumns(sheets.get("Touchpoints")!)).toEqual({
      "x-jira": ["APP-7", "APP-9", null],
      "x-points": [5, null, 2],
      "x-ratio": [-2.25, null, null],
      "x-done (JSON)": ["true", null, null],
      "x-tags (JSON)": ['["ios","android"]', null, null],
      "x-meta (JSON)": ['{"squad":"keys","emoji":"🔑"}', null, null],
      "x-formula": ["=1+1", null, null],
      "x-blank (JSON)": ['"  "', null, null],
      "x-empty (JSON)": ['""', null, null],
      "x-lines": ["Good evening,\nwelcome", null, null],
      "x-ünïcode-キー": ["ключ", null, null],
    });
    // The extension columns come last: after the fields, the lanes and the metrics.
    const touchpointHeader = sheets.get("Touchpoints")![0]!;
    expect(touchpointHeader.findIndex((name) => String(name).startsWith("x-"))).toBe(touchpointHeader.length - 11);
    expect(extensionColumns(sheets.get("Stages")!)).toEqual({
      "x-sla": ["15 min", "24 h", null],
      "x-owner-count": [3, null, null],
      "x-flags (JSON)": ['{"night":true}', null, null],
      "x-none (JSON)": ["null", null, null],
      "x-formula": ["@cmd", null, null],
      // More digits than LibreOffice keeps in a number cell (15): JSON text, every digit kept.
      "x-precise (JSON)": ["0.30000000000000004", null, null],
    });
    expect(extensionColumns(sheets.get("Personas")!)).toEqual({
      "x-segment": ["leisure", null],
      "x-weight": [0.6, null],
      "x-vip (JSON)": ["true", null],
    });
    expect(extensionColumns(sheets.get("Teams")!)).toEqual({
      "x-slack": ["#front", null],
      "x-size": [7, null],
      "x-meta (JSON)": [null, '{"tribe":"apps"}'],
    });
    expect(extensionColumns(sheets.get("Metrics")!)).toEqual({
      "x-source": ["=cmd|' /C calc'!A0"],
      "x-sampled (JSON)": ['["mon","fri"]'],
    });
    expect(extensionColumns(sheets.get("Lanes")!)).toEqual({
      "x-color": ["#00f", null],
      "x-hidden (JSON)": [null, "false"],
      "x-order-note": [null, "-first"],
    });
    expect(sheets.get("Map info")!.map((row) => row.slice(0, 2))).toEqual([
      ["Title", "Hotel check-in, with a team's own keys everywhere"],
      ["Id", "hotel-check-in"],
      ["Description", null],
      ["Owner", "front-office"],
      ["Tags", null],
      ["x-jira", "HOTEL-1"],
      ["x-budget", 12500.5],
      ["x-public (JSON)", "false"],
      ["x-reviewers (JSON)", '["ana","李"]'],
      ["x-meta (JSON)", '{"squad":"keys","nested":{"deep":[1,{"deeper":true}]}}'],
      ["x-=1+1", "a key that looks like a formula"],
      ["x-formula", '=HYPERLINK("http://evil.example", "click")'],
      ["x-plus", "+1+1"],
      ["x-minus", "-5"],
      ["x-at", "@SUM(A1)"],
      ["x-code", "007"],
      ["x-ünïcode-キー", "日本語 🚀 café"],
      ["Written by journeymap", expect.any(String)],
    ]);
  });

  it("a formula-like value is a text cell with the Text format, never a formula", async () => {
    const zip = await JSZip.loadAsync(readFileSync(paths.xlsx));
    for (const name of Object.keys(zip.files).filter((file) => /^xl\/worksheets\/sheet\d+\.xml$/.test(file)))
      expect(await zip.file(name)!.async("string"), name).not.toMatch(/<f[ >]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(paths.xlsx) as never);
    const info = workbook.getWorksheet("Map info")!;
    const cells = [info.getCell("B12"), info.getCell("B13"), info.getCell("B14"), info.getCell("B15")];
    expect(cells.map((cell) => cell.value)).toEqual([
      '=HYPERLINK("http://evil.example", "click")',
      "+1+1",
      "-5",
      "@SUM(A1)",
    ]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.numFmt).toBe("@");
    }
    // A key that is not one keeps the General format.
    expect(info.getCell("B6").numFmt).toBeUndefined();
  });

  it("more than 100 x- keys on the touchpoints, or on the map: refused with a message, exit 2", () => {
    const keys = Array.from({ length: 101 }, (_, index) => `x-k${index}: ${index}`).join("\n");
    const touchpoints = join(folder, "many-touchpoint-keys.journey.yaml");
    writeFileSync(
      touchpoints,
      `journeymap: 1\ntitle: Keys\npersonas: [{ id: p, name: P }]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n${keys.replace(/^/gm, "        ")}\n`,
    );
    const result = runCli(["render", touchpoints, "-o", join(folder, "many.xlsx")]);
    expect(result.stderr).toBe(
      "journeymap: the Touchpoints sheet would need more than 100 columns of x- keys: keep your own data under fewer x- keys (one key can hold an object)\n",
    );
    expect(result.code).toBe(2);
    const map = join(folder, "many-map-keys.journey.yaml");
    writeFileSync(
      map,
      `journeymap: 1\ntitle: Keys\n${keys}\npersonas: [{ id: p, name: P }]\nstages: [{ id: s, name: S }]\n`,
    );
    const refused = runCli(["render", map, "-o", join(folder, "many.xlsx")]);
    expect(refused.stderr).toBe(
      "journeymap: the Map info sheet would need more than 100 rows of x- keys: keep your own data under fewer x- keys (one key can hold an object)\n",
    );
    expect(refused.code).toBe(2);
  });
});

describe("a JSON value longer than a cell holds", () => {
  it("is cut by the export with a note, and its cell told by the import, exit 2", () => {
    const map = join(folder, "long-json.journey.yaml");
    const list = Array.from({ length: 10_000 }, (_, index) => `v${index}`).join(", ");
    writeFileSync(
      map,
      `journeymap: 1\ntitle: Long\npersonas: [{ id: p, name: P }]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - { name: T, x-list: [${list}] }\n`,
    );
    const xlsx = join(folder, "long-json.xlsx");
    expect(runCli(["render", map, "-o", xlsx]).code).toBe(0);
    const result = runCli(["import", xlsx]);
    expect(result.stderr).toBe(
      "journeymap: Touchpoints!P2: the value was cut at Excel's 32,767 characters when the workbook was written, and is no longer JSON: keep a value this long in the map, not in the workbook (or put less under one x- key)\n",
    );
    expect(result.code).toBe(2);
  });
});

describe("x- columns and rows edited by a team", () => {
  async function edited(change: (workbook: ExcelJS.Workbook) => void): Promise<ReturnType<typeof runCli>> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(paths.xlsx);
    change(workbook);
    const file = join(folder, "edited.xlsx");
    writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return runCli(["import", file]);
  }

  /** The column of a header on a sheet, as Excel's letters. */
  function columnOf(workbook: ExcelJS.Workbook, sheet: string, header: string): string {
    let found = "";
    workbook
      .getWorksheet(sheet)!
      .getRow(1)
      .eachCell((cell) => {
        if (cell.value === header) found = cell.address.replace(/\d+$/, "");
      });
    expect(found, header).not.toBe("");
    return found;
  }

  it("a column or a row added for a new key is read as text, on every sheet", async () => {
    const result = await edited((workbook) => {
      for (const sheet of ["Touchpoints", "Stages", "Personas", "Teams", "Metrics", "Lanes"]) {
        const table = workbook.getWorksheet(sheet)!;
        const column = table.actualColumnCount + 1;
        table.getCell(1, column).value = "x-added";
        table.getCell(2, column).value = `added on ${sheet}`;
      }
      const info = workbook.getWorksheet("Map info")!;
      info.getCell("A19").value = "x-added (JSON)";
      info.getCell("B19").value = '{"on": "Map info"}';
    });
    expect(result.code, result.stderr).toBe(0);
    const map = loadJourney(result.stdout, { file: "back.journey.yaml" }).journey!;
    expect(map["x-added"]).toEqual({ on: "Map info" });
    expect(map.stages[0]!["x-added"]).toBe("added on Stages");
    expect(map.stages[0]!.touchpoints![0]!["x-added"]).toBe("added on Touchpoints");
    expect(map.personas[0]!["x-added"]).toBe("added on Personas");
    expect(map.teams![0]!["x-added"]).toBe("added on Teams");
    expect(map.metrics![0]!["x-added"]).toBe("added on Metrics");
    expect(map.lanes![0]!["x-added"]).toBe("added on Lanes");
  });

  it("a JSON column's cell that is not JSON, told at its cell", async () => {
    let cell = "";
    const result = await edited((workbook) => {
      cell = `${columnOf(workbook, "Touchpoints", "x-meta (JSON)")}2`;
      workbook.getWorksheet("Touchpoints")!.getCell(cell).value = "{oops";
    });
    expect(result.stderr).toBe(
      `journeymap: Touchpoints!${cell}: "{oops" is not JSON, which the column "x-meta (JSON)" holds: write the value as JSON ("text" in double quotes), or name the column "x-meta" for text\n`,
    );
    expect(result.code).toBe(2);
    const info = await edited((workbook) => (workbook.getWorksheet("Map info")!.getCell("B10").value = "[1,"));
    expect(info.stderr).toBe(
      `journeymap: 'Map info'!B10: "[1," is not JSON, which the column "x-meta (JSON)" holds: write the value as JSON ("text" in double quotes), or name the column "x-meta" for text\n`,
    );
    expect(info.code).toBe(2);
  });

  it("a JSON cell nested 16,000 levels deep on a definition sheet, told at its cell (not a stack overflow)", async () => {
    const result = await edited(
      (workbook) =>
        (workbook.getWorksheet("Teams")!.getCell("F3").value = `${"[".repeat(16_000)}${"]".repeat(16_000)}`),
    );
    expect(result.stderr).toBe(
      "journeymap: Teams!F3: the value is nested more than 64 levels deep: a map holds a handful, flatten it\n",
    );
    expect(result.code).toBe(2);
  });

  it("a key's column twice, told at the second", async () => {
    const result = await edited((workbook) => {
      const sheet = workbook.getWorksheet("Stages")!;
      sheet.getCell(1, sheet.actualColumnCount + 1).value = "x-sla (JSON)";
    });
    expect(result.stderr).toMatch(/^journeymap: Stages!\w+1: the column "x-sla \(JSON\)" is there twice: keep one\n$/);
    expect(result.code).toBe(2);
  });
});

describe("a CSV file of touchpoints with x- columns", () => {
  it("gives each touchpoint its keys: a plain column's cells as texts, a JSON column's as their values", () => {
    const csv = join(folder, "touchpoints.csv");
    writeFileSync(
      csv,
      [
        "Stage,Touchpoint,x-jira,x-points,x-meta (JSON),x-formula",
        'Arrival,Checks in,APP-7,5,"{""squad"":""keys"",""points"":5}",\'=1+1',
        "Arrival,Finds the room,,,true,",
      ].join("\n"),
    );
    const result = runCli(["import", csv]);
    expect(result.code, result.stderr).toBe(0);
    const touchpoints = loadJourney(result.stdout, { file: "back.journey.yaml" }).journey!.stages[0]!.touchpoints!;
    expect(touchpoints.map(({ name, ...keys }) => ({ name, ...keys }))).toEqual([
      {
        name: "Checks in",
        "x-jira": "APP-7",
        "x-points": "5",
        "x-meta": { squad: "keys", points: 5 },
        "x-formula": "=1+1",
      },
      { name: "Finds the room", "x-meta": true },
    ]);
  });
});

describe("LibreOffice Calc saves the workbook of x- keys everywhere again", () => {
  if (!soffice && process.env.CI !== "true") {
    it.skip("LibreOffice is not installed here (apt-get install libreoffice-calc): the check runs in CI", () => {});
    return;
  }
  it("as .xlsx, which imports back equal, key by key", () => {
    const saved = calcResave(paths.xlsx, join(folder, "calc-saved"));
    const back = join(folder, "calc-back.journey.yaml");
    const imported = runCli(["import", saved, "-o", back]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(loaded(readFileSync(back, "utf8"))).toEqual(loaded(MAP));
  }, 180_000);
});
