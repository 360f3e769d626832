// Golden files: the Mermaid diagram and the Markdown page of every example map, byte for byte, so a
// change in the output shows up in review. Refresh them with:
//   UPDATE_GOLDEN=1 npx vitest run test/render/mermaid-golden.test.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMapFile } from "../../src/workspace/load.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";

const GOLDEN = "test/fixtures/render/golden";
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const MAPS = [
  ...["examples", "examples/freshcart", "docs/examples"].flatMap((folder) =>
    readdirSync(folder).map((name) => join(folder, name)),
  ),
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
        const loaded = loadMapFile(path);
        expect(loaded.diagnostics).toEqual([]);
        const output = render(loaded.journey!, {});
        if (UPDATE) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(golden, output);
        }
        if (!existsSync(golden)) throw new Error(`no golden file ${golden}: create it with UPDATE_GOLDEN=1`);
        expect(output).toBe(readFileSync(golden, "utf8"));
        // Deterministic: a second rendering gives the same bytes.
        expect(render(loadMapFile(path).journey!, {})).toBe(output);
      });
    }
  }
});
