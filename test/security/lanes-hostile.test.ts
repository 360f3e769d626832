// Declared lanes against the hostile-input budget: a map of about 1 MB in each shape of
// test/helpers/adversarial-lanes.ts (a thousand lanes filled by every touchpoint, a lane per touchpoint,
// tens of thousands of chips in one card, a thousand stages filling a thousand lanes, lane ids named
// like Object.prototype's members) is rendered to SVG and to the Markdown page by the built CLI in a
// child process (--max-old-space-size=500) within 3 s (× TIME_SLACK) and 500 MB; the outputs are read
// back by an XML parser and markdown-it. A map filling `__proto__` is refused by the schema, not drawn.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { laneMaps, protoKeyMap } from "../helpers/adversarial-lanes.js";
import { rawHtml } from "../helpers/oracles.js";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("lanes-hostile");
const fileOf = (shape: string) => join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);

describe("a 1 MB map of declared lanes in every shape", () => {
  for (const [shape, make] of Object.entries(laneMaps)) {
    it(`${shape}: SVG and Markdown within the budget, read back`, () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeGreaterThan(900_000);
      expect(Buffer.byteLength(text)).toBeLessThan(1_100_000);
      const map = fileOf(shape);
      writeFileSync(map, text);

      const svgFile = join(folder, "picture.svg");
      const svg = renderInChild(["render", map, "--format", "svg", "-o", svgFile]);
      console.info(`${shape} → svg: ${svg.ms} ms, peak RSS ${svg.peakRss} MB`);
      expect(svg.code, svg.stderr).toBe(0);
      expect(svg.ms).toBeLessThan(BUDGET_MS);
      expect(svg.peakRss).toBeLessThan(MEMORY_MB);
      const picture = readFileSync(svgFile, "utf8");
      expect(XMLValidator.validate(picture)).toBe(true);
      // Booleans, not the strings: a failing match would print a diff of megabytes.
      expect(picture.includes('data-card="lane-declared-1"')).toBe(true);
      expect(/<b>|data-card="[^"]*(constructor|prototype|to-string)/.test(picture)).toBe(false);

      const pageFile = join(folder, "page.md");
      const page = renderInChild(["render", map, "--format", "markdown", "-o", pageFile]);
      console.info(`${shape} → md: ${page.ms} ms, peak RSS ${page.peakRss} MB`);
      expect(page.code, page.stderr).toBe(0);
      expect(page.ms).toBeLessThan(BUDGET_MS);
      expect(page.peakRss).toBeLessThan(MEMORY_MB);
      const markdown = readFileSync(pageFile, "utf8");
      expect(markdown.includes("Lane 0 &lt;b\\>&&lt;/b\\>")).toBe(true);
      expect(rawHtml(markdown).filter((html) => html !== "<br />")).toEqual([]);
    });
  }

  it("a map filling __proto__ is refused by the schema, quickly, with what to change and no stack trace", () => {
    const map = fileOf("proto");
    writeFileSync(map, protoKeyMap());
    for (const format of ["svg", "markdown"]) {
      const outcome = renderInChild(["render", map, "--format", format, "-o", join(folder, `proto.${format}`)]);
      expect(outcome.code).toBe(1);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
      expect(outcome.stderr).toMatch(/__proto__/);
      expect(outcome.stderr).not.toMatch(/unexpected error|\n\s+at /);
    }
  });
});
