// Issue 21's colour emoji and Devanagari placing under hostile maps: a 1 MB map of walls of distinct
// emoji, of one emoji repeated, and of thousands of Devanagari syllables is rendered to PNG and PDF by
// the built CLI within 3 s and 500 MB in a child process (render-child.mjs), or refused (exit 2) with
// what to do. The PNG is read back for its size, the PDF by poppler (pdfinfo).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emojiMaps } from "../helpers/adversarial-emoji.js";
import { pngSize } from "../helpers/render-checks.js";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("emoji-hostile", { PUPPETEER_EXECUTABLE_PATH: "/nonexistent" });

const TOO_MUCH_TEXT =
  /^journeymap: the picture has too much text for (PNG|PDF) \([\d,]+ glyphs, more than 16,000; CJK characters and emoji count 4\): use --format svg/;

describe("a 1 MB map of emoji and Devanagari, drawn to PNG and PDF", () => {
  for (const [shape, make] of Object.entries(emojiMaps)) {
    for (const format of ["png", "pdf"] as const) {
      it(`${shape}: ${format.toUpperCase()}`, () => {
        const text = make();
        expect(Buffer.byteLength(text)).toBeGreaterThan(900_000);
        expect(Buffer.byteLength(text)).toBeLessThan(1_250_000);
        const map = join(folder, "map.journey.yaml");
        writeFileSync(map, text);
        const output = join(folder, `picture.${format}`);
        rmSync(output, { force: true });
        const outcome = renderInChild(["render", map, "--format", format, "-o", output]);
        console.info(`${shape} → ${format}: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB, exit ${outcome.code}`);
        expect(outcome.ms).toBeLessThan(BUDGET_MS);
        expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
        expect(outcome.stderr).not.toMatch(/unexpected error|\n\s+at /);
        if (outcome.code === 2) {
          expect(outcome.stderr).toMatch(TOO_MUCH_TEXT);
          return;
        }
        expect(outcome.code, outcome.stderr).toBe(0);
        if (format === "png") {
          const { width, height } = pngSize(readFileSync(output));
          expect(width * height).toBeGreaterThan(100_000);
        } else {
          const info = spawnSync("pdfinfo", [output], { encoding: "utf8" });
          expect(info.status, info.stderr).toBe(0);
        }
      });
    }
  }
});
