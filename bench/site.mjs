// Issue 11 (a repository of maps): lint of 1,000 linked maps with shared personas in one process, and
// the docs site of 200 maps (pages, pictures, index, heat map), both as whole processes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BIN, ms, timeProcess } from "./lib.mjs";
import { generateRepository } from "./generate.mjs";

function writeRepository(folder, count) {
  const { shared, maps } = generateRepository(count);
  mkdirSync(join(folder, ".git"), { recursive: true }); // the shared-file and config searches stop here
  writeFileSync(join(folder, "journeymap.shared.yaml"), shared);
  for (const { path, text } of maps) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

export async function run({ work }) {
  const rows = [];
  const thousand = join(work, "repository-1000");
  writeRepository(thousand, 1000);
  const lintMs = timeProcess(process.execPath, [BIN, "lint", thousand, "--format", "json"], { runs: 5 });
  rows.push({
    issue: 11,
    measure: "lint a repository of 1,000 linked maps with shared personas, one process",
    value: `${ms(lintMs)} = ${ms(lintMs / 1000)} per map`,
    target: "≤ 3 ms per map",
    ok: lintMs / 1000 <= 3,
  });

  const twoHundred = join(work, "repository-200");
  writeRepository(twoHundred, 200);
  const siteMs = timeProcess(
    process.execPath,
    [BIN, "render", twoHundred, "--format", "markdown", "--output", join(work, "site-200")],
    { runs: 5 },
  );
  rows.push({
    issue: 11,
    measure: "docs site of 200 maps (pages, pictures, index, heat map), whole process",
    value: ms(siteMs),
    target: "≤ 3000 ms",
    ok: siteMs <= 3000,
  });

  // Issue 21: the same site written for VitePress (pictures in public/, drawn 10 % larger, scroll boxes).
  const vitepress = join(work, "vitepress-200/docs");
  mkdirSync(join(vitepress, ".vitepress"), { recursive: true });
  const vitepressMs = timeProcess(
    process.execPath,
    [BIN, "render", twoHundred, "--format", "markdown", "--output", join(vitepress, "journeys"), "--site", "vitepress"],
    { runs: 5 },
  );
  rows.push({
    issue: 21,
    measure: "docs site of 200 maps written for VitePress (--site vitepress), whole process",
    value: ms(vitepressMs),
    target: "≤ 3000 ms",
    ok: vitepressMs <= 3000,
  });
  return rows;
}
