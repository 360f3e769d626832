// render --page on hostile maps of about 1 MB (test/helpers/adversarial-print.ts, and the pictures' shapes
// of test/helpers/adversarial-pictures.ts): printed as A4 PNG pages by the built CLI within 3 s and
// 500 MB, or refused (exit 2) with what to do, never a stack trace. Each run is a child process
// (render-child.mjs, --max-old-space-size=500) whose peak RSS the kernel reports; TIME_SLACK (default 2)
// loosens the time bound on a loaded machine.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";
import { MAX_PNG_PAGES } from "../../src/render/formats.js";
import { MAX_PIXELS } from "../../src/render/png.js";
import { MAX_PAGES } from "../../src/render/svg/pages.js";
import { printMaps } from "../helpers/adversarial-print.js";
import { pictureMaps } from "../helpers/adversarial-pictures.js";
import { pngSize } from "../helpers/render-checks.js";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const WIDE = "test/fixtures/print/wide.journey.yaml";
const { folder, renderInChild } = childRenderer("print-hostile");

const TOO_MANY_PAGES = new RegExp(
  `^journeymap: the map needs (at least )?[\\d,]+ pages of A4 landscape, more than ${MAX_PAGES}: use a larger --page \\(a3, tabloid\\), or --format svg, or split the map`,
);
const TOO_MUCH_TEXT = /^journeymap: the picture has too much text for PNG \([\d,]+ glyphs, more than 16,000;/;

/** What each shape gives: refused with one of these messages, or printed (undefined). */
const REFUSED: Record<string, RegExp | undefined> = {
  "one giant stage": TOO_MANY_PAGES,
  "5,000 stages": TOO_MANY_PAGES,
  "a crowd of personas": undefined,
  "a lane taller than a page": TOO_MANY_PAGES,
  "thousands of personas and touchpoints": new RegExp(`${TOO_MANY_PAGES.source}|${TOO_MUCH_TEXT.source}`),
};

/**
 * The pictures' shapes whose time is resvg's font fallback, the same with or without --page: with the Noto
 * CJK and emoji fonts installed, the one-page PNG of these takes 40 s on a loaded 2-core machine too
 * (`render cjk-walls.journey.yaml -o x.png`); test/security/pictures-hostile.test.ts holds them to the budget.
 */
const FONT_BOUND = new Set(["CJK walls", "long emoji ZWJ runs"]);

const shapes: Record<string, () => string> = {
  ...printMaps,
  ...Object.fromEntries(Object.entries(pictureMaps).filter(([shape]) => !FONT_BOUND.has(shape))),
};

describe("render --page a4 of a 1 MB hostile map", () => {
  for (const [shape, make] of Object.entries(shapes)) {
    it(`${shape}: PNG pages within 3 s and 500 MB, or refused with what to do`, () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeGreaterThan(900_000);
      const map = join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
      writeFileSync(map, text);
      const pages = join(folder, shape.replace(/[^a-z0-9]+/gi, "-"));
      const outcome = renderInChild(["render", map, "-o", join(pages, "map.png"), "--page", "a4"]);
      console.info(`${shape} → --page a4 png: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB, exit ${outcome.code}`);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
      expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
      expect(outcome.stderr).not.toMatch(/unexpected error|\n\s+at /);
      const refused = REFUSED[shape];
      if (refused) {
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toMatch(refused);
        return;
      }
      expect(outcome.code, outcome.stderr).toBe(0);
      const files = readdirSync(pages).filter((file) => file.endsWith(".png"));
      expect(files.length).toBeGreaterThan(0);
      expect(files.length).toBeLessThanOrEqual(MAX_PAGES);
      for (const file of files) {
        const { width, height } = pngSize(readFileSync(join(pages, file)));
        expect(width * height).toBeLessThanOrEqual(MAX_PIXELS);
        // At the default --scale 1: a pixel per point.
        expect(Math.abs(width - 841.89)).toBeLessThanOrEqual(1);
        expect(Math.abs(height - 595.28)).toBeLessThanOrEqual(1);
      }
    }, 120_000);
  }
});

describe("the budgets of PNG pages", () => {
  it("refuses more than 20 PNG pages, and more than 40 million pixels of them, with what to do", () => {
    // 38 stages of 4 touchpoints: 38 A4 pages, 5.8 s of CPU to PNG at --scale 2 before the budget.
    const stages = Array.from(
      { length: 38 },
      (_, s) =>
        `  - {id: s${s}, name: Stage ${s}, touchpoints: [${[0, 1, 2, 3].map((t) => `{name: T${s}-${t}, emotion: ${1 + ((s + t) % 5)}}`).join(", ")}]}`,
    );
    const map = join(folder, "forty.journey.yaml");
    writeFileSync(map, `journeymap: 1\ntitle: Forty\npersonas: [{id: p, name: P}]\nstages:\n${stages.join("\n")}\n`);
    const many = renderInChild(["render", map, "-o", join(folder, "forty", "map.png"), "--page", "a4"]);
    expect(many.code).toBe(2);
    expect(many.stderr).toBe(
      `journeymap: the map prints on 38 PNG pages, more than ${MAX_PNG_PAGES}: use --format pdf, or a larger --page\n`,
    );
    expect(many.ms).toBeLessThan(BUDGET_MS);
    const large = renderInChild([
      "render",
      WIDE,
      "-o",
      join(folder, "large", "map.png"),
      "--page",
      "a4",
      "--scale",
      "5",
    ]);
    expect(large.code).toBe(2);
    expect(large.stderr).toMatch(
      /^journeymap: the map prints on 4 PNG pages of [\d,]+ pixels in all at --scale 5, more than 40,000,000: use --scale (\d\.\d) or less, or --format pdf\n$/,
    );
    const scale = /--scale (\d\.\d) or less/.exec(large.stderr)![1]!;
    const drawn = renderInChild([
      "render",
      WIDE,
      "-o",
      join(folder, "large", "map.png"),
      "--page",
      "a4",
      "--scale",
      scale,
    ]);
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(drawn.peakRss).toBeLessThan(MEMORY_MB);
  }, 120_000);
});

const browser = findBrowser();

describe.runIf(browser !== undefined)("render --page a4 to PDF of a 1 MB hostile map", () => {
  for (const shape of ["a crowd of personas", "one giant stage"]) {
    it(`${shape}: printed or refused, the CLI within 500 MB`, () => {
      const map = join(folder, `pdf-${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
      writeFileSync(map, shapes[shape]!());
      const output = join(folder, "hostile.pdf");
      const outcome = renderInChild(["render", map, "-o", output, "--page", "a4"]);
      console.info(`${shape} → --page a4 pdf: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB, exit ${outcome.code}`);
      expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
      const refused = REFUSED[shape];
      if (refused) {
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toMatch(refused);
        // Refused before the browser starts: within the budget.
        expect(outcome.ms).toBeLessThan(BUDGET_MS);
        return;
      }
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(readFileSync(output).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }, 120_000);
  }
});
