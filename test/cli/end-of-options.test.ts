// Issue 19: a map whose file name looks like an option (`--format=sarif=x.journey.yaml`, staged in a pull
// request) is read as a map after `--`, the end of options, by validate, lint and render, and never taken
// for an option (which would write a report over x.journey.yaml). The pre-commit hooks end their entry
// with `--` for that reason; scripts/check-pre-commit.sh runs them with the real pre-commit.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli, type JsonReportFile } from "../helpers/cli.js";

const OPTION_LIKE = "--format=sarif=x.journey.yaml";
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function repository(): string {
  const folder = mkdtempSync(join(tmpdir(), "journeymap-end-of-options-"));
  folders.push(folder);
  mkdirSync(join(folder, ".git"));
  copyFileSync(join(ROOT, "test/fix/fixtures/references.journey.yaml"), join(folder, OPTION_LIKE));
  return folder;
}

describe("a map named like an option, after --", () => {
  it("validate reads it as a map", () => {
    const folder = repository();
    const run = runCli(["validate", "-f", "json", "--", OPTION_LIKE], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReportFile[]).map((file) => file.filePath)).toEqual([OPTION_LIKE]);
    expect(readdirSync(folder).sort()).toEqual([OPTION_LIKE, ".git"].sort());
  });

  it("lint reads it as a map and reports its findings", () => {
    const folder = repository();
    const run = runCli(["lint", "--no-config", "-f", "json", "--", OPTION_LIKE], { cwd: folder });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReportFile[];
    expect(report.map((file) => file.filePath)).toEqual([OPTION_LIKE]);
    expect(report[0]!.messages.length).toBeGreaterThan(0);
    expect(existsSync(join(folder, "x.journey.yaml"))).toBe(false);
  });

  it("render reads it as a map", () => {
    const folder = repository();
    const run = runCli(["render", "-f", "mermaid", "--", OPTION_LIKE], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("title References");
    expect(existsSync(join(folder, "x.journey.yaml"))).toBe(false);
  });

  it("without --, it is the option it looks like: why the hooks end with --", () => {
    const folder = repository();
    runCli(["lint", "--no-config", OPTION_LIKE], { cwd: folder });
    expect(existsSync(join(folder, "x.journey.yaml"))).toBe(true);
  });
});

describe("the pre-commit hooks", () => {
  it("end every entry that is given file names with --, so staged file names are never options", () => {
    const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Array<{
      id: string;
      entry: string;
      pass_filenames?: boolean;
    }>;
    const givenFiles = hooks.filter((hook) => hook.pass_filenames !== false);
    expect(givenFiles.length).toBeGreaterThan(0);
    for (const hook of givenFiles) expect(hook.entry, hook.id).toMatch(/^journeymap .* --$/);
    // The repository hook is given no file names; its args: (after ".") are options.
    expect(hooks.find((hook) => hook.pass_filenames === false)?.entry).toBe("journeymap lint .");
  });
});
