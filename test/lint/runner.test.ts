// lintFiles, the runner the lint command (and the next commands) call: configuration per folder,
// overrides, --quiet that hides warnings from the results but not from the counts.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findMaps } from "../../src/io/find-maps.js";
import { lintJourney } from "../../src/lint/engine.js";
import { lintFiles } from "../../src/lint/runner.js";

const GAPS = readFileSync("test/fixtures/lint/gaps.journey.yaml", "utf8");
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journeymap-runner-"));
  mkdirSync(join(repo, ".git"));
  mkdirSync(join(repo, "strict"));
  mkdirSync(join(repo, "relaxed"));
  writeFileSync(join(repo, "strict/journeymap.config.yaml"), "rules:\n  missing-channel: error\n");
  writeFileSync(join(repo, "strict/gaps.journey.yaml"), GAPS);
  writeFileSync(join(repo, "relaxed/gaps.journey.yaml"), GAPS);
});

describe("lintFiles", () => {
  it("applies each folder's configuration and counts findings per severity", async () => {
    const inputs = await findMaps(["relaxed", "strict"], { cwd: repo });
    const run = await lintFiles(inputs, { cwd: repo });
    expect(run.results.map((result) => result.filePath)).toEqual([
      "relaxed/gaps.journey.yaml",
      "strict/gaps.journey.yaml",
    ]);
    const relaxed = lintJourney(GAPS, {}, { file: "relaxed/gaps.journey.yaml" });
    const strict = lintJourney(GAPS, { rules: { "missing-channel": "error" } }, { file: "strict/gaps.journey.yaml" });
    expect(run.results[0]!.messages).toEqual(relaxed);
    expect(run.results[1]!.messages).toEqual(strict);
    const count = (severity: string) =>
      [...relaxed, ...strict].filter((finding) => finding.severity === severity).length;
    expect(run.counts).toEqual({ error: count("error"), warning: count("warning"), info: count("info") });
    expect(run.configFiles).toEqual([join(repo, "strict/journeymap.config.yaml")]);
  });

  it("--quiet keeps only errors in the results, and still counts the warnings", async () => {
    const inputs = await findMaps(["relaxed"], { cwd: repo });
    const run = await lintFiles(inputs, { cwd: repo, quiet: true });
    expect(new Set(run.results[0]!.messages.map((finding) => finding.severity))).toEqual(new Set(["error"]));
    expect(run.counts.warning).toBeGreaterThan(0);
  });

  it("--rule overrides win over the configuration; --no-config reads none", async () => {
    const inputs = await findMaps(["strict"], { cwd: repo });
    const overridden = await lintFiles(inputs, { cwd: repo, rules: { "missing-channel": "off" } });
    expect(overridden.results[0]!.messages.some((finding) => finding.ruleId === "missing-channel")).toBe(false);
    const defaults = await lintFiles(inputs, { cwd: repo, noConfig: true });
    expect(defaults.results[0]!.messages).toEqual(lintJourney(GAPS, {}, { file: "strict/gaps.journey.yaml" }));
    expect(defaults.configFiles).toEqual([]);
  });
});
