// A team's own x- keys on lane entries and opportunities through Excel: the Lane entries and Opportunities
// sheets give each key a column ("x-jira", or "x-meta (JSON)" when a value is not a text or a number), the
// import puts them back, and the map loaded back equals the original key by key (journeymap diff ignores
// x- keys, so the test compares the maps themselves); after LibreOffice Calc saves the workbook again too.
// A lane entry's fail point's keys have theirs too ("Fail x-incident").
// Hostile values stay text (no formula), and a wrong JSON cell is told at its cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import readXlsxFile from "read-excel-file/node";
import { afterAll, describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { cellText } from "../../src/render/export/cells.js";
import { calcResave, soffice } from "../helpers/calc-resave.js";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-import-extensions-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const LONG = "y".repeat(40_000);

const MAP = `journeymap: 1
title: Hotel check-in, with a team's own keys
type: blueprint
personas: [{ id: guest, name: Guest }]
teams: [{ id: front-office }, { id: digital }]
lanes:
  - { id: frontstage, label: Front desk, layer: frontstage }
  - { id: backstage, label: Back office, layer: backstage }
stages:
  - id: arrival
    name: Arrival
    lanes:
      backstage:
        - { id: prep, text: Prepares keys, x-sla: 2 h, fail: { x-incident: only the team's own } }
    touchpoints:
      - id: desk
        name: Checks in at the desk
        painPoints: [Queue at 6 pm]
        opportunities:
          - Show the queue on the app
          - id: mobile-key
            title: Mobile key in the app
            status: planned
            x-jira: APP-7
            x-points: 5
            x-flagged: true
            x-meta: { squad: keys, tags: [ios, android] }
            x-formula: "=cmd|' /C calc'!A0"
          - { id: live-room-status, title: Live room status, x-jira: "@SUM(1+1)", x-blank: "  " }
        lanes:
          frontstage:
            - id: greet
              text: Greets and finds the booking
              servedBy: [lookup]
              x-script: "Good evening,\\nwelcome"
              x-control: "bell\\u0007 and tab\\t"
          backstage:
            - id: lookup
              text: Looks up the booking
              x-sla: 30
              x-systems: [pms, crm]
              x-none: null
              x-formula: "+cmd|' /C calc'!A0"
              x-long: ${LONG}
              fail: { risk: Booking not found, owner: front-office, x-incident: INC-1, x-tags: [night] }
      - id: room
        name: Finds the room
        opportunities:
          - { id: live-room-status, x-seen: "2026-11-30" }
`;

/** The map as loaded (x- keys included), as plain data. */
function loaded(text: string): unknown {
  const journey = loadJourney(text, { file: "map.journey.yaml" }).journey;
  expect(journey).toBeDefined();
  return JSON.parse(JSON.stringify(journey));
}

/** The original, with the one change a cell makes: the text longer than Excel's 32,767 characters cut. */
function expected(): unknown {
  const map = loaded(MAP) as { stages: { touchpoints: { lanes: { backstage: { "x-long": string }[] } }[] }[] };
  const lookup = map.stages[0]!.touchpoints[0]!.lanes.backstage[0]!;
  expect(lookup["x-long"]).toBe(LONG);
  lookup["x-long"] = cellText(LONG);
  expect(lookup["x-long"]).toMatch(
    /^y{32000,} … \[cut by journeymap: Excel holds at most 32,767 characters in a cell\]$/,
  );
  return map;
}

function roundTrip(): { map: string; xlsx: string; back: string } {
  const map = join(folder, "extensions.journey.yaml");
  writeFileSync(map, MAP);
  const xlsx = join(folder, "extensions.xlsx");
  const rendered = runCli(["render", map, "-o", xlsx]);
  expect(rendered.code, rendered.stderr).toBe(0);
  const back = join(folder, "extensions-back.journey.yaml");
  const imported = runCli(["import", xlsx, "-o", back]);
  expect(imported.code, imported.stderr).toBe(0);
  const diff = runCli(["diff", map, back]);
  expect(diff.stdout).toContain("no changes");
  return { map, xlsx, back };
}

describe("x- keys of lane entries and opportunities through Excel", () => {
  it("come back equal, key by key: texts, numbers, true, null, lists and objects", () => {
    const { back } = roundTrip();
    expect(loaded(readFileSync(back, "utf8"))).toEqual(expected());
  });

  it("each key has a column after the fields, headed by the key (JSON for what is not a text or a number)", async () => {
    const { xlsx } = roundTrip();
    const sheets = new Map(
      (await readXlsxFile(readFileSync(xlsx), { trim: false })).map((sheet) => [sheet.sheet, sheet.data]),
    );
    const entries = sheets.get("Lane entries")!;
    expect(entries[0]!.slice(11)).toEqual([
      "x-sla",
      "x-script",
      "x-control (JSON)",
      "x-systems (JSON)",
      "x-none (JSON)",
      "x-formula",
      "x-long",
      "Fail x-incident",
      "Fail x-tags (JSON)",
    ]);
    const lookup = entries.find((row) => row[5] === "lookup")!;
    expect(lookup.slice(11)).toEqual([
      30,
      null,
      null,
      '["pms","crm"]',
      "null",
      "+cmd|' /C calc'!A0",
      expect.stringMatching(/^y+ … \[cut by journeymap/),
      "INC-1",
      '["night"]',
    ]);
    const prep = entries.find((row) => row[5] === "prep")!;
    expect([prep[11], prep[18], prep[19]]).toEqual(["2 h", "only the team's own", null]);
    const greet = entries.find((row) => row[5] === "greet")!;
    expect(greet.slice(12, 14)).toEqual(["Good evening,\nwelcome", '"bell\\u0007 and tab\\t"']);
    const opportunities = sheets.get("Opportunities")!;
    expect(opportunities[0]!.slice(15)).toEqual([
      "x-jira",
      "x-points",
      "x-flagged (JSON)",
      "x-meta (JSON)",
      "x-formula",
      "x-blank (JSON)",
      "x-seen",
    ]);
    expect(opportunities[1]!.slice(15)).toEqual([
      "APP-7",
      5,
      "true",
      '{"squad":"keys","tags":["ios","android"]}',
      "=cmd|' /C calc'!A0",
      null,
      null,
    ]);
    expect(opportunities[2]!.slice(15)).toEqual(["@SUM(1+1)", null, null, null, null, '"  "', null]);
    expect(opportunities[3]!.slice(15)).toEqual([null, null, null, null, null, null, "2026-11-30"]);
  });

  it("a formula-like value is a text cell with the Text format, never a formula", async () => {
    const { xlsx } = roundTrip();
    const zip = await JSZip.loadAsync(readFileSync(xlsx));
    for (const name of Object.keys(zip.files).filter((file) => /^xl\/worksheets\/sheet\d+\.xml$/.test(file)))
      expect(await zip.file(name)!.async("string"), name).not.toMatch(/<f[ >]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as never);
    const sheet = workbook.getWorksheet("Opportunities")!;
    const formula = sheet.getRow(2).getCell(20);
    expect(formula.value).toBe("=cmd|' /C calc'!A0");
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.numFmt).toBe("@");
  });

  it("more than 100 x- keys on a sheet: refused with a message, exit 2", () => {
    const keys = Array.from({ length: 101 }, (_, index) => `x-k${index}: ${index}`).join(", ");
    const map = join(folder, "many-keys.journey.yaml");
    writeFileSync(
      map,
      `journeymap: 1\ntitle: Keys\npersonas: [{ id: p, name: P }]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        opportunities: [{ id: o, title: O, ${keys} }]\n`,
    );
    const result = runCli(["render", map, "-o", join(folder, "many-keys.xlsx")]);
    expect(result.stderr).toBe(
      "journeymap: the Opportunities sheet would need more than 100 columns of x- keys: keep your own data under fewer x- keys (one key can hold an object)\n",
    );
    expect(result.code).toBe(2);
  });
});

describe("x- columns edited by a team", () => {
  async function edited(change: (workbook: ExcelJS.Workbook) => void): Promise<ReturnType<typeof runCli>> {
    const { xlsx } = roundTrip();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    change(workbook);
    const file = join(folder, "edited.xlsx");
    writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return runCli(["import", file]);
  }

  it("a column added for a new key is read as text", async () => {
    const result = await edited((workbook) => {
      const sheet = workbook.getWorksheet("Opportunities")!;
      sheet.getCell("W1").value = "x-owner-email";
      sheet.getCell("W2").value = "keys@example.com";
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("x-owner-email: keys@example.com");
  });

  it("a JSON column's cell that is not JSON, told at its cell", async () => {
    const result = await edited((workbook) => (workbook.getWorksheet("Opportunities")!.getCell("S2").value = "{oops"));
    expect(result.stderr).toBe(
      'journeymap: Opportunities!S2: "{oops" is not JSON, which the column "x-meta (JSON)" holds: write the value as JSON ("text" in double quotes), or name the column "x-meta" for text\n',
    );
    expect(result.code).toBe(2);
  });

  it("a JSON cell nested 16,000 levels deep, told at its cell (not a stack overflow)", async () => {
    const result = await edited(
      (workbook) =>
        (workbook.getWorksheet("Opportunities")!.getCell("S2").value = `${"[".repeat(16_000)}${"]".repeat(16_000)}`),
    );
    expect(result.stderr).toBe(
      "journeymap: Opportunities!S2: the value is nested more than 64 levels deep: a map holds a handful, flatten it\n",
    );
    expect(result.code).toBe(2);
  });
});

describe("LibreOffice Calc saves the workbook of x- keys again", () => {
  if (!soffice && process.env.CI !== "true") {
    it.skip("LibreOffice is not installed here (apt-get install libreoffice-calc): the check runs in CI", () => {});
    return;
  }
  it("as .xlsx, which imports back equal, key by key", () => {
    const { xlsx } = roundTrip();
    const saved = calcResave(xlsx, join(folder, "calc-saved"));
    const back = join(folder, "calc-back.journey.yaml");
    const imported = runCli(["import", saved, "-o", back]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(loaded(readFileSync(back, "utf8"))).toEqual(expected());
  }, 180_000);
});
