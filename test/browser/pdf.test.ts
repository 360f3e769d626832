// The native picture printed to PDF through the system's Chromium: one page, the picture's size.
import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";
import { svgToPdf } from "../../src/render/pdf.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { examplePath, loadMap } from "../render/svg/maps.js";

const executable = findBrowser();
const mustRun = process.env.CI === "true";
if (!executable && !mustRun)
  console.warn(
    "\n⚠ SKIPPED test/browser/pdf.test.ts: no Chromium found (install chromium, or set PUPPETEER_EXECUTABLE_PATH)\n",
  );

describe.runIf(executable !== undefined || mustRun)("svgToPdf", () => {
  it("prints one page as large as the picture", async () => {
    const svg = renderSvg(loadMap(examplePath("hotel")));
    const pdf = Buffer.from(await svgToPdf(svg, {}));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdf.toString("latin1");
    expect(text.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const [, width] = /width="(\d+)"/.exec(svg)!;
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text)!;
    // PDF points are 1/72 in, the SVG's px 1/96 in.
    expect(Number(box[1])).toBeCloseTo((Number(width) * 72) / 96, 0);
  });
});
