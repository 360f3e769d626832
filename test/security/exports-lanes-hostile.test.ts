// The lanes and tracked-work format under hostile maps (test/helpers/adversarial-exports-lanes.ts): each
// map of about 1 MB is exported by the built CLI to .xlsx, .pptx, .drawio, .drawio.svg and .vsdx within
// 3 s and 500 MB each, in a child process (node --max-old-space-size=500, render-child.mjs); the
// workbook holds no formula (every formula-like text is a string cell with the Text format) and imports
// back within the same budget. A workbook built to attack the import (20,000 Lane entries rows on one
// touchpoint, a "Lane: __proto__" column) is imported or refused within budget, and pollutes nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { importGrids } from "../../src/import/index.js";
import type { Grid } from "../../src/import/grid.js";
import { FORMULAS, laneExportMaps } from "../helpers/adversarial-exports-lanes.js";
import { BUDGET_MS, MEMORY_MB } from "../helpers/render-child.js";

const CHILD = fileURLToPath(new URL("./lanes-child.mjs", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "journeymap-exports-lanes-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  code: number;
  ms: number;
  cpuMs: number;
  peakRss: number;
  stderr: string;
}

/** `journeymap <args>` in a child with a 500 MB heap; its CPU time and peak RSS within budget. */
function withinBudget(what: string, args: string[]): Outcome {
  const result = join(folder, "outcome.json");
  rmSync(result, { force: true });
  const child = spawnSync(process.execPath, ["--max-old-space-size=500", CHILD, result, ...args], {
    encoding: "utf8",
    timeout: BUDGET_MS * 6,
    env: { ...process.env, NO_COLOR: "1", NODE_EXTRA_CA_CERTS: undefined },
  });
  expect(child.error, "the child ran out of time").toBeUndefined();
  const outcome = { ...(JSON.parse(readFileSync(result, "utf8")) as Omit<Outcome, "stderr">), stderr: child.stderr };
  console.info(`${what}: CPU ${outcome.cpuMs} ms (wall ${outcome.ms} ms), peak RSS ${outcome.peakRss} MB`);
  expect(outcome.code, outcome.stderr).toBe(0);
  expect(outcome.cpuMs, what).toBeLessThan(BUDGET_MS);
  expect(outcome.peakRss, what).toBeLessThan(MEMORY_MB);
  return outcome;
}

const EXPORTS = [".xlsx", ".pptx", ".drawio", ".drawio.svg", ".vsdx"];

/** No cell of any sheet is a formula; every formula-like text is a string cell (t="s" or inline). */
async function expectNoFormula(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.length).toBeGreaterThan(5);
  for (const name of sheets) expect(await zip.file(name)!.async("string"), name).not.toMatch(/<f[ >]/);
  // The formula-like texts are there, as shared strings (text cells).
  const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
  expect(strings).toMatch(/<t[^>]*>[=+@-]/);
}

describe("a 1 MB map of lanes and tracked work, exported and imported back", () => {
  for (const [shape, make] of Object.entries(laneExportMaps)) {
    it(`${shape}: ${EXPORTS.join(", ")} within 3 s and 500 MB each, the workbook imported back`, async () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeLessThan(1_250_000);
      const map = join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
      writeFileSync(map, text);
      for (const extension of EXPORTS)
        withinBudget(`${shape} → ${extension}`, ["render", map, "-o", join(folder, `export${extension}`)]);
      const workbook = join(folder, "export.xlsx");
      await expectNoFormula(workbook);
      const back = join(folder, "back.journey.yaml");
      withinBudget(`${shape} ← .xlsx`, ["import", workbook, "-o", back]);
      const yaml = readFileSync(back, "utf8");
      for (const formula of [...FORMULAS, "@constructor 0"])
        if (text.includes(formula)) expect(yaml).toContain(formula);
    }, 240_000);
  }
});

/** A workbook of the Touchpoints layout with extra sheets. */
async function workbookOf(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("a workbook built to attack the import of lanes and tracked work", () => {
  it("20,000 Lane entries rows on one touchpoint's lane: imported within budget (linear, not their square)", async () => {
    const rows: unknown[][] = [["Stage id", "Touchpoint", "Lane", "Text", "Served by", "Wait"]];
    for (let index = 0; index < 20_000; index++)
      rows.push(["s", "Desk", "backstage", `=E${index}`, `e${index}`, "1 h"]);
    const bytes = await workbookOf({
      Touchpoints: [
        ["Stage id", "Touchpoint", "Lane: backstage"],
        ["s", "Desk", Array.from({ length: 2_000 }, (_, index) => `=E${index}`).join("\n")],
      ],
      Lanes: [
        ["Id", "Label"],
        ["backstage", "Back office"],
      ],
      "Lane entries": rows,
    });
    expect(bytes.length).toBeLessThan(1 << 20);
    const file = join(folder, "entries.xlsx");
    writeFileSync(file, bytes);
    const back = join(folder, "entries.journey.yaml");
    withinBudget("20,000 Lane entries rows ← .xlsx", ["import", file, "-o", back]);
    // The 2,000 lines of the lane's cell became the first 2,000 rows' objects, the other rows went after them.
    const yaml = readFileSync(back, "utf8");
    expect(yaml.match(/- text: /g)?.length).toBe(20_000);
    expect(yaml).toMatch(/- text: =E1999\n\s+servedBy:\n\s+- e1999\n\s+wait: 1 h\n\s+- text: =E2000\n/);
  }, 120_000);

  it("a lane named __proto__ or constructor: an own key of the map, refused by the schema, nothing polluted", () => {
    const grid = (name: string, rows: Grid["rows"]): Grid => ({ name, rows, covered: new Set(), typed: true });
    const attempt = (lane: string) => () =>
      importGrids(
        [
          grid("Touchpoints", [
            ["Stage id", "Touchpoint", `Lane: ${lane}`],
            ["s", "Desk", '{"polluted": true}'],
          ]),
          grid("Lane entries", [
            ["Stage id", "Lane", "Text", "Id"],
            ["s", lane, "polluted", "x"],
          ]),
        ],
        { shown: "attack.xlsx" },
      );
    expect(attempt("__proto__")).toThrow(/would not validate/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    // "constructor" is a valid lane id: imported as the map's own lane, its value a list.
    const imported = attempt("constructor")();
    expect(imported.text).toMatch(/lanes:\n\s+constructor:\n\s+- '\{"polluted": true\}'\n/);
    expect(imported.text).toMatch(/ {4}lanes:\n\s+constructor:\n\s+- id: x\n\s+text: polluted\n/);
  });
});

/** Maps of about 1 MB aimed at the x- columns and the Opportunities sheet. */
const q = (text: string) => JSON.stringify(text);
const extensionMaps: Record<string, () => string> = {
  // 10,000 opportunities tracked as work, formula-like titles and x- values, on 100 touchpoints.
  "10,000 tracked opportunities with x- keys": () => {
    const lines = ["journeymap: 1", "title: Work", "personas: [{id: p, name: Guest}]", "stages:"];
    lines.push("  - id: s", "    name: Stay", "    touchpoints:");
    for (let touchpoint = 0; touchpoint < 100; touchpoint++) {
      const opportunities = Array.from({ length: 100 }, (_, k) => {
        const i = touchpoint * 100 + k;
        return `{id: o${i}, title: ${q(`${FORMULAS[i % 5]!} ${i}`)}, status: planned, value: 3, x-jira: ${q(FORMULAS[(i + 1) % 5]!)}}`;
      });
      lines.push(`      - {name: T${touchpoint}, opportunities: [${opportunities.join(", ")}]}`);
    }
    return `${lines.join("\n")}\n`;
  },
  // 6,000 lane entries with 100 x- keys between them: texts, numbers, objects, control characters.
  "x- keys on 6,000 lane entries": () => {
    const entries = Array.from(
      { length: 6_000 },
      (_, i) =>
        `{id: e${i}, text: ${q(FORMULAS[i % 5]!)}, x-k${i % 97}: ${q(FORMULAS[(i + 2) % 5]!)}, x-n: ${i}, x-obj: {a: [${q(FORMULAS[i % 5]!)}], b: true}, x-ctl: "a\\u0007b"}`,
    );
    return [
      "journeymap: 1",
      "title: Keys",
      "type: blueprint",
      "personas: [{id: p, name: Guest}]",
      "lanes: [{id: backstage, label: Back office, layer: backstage}]",
      "stages:",
      "  - id: s",
      "    name: Stay",
      "    touchpoints:",
      `      - {id: desk, name: Desk, lanes: {backstage: [${entries.join(", ")}]}}`,
      "",
    ].join("\n");
  },
};

describe("a 1 MB map of x- keys and tracked work, to .xlsx and back", () => {
  for (const [shape, make] of Object.entries(extensionMaps)) {
    it(`${shape}: exported and imported within 3 s and 500 MB each, every x- value back, no formula`, async () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeLessThan(1 << 20);
      const map = join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
      writeFileSync(map, text);
      const workbook = join(folder, "extensions.xlsx");
      withinBudget(`${shape} → .xlsx`, ["render", map, "-o", workbook]);
      await expectNoFormula(workbook);
      const back = join(folder, "extensions-back.journey.yaml");
      withinBudget(`${shape} ← .xlsx`, ["import", workbook, "-o", back]);
      const yaml = readFileSync(back, "utf8");
      const keys = (source: string) => source.match(/\bx-[a-z0-9]+:/g)?.length;
      expect(keys(yaml)).toBe(keys(text));
      for (const formula of FORMULAS) expect(yaml).toContain(formula);
    }, 240_000);
  }
});
