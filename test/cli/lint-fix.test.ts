// `journeymap lint --fix` and `--fix-dry-run` end to end: what lands in the file, what is printed, exit codes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const SOURCE = "test/fix/fixtures/references.journey.yaml";
let folder: string;
let map: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "journeymap-fix-"));
  map = join(folder, "references.journey.yaml");
  copyFileSync(SOURCE, map);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("journeymap lint --fix", () => {
  it("corrects one-edit references in the file and reports only what is left", () => {
    const before = readFileSync(map, "utf8");
    const run = runCli(["lint", map, "--fix", "--no-config"]);
    const after = readFileSync(map, "utf8");
    expect(after).not.toBe(before);
    expect(after).toContain("owner: growth          # two letters swapped");
    expect(after).toContain("personas: [parent, student]");
    // Two teams are one edit away from "web-c": no fix, and the error stays.
    expect(after).toContain("owner: web-c");
    expect(run.stderr).toMatch(/journeymap: fixed \d+ problems in .*references\.journey\.yaml/);
    expect(run.stdout).toContain('owner "web-c" of touchpoint "Browses" is not a declared team');
    expect(run.stdout).not.toContain('owner "grwoth"');
    expect(run.code).toBe(1);
    // Fixing again changes nothing.
    const again = runCli(["lint", map, "--fix", "--no-config"]);
    expect(readFileSync(map, "utf8")).toBe(after);
    expect(again.stderr).not.toContain("fixed");
  });

  it("keeps a byte-order mark and classic Mac line breaks (lone CRs) in the file it writes", () => {
    const text = readFileSync(SOURCE, "utf8");
    const fixedWithLf = (() => {
      runCli(["lint", map, "--fix", "--no-config"]);
      return readFileSync(map, "utf8");
    })();
    // The same map saved with a byte-order mark and CR line breaks: the same fixes, in its own bytes.
    writeFileSync(map, `\ufeff${text.replace(/\n/g, "\r")}`);
    const run = runCli(["lint", map, "--fix", "--no-config"]);
    expect(run.stderr).toMatch(/journeymap: fixed \d+ problems/);
    expect(readFileSync(map, "utf8")).toBe(`\ufeff${fixedWithLf.replace(/\n/g, "\r")}`);
  });

  it("--fix-dry-run prints a unified diff and leaves the file as it was", () => {
    const before = readFileSync(map, "utf8");
    const run = runCli(["lint", map, "--fix-dry-run", "--no-config"]);
    expect(readFileSync(map, "utf8")).toBe(before);
    expect(run.stdout).toContain("-        owner: grwoth          # two letters swapped");
    expect(run.stdout).toContain("+        owner: growth          # two letters swapped");
    expect(run.code).toBe(1);
  });

  it("never writes through a symlinked map: exit 2, the link and its file unchanged; the file itself is fixed", () => {
    const before = readFileSync(map, "utf8");
    symlinkSync("references.journey.yaml", join(folder, "link.journey.yaml"));
    const run = runCli(["lint", "link.journey.yaml", "--fix", "--no-config"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'journeymap: cannot write "link.journey.yaml": it is a symbolic link (to "references.journey.yaml"), and journeymap never writes through a link: remove the link, or name the file it points to\n',
    );
    expect(readlinkSync(join(folder, "link.journey.yaml"))).toBe("references.journey.yaml");
    expect(readFileSync(map, "utf8")).toBe(before);
    expect(runCli(["lint", "references.journey.yaml", "--fix", "--no-config"], { cwd: folder }).code).toBeLessThan(2);
    expect(readFileSync(map, "utf8")).toContain("owner: growth");
  });

  it("refuses --fix on standard input (exit 2) and suggests --fix-dry-run", () => {
    const run = runCli(["lint", "-", "--fix"], { input: readFileSync(map) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--fix-dry-run");
  });
});
