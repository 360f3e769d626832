// Issue 24's hostile shapes for `journeymap backlog`: each at most 1 MB, through the built CLI in a
// child with a 500 MB heap, within 3 s (TIME_SLACK multiplies the bound on a loaded machine), in every
// format: tens of thousands of opportunities on one map, titles written to steer a terminal, a CI log
// or a spreadsheet, owners named after Object.prototype's keys, and a schema-invalid map with huge
// scores (left out, said so, escaped). Nothing reaches the terminal raw.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { expectInertInLog, rawHtml, svgProblems } from "../helpers/oracles.js";
import {
  PROTOTYPE_OWNERS,
  manyOpportunities,
  outOfRange,
  steeringOpportunities,
} from "../helpers/adversarial-backlog.js";

const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const FORMATS = ["stylish", "markdown", "json", "csv", "svg"] as const;
const work = mkdtempSync(join(tmpdir(), "journeymap-backlog-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folderWith(name: string, text: string): string {
  const folder = mkdtempSync(join(work, "repo-"));
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1_048_576);
  writeFileSync(join(folder, name), text);
  return folder;
}

function backlog(folder: string, args: string[]) {
  const env = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: undefined, NODE_EXTRA_CA_CERTS: undefined };
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=500", BIN, "backlog", ".", ...args], {
    cwd: folder,
    env,
    encoding: "utf8",
    timeout: BUDGET_MS * 4,
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  expect(child.error, "the child ran out of time").toBeUndefined();
  expect(child.stderr).not.toMatch(/unexpected error|Maximum call stack|heap out of memory/);
  expect(ms, `backlog ${args.join(" ")} took ${Math.round(ms)} ms`).toBeLessThan(BUDGET_MS);
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("journeymap backlog on hostile maps", () => {
  const many = folderWith("many.journey.yaml", manyOpportunities(50_000));
  it.each(FORMATS)(
    "50,000 opportunities on one 1 MB map (25,000 written, each named again by id), --format %s, within budget",
    (format) => {
      const run = backlog(many, ["-f", format]);
      expect(run.code).toBe(0);
      if (format === "json")
        expect((JSON.parse(run.stdout) as { opportunities: unknown[] }).opportunities).toHaveLength(25_000);
      if (format === "csv") expect(Papa.parse(run.stdout.trimEnd(), { header: true }).data).toHaveLength(25_000);
      if (format === "svg") {
        expect(svgProblems(run.stdout)).toEqual([]);
        expect(run.stdout).toMatch(/Value 5, effort 1: .* … and [\d,]+ more/);
        expect(run.stdout).toContain("18,750 without a value or an effort: not on the matrix");
      }
    },
  );

  const steering = folderWith("steering.journey.yaml", steeringOpportunities(10_000));
  it.each(FORMATS)("titles that steer a terminal, a log or a spreadsheet, --format %s: inert", (format) => {
    const run = backlog(steering, ["-f", format, "--group-by", "owner"]);
    expect(run.code).toBe(0);
    // CSV ends its records with CRLF (RFC 4180): the only carriage returns, none of them map text.
    expectInertInLog(format === "csv" ? run.stdout.replace(/\r\n/g, "\n") : run.stdout);
    if (format === "markdown") expect(rawHtml(run.stdout)).toEqual([]);
    if (format === "svg") expect(svgProblems(run.stdout)).toEqual([]);
    if (format === "csv") {
      const rows = Papa.parse<Record<string, string>>(run.stdout.trimEnd(), { header: true }).data;
      expect(rows.filter((row) => /^[=+\-@]/.test(row.title!))).toEqual([]);
      expect(rows.find((row) => row.id === "s6")!.title).toBe("'=cmd|' /C calc'!A0 6");
    }
    if (format === "json") {
      const parsed = JSON.parse(run.stdout) as { groups: Array<{ name: string | null; ids: string[] }> };
      // Each owner named after a prototype key is a group of its own, holding its 2,000 opportunities.
      expect(parsed.groups.map((group) => group.name)).toEqual([...PROTOTYPE_OWNERS].sort());
      expect(parsed.groups.map((group) => group.ids.length)).toEqual([2000, 2000, 2000, 2000, 2000]);
    }
  });

  const invalid = folderWith("invalid.journey.yaml", outOfRange());
  writeFileSync(join(invalid, "fine.journey.yaml"), steeringOpportunities(3));
  it.each(FORMATS)("a map with scores out of range and a __proto__ id is left out, --format %s", (format) => {
    const run = backlog(invalid, ["-f", format]);
    expect(run.code).toBe(1);
    expectInertInLog(format === "csv" ? run.stdout.replace(/\r\n/g, "\n") : run.stdout);
    expectInertInLog(run.stderr);
    expect(run.stderr).toContain("invalid.journey.yaml");
    expect(run.stderr).toContain("1 map has errors and is left out of the backlog");
    expect(run.stdout).not.toContain("Proto");
  });
});
