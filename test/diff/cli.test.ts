// `journeymap diff` end to end: the built CLI as a process, on two files and on a real temporary git
// repository (modified, renamed, deleted and untracked maps), with exit codes and messages.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { XMLValidator } from "fast-xml-parser";
import { BIN, ROOT, runCli } from "../helpers/cli.js";
import { runGit } from "../helpers/git.js";
import { pngSize } from "../helpers/render-checks.js";

const PAIR = "test/fixtures/diff/freshcart-moved";
const OLD = `${PAIR}/old.journey.yaml`;
const NEW = `${PAIR}/new.journey.yaml`;

describe("journeymap diff OLD NEW", () => {
  it("prints the stylish diff and exits 0 whatever changed", () => {
    expect(runCli(["diff", OLD, NEW])).toEqual({
      code: 0,
      stdout: readFileSync(`${PAIR}/expected.txt`, "utf8"),
      stderr: "",
    });
  });

  it("reads OLD from standard input and labels the versions", () => {
    const run = runCli(["diff", "-", NEW, "--labels", "As-is, To-be", "--format", "json"], {
      input: readFileSync(OLD),
    });
    expect(run.code).toBe(0);
    const [diff] = JSON.parse(run.stdout) as JourneyDiff[];
    expect(diff!.old).toEqual({ file: "<stdin>", title: "FreshCart - first grocery order", label: "As-is" });
    expect(diff!.new.label).toBe("To-be");
  });

  it("--fail-on exits 1 when a condition holds and says which, 0 when none does", () => {
    const dropped = runCli(["diff", OLD, NEW, "--fail-on", "new-errors,emotion-drop", "--format", "markdown"]);
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toBe("journeymap: --fail-on emotion-drop: the change lowers an emotion\n");
    expect(dropped.stdout).toBe(readFileSync(`${PAIR}/expected.md`, "utf8"));
    expect(runCli(["diff", OLD, NEW, "--fail-on", "new-errors,new-warnings"]).code).toBe(0);
  });

  it("writes --output atomically and prints nothing", () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-diff-"));
    const run = runCli(["diff", OLD, NEW, "--format", "markdown", "--output", join(folder, "comment.md")]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(readFileSync(join(folder, "comment.md"), "utf8")).toBe(readFileSync(`${PAIR}/expected.md`, "utf8"));
  });

  it.each([
    [["diff", OLD], "journeymap: diff needs two maps, OLD and NEW (got 1), or --base REV to compare git revisions\n"],
    [["diff", "-", "-"], "journeymap: only one of OLD and NEW can be standard input (-)\n"],
    [
      ["diff", OLD, NEW, "--format", "sarif"],
      'journeymap: unknown format "sarif": use one of stylish, markdown, json, svg, png\n',
    ],
    [
      ["diff", OLD, NEW, "--fail-on", "emotion-dip"],
      'journeymap: --fail-on: unknown condition "emotion-dip": use new-errors, new-warnings, emotion-drop\n',
    ],
    [
      ["diff", OLD, NEW, "--labels", "To-be"],
      'journeymap: --labels needs two names separated by a comma, like "As-is,To-be" (got "To-be")\n',
    ],
    [["diff", OLD, "missing.journey.yaml"], /^journeymap: cannot read map "missing\.journey\.yaml": no such file/],
    [["diff", OLD, NEW, "--head", "HEAD"], "journeymap: --head needs --base (the older revision to compare it with)\n"],
    [
      ["diff", OLD, NEW, "--format", "svg", "--theme", "sepia"],
      'journeymap: unknown theme "sepia": use light or dark\n',
    ],
    [
      ["diff", OLD, NEW, "--format", "png", "--scale", "0", "-o", "x.png"],
      'journeymap: --scale must be a number from 0.1 to 10 (got "0")\n',
    ],
    [
      ["diff", OLD, NEW, "--format", "svg", "-o", "change.png"],
      'journeymap: --output "change.png" ends in .png but --format is svg: make them agree (.svg)\n',
    ],
  ])("usage and I/O errors exit 2 with one line: %j", (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    if (typeof message === "string") expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("--format svg prints the picture of the change; --format png writes a PNG through --output", () => {
    const svg = runCli(["diff", OLD, NEW, "--format", "svg", "--theme", "dark"]);
    expect(svg).toMatchObject({ code: 0, stderr: "" });
    expect(XMLValidator.validate(svg.stdout)).toBe(true);
    expect(svg.stdout).toContain('data-theme="dark"');
    expect(svg.stdout).toContain('data-card="t3-touchpoint" data-mark="changed"');
    const folder = mkdtempSync(join(tmpdir(), "journeymap-diff-png-"));
    const png = runCli(["diff", OLD, NEW, "--format", "png", "--scale", "1", "-o", join(folder, "change.png")]);
    expect(png).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(pngSize(readFileSync(join(folder, "change.png"))).width).toBe(
      Math.ceil(Number(/<svg[^>]* width="([\d.]+)"/.exec(svg.stdout)![1])),
    );
  });

  it("refuses to write the PNG picture to a terminal", () => {
    // `script` runs the CLI with a pseudo-terminal as stdout.
    const command = [process.execPath, BIN, "diff", OLD, NEW, "--format", "png"].map((arg) => JSON.stringify(arg));
    const run = spawnSync("script", ["-qefc", command.join(" "), "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(
      "journeymap: PNG is binary and would garble the terminal: write it with --output FILE.png or redirect stdout",
    );
  });

  it("an invalid map is an error at file:line:column (exit 2)", () => {
    const run = runCli(["diff", OLD, "-"], { input: "journeymap: 1\ntitle: [\n" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^journeymap: cannot compare an invalid map: <stdin>:\d+:\d+: /);
  });
});

describe("journeymap diff --base (a real git repository)", () => {
  let repo: string;
  const git = (...args: string[]) => runGit(repo, args);
  const write = (name: string, text: string) => {
    mkdirSync(join(repo, name, ".."), { recursive: true });
    writeFileSync(join(repo, name), text);
  };
  const freshcart = readFileSync(OLD, "utf8");
  const hostileName = "maps/evil\n::error::forged.journey.yaml";

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "journeymap-diff-git-"));
    git("init", "-q", "-b", "main");
    write("maps/freshcart.journey.yaml", freshcart);
    write("maps/moving.journey.yaml", freshcart.replace("FreshCart - first grocery order", "Moving map"));
    write("maps/gone.journey.yaml", freshcart.replace("FreshCart - first grocery order", "Gone map"));
    write(hostileName, freshcart.replace("FreshCart - first grocery order", "Evil name"));
    write("notes.txt", "not a map\n");
    git("add", "-A");
    git("commit", "-q", "-m", "maps");
    // The working tree: one map changed, one renamed (and changed a little), one deleted, one new and untracked.
    write("maps/freshcart.journey.yaml", readFileSync(NEW, "utf8"));
    mkdirSync(join(repo, "maps/renamed"));
    git("mv", "maps/moving.journey.yaml", "maps/renamed/moved.journey.yaml");
    write(
      "maps/renamed/moved.journey.yaml",
      freshcart.replace("FreshCart - first grocery order", "Moving map").replace("owner: care", "owner: ops"),
    );
    git("rm", "-q", "maps/gone.journey.yaml");
    write("maps/new.journey.yaml", readFileSync("test/fixtures/diff/owner-fixed/old.journey.yaml", "utf8"));
    write(
      hostileName,
      freshcart.replace("FreshCart - first grocery order", "Evil name").replace("emotion: 5", "emotion: 4"),
    );
    write("notes.txt", "still not a map\n");
  });

  it("compares every changed map with the working tree: modified, renamed, deleted, added", () => {
    const run = runCli(["diff", "--base", "HEAD", "--format", "json"], { cwd: repo });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const diffs = JSON.parse(run.stdout) as JourneyDiff[];
    expect(diffs.map((diff) => [diff.status, diff.old.file, diff.new.file])).toEqual([
      ["modified", hostileName, hostileName],
      ["modified", "maps/freshcart.journey.yaml", "maps/freshcart.journey.yaml"],
      ["deleted", "maps/gone.journey.yaml", "maps/gone.journey.yaml"],
      ["added", "maps/new.journey.yaml", "maps/new.journey.yaml"],
      ["modified", "maps/moving.journey.yaml", "maps/renamed/moved.journey.yaml"],
    ]);
    const renamed = diffs[4]!;
    expect(renamed.touchpoints.changed.map((change) => change.fields.owner)).toMatchObject([
      { old: "care", new: "ops" },
    ]);
    // The side a deleted or added map lacks is labelled "(none)", not with a file that is not there.
    expect([diffs[2]!.old.label, diffs[2]!.new.label]).toEqual(["Gone map", "(none)"]);
    expect([diffs[3]!.old.label, diffs[3]!.new.label]).toEqual(["(none)", "Bank account opening"]);
    expect(diffs[2]!.touchpoints.removed).toHaveLength(7);
    expect(diffs[3]!.touchpoints.added).toHaveLength(6);
  });

  it("escapes a hostile file name in the terminal output; paths limit the maps compared", () => {
    const run = runCli(["diff", "--base", "HEAD", "maps/evil*"], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("maps/evil\\x0a::error::forged.journey.yaml  Evil name");
    expect(run.stdout).not.toMatch(/^::/m);
  });

  it("draws a picture of one map only: several maps changed is a usage error", () => {
    const several = runCli(["diff", "--base", "HEAD", "--format", "svg"], { cwd: repo });
    expect(several).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: --format svg draws one map, and this run compares 5: name one map file after --base, or use --format markdown\n",
    });
    const deleted = runCli(["diff", "--base", "HEAD", "--format", "svg", "maps/gone.journey.yaml"], { cwd: repo });
    expect(deleted.code).toBe(0);
    // A deleted map: every touchpoint a ghost where it was.
    expect(deleted.stdout.match(/data-card="t\d+-touchpoint" data-mark="removed"/g)).toHaveLength(7);
  });

  it("compares two revisions with --head, reading both through git", () => {
    git("add", "-A");
    git("commit", "-q", "-m", "change");
    rmSync(join(repo, "maps/freshcart.journey.yaml")); // the working tree does not matter with --head
    const run = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "--fail-on", "emotion-drop"], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("maps/moving.journey.yaml → maps/renamed/moved.journey.yaml  Moving map\n");
    expect(run.stdout).toContain(
      '  - touchpoint "Gets a referral code from a friend": removed from stage "Awareness"  old 30:9\n',
    );
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("5 of 5 maps changed");
  });

  it("skips a map that is a symbolic link with a warning (its target could be any file of the CI machine)", () => {
    symlinkSync("/etc/hostname", join(repo, "maps/link.journey.yaml"));
    const run = runCli(["diff", "--base", "HEAD", "maps/link.journey.yaml"], { cwd: repo });
    rmSync(join(repo, "maps/link.journey.yaml"));
    expect(run).toEqual({
      code: 0,
      stdout: "✔ 0 maps compared, no changes\n",
      stderr:
        'journeymap: warning: skipped "maps/link.journey.yaml": it is a symbolic link, and diff compares map files only\n',
    });
  });

  it("exits 2 for an unknown revision, a revision that looks like an option, and outside a repository", () => {
    expect(runCli(["diff", "--base", "no-such-branch"], { cwd: repo })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journeymap: unknown git revision "no-such-branch" (--base): check the branch, tag or commit name\n',
    });
    expect(runCli(["diff", "--base=--output=x"], { cwd: repo }).stderr).toBe(
      'journeymap: --base needs a git revision such as main or HEAD~1 (got "--output=x")\n',
    );
    const outside = mkdtempSync(join(tmpdir(), "journeymap-no-git-"));
    const run = runCli(["diff", "--base", "HEAD"], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^journeymap: not a git repository: ".*" \(--base compares git revisions; run it inside a repository\)\n$/,
    );
  });
});

describe("journeymap diff with shared definitions (journeymap.shared.yaml)", () => {
  // A map that follows a shared persona and names a shared team, and the same map with a second shared
  // persona and a lower emotion: compared with the shared file beside them, as lint reads them.
  const shared = (student: string) =>
    `journeymap: 1\npersonas:\n  - { id: parent, name: "Dana, working parent" }\n  - { id: student, name: "${student}" }\nteams:\n  - { id: cx, name: Customer experience }\n`;
  const map = (personas: string, emotion: number) =>
    `journeymap: 1\ntitle: Shared map\nowner: cx\npersonas: [${personas}]\nstages:\n  - id: awareness\n    name: Awareness\n    touchpoints:\n      - { id: ad, name: Sees an ad, channel: social, owner: cx, emotion: ${emotion} }\n`;
  let dir: string;
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  const json = (run: { stdout: string }) => JSON.parse(run.stdout) as JourneyDiff[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "journeymap-diff-shared-"));
  });

  it("two files: shared personas by name, no finding for a persona the map takes from the shared file", () => {
    write("pair/journeymap.shared.yaml", shared("Sam, student"));
    write("pair/old.journey.yaml", map("parent", 4));
    write("pair/new.journey.yaml", map("parent, student", 2));
    const run = runCli(["diff", "pair/old.journey.yaml", "pair/new.journey.yaml", "--format", "json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [diff] = json(run);
    expect(diff!.personas.added).toEqual([{ id: "student", name: "Sam, student" }]);
    expect(diff!.findings.introduced.map((finding) => finding.ruleId)).not.toContain("unknown-persona");
    const stylish = runCli(["diff", "pair/old.journey.yaml", "pair/new.journey.yaml"], { cwd: dir });
    expect(stylish.stdout).toContain('+ persona "Sam, student": added');
    expect(stylish.stdout).toContain("emotion of Dana, working parent: 4 → 2");
  });

  it("two revisions: each version with the shared file of its own revision; a broken one fails the run", () => {
    const repo = join(dir, "repo");
    mkdirSync(repo);
    const git = (...args: string[]) => runGit(repo, args);
    const put = (name: string, text: string) => write(join("repo", name), text);
    git("init", "-q", "-b", "main");
    put("journeymap.shared.yaml", shared("Sam, student"));
    put("maps/one.journey.yaml", map("parent, student", 4));
    git("add", "-A");
    git("commit", "-q", "-m", "one");
    put("journeymap.shared.yaml", shared("Sam, a student"));
    put("maps/one.journey.yaml", map("parent, student", 3));
    git("commit", "-q", "-am", "two");
    const run = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"], { cwd: repo });
    expect(run.stderr).toBe("");
    const [diff] = json(run);
    expect(diff!.personas.renamed).toEqual([
      { old: { id: "student", name: "Sam, student" }, new: { id: "student", name: "Sam, a student" } },
    ]);
    // The working tree's shared file, broken: reported at its position, and the run exits 2.
    put("journeymap.shared.yaml", "journeymap: 1\npersonas: [oops\n");
    put("maps/one.journey.yaml", map("parent, student", 2));
    const broken = runCli(["diff", "--base", "HEAD"], { cwd: repo });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^journeymap\.shared\.yaml\n {2}3:1 {2}error/);
    // An output may not replace a shared file this run read.
    const over = runCli(["diff", "--base", "HEAD~1", "--head", "HEAD", "-o", "journeymap.shared.yaml"], { cwd: repo });
    expect(over.code).toBe(2);
  });
});

describe("journeymap diff --help", () => {
  it("lists every output of the catalog, and every --fail-on condition", async () => {
    const { diffFormatNames } = await import("../../src/diff/index.js");
    const help = runCli(["diff", "--help"]);
    expect(help.code).toBe(0);
    for (const name of diffFormatNames) expect(help.stdout).toContain(name);
    for (const condition of ["new-errors", "new-warnings", "emotion-drop"]) expect(help.stdout).toContain(condition);
  });
});
