// Hostile maps aimed at journeymap's own PDF writer (src/render/pdf-direct/): the most elements its
// pictures can hold under the text budget (a thousand one-letter touchpoints), the widest picture and
// the most printed pages, each 1 MB at most, written directly (PDF 1.7) within 3 s and 500 MB in a
// child process, and read back by poppler; and the bound on what goes to pdfkit instead (text that
// needs shaping), which draws shapes slowly. TIME_SLACK loosens the time bound.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("pdf-direct-hostile", { PUPPETEER_EXECUTABLE_PATH: "/nonexistent" });

const persona = "personas: [{id: p1, name: One}, {id: p2, name: Two}]";

/** Stages of one-letter touchpoints, each with an emotion per persona: many shapes for little text. */
function manyShapes(stages: number, perStage: number): string {
  const lines = Array.from({ length: stages }, (_, s) => {
    const touchpoints = Array.from(
      { length: perStage },
      (_, t) => `{name: t, emotion: {p1: ${(t % 5) + 1}, p2: ${((t + s) % 5) + 1}}}`,
    ).join(", ");
    return `  - {id: s${s}, name: S, touchpoints: [${touchpoints}]}`;
  });
  return `journeymap: 1\ntitle: Shapes\n${persona}\nstages:\n${lines.join("\n")}\n`;
}

const SHAPES: Record<string, { map: () => string; args: string[]; pages?: number; writer?: string }> = {
  "300 such touchpoints and one Arabic letter (all of it goes to pdfkit)": {
    map: () => manyShapes(6, 50).replace("name: t,", "name: t ع,"),
    args: [],
    writer: "%PDF-1.3",
  },

  "a thousand one-letter touchpoints with emotions (the most shapes under the text budget)": {
    map: () => manyShapes(20, 50),
    args: [],
  },
  "39 printed A3 pages of them (the most is 40)": { map: () => manyShapes(13, 25), args: ["--page", "a3"], pages: 39 },
};

describe("hostile maps printed by journeymap's own PDF writer", () => {
  it("a thousand such touchpoints and one Arabic letter: refused, since pdfkit would take 6 s", () => {
    const path = join(folder, "arabic.journey.yaml");
    writeFileSync(path, manyShapes(20, 50).replace("name: t,", "name: t ع,"));
    const output = join(folder, "arabic.pdf");
    const outcome = renderInChild(["render", path, "-o", output]);
    console.info(`a thousand touchpoints and one Arabic letter → pdf: ${outcome.ms} ms, exit ${outcome.code}`);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(
      /^journeymap: the picture has too many shapes for a PDF of text beyond the Latin faces \([\d,]+ elements, more than 5,000\): print it with the system.s Chrome \(--engine chrome\), use --format png or svg/,
    );
    expect(outcome.ms).toBeLessThan(BUDGET_MS);
    expect(existsSync(output)).toBe(false);
  });

  for (const [shape, { map, args, pages = 1, writer = "%PDF-1.7" }] of Object.entries(SHAPES)) {
    it(shape, () => {
      const text = map();
      expect(text.length).toBeLessThanOrEqual(2 ** 20);
      const path = join(folder, "map.journey.yaml");
      writeFileSync(path, text);
      const output = join(folder, "map.pdf");
      rmSync(output, { force: true });
      const outcome = renderInChild(["render", path, "-o", output, ...args]);
      console.info(`${shape} → pdf: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
      expect(outcome.peakRss).toBeLessThan(MEMORY_MB);
      expect(readFileSync(output).subarray(0, 8).toString("latin1")).toBe(writer);
      const info = spawnSync("pdfinfo", [output], { encoding: "utf8" });
      expect(info.status, info.stderr).toBe(0);
      expect(info.stdout).toMatch(new RegExp(`^Pages:\\s+${pages}$`, "m"));
    });
  }
});
