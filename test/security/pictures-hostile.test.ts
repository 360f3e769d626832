// Issue 19's pictures: a map of about 1 MB of every shape aimed at text shaping and the rasterizer is
// rendered to SVG and PNG by the built CLI within 3 s and 500 MB, or refused (exit 2) with what to
// do. Each render runs in a child process (node --max-old-space-size=500, render-child.mjs) whose peak
// RSS the kernel reports, native memory included; TIME_SLACK (default 2) loosens the time bound on a
// loaded machine. Outputs are read back: the SVG by an XML parser, the PNG's size from its header.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";
import { MAX_DRAWN_GLYPHS, MAX_PIXELS } from "../../src/render/png.js";
import { MAX_PAGE_PX } from "../../src/render/pdf.js";
import { TEXT_MAX_LINES } from "../../src/render/svg/text.js";
import { pictureMaps } from "../helpers/adversarial-pictures.js";
import { runCli } from "../helpers/cli.js";
import { pngSize, requireBrowser } from "../helpers/render-checks.js";
import { parse, walk } from "../render/svg/xml.js";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("pictures-hostile");

/** The maps that PNG refuses, and how; every other map is drawn. */
const PNG_REFUSED: Record<string, RegExp> = {
  "thousands of personas and touchpoints":
    /^journeymap: the picture has too much text for PNG \([\d,]+ glyphs, more than 16,000; CJK characters and emoji count 4\): use --format svg, or split the map into smaller ones/,
};

const fileOf = (shape: string) => join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);

describe("a 1 MB map of every shape aimed at the pictures", () => {
  for (const [shape, make] of Object.entries(pictureMaps)) {
    const map = fileOf(shape);

    it(`${shape}: SVG`, () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeGreaterThan(900_000);
      expect(Buffer.byteLength(text)).toBeLessThan(1_250_000);
      writeFileSync(map, text);
      const output = join(folder, "picture.svg");
      const outcome = renderInChild(["render", map, "--format", "svg", "-o", output]);
      console.info(`${shape} → svg: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
      expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
      const svg = readFileSync(output, "utf8");
      expect(XMLValidator.validate(svg)).toBe(true);
      const root = parse(svg);
      const texts = [...walk(root)].filter((element) => element.name === "text");
      expect(texts.length).toBeGreaterThan(0);
      // No text is laid out past the budget: at most 2,000 characters and an ellipsis per line.
      for (const element of texts) expect(element.text.length).toBeLessThanOrEqual(2_001);
      if (shape !== "thousands of personas and touchpoints") {
        // One stage: the picture is as tall as its few texts allow, however long they are.
        const lineCount = new Map<string, number>();
        for (const element of texts) {
          const card = element.attributes["data-in"]!;
          lineCount.set(card, (lineCount.get(card) ?? 0) + 1);
        }
        for (const [card, lines] of lineCount) expect(lines, card).toBeLessThanOrEqual(4 * TEXT_MAX_LINES);
        expect(Number(root.attributes.height)).toBeLessThan(4_000);
      }
    });

    it(`${shape}: PNG`, () => {
      writeFileSync(map, make());
      const output = join(folder, "picture.png");
      rmSync(output, { force: true });
      const outcome = renderInChild(["render", map, "--format", "png", "-o", output]);
      console.info(`${shape} → png: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
      expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
      const refused = PNG_REFUSED[shape];
      if (refused) {
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toMatch(refused);
        expect(outcome.stderr).not.toMatch(/unexpected error|\n\s+at /);
        return;
      }
      expect(outcome.code, outcome.stderr).toBe(0);
      const { width, height } = pngSize(readFileSync(output));
      expect(width * height).toBeLessThanOrEqual(MAX_PIXELS);
      expect(width * height).toBeGreaterThan(100_000);
    });
  }
});

/** A map file of one stage with `count` touchpoints side by side: a picture as wide as it gets. */
function wideMap(name: string, count: number): string {
  const touchpoints = Array.from({ length: count }, (_, t) => `{name: T${t}}`).join(", ");
  const map = join(folder, `${name}.journey.yaml`);
  writeFileSync(
    map,
    `journeymap: 1\ntitle: Wide\npersonas: [{id: p1, name: One}]\nstages:\n  - {id: s1, name: S, touchpoints: [${touchpoints}]}\n`,
  );
  return map;
}

describe("the PNG budgets", () => {
  it("refuses a picture over the pixels with the --scale at which it fits", () => {
    // A stage of 120 touchpoints: 22,600 × 1,000 px, 45 million pixels at --scale 2 (it fits at the default, 1).
    const map = wideMap("wide", 120);
    const output = join(folder, "wide.png");
    const refused = runCli(["render", map, "-o", output, "--scale", "2"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^journeymap: the picture is too large for PNG at scale 2 \(\d+ × \d+ px, more than 20,000,000 pixels\): use --scale (\d+(?:\.\d)?) or less, or --format svg\n$/,
    );
    const scale = /--scale ([\d.]+)/.exec(refused.stderr)![1]!;
    const drawn = runCli(["render", map, "-o", output, "--scale", scale]);
    expect(drawn.code, drawn.stderr).toBe(0);
    const { width, height } = pngSize(readFileSync(output));
    expect(width * height).toBeLessThanOrEqual(MAX_PIXELS);
  }, 120_000);

  it("counts the glyphs of drawn text, a CJK character or an emoji as four", async () => {
    const { drawnGlyphs } = await import("../../src/render/png.js");
    const svg = `<svg><text x="1">a&amp;b</text><title>not drawn</title><text>中文😀</text></svg>`;
    expect(drawnGlyphs(svg)).toBe(3 + 4 + 4 + 4);
    expect(MAX_DRAWN_GLYPHS).toBe(16_000);
  });

  it("rejects --scale outside 0.1 to 10 as a usage error, before drawing anything", () => {
    for (const scale of ["0.0001", "0", "-1", "11", "abc", ""]) {
      const output = join(folder, "never.png");
      const run = runCli([
        "render",
        "docs/examples/hotel.journey.yaml",
        "--format",
        "png",
        "--scale",
        scale,
        "-o",
        output,
      ]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toBe(`journeymap: --scale must be a number from 0.1 to 10 (got "${scale}")\n`);
    }
  });

  it("hands each picture's memory back: 24 maps to PNG at --scale 4 stay under 300 MB", () => {
    // Each picture is about 18 MB of pixels; kept until the end, they took 430 MB here.
    const maps = join(folder, "many");
    mkdirSync(maps, { recursive: true });
    for (let m = 0; m < 24; m++)
      writeFileSync(
        join(maps, `map-${m}.journey.yaml`),
        `journeymap: 1\ntitle: Map ${m}\npersonas: [{id: p1, name: One}]\nstages:\n  - {id: s1, name: S, touchpoints: [{name: T, emotion: 3}]}\n`,
      );
    const output = join(folder, "many-out");
    const outcome = renderInChild(["render", maps, "--format", "png", "--scale", "4", "-o", output], 600_000);
    console.info(`24 maps → png: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(readdirSync(output).filter((name) => name.endsWith(".png"))).toHaveLength(24);
    expect(outcome.peakRss).toBeLessThan(300);
  }, 600_000);
});

const browser = findBrowser();
requireBrowser(browser, "test/security/pictures-hostile.test.ts (PDF)");

describe.runIf(browser !== undefined)("PDF of a hostile picture", () => {
  it("prints a picture wider than a PDF page on one page of at most 200 inches, never crashing", () => {
    // 500 touchpoints in a row: 94,000 px wide, Chromium's printing failed on it.
    const map = wideMap("very-wide", 500);
    const output = join(folder, "very-wide.pdf");
    const outcome = renderInChild(["render", map, "-o", output], 120_000);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
    const pdf = readFileSync(output).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const [, width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    // PDF points are 1/72 in: the page is the largest there is, in the picture's proportions.
    expect(Number(width)).toBeCloseTo((MAX_PAGE_PX * 72) / 96, 0);
    expect(Number(height)).toBeGreaterThan(10);
  }, 150_000);

  it("refuses a picture with too much text for PDF with what to do, without starting the browser", () => {
    const shape = "thousands of personas and touchpoints";
    writeFileSync(fileOf(shape), pictureMaps[shape]!());
    const outcome = renderInChild(["render", fileOf(shape), "--format", "pdf", "-o", join(folder, "x.pdf")], 120_000);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(
      /^journeymap: the picture has too much text for PDF \([\d,]+ glyphs, more than 16,000;/,
    );
  }, 150_000);
});
