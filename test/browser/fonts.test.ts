// International text drawn by the PNG (resvg) and the PDF (pdfkit) beside Chromium's drawing of the
// same SVG. Each line is compared by its ink profile (dark pixels per column): ours must be nearer to
// Chromium's than to a drawing of the same line with its words in the wrong order, which catches a
// reordered Arabic "name: value" line, and must carry about as much ink (boxes and blanks do not).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { installedFonts } from "../../src/render/fonts/installed.js";
import { pdfOfPages } from "../../src/render/pdf-native.js";
import { svgToPng } from "../../src/render/png.js";
import { lineSvg, requireFonts } from "../helpers/fonts.js";
import { ink, readPng, type Pixels } from "../helpers/png-pixels.js";
import { requireBrowser } from "../helpers/render-checks.js";

const executable = findBrowser();
requireBrowser(executable, "test/browser/fonts.test.ts");
const haveFonts = requireFonts(installedFonts(), "test/browser/fonts.test.ts");
const folder = mkdtempSync(join(tmpdir(), "journeymap-fonts-"));
let browser: Browser;

beforeAll(async () => {
  if (executable) browser = await launchBrowser(executable, "the font tests");
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function chromium(svg: string): Promise<Pixels> {
  const tab = await browser.newPage();
  try {
    await tab.setViewport({ width: 640, height: 60 });
    await tab.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return readPng(await tab.screenshot({ clip: { x: 0, y: 0, width: 640, height: 60 } }));
  } finally {
    await tab.close();
  }
}

async function resvg(svg: string): Promise<Pixels> {
  return readPng(await svgToPng(svg, { scale: 1 }));
}

/** The PDF of the line (points = px) turned back into pixels by poppler's pdftoppm at 72 dpi. */
async function pdf(svg: string): Promise<Pixels> {
  const file = join(folder, "line.pdf");
  writeFileSync(file, await pdfOfPages([{ width: 640, height: 60, svg }]));
  const done = spawnSync("pdftoppm", ["-r", "72", "-png", "-singlefile", file, join(folder, "line")]);
  expect(done.status, String(done.stderr)).toBe(0);
  return readPng(readFileSync(join(folder, "line.png")));
}

/** Dark pixels per column, smoothed over 3 px (hinting and anti-aliasing move a stroke by a pixel). */
function profile(pixels: Pixels): number[] {
  const columns = Array.from({ length: pixels.width }, (_, x) =>
    ink(pixels, { x, y: 0, width: 1, height: pixels.height }),
  );
  return columns.map((_, x) => (columns[x - 1] ?? 0) + columns[x]! + (columns[x + 1] ?? 0));
}

function distance(a: number[], b: number[]): number {
  return a.reduce((sum, value, x) => sum + Math.abs(value - (b[x] ?? 0)), 0);
}

/** Lines whose order a renderer without bidi gets wrong. */
const LINES: [string, string][] = [
  ["an Arabic name: value line", "Owner: فريق الدعم"],
  ["a line all in Arabic", "الاسم: قيمة"],
  ["Hebrew then Latin", "שלום עולם: ok"],
  ["a number after Arabic", "رقم 12 ok"],
];
/** Left-to-right override: Chromium draws the characters in their stored order, as a renderer without bidi would. */
const withoutBidi = (line: string) => `\u202d${line}\u202c`;

describe.runIf(executable !== undefined && haveFonts)("international text beside Chromium's", () => {
  for (const [name, line] of LINES) {
    it(`${name}: the PNG and the PDF keep Chromium's order`, async () => {
      const expected = profile(await chromium(lineSvg(line)));
      const wrong = profile(await chromium(lineSvg(withoutBidi(line))));
      // The wrong order is told apart at all: else the line tests nothing.
      expect(distance(wrong, expected)).toBeGreaterThan(200);
      for (const [drawer, draw] of [
        ["PNG", resvg],
        ["PDF", pdf],
      ] as const) {
        const ours = profile(await draw(lineSvg(line)));
        expect(distance(ours, expected), `${drawer}: nearer to Chromium's order`).toBeLessThan(distance(ours, wrong));
      }
    }, 30_000);
  }

  it.each([
    ["Japanese and Korean", "初めての注文 한국어"],
    ["bold Japanese", "初めての注文"],
    ["Devanagari", "पहला ऑर्डर"],
    ["Thai", "สั่งซื้อครั้งแรก"],
  ])(
    "%s: the PNG and the PDF carry about Chromium's ink (no boxes, nothing left out)",
    async (name, text) => {
      const svg = lineSvg(text, { bold: name.startsWith("bold") });
      const expected = ink(await chromium(svg));
      for (const [drawer, draw] of [
        ["PNG", resvg],
        ["PDF", pdf],
      ] as const) {
        const ratio = ink(await draw(svg)) / expected;
        expect(ratio, drawer).toBeGreaterThan(0.6);
        expect(ratio, drawer).toBeLessThan(1.6);
      }
    },
    30_000,
  );
});
