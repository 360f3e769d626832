// The folder rules of .dependency-cruiser.cjs (run on src/ by `npm run lint`) really refuse what they
// say: an import against the layers and an import cycle, each in a small tree shaped like src/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as {
  forbidden: IFlattenedRuleSet["forbidden"];
};

const root = mkdtempSync(join(tmpdir(), "journeymap-layers-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The rules broken by a tree of files (path → source) shaped like src/. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const tree = mkdtempSync(join(root, "tree-"));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(join(tree, path, ".."), { recursive: true });
    writeFileSync(join(tree, path), source);
  }
  const previous = process.cwd();
  process.chdir(tree);
  try {
    const { output } = await cruise(["src"], { validate: true, ruleSet: { forbidden: config.forbidden } });
    return (output as ICruiseResult).summary.violations.map(
      (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
    );
  } finally {
    process.chdir(previous);
  }
}

describe("the folder rules", () => {
  it("let a folder import the layers below it", async () => {
    expect(
      await violations({
        "src/journey/model.ts": 'import { x } from "../text/words.js";\nexport const y = x;\n',
        "src/text/words.ts": "export const x = 1;\n",
        "src/render/draw.ts": 'import { y } from "../journey/model.js";\nexport const z = y;\n',
        "src/cli/main.ts": 'import { z } from "../render/draw.js";\nexport const w = z;\n',
      }),
    ).toEqual([]);
  });

  it("refuse an import of a higher layer, naming the rule and both files", async () => {
    expect(
      await violations({
        "src/journey/model.ts": 'import { z } from "../render/draw.js";\nexport const y = z;\n',
        "src/render/draw.ts": "export const z = 1;\n",
      }),
    ).toEqual(["layer:journey: src/journey/model.ts → src/render/draw.ts"]);
  });

  it("refuse render importing diff (diff draws with render, not the other way round)", async () => {
    expect(
      await violations({
        "src/render/runner.ts": 'import { g } from "../diff/git.js";\nexport const r = g;\n',
        "src/diff/git.ts": "export const g = 1;\n",
      }),
    ).toEqual(["layer:render: src/render/runner.ts → src/diff/git.ts"]);
  });

  it("refuse an import cycle inside a folder", async () => {
    const found = await violations({
      "src/render/svg/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "src/render/svg/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((line) => line.startsWith("no-circular: src/render/svg/"))).toBe(true);
  });
});
