// Issue 19's hostile pictures printed by the native PDF engine (no browser): each 1 MB map of every
// shape aimed at text shaping (CJK walls, emoji ZWJ runs, bidi, marks, thousands of touchpoints) is
// printed within 3 s and 500 MB in a child process, or refused (exit 2) with what to do; Latin text
// by journeymap's own writer (PDF 1.7), the rest by pdfkit and svg-to-pdfkit (PDF 1.3). The PDF that
// comes out is read back by poppler (pdfinfo). TIME_SLACK loosens the time bound.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pictureMaps } from "../helpers/adversarial-pictures.js";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("pdf-hostile", { PUPPETEER_EXECUTABLE_PATH: "/nonexistent" });

/** Which writer prints each shape: pdf-direct/ for Latin text, pdfkit for text that needs shaping. */
const WRITER: Record<string, "direct" | "pdfkit"> = {
  "CJK walls": "pdfkit",
  "one long name in words": "direct",
  "one long name without a space": "direct",
  "long emoji ZWJ runs": "pdfkit",
  "RTL and bidi": "pdfkit",
  Zalgo: "pdfkit",
};
const writerOf = (pdf: string) =>
  readFileSync(pdf).subarray(0, 8).toString("latin1") === "%PDF-1.7" ? "direct" : "pdfkit";

const REFUSED: Record<string, RegExp> = {
  "thousands of personas and touchpoints":
    /^journeymap: the picture has too much text for PDF \([\d,]+ glyphs, more than 16,000; CJK characters and emoji count 4\): use --format svg/,
};

describe("a 1 MB map of every shape aimed at the pictures, printed to PDF without a browser", () => {
  for (const [shape, make] of Object.entries(pictureMaps)) {
    it(`${shape}: PDF`, () => {
      const map = join(folder, "map.journey.yaml");
      writeFileSync(map, make());
      const output = join(folder, "picture.pdf");
      rmSync(output, { force: true });
      const outcome = renderInChild(["render", map, "--format", "pdf", "-o", output]);
      console.info(`${shape} → pdf: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
      expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
      const refused = REFUSED[shape];
      if (refused) {
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toMatch(refused);
        return;
      }
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.stderr).not.toMatch(/unexpected error|\n\s+at /);
      const info = spawnSync("pdfinfo", [output], { encoding: "utf8" });
      expect(info.status, info.stderr).toBe(0);
      expect(info.stdout).toMatch(/^Pages:\s+1$/m);
      expect(writerOf(output)).toBe(WRITER[shape]);
    });
  }

  it("prints a picture wider than a PDF page on one page of 200 inches at most", () => {
    // 500 touchpoints in a row: 94,000 px wide.
    const touchpoints = Array.from({ length: 500 }, (_, t) => `{name: T${t}}`).join(", ");
    const map = join(folder, "wide.journey.yaml");
    writeFileSync(
      map,
      `journeymap: 1\ntitle: Wide\npersonas: [{id: p1, name: One}]\nstages:\n  - {id: s1, name: S, touchpoints: [${touchpoints}]}\n`,
    );
    const output = join(folder, "wide.pdf");
    const outcome = renderInChild(["render", map, "-o", output]);
    console.info(`500 touchpoints in a row → pdf: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.ms).toBeLessThan(BUDGET_MS);
    expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
    const info = spawnSync("pdfinfo", [output], { encoding: "utf8" }).stdout;
    const [, width] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Number(width)).toBeCloseTo(14_400, 0);
    expect(writerOf(output)).toBe("direct");
  });
});
