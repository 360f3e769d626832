// The optional peer dependencies for real: the built CLI is copied into a folder that has the
// package's own dependencies but neither puppeteer-core nor @mermaid-js/mermaid-cli, as after
// `npm install journeymap`. What needs them says in one line what to install (exit 2); the rest works.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { zipOf } from "../helpers/adversarial-xlsx.js";
import { ROOT } from "../helpers/cli.js";

let install: string;
const MAP = join(ROOT, "docs/examples/hotel.journey.yaml");
const INTERNATIONAL = join(ROOT, "test/fixtures/fonts/international.journey.yaml");

beforeAll(() => {
  install = mkdtempSync(join(tmpdir(), "journeymap-no-peers-"));
  for (const part of ["bin", "schemas", "package.json", "dist/bundle"])
    cpSync(join(ROOT, part), join(install, part), { recursive: true });
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    mkdirSync(dirname(join(install, "node_modules", name)), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", name), join(install, "node_modules", name));
  }
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(install, "bin/journeymap.js"), ...args], {
    cwd: install,
    encoding: "utf8",
    // The hint names the package manager that started journeymap: npm here, whichever runs the tests.
    env: { ...process.env, NO_COLOR: "1", npm_config_user_agent: "npm/11.19.1 node/v20.20.2 linux x64" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("journeymap without its optional peer dependencies", () => {
  it("PDF of Latin text needs neither pdfkit nor a browser: journeymap writes it itself", () => {
    expect(run("render", MAP, "-o", "direct.pdf")).toMatchObject({ code: 0, stdout: "" });
    expect(readFileSync(join(install, "direct.pdf")).subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  });

  it("PDF of text that needs shaping (CJK, Arabic, marks): one line names pdfkit and svg-to-pdfkit (or Chrome), exit 2, nothing written", () => {
    expect(run("render", INTERNATIONAL, "-o", "international.pdf")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: PDF needs pdfkit and svg-to-pdfkit, optional packages that are not installed: run npm install pdfkit svg-to-pdfkit (or print with the system's Chrome: --engine chrome)\n",
    });
    expect(existsSync(join(install, "international.pdf"))).toBe(false);
  });

  it("PDF through Chrome: one line says to install puppeteer-core, exit 2, nothing written", () => {
    expect(run("render", MAP, "-o", "hotel.pdf", "--engine", "chrome", "--browser", process.execPath)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: PDF needs puppeteer-core, an optional package that is not installed: run npm install puppeteer-core\n",
    });
    expect(existsSync(join(install, "hotel.pdf"))).toBe(false);
  });

  it("--engine mermaid-cli: one line names both packages to install, exit 2", () => {
    expect(run("render", MAP, "-o", "hotel.svg", "--engine", "mermaid-cli")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: --engine mermaid-cli needs @mermaid-js/mermaid-cli and puppeteer-core, optional packages that are not installed: run PUPPETEER_SKIP_DOWNLOAD=1 npm install @mermaid-js/mermaid-cli puppeteer-core\n",
    });
    expect(existsSync(join(install, "hotel.svg"))).toBe(false);
  });

  it("Excel: one line says to install exceljs, for the export and for import, exit 2, nothing written", () => {
    expect(run("render", MAP, "-o", "hotel.xlsx")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: the Excel export (--format xlsx) needs exceljs, an optional package that is not installed: run npm install exceljs\n",
    });
    expect(existsSync(join(install, "hotel.xlsx"))).toBe(false);
    // A package that passes the zip checks: exceljs is the next thing import needs.
    writeFileSync(join(install, "map.xlsx"), zipOf([{ name: "xl/workbook.xml", data: new Uint8Array(8) }]));
    expect(run("import", "map.xlsx", "-o", "back.journey.yaml")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: importing a workbook (.xlsx) needs exceljs, an optional package that is not installed: run npm install exceljs\n",
    });
    expect(existsSync(join(install, "back.journey.yaml"))).toBe(false);
  });

  it("everything else works: validate, Markdown, the native SVG and PNG", () => {
    expect(run("validate", MAP)).toMatchObject({ code: 0 });
    expect(run("render", MAP, "--format", "markdown").stdout).toContain("# Harbour Hotel - a weekend stay");
    expect(run("render", MAP, "-o", "hotel.svg")).toMatchObject({ code: 0 });
    expect(readFileSync(join(install, "hotel.svg"), "utf8")).toMatch(/^<svg /);
    expect(run("render", MAP, "-o", "hotel.png")).toMatchObject({ code: 0 });
    expect(readFileSync(join(install, "hotel.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
