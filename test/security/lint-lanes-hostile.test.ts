/* eslint-disable @typescript-eslint/no-unsafe-member-access -- the test walks parsed reports */
// Issue 22's hostile shapes for the lane and blueprint rules: a map of at most 1 MB with 50,000 lane
// entries, servedBy chains and cycles, thousands of undeclared lane ids or unknown servedBy ids goes
// through lint with every report at once (stylish, json, sarif, github, junit, gitlab) within 3 s and a
// 500 MB heap, and every finding is counted (listed, or left out by a report's cap). Each run is a child
// process (node --max-old-space-size=500); TIME_SLACK (default 2) loosens the time bound on a loaded machine.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialLaneMaps } from "../helpers/adversarial-lint-lanes.js";
import type { JsonReportFile } from "../helpers/cli.js";

const CHILD = fileURLToPath(new URL("./reports-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const FORMATS = ["stylish", "json", "sarif", "github", "junit", "gitlab"] as const;
const folder = mkdtempSync(join(tmpdir(), "journeymap-lint-lanes-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every finding of each rule the shape is built for (other rules' findings are not counted). */
const EXPECTED: Record<string, Record<string, number>> = {
  "50,000 lane entries": { "unserved-frontstage": 25_000, "idle-support": 25_000, "missing-evidence": 999 },
  "a servedBy chain closing in a cycle": {
    "served-by-direction": 15_000,
    "unserved-frontstage": 5000,
    "fail-point-unowned": 4000,
    "unknown-served-by": 0,
    "duplicate-id": 0,
  },
  "30,000 undeclared lane ids": { "unknown-lane": 30_000, "unused-lane": 1000 },
  "one id on 28,000 entries": { "duplicate-id": 27_999, "served-by-direction": 28_000, "unknown-served-by": 0 },
  // An entry's first 10 unknown ids one by one, then one finding counting the rest (src/lint/served-by-flood.ts).
  "30,000 unknown servedBy ids": { "unknown-served-by": 11, "idle-support": 10_000 },
  "one id named 300,000 times by one servedBy": { "served-by-direction": 1, "unserved-frontstage": 1 },
  "120,000 unknown servedBy ids on one entry": { "unknown-served-by": 11, "idle-support": 1 },
};

describe("a 1 MB blueprint built for the lane rules, through every report", () => {
  it.each(Object.keys(adversarialLaneMaps))("%s", (shape) => {
    const text = adversarialLaneMaps[shape]!();
    expect(text.length).toBeLessThan(1_000_000);
    const root = join(folder, shape.replace(/[^a-z0-9]+/gi, "-"));
    mkdirSync(join(root, ".git"), { recursive: true });
    writeFileSync(join(root, "hostile.journey.yaml"), text);
    const report = (format: string) => join(root, `report.${format}`);
    const measure = join(root, "rss");
    const env = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: undefined, NODE_EXTRA_CA_CERTS: undefined };
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
        "--rule",
        "missing-stage:off",
        ...FORMATS.flatMap((format) => ["-f", `${format}=${report(format)}`]),
      ],
      { cwd: root, encoding: "utf8", timeout: BUDGET_MS * 4, env },
    );
    const ms = Math.round(performance.now() - started);
    expect(child.error, "the child ran out of time").toBeUndefined();
    expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
    const rss = Number(readFileSync(measure, "utf8"));
    console.info(`${shape}: ${ms} ms, peak RSS ${rss} MB`);
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(rss).toBeLessThan(600);

    // Every finding is found: those listed, and those the json report's cap left out.
    const [file] = JSON.parse(readFileSync(report("json"), "utf8")) as (JsonReportFile & {
      leftOutByRule?: Record<string, number>;
    })[];
    const counted = (ruleId: string) =>
      file!.messages.filter((message) => message.ruleId === ruleId).length + (file!.leftOutByRule?.[ruleId] ?? 0);
    // Exit code 1 when some finding is an error, else 0 (warnings and info do not fail a run).
    expect(child.status).toBe(file!.errorCount > 0 ? 1 : 0);
    const counts = Object.fromEntries(Object.keys(EXPECTED[shape]!).map((ruleId) => [ruleId, counted(ruleId)]));
    expect(counts).toEqual(EXPECTED[shape]);
    // Every report reads back with its own parser.
    expect(JSON.parse(readFileSync(report("sarif"), "utf8")).runs[0].results.length).toBeGreaterThan(0);
    expect(Array.isArray(JSON.parse(readFileSync(report("gitlab"), "utf8")))).toBe(true);
    expect(XMLValidator.validate(readFileSync(report("junit"), "utf8"))).toBe(true);
    expect(readFileSync(report("github"), "utf8")).toMatch(/^::(error|warning|notice) /m);
    expect(readFileSync(report("stylish"), "utf8")).toMatch(/✖ \d+ problems/);
  });

  it("suggests a lane while the map's budget lasts: the first undeclared ids get a did you mean", () => {
    const root = join(folder, "30-000-undeclared-lane-ids");
    const [file] = JSON.parse(readFileSync(join(root, "report.json"), "utf8")) as JsonReportFile[];
    const first = file!.messages.find((message) => message.ruleId === "unknown-lane");
    expect(first?.message).toBe(
      'touchpoint "T0" fills lane "lame-0000-0", which is not declared: did you mean "lane-0000"?',
    );
  });

  it("reports an entry's first 10 unknown servedBy ids one by one, and counts the other 119,990 in one finding", () => {
    const root = join(folder, "120-000-unknown-servedBy-ids-on-one-entry");
    const [file] = JSON.parse(readFileSync(join(root, "report.json"), "utf8")) as JsonReportFile[];
    const findings = file!.messages.filter((message) => message.ruleId === "unknown-served-by");
    expect(findings.slice(0, 10).map((finding) => finding.message)).toEqual(
      Array.from(
        { length: 10 },
        (_, i) =>
          `support process "A" of touchpoint "T" is served by "x${i}", which is no lane entry's id: use one of a, or give the entry that serves it "id: x${i}"`,
      ),
    );
    expect(findings[10]!.message).toBe(
      'support process "A" of touchpoint "T" is served by 119,990 more ids that name no lane entry, from "xa" on (the first 10 are reported one by one): correct them to the ids of the entries that serve it, or remove them',
    );
    // At the 11th id: "    - {name: T, lanes: {support: [{id: a, text: A, servedBy: [x0, x1, ..., x9, xa".
    expect([findings[10]!.line, findings[10]!.column]).toEqual([findings[9]!.line, findings[9]!.column + 4]);
  });
});
