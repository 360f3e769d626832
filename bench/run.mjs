// `npm run bench`: every issue's speed and memory figures, measured in one run, printed as a table.
// Each area has its own module (bench/<area>.mjs) exporting run({ baseline, work }) => rows.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ms, nodeBaseline, printTable } from "./lib.mjs";

const AREAS = [
  "validate",
  "lint",
  "render",
  "svg",
  "blueprint",
  "pdf",
  "diff",
  "site",
  "png",
  "data",
  "office",
  "xlsx",
  "speed",
  "backlog",
  "install",
];
const only = process.argv.slice(2);

const work = mkdtempSync(join(tmpdir(), "journeymap-bench-"));
try {
  const baseline = nodeBaseline(15);
  const rows = [{ issue: "-", measure: "node -e '' (baseline, median of 15)", value: ms(baseline), target: "" }];
  for (const area of AREAS) {
    if (only.length && !only.includes(area)) continue;
    const file = new URL(`./${area}.mjs`, import.meta.url);
    if (!existsSync(file)) continue;
    const { run } = await import(file.href);
    rows.push(...(await run({ baseline, work })));
  }
  printTable(rows);
  const failed = rows.filter((row) => row.failed);
  if (failed.length > 0) {
    console.error(`\nbench: ${failed.length} figure(s) missed the goal by more than the run-to-run spread:`);
    for (const row of failed)
      console.error(`  issue ${row.issue}: ${row.measure.trim()}: ${row.value} (goal ${row.target})`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
