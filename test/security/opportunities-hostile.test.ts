// Issue 24's hostile shapes: a 1 MB map of 50,000 opportunity objects (duplicate ids, ids nobody
// defines, owners and metric ids named like Object.prototype's keys, done work beside its pain points,
// absurd dates), and a folder of 80 maps whose ids clash, linted to every report format at once and
// rendered to SVG and Markdown, each in a child process with a 500 MB heap within 3 s (TIME_SLACK
// multiplies the bound), and linear: twice the opportunities take less than three times as long.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, type JsonReportFile } from "../helpers/cli.js";
import { manyOpportunities, opportunityFolder } from "../helpers/adversarial-opportunities.js";
import { lintRepository } from "../lint/repository/repository.js";

const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const folder = mkdtempSync(join(tmpdir(), "journeymap-opportunities-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const FORMATS = ["stylish", "json", "sarif", "github", "junit", "gitlab"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI in a child with a 500 MB heap, timed (without the CA bundle, which costs start-up time). */
function cli(args: string[]): Run {
  const env = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: undefined, NODE_EXTRA_CA_CERTS: undefined };
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=500", BIN, ...args], {
    cwd: folder,
    env,
    encoding: "utf8",
    timeout: BUDGET_MS * 4,
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  expect(child.error, "the child ran out of time").toBeUndefined();
  expect(child.stderr).not.toMatch(/unexpected error|Maximum call stack|heap out of memory/);
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, ms };
}

/** Lints `paths` once, writing every report format to a file; returns the run and the json report. */
function lintEveryFormat(paths: string[], label: string): { run: Run; report: JsonReportFile[] } {
  const outputs = FORMATS.flatMap((format) => ["-f", `${format}=${label}.${format}.out`]);
  const run = cli(["lint", "--as-of", "2026-12-07", ...outputs, ...paths]);
  console.info(`${label}: lint to ${FORMATS.length} formats in ${Math.round(run.ms)} ms`);
  expect(run.code).toBe(1);
  expect(run.ms, label).toBeLessThan(BUDGET_MS);
  const report = JSON.parse(readFileSync(join(folder, `${label}.json.out`), "utf8")) as JsonReportFile[];
  return { run, report };
}

const rulesOf = (report: JsonReportFile[]) =>
  new Set(report.flatMap((file) => file.messages.map((message) => message.ruleId)));

describe("a 1 MB map of 50,000 opportunity objects", () => {
  const text = manyOpportunities();
  writeFileSync(join(folder, "many.journey.yaml"), text);

  it("is about 1 MB", () => {
    expect(text.length).toBeGreaterThan(900_000);
    expect(text.length).toBeLessThan(1_048_576);
  });

  it("lints to every report format within budget, with a finding of each of the rules", () => {
    const { report } = lintEveryFormat(["many.journey.yaml"], "many");
    expect([...rulesOf(report)]).toEqual(
      expect.arrayContaining([
        "review-overdue",
        "opportunity-owner",
        "opportunity-done",
        "opportunity-overdue",
        "opportunity-metric",
        "duplicate-opportunity-id",
      ]),
    );
    // Every report was written, and the big ones read back.
    for (const format of FORMATS) expect(readFileSync(join(folder, `many.${format}.out`)).length).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(join(folder, "many.sarif.out"), "utf8")) as { runs: unknown[] };
    expect(sarif.runs).toHaveLength(1);
  });

  it("renders to SVG and Markdown within budget, each opportunity's status line drawn", () => {
    const run = cli(["render", "many.journey.yaml", "-o", "many.svg", "-f", "markdown", "-o", "many.md"]);
    console.info(`many: render svg and markdown in ${Math.round(run.ms)} ms`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(BUDGET_MS);
    const svg = readFileSync(join(folder, "many.svg"), "utf8");
    expect(svg.length).toBeLessThan(40 * text.length);
    // The picture draws at most its card budget; where it draws an opportunity, it draws the status.
    if (svg.includes(">T</text>")) expect(svg).toContain(">idea</text>");
    expect(readFileSync(join(folder, "many.md"), "utf8")).toContain("T (done)");
  });

  it("lints in linear time: twice the opportunities take less than three times as long", () => {
    writeFileSync(join(folder, "half.journey.yaml"), manyOpportunities(25_000));
    // Warm once, then the better of two runs of each, so start-up noise does not decide.
    const time = (file: string) => Math.min(...[0, 1].map(() => cli(["lint", "-f", "json", file]).ms));
    const startup = Math.min(...[0, 1].map(() => cli(["--version"]).ms));
    const half = time("half.journey.yaml") - startup;
    const whole = time("many.journey.yaml") - startup;
    console.info(
      `25,000 opportunities: ${Math.round(half)} ms; 50,000: ${Math.round(whole)} ms (start-up ${Math.round(startup)} ms)`,
    );
    expect(whole).toBeLessThan(3 * Math.max(half, 50));
  });
});

describe("a folder of 80 maps whose opportunity ids clash", () => {
  it("lints to every report format within budget, with every duplicate and unknown id found", async () => {
    mkdirSync(join(folder, "portfolio"));
    const maps = Object.entries(opportunityFolder());
    expect(maps.reduce((bytes, [, map]) => bytes + map.length, 0)).toBeLessThan(1_048_576);
    for (const [name, map] of maps) writeFileSync(join(folder, "portfolio", name), map);
    lintEveryFormat(["portfolio"], "portfolio");
    // The report lists 25,000 findings at most (docs/ci.md): the library counts them all.
    const { findings } = await lintRepository(Object.fromEntries(maps));
    const count = (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).length;
    // Each map of 496 writes 248 titles (240 ids, and "shared-0" 8 times more) and names 8 ids nobody
    // defines: after the first map's 240, every title is a duplicate.
    expect(count("unknown-opportunity")).toBe(80 * 8);
    expect(count("duplicate-opportunity-id")).toBe(80 * 248 - 240);
  });
});
