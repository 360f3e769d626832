// One lane entry whose servedBy names 120,000 ids that exist nowhere (test/helpers/adversarial-lint-lanes.ts),
// through `journeymap diff` in every output and both directions: lint reports an entry's first 10 unknown
// ids and one finding counting the rest (src/lint/served-by-flood.ts), so the diff's findings stay 11, not
// 120,000 (its JSON was 64 MB and took 4.4 s). Each run is a child process with a 500 MB heap.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manyUnknownServedBy } from "../helpers/adversarial-lint-lanes.js";
import { BUDGET_MS, childRenderer, MEMORY_MB } from "../helpers/render-child.js";

interface DiffFinding {
  ruleId: string;
  message: string;
  subject: string;
}

describe("diff of a servedBy naming 120,000 unknown ids", () => {
  const { folder, renderInChild } = childRenderer("served-by-hostile");
  const flooded = manyUnknownServedBy();
  const plain = flooded.replace(/servedBy: \[[^\]]*\]/, "servedBy: [x1]");
  const files = { flooded: join(folder, "flooded.journey.yaml"), plain: join(folder, "plain.journey.yaml") };
  writeFileSync(files.flooded, flooded);
  writeFileSync(files.plain, plain);

  for (const [from, to] of [
    ["plain", "flooded"],
    ["flooded", "plain"],
  ] as const)
    it(`${from} → ${to}: stylish, markdown, json and svg within 3 s and 500 MB, 10 findings in and out`, () => {
      expect(flooded.length).toBeLessThanOrEqual(1_000_000);
      for (const format of ["stylish", "markdown", "json", "svg"]) {
        const output = join(folder, `${from}-${to}.${format}`);
        const outcome = renderInChild(["diff", files[from], files[to], "-f", format, "-o", output]);
        const label = `${from} → ${to} as ${format}: exit ${outcome.code} in ${outcome.ms} ms, ${outcome.peakRss} MB, ${statSync(output).size} bytes`;
        if (process.env.JOURNEYMAP_SHOW_FIGURES) console.log(label);
        expect(outcome.code, `${label}\n${outcome.stderr}`).toBe(0);
        expect(outcome.ms, label).toBeLessThanOrEqual(BUDGET_MS);
        expect(outcome.peakRss, label).toBeLessThanOrEqual(MEMORY_MB);
        // The removed or added ids are listed once, in the touchpoint's change: 3.7 MB of JSON, not 64.
        expect(statSync(output).size, label).toBeLessThan(5_000_000);
      }
      const [report] = JSON.parse(readFileSync(join(folder, `${from}-${to}.json`), "utf8")) as Array<{
        findings: { introduced: DiffFinding[]; fixed: DiffFinding[] };
      }>;
      // "x1" is unknown in both versions: the other 9 of the first 10, and the count of the rest, change.
      const changed = from === "plain" ? report!.findings.introduced : report!.findings.fixed;
      const unknown = changed.filter((finding) => finding.ruleId === "unknown-served-by");
      expect(unknown).toHaveLength(10);
      expect(unknown.at(-1)!.subject).toBe("touchpoint:s/T lane:support entry:a servedBy:+more");
      expect(unknown.at(-1)!.message).toContain("is served by 119,990 more ids that name no lane entry");
    });
});
