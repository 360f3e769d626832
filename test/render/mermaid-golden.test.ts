// Golden files: the Mermaid diagram and the Markdown page of every example map, byte for byte, so a
// change in the output shows up in review. Refresh them with:
//   UPDATE_GOLDEN=1 npx vitest run test/render/mermaid-golden.test.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";

const GOLDEN = "test/fixtures/render/golden";
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const MAPS = [
  ...readdirSync("examples").map((name) => join("examples", name)),
  "test/fixtures/render/tricky.journey.yaml",
].filter((path) => path.endsWith(".journey.yaml"));

const OUTPUTS = [
  { extension: ".mmd", render: renderMermaid },
  { extension: ".md", render: renderMarkdown },
] as const;

describe("golden files", () => {
  it("cover every example map", () => {
    expect(MAPS.length).toBeGreaterThanOrEqual(4);
  });

  for (const path of MAPS) {
    for (const { extension, render } of OUTPUTS) {
      const golden = join(GOLDEN, `${basename(path).replace(/\.journey\.yaml$/, "")}${extension}`);
      it(`${path} → ${golden}`, () => {
        const loaded = loadJourney(readFileSync(path), { file: path });
        expect(loaded.diagnostics).toEqual([]);
        const output = render(loaded.journey!, {});
        if (UPDATE) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(golden, output);
        }
        if (!existsSync(golden)) throw new Error(`no golden file ${golden}: create it with UPDATE_GOLDEN=1`);
        expect(output).toBe(readFileSync(golden, "utf8"));
        // Deterministic: a second rendering gives the same bytes.
        expect(render(loadJourney(readFileSync(path), { file: path }).journey!, {})).toBe(output);
      });
    }
  }
});
