// The docs site's lint status counts the findings of the rules that read the day: a 1 MB map of
// opportunities all past their due date (one opportunity-overdue finding each, tens of thousands), in a
// map reviewed years before --as-of, is rendered as a site within the time and memory budget, and its
// index counts what `journeymap lint` counts of it on that day.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { BUDGET_MS, childRenderer, MEMORY_MB } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("site-dates-hostile");

/** A map of at least `bytes` of opportunities, every one due on 2020-01-01, reviewed on 2020-01-01. */
function overdueMap(bytes: number): { text: string; opportunities: number } {
  const lines = [
    "journeymap: 1",
    "title: Overdue",
    "reviewed: 2020-01-01",
    "personas: [{ id: p, name: P }]",
    "stages:",
    "  - id: s",
    "    name: S",
    "    touchpoints:",
    "      - name: T",
    "        emotion: 3",
    "        painPoints: [Slow]",
    "        opportunities:",
  ];
  let size = lines.join("\n").length;
  let opportunities = 0;
  while (size < bytes) {
    const line = `          - { id: o${opportunities}, title: O, owner: t, due: 2020-01-01 }`;
    lines.push(line);
    size += line.length + 1;
    opportunities++;
  }
  return { text: `${lines.join("\n")}\n`, opportunities };
}

describe("a site of maps whose dates have all passed", () => {
  it("counts every overdue opportunity on the index within the budget, as lint does", () => {
    mkdirSync(join(folder, ".git"));
    mkdirSync(join(folder, "maps"));
    const { text, opportunities } = overdueMap(1_000_000);
    expect(text.length).toBeLessThanOrEqual(1_000_100);
    writeFileSync(join(folder, "maps/overdue.journey.yaml"), text);

    const linted = runCli(["lint", "maps", "--as-of", "2026-12-01", "--format", "json"], { cwd: folder });
    const [report] = JSON.parse(linted.stdout) as Array<{ warningCount: number; messages: Array<{ ruleId: string }> }>;
    // The report lists the first thousand findings of a rule; the counts are of every one.
    expect(report!.messages.filter((message) => message.ruleId === "opportunity-overdue")).toHaveLength(1000);
    expect(report!.messages.some((message) => message.ruleId === "review-overdue")).toBe(true);
    expect(report!.warningCount).toBeGreaterThan(opportunities);

    const site = join(folder, "site");
    const run = renderInChild([
      "render",
      join(folder, "maps"),
      "--format",
      "markdown",
      "-o",
      `${site}/`,
      "--quiet",
      "--as-of",
      "2026-12-01",
    ]);
    console.info(
      `site of ${opportunities} overdue opportunities: ${run.ms} ms, ${run.peakRss} MB (budget ${BUDGET_MS} ms)`,
    );
    expect(run.code, run.stderr.slice(0, 500)).toBe(0);
    expect(run.ms).toBeLessThan(BUDGET_MS);
    expect(run.peakRss).toBeLessThan(MEMORY_MB);
    const index = readFileSync(join(site, "index.md"), "utf8");
    expect(index).toContain(`| ⚠ ${report!.warningCount} warnings |`);
  });
});
