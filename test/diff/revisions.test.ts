// diff --base with files a revision holds that are no map to compare: a symbolic link (git mode
// 120000), a submodule (160000), a map above --max-file-size. Each is skipped with a message naming
// it, and the other maps are still compared; a path that names nothing is a usage error.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { GIT_ENV, runGit } from "../helpers/git.js";

let repo: string;
const git = (...args: string[]) => runGit(repo, args);
const MAP = readFileSync(join(ROOT, "docs/examples/hotel.journey.yaml"), "utf8");
const retitled = (title: string) => MAP.replace(/^title: .*$/m, `title: ${title}`);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journeymap-diff-revisions-"));
  git("init", "-q", "-b", "main");
  writeFileSync(join(repo, "a.journey.yaml"), MAP);
  writeFileSync(join(repo, "big.journey.yaml"), MAP);
  git("add", "-A");
  git("commit", "-q", "-m", "one");
  writeFileSync(join(repo, "a.journey.yaml"), retitled("Changed"));
  writeFileSync(join(repo, "big.journey.yaml"), `${retitled("Big")}# ${"x".repeat(1_100_000)}\n`);
  // A link to a file of the machine, and a submodule (a commit in the tree), both named like maps.
  const target = spawnSync("git", ["hash-object", "-w", "--stdin"], {
    cwd: repo,
    input: "/etc/hostname",
    encoding: "utf8",
    env: { ...process.env, ...GIT_ENV },
  }).stdout.trim();
  git("update-index", "--add", "--cacheinfo", `120000,${target},link.journey.yaml`);
  const commit = git("rev-parse", "HEAD").trim();
  git("update-index", "--add", "--cacheinfo", `160000,${commit},sub.journey.yaml`);
  git("add", "a.journey.yaml", "big.journey.yaml");
  git("commit", "-q", "-m", "two");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("diff --base with a link, a submodule and a map above the size limit in a revision", () => {
  it("skips the link and the submodule with a warning each, and compares the other maps", () => {
    const run = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"], { cwd: repo });
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(
        /^journeymap: warning: skipped "link\.journey\.yaml" at [0-9a-f]{12}: it is a symbolic link, and diff compares map files only$/,
      ),
      expect.stringMatching(
        /^journeymap: warning: skipped "sub\.journey\.yaml" at [0-9a-f]{12}: it is a git submodule, and diff compares map files only$/,
      ),
    ]);
    expect(run.code).toBe(0);
    const diffs = JSON.parse(run.stdout) as JourneyDiff[];
    expect(diffs.map((diff) => [diff.new.file, diff.title?.new])).toEqual([
      ["a.journey.yaml", "Changed"],
      ["big.journey.yaml", "Big"],
    ]);
  });

  it("a map above --max-file-size is an error for that map only: the others are compared, exit 2", () => {
    const run = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "--max-file-size", "1MB", "--format", "json"], {
      cwd: repo,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^journeymap: cannot read map "big\.journey\.yaml" at [0-9a-f]{12}: it is 1\.1 MB, more than the 1 MB limit \(raise it with --max-file-size\)$/m,
    );
    const diffs = JSON.parse(run.stdout) as JourneyDiff[];
    expect(diffs.map((diff) => diff.new.file)).toEqual(["a.journey.yaml"]);
  });

  it("a path after --base that names nothing exits 2 with a message; a deleted map's path is fine", () => {
    expect(runCli(["diff", "--base", "HEAD~1", "missing.journey.yaml"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'journeymap: no file or folder "missing.journey.yaml" in the working tree or at --base HEAD~1: check the path (paths after --base limit the maps compared)\n',
    });
    expect(runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "a.journey.yaml", "nope/"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'journeymap: no file or folder "nope/" in --head HEAD or at --base HEAD~1: check the path (paths after --base limit the maps compared)\n',
    });
    expect(runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "a.journey.yaml"], { cwd: repo }).code).toBe(0);
    // Deleted in the working tree, still at --base: a path git knows, so no usage error.
    rmSync(join(repo, "a.journey.yaml"));
    try {
      expect(runCli(["diff", "--base", "HEAD~1", "a.journey.yaml"], { cwd: repo }).code).toBe(0);
    } finally {
      git("checkout", "--", "a.journey.yaml");
    }
  });
});
