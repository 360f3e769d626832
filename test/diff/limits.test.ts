// diff --base reads maps as every other command does: at most --max-file-size (16 MB by default), from
// the working tree or from git (refused from ls-tree's size before git prints the blob).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

let repo: string;
const git = (...args: string[]) => {
  const result = spawnSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
};
const MAP = readFileSync(join(ROOT, "docs/examples/hotel.journey.yaml"), "utf8");
/** A valid map of a little over 2 MB: a long comment. */
const BIG = `${MAP}# ${"x".repeat(2 * 1024 * 1024)}\n`;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journeymap-diff-limits-"));
  git("init", "-q", "-b", "main");
  writeFileSync(join(repo, "hotel.journey.yaml"), MAP);
  git("add", "-A");
  git("commit", "-q", "-m", "small");
  writeFileSync(join(repo, "hotel.journey.yaml"), BIG);
  git("commit", "-q", "-am", "big");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("diff --base and --max-file-size", () => {
  it("refuses a map above the limit in a revision, and reads it when the limit is raised", () => {
    const refused = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "--max-file-size", "2MB"], { cwd: repo });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^journeymap: cannot read map "hotel\.journey\.yaml" at [0-9a-f]{12}: it is 2\.0 MB, more than the 2 MB limit \(raise it with --max-file-size\)\n$/,
    );
    const read = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "--max-file-size", "3MB"], { cwd: repo });
    expect(read.code, read.stderr).toBe(0);
  });

  it("refuses a map above the limit in the working tree", () => {
    writeFileSync(join(repo, "new.journey.yaml"), BIG);
    try {
      const refused = runCli(["diff", "--base", "HEAD~1", "--max-file-size", "2MB"], { cwd: repo });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        'journeymap: cannot read map "hotel.journey.yaml": it is 2.0 MB, more than the 2 MB limit (raise it with --max-file-size)',
      );
    } finally {
      rmSync(join(repo, "new.journey.yaml"));
    }
  });

  it("two map files: the same limit", () => {
    const refused = runCli(["diff", "hotel.journey.yaml", "hotel.journey.yaml", "--max-file-size", "1MB"], {
      cwd: repo,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("more than the 1 MB limit");
  });
});

describe("diff is linear in the maps", () => {
  it("thousands of personas at thousands of touchpoints: an unchanged involvement costs no persona loop", async () => {
    const { loadJourney } = await import("../../src/journey/load.js");
    const { diffJourneys } = await import("../../src/diff/index.js");
    const personas = Array.from({ length: 3000 }, (_, i) => `  - {id: p${i}, name: P${i}}\n`).join("");
    const map = (renamed: string) =>
      `journeymap: 1\ntitle: Crowd\npersonas:\n${personas}stages:\n  - id: s\n    name: S\n    touchpoints:\n${Array.from(
        { length: 3000 },
        (_, i) => `      - {id: t${i}, name: ${i === 7 ? renamed : `T${i}`}, emotion: ${(i % 5) + 1}}\n`,
      ).join("")}`;
    const before = loadJourney(map("T7"), { file: "old.journey.yaml" });
    const after = loadJourney(map("Renamed"), { file: "new.journey.yaml" });
    const started = performance.now();
    const diff = diffJourneys(before, after);
    console.info(`diff of 3,000 personas at 3,000 touchpoints: ${Math.round(performance.now() - started)} ms`);
    // touchpoints × personas was 9,000,000 steps, four times over: half a minute here.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(diff.touchpoints.changed).toHaveLength(1);
    expect(diff.touchpoints.changed[0]).toMatchObject({ renamed: true, emotions: [] });
  });
});
