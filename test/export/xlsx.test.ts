// render --format xlsx, read back by a second library (read-excel-file) and converted by LibreOffice
// Calc headless, as a user's spreadsheet program would open it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readXlsxFile from "read-excel-file/node";
import { afterAll, describe, expect, it } from "vitest";
import { calcResave, soffice } from "../helpers/calc-resave.js";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-xlsx-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const HOSTILE = `journeymap: 1
title: "=1+1"
personas:
  - {id: parent, name: "@SUM(A1)"}
stages:
  - id: browse
    name: "+Browses"
    touchpoints:
      - name: "-2+3"
        owner: "\\tcmd"
        emotion: 2
        painPoints: ["=HYPERLINK(\\"http://evil\\",\\"x\\")", "bell \\u0007 and _x0041_ stay"]
      - name: Long
        description: "${"a".repeat(40_000)}"
`;

function render(name: string, text: string): string {
  const map = join(folder, `${name}.journey.yaml`);
  writeFileSync(map, text);
  const output = join(folder, `${name}.xlsx`);
  const run = runCli(["render", map, "-o", output]);
  expect(run.stderr).toContain("→");
  expect(run.code).toBe(0);
  return output;
}

const sheetsOf = async (file: string) =>
  new Map((await readXlsxFile(readFileSync(file), { trim: false })).map((sheet) => [sheet.sheet, sheet.data]));

describe("render --format xlsx", () => {
  it("writes the Map and Touchpoints sheets that a second library reads back", async () => {
    const output = join(folder, "checkout.xlsx");
    expect(runCli(["render", "examples/freshcart/checkout.journey.yaml", "-o", output]).code).toBe(0);
    const sheets = await sheetsOf(output);
    // The checkout map tracks opportunities as work (id, owner, status, scores): their own sheet.
    expect([...sheets.keys()]).toEqual([
      "Map",
      "Touchpoints",
      "Stages",
      "Personas",
      "Teams",
      "Metrics",
      "Opportunities",
      "Map info",
    ]);
    const map = sheets.get("Map")!;
    expect(map[0]).toEqual([
      "Stage",
      "Reviews the basket",
      null,
      "Picks a delivery slot",
      null,
      "Pays",
      null,
      "Gets the confirmation",
    ]);
    expect(map[1]![0]).toBe("Touchpoint");
    expect(map[1]![2]).toBe("Hits the minimum order value");
    const parent = map.find((row) => row[0] === "Emotion: Dana, working parent")!;
    // The minimum-order touchpoint involves only the student: no score for the parent there.
    expect(parent.slice(1)).toEqual([4, null, 2, 4, 4, 3, 4]);
    const touchpoints = sheets.get("Touchpoints")!;
    expect(touchpoints[0]!.slice(0, 4)).toEqual(["Stage id", "Stage", "Touchpoint id", "Touchpoint"]);
    expect(touchpoints[0]).toContain("Emotion: parent");
    expect(touchpoints[0]).toContain("Metric: slot-abandon-rate");
    expect(touchpoints).toHaveLength(8);
    const card = touchpoints.find((row) => row[2] === "card")!;
    expect(card[touchpoints[0]!.indexOf("Metric: payment-failure-rate")]).toBe(0.06);
    expect(card[touchpoints[0]!.indexOf("Pain points")]).toBe("The bank app's confirmation times out");
  });

  it("writes the same bytes for the same map (fixed dates in docProps and in the zip)", () => {
    const first = render("same-a", HOSTILE);
    const second = render("same-b", HOSTILE);
    expect(Buffer.compare(readFileSync(first), readFileSync(second))).toBe(0);
  });

  it("writes no formula: texts that look like one stay text, control characters go, long cells are cut", async () => {
    const output = render("hostile", HOSTILE);
    const xml = spawnSync("unzip", ["-p", output, "xl/worksheets/*.xml"], { encoding: "utf8" }).stdout;
    if (xml) expect(xml).not.toMatch(/<f[ >]/);
    const sheets = await sheetsOf(output);
    expect(sheets.get("Map info")![0]).toEqual(["Title", "=1+1"]);
    const rows = sheets.get("Touchpoints")!;
    const header = rows[0]!;
    expect(rows[1]![header.indexOf("Touchpoint")]).toBe("-2+3");
    expect(rows[1]![header.indexOf("Owner")]).toBe("\tcmd");
    expect(rows[1]![header.indexOf("Pain points")]).toBe('=HYPERLINK("http://evil","x")\nbell  and _x0041_ stay');
    const long = rows[2]![header.indexOf("Description")] as string;
    expect(long).toHaveLength(32_767);
    expect(long.endsWith("[cut by journeymap: Excel holds at most 32,767 characters in a cell]")).toBe(true);
  });
});

const inCi = process.env.CI === "true";

describe("LibreOffice Calc opens the workbook", () => {
  if (!soffice && !inCi) {
    it.skip("LibreOffice is not installed here (apt-get install libreoffice-calc): the check runs in CI", () => {});
    console.warn("test/export/xlsx.test.ts: LibreOffice not installed, the Calc conversion is not checked here");
    return;
  }
  it("converts it headless to CSV (every stage and touchpoint, no formula evaluated) and to PDF", () => {
    expect(soffice, "CI installs libreoffice-calc (.ci/run)").toBeDefined();
    const output = render("calc", HOSTILE.replace(/ {6}- name: Long[\s\S]*$/, ""));
    const profile = mkdtempSync(join(tmpdir(), "journeymap-lo-"));
    const convert = (filter: string) =>
      spawnSync(
        soffice!,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", folder, output],
        { encoding: "utf8", timeout: 120_000 },
      );
    try {
      // The Map sheet (the first) as CSV: the title row would read 2 if "=1+1" had been evaluated.
      expect(convert("csv").status).toBe(0);
      const csv = readFileSync(join(folder, "calc.csv"), "utf8");
      expect(csv).toContain("+Browses");
      expect(csv).toContain("-2+3");
      expect(csv).toContain('"=HYPERLINK(""http://evil"",""x"")');
      expect(convert("pdf").status).toBe(0);
      const pdf = spawnSync("pdftotext", [join(folder, "calc.pdf"), "-"], { encoding: "utf8" }).stdout;
      expect(pdf).toContain("=1+1");
      expect(pdf).toContain("+Browses");
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    expect(readdirSync(folder)).toContain("calc.pdf");
  });

  it("saves it again as .xlsx, which journeymap imports back with no change (an edit in Calc round-trips)", () => {
    expect(soffice, "CI installs libreoffice-calc (.ci/run)").toBeDefined();
    const output = join(folder, "resaved-in.xlsx");
    expect(runCli(["render", "examples/freshcart/checkout.journey.yaml", "-o", output]).code).toBe(0);
    const saved = calcResave(output, join(folder, "calc-saved"));
    const back = join(folder, "resaved.journey.yaml");
    expect(runCli(["import", saved, "-o", back]).code).toBe(0);
    const diff = runCli(["diff", "examples/freshcart/checkout.journey.yaml", back]);
    expect(diff.stdout).toContain("no changes");
  });
});
