// Linting on worker threads (src/lint/pool.ts) gives what one thread gives, byte for byte and in the
// same order: every report, the exit code, and the first failure of a run (an oversized map, a broken
// configuration), through the built CLI and through the library's lintFiles.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMap } from "../../bench/generate.mjs";
import { ROOT, runCli } from "../helpers/cli.js";

const GAPS = readFileSync(join(ROOT, "test/fixtures/lint/gaps.journey.yaml"), "utf8");
const SUPPRESSED = readFileSync(join(ROOT, "test/fixtures/lint/suppressed.journey.yaml"), "utf8");
let repo: string;

/** Maps of every kind a run meets: clean, with findings, with suppressions, invalid, not YAML, and
 * maps of a repository: one using the shared persona, clean ones linking to a map or to none. */
function mapNumber(i: number): string {
  switch (i % 6) {
    case 0:
      return GAPS;
    case 1:
      return SUPPRESSED;
    case 2:
      return generateMap({ touchpoints: 3 + (i % 5), title: `Map ${i}` }).replace("owner: growth", "ownr: growth");
    case 3:
      return "journeymap: 1\ntitle: [unclosed\n";
    case 5: {
      const map = generateMap({ touchpoints: 5, title: `Map ${i}` });
      const linked = map.replace(
        "name: Stage 1 awareness\n",
        `name: Stage 1 awareness\n    details: ${i % 12 === 5 ? "no-such-map" : "map-000"}\n`,
      );
      return i % 24 === 11 ? linked.replace("personas:\n", "personas:\n  - shopper\n") : linked;
    }
    default:
      return generateMap({ touchpoints: 2 + (i % 7), personas: 1 + (i % 3), title: `Map ${i}` });
  }
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journeymap-threads-"));
  mkdirSync(join(repo, ".git"));
  for (const team of ["a", "b", "c"]) mkdirSync(join(repo, "maps", team), { recursive: true });
  writeFileSync(
    join(repo, "maps/journeymap.shared.yaml"),
    "journeymap: 1\npersonas:\n  - id: shopper\n    name: A shared shopper\n  - id: unused\n    name: Nobody's\n",
  );
  writeFileSync(join(repo, "maps/b/journeymap.config.yaml"), "rules:\n  missing-channel: error\n  unused-team: off\n");
  for (let i = 0; i < 300; i++)
    writeFileSync(join(repo, "maps", "abc"[i % 3]!, `map-${String(i).padStart(3, "0")}.journey.yaml`), mapNumber(i));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("lint on worker threads", () => {
  it.each([["stylish"], ["json"], ["sarif"], ["junit"], ["github"]])(
    "%s: the same report and exit code on 1, 2 and 4 threads",
    (format) => {
      const runs = ["1", "2", "4"].map((threads) => {
        const report = join(repo, `report-${threads}.${format}`);
        const run = runCli(["lint", "maps", "--format", `${format}=${report}`, "--concurrency", threads], {
          cwd: repo,
        });
        return { ...run, report: readFileSync(report, "utf8") };
      });
      expect(runs[0]!.code).toBe(1);
      expect(runs[0]!.report.length).toBeGreaterThan(1000);
      for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    },
    60_000,
  );

  it("a run over many maps (on worker threads by default, with several cores) gives the same report", () => {
    const one = runCli(["lint", "maps", "--format", "json", "--concurrency", "1"], { cwd: repo });
    const auto = runCli(["lint", "maps", "--format", "json"], { cwd: repo });
    expect(auto).toEqual(one);
    const files = (JSON.parse(auto.stdout) as Array<{ filePath: string }>).map((file) => file.filePath);
    expect(files).toHaveLength(301);
    expect(files).toEqual([...files].sort());
  });

  it("the first failure in input order is the one reported, on any number of threads", () => {
    writeFileSync(join(repo, "maps/b/map-151.journey.yaml"), `${GAPS}# ${"x".repeat(60_000)}\n`);
    writeFileSync(join(repo, "maps/c/journeymap.config.yaml"), "rules:\n  no-such-rule: error\n");
    try {
      const runs = ["1", "2", "4"].map((threads) =>
        runCli(["lint", "maps", "--max-file-size", "50KB", "--concurrency", threads], { cwd: repo }),
      );
      expect(runs[0]).toMatchObject({ code: 2, stdout: "" });
      expect(runs[0]!.stderr).toMatch(
        /^journeymap: cannot read map "maps\/b\/map-151.journey.yaml": it is 6\d\.\d KB, more than the 50 KB limit/,
      );
      for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    } finally {
      writeFileSync(join(repo, "maps/b/map-151.journey.yaml"), mapNumber(151));
      rmSync(join(repo, "maps/c/journeymap.config.yaml"));
    }
  });

  it("--concurrency takes a number of threads", () => {
    expect(runCli(["lint", "maps", "--concurrency", "0"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journeymap: --concurrency needs a number of threads from 1 to 999 (got "0")\n',
    });
  });

  it("lintFiles (the library) gives the same run on threads as on one", async () => {
    const { lintFiles } = (await import(
      join(ROOT, "dist/lint/runner.js")
    )) as typeof import("../../src/lint/runner.js");
    const { findMaps } = (await import(
      join(ROOT, "dist/io/find-maps.js")
    )) as typeof import("../../src/io/find-maps.js");
    const inputs = await findMaps(["maps"], { cwd: repo });
    // The folder linted whole, as the CLI says for `lint maps`: the rules across maps run on it.
    const folders = [join(repo, "maps")];
    const one = await lintFiles(inputs, { cwd: repo, folders, concurrency: 1 });
    const three = await lintFiles(inputs, { cwd: repo, folders, concurrency: 3 });
    expect(three).toEqual(one);
    expect(one.results).toHaveLength(301);
    // Clean maps keep no text: a run over thousands of them holds only names and findings.
    const clean = one.results.find((result) => result.messages.length === 0)!;
    expect(clean.source).toBeUndefined();
    expect(one.results.find((result) => result.messages.length > 0)!.source).toEqual(expect.any(String));
    // The repository rules ran on the facts the threads sent back: a link to no map, a shared persona
    // nobody uses; a clean map with a repository finding has its text again, for the code frame.
    const ruleIds = (file: string) => one.results.find((r) => r.filePath === file)?.messages.map((m) => m.ruleId);
    expect(ruleIds("maps/c/map-005.journey.yaml")).toEqual(["unknown-map-link"]);
    expect(one.results.find((r) => r.filePath === "maps/c/map-005.journey.yaml")!.source).toContain("no-such-map");
    const shared = one.results.find((r) => r.filePath.endsWith("maps/journeymap.shared.yaml"))!;
    expect(shared.messages.map((m) => [m.ruleId, m.line])).toEqual([["unused-shared-definition", 5]]);
    expect(ruleIds("maps/c/map-011.journey.yaml")).not.toContain("unknown-persona");
  });
});
