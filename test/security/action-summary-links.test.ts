// Issue 19: the Action's summary step writes a failed SARIF log when lint wrote none, and never through a
// symbolic link (a dangling one would create its target) nor out of the workspace by a linked folder.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function summaryStep(workspace: string, sarifFile: string): { code: number | null; stderr: string } {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "action/summary.mjs"), "--exit-code", "2", "--sarif-file", sarifFile],
    { cwd: workspace, env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace }, encoding: "utf8" },
  );
  return { code: run.status, stderr: run.stderr };
}

describe("the summary step's failed SARIF log", () => {
  const base = mkdtempSync(join(tmpdir(), "journeymap-summary-"));
  folders.push(base);
  const workspace = join(base, "workspace");
  const outside = join(base, "outside");
  mkdirSync(workspace);
  mkdirSync(outside);

  it("is written when lint wrote none, and a SARIF file lint wrote is kept", () => {
    expect(summaryStep(workspace, "failed.sarif")).toEqual({ code: 0, stderr: "" });
    const sarif = JSON.parse(readFileSync(join(workspace, "failed.sarif"), "utf8")) as {
      runs: Array<{ invocations: Array<{ executionSuccessful: boolean }> }>;
    };
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    writeFileSync(join(workspace, "lint.sarif"), "{}\n");
    expect(summaryStep(workspace, "lint.sarif").code).toBe(0);
    expect(readFileSync(join(workspace, "lint.sarif"), "utf8")).toBe("{}\n");
  });

  it("is never written through a dangling link, nor through a folder link out of the workspace", () => {
    symlinkSync(join(outside, "created.sarif"), join(workspace, "dangling.sarif"));
    symlinkSync(outside, join(workspace, "reports"));
    expect(summaryStep(workspace, "dangling.sarif")).toEqual({
      code: 0,
      stderr:
        'journeymap: not writing the SARIF file "dangling.sarif": it is a symbolic link, and the action never writes through a link: remove the link, or name another sarif-file\n',
    });
    expect(summaryStep(workspace, "reports/x.sarif")).toEqual({
      code: 0,
      stderr:
        'journeymap: not writing the SARIF file "reports/x.sarif": a symbolic link on its way leads outside the workspace: name a folder that is not a link\n',
    });
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(outside, "created.sarif"))).toBe(false);
  });
});
