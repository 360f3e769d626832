// Issue 8, "outputs never destroy anything", through the built CLI, for every command and every option
// that writes a file (lint -o and -f NAME=FILE, render -o, diff -o, init): no output replaces a file the
// run read (a map by any path, a configuration found or named, an ignore file, the Mermaid config), a
// FIFO, a device or a folder. Issue 19: no output is ever written through a symbolic link, planted as the
// output, on its way out of the repository, or in a docs site's folder.
import {
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

const MAP = readFileSync(join(ROOT, "docs/examples/hotel.journey.yaml"), "utf8");
const CONFIG = "rules:\n  unused-team: off\n";
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A repository with a map, a configuration, ignore files, a Mermaid config and links to them. */
function project(): string {
  const folder = mkdtempSync(join(tmpdir(), "journeymap-outputs-"));
  folders.push(folder);
  mkdirSync(join(folder, ".git"));
  mkdirSync(join(folder, "maps"));
  writeFileSync(join(folder, "maps/hotel.journey.yaml"), MAP);
  writeFileSync(join(folder, "journeymap.config.yaml"), CONFIG);
  writeFileSync(join(folder, ".journeymapignore"), "drafts/\n");
  writeFileSync(join(folder, ".gitignore"), "tmp/\n");
  writeFileSync(join(folder, "mermaid.json"), '{"theme": "forest"}\n');
  symlinkSync("maps", join(folder, "linked"));
  symlinkSync("maps/hotel.journey.yaml", join(folder, "alias.out"));
  linkSync(join(folder, "maps/hotel.journey.yaml"), join(folder, "hard.out"));
  return folder;
}

/** Every command with an output, writing to `target`; `reads` says which protected files it reads. */
const COMMANDS: Record<string, { args: (target: string) => string[]; reads: string[] }> = {
  "lint -o": { args: (t) => ["lint", "maps", "-f", "json", "-o", t], reads: ["config", "ignore files"] },
  "lint -f NAME=FILE": { args: (t) => ["lint", "maps", `-f`, `sarif=${t}`], reads: ["config", "ignore files"] },
  "lint --config": {
    args: (t) => ["lint", "maps", "--config", "journeymap.config.yaml", "-f", "json", "-o", t],
    reads: ["config", "ignore files"],
  },
  "validate -f NAME=FILE": { args: (t) => ["validate", "maps", "-f", `json=${t}`], reads: ["ignore files"] },
  "render -o": {
    args: (t) => ["render", "maps/hotel.journey.yaml", "-f", "markdown", "--mermaid-config", "mermaid.json", "-o", t],
    reads: ["mermaid config"],
  },
  "diff -o": {
    args: (t) => ["diff", "maps/hotel.journey.yaml", "maps/hotel.journey.yaml", "-o", t],
    reads: ["config"],
  },
};

/** Files a run reads, by what they are, and the paths that lead to them. */
const PROTECTED: Record<string, string[]> = {
  map: ["maps/hotel.journey.yaml", "alias.out", "hard.out", "linked/hotel.journey.yaml", "maps/../hard.out"],
  config: ["journeymap.config.yaml"],
  "ignore files": [".journeymapignore", ".gitignore"],
  "mermaid config": ["mermaid.json"],
};

const contents = (folder: string) =>
  Object.values(PROTECTED)
    .flat()
    .map((path) => readFileSync(join(folder, path), "utf8"));

describe("no output replaces a file the run read", () => {
  for (const [name, command] of Object.entries(COMMANDS)) {
    const kinds = ["map", ...command.reads];
    for (const kind of kinds) {
      it(`${name}: never over the ${kind}, by any path`, () => {
        for (const target of PROTECTED[kind]!) {
          const folder = project();
          const before = contents(folder);
          const run = runCli(command.args(target), { cwd: folder });
          expect(run.code, `${name} ${target}: ${run.stderr}`).toBe(2);
          expect(run.stderr).toMatch(
            /cannot write ".*": (it is an input of this run: choose another output file|it is a symbolic link)|refusing to overwrite the map/,
          );
          expect(contents(folder)).toEqual(before);
          expect(lstatSync(join(folder, "alias.out")).isSymbolicLink()).toBe(true);
        }
      });
    }
  }
});

describe("no output replaces a FIFO, a device or a folder, nor is written through a symlink", () => {
  const all = { ...COMMANDS, init: { args: (t: string) => ["init", t, "--force"], reads: [] } };
  for (const [name, command] of Object.entries(all)) {
    it(`${name}`, () => {
      const folder = project();
      expect(spawnSync("mkfifo", [join(folder, "fifo.md")]).status).toBe(0);
      mkdirSync(join(folder, "folder.md"));
      writeFileSync(join(folder, "real.md"), "old\n");
      symlinkSync("real.md", join(folder, "latest.md"));
      for (const [target, reason] of [
        ["fifo.md", "it is not a regular file (a device, FIFO or socket)"],
        ["/dev/null", "it is not a regular file (a device, FIFO or socket)"],
        ...(name === "render -o" ? [] : [["folder.md", "it is a folder: name a file"]]),
      ] as const) {
        const started = performance.now();
        const run = runCli(command.args(target), { cwd: folder });
        expect(run.code, `${name} ${target}`).toBe(2);
        expect(run.stderr).toContain(reason);
        expect(performance.now() - started).toBeLessThan(20_000);
      }
      expect(lstatSync(join(folder, "fifo.md")).isFIFO()).toBe(true);
      const refused = runCli(command.args("latest.md"), { cwd: folder });
      expect(refused.code, refused.stderr).toBe(2);
      expect(refused.stderr).toContain(
        'cannot write "latest.md": it is a symbolic link (to "real.md"), and journeymap never writes through a link: remove the link, or name the file it points to',
      );
      expect(lstatSync(join(folder, "latest.md")).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(folder, "real.md"), "utf8")).toBe("old\n");
    });
  }
});

/** A repository (see project) beside a folder outside it holding a file an attacker would like replaced. */
function plantedProject(): { folder: string; outside: string; victim: string } {
  const folder = project();
  const outside = mkdtempSync(join(tmpdir(), "journeymap-outside-"));
  folders.push(outside);
  const victim = join(outside, "victim.txt");
  writeFileSync(victim, "precious\n");
  return { folder, outside, victim };
}

describe("no output is written through a link planted in the repository (issue 19)", () => {
  const all = { ...COMMANDS, init: { args: (t: string) => ["init", t, "--force"], reads: [] } };
  for (const [name, command] of Object.entries(all)) {
    it(`${name}: not through a link to a file, a dangling link, or a folder link out of the repository`, () => {
      const { folder, outside, victim } = plantedProject();
      symlinkSync(victim, join(folder, "link.out"));
      symlinkSync(join(outside, "created.txt"), join(folder, "dangling.out"));
      symlinkSync(outside, join(folder, "reports"));
      symlinkSync(join(outside, "missing"), join(folder, "gone"));
      const cases: Array<[string, string]> = [
        [
          "link.out",
          `cannot write "link.out": it is a symbolic link (to "${victim}"), and journeymap never writes through a link`,
        ],
        ["dangling.out", `cannot write "dangling.out": it is a symbolic link (to "${join(outside, "created.txt")}")`],
        [
          "reports/x.out",
          `cannot write "reports/x.out": a symbolic link on its way leads outside the working tree "." (to "${realpathSync(outside)}"): remove the link, or name a folder that is not a link`,
        ],
        [
          "gone/x.out",
          'cannot write "gone/x.out": the folder "gone" on its way is a symbolic link that leads nowhere (a missing folder or a loop)',
        ],
      ];
      for (const [target, message] of cases) {
        const run = runCli(command.args(target), { cwd: folder });
        expect(run.code, `${name} ${target}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toContain(message);
        expect(run.stderr).not.toContain("    at ");
      }
      expect(readFileSync(victim, "utf8")).toBe("precious\n");
      expect(readdirSync(outside)).toEqual(["victim.txt"]);
      // A link that stays inside the repository is only a way to a folder of it.
      mkdirSync(join(folder, "out"));
      symlinkSync("out", join(folder, "out-link"));
      const inside = runCli(command.args("out-link/x.out"), { cwd: folder });
      expect(inside.code, inside.stderr).toBeLessThan(2);
      expect(readdirSync(join(folder, "out"))).toContain("x.out");
    });
  }

  it("an explicit path outside the repository is the user's choice, but never a link", () => {
    const { folder, outside, victim } = plantedProject();
    const run = runCli(["lint", "maps", "-f", `sarif=${join(outside, "report.sarif")}`], { cwd: folder });
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(JSON.parse(readFileSync(join(outside, "report.sarif"), "utf8"))).toMatchObject({ version: "2.1.0" });
    symlinkSync(victim, join(outside, "link.sarif"));
    const refused = runCli(["lint", "maps", "-f", `sarif=${join(outside, "link.sarif")}`], { cwd: folder });
    expect(refused.code).toBe(2);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });
});

describe("a docs site is never written through a link planted in its folder (issue 19)", () => {
  const site = ["render", "maps", "--format", "markdown", "--output", "site/"];

  for (const planted of ["hotel.md", "hotel.svg", "index.md", "portfolio-heatmap.svg"]) {
    it(`site/${planted} -> a file outside: refused before any page is written`, () => {
      const { folder, victim } = plantedProject();
      mkdirSync(join(folder, "site"));
      const link = relative(join(folder, "site"), victim);
      symlinkSync(link, join(folder, "site", planted));
      const run = runCli(site, { cwd: folder });
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toBe(
        `journeymap: cannot write "site/${planted}": it is a symbolic link (to "${link}"), and journeymap never writes through a link: remove the link, or name the file it points to\n`,
      );
      expect(readFileSync(victim, "utf8")).toBe("precious\n");
      expect(readdirSync(join(folder, "site"))).toEqual([planted]);
    });
  }

  it("a dangling link in the site folder is refused and its target never created", () => {
    const { folder, outside } = plantedProject();
    mkdirSync(join(folder, "site"));
    symlinkSync(join(outside, "planted.md"), join(folder, "site/hotel.md"));
    const run = runCli(site, { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write "site/hotel.md": it is a symbolic link');
    expect(readdirSync(outside)).toEqual(["victim.txt"]);
  });

  it("the output folder itself, or a folder on its way, is never a link out of the repository", () => {
    const { folder, outside } = plantedProject();
    symlinkSync(outside, join(folder, "site"));
    const run = runCli(site, { cwd: folder });
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe(
      `journeymap: cannot write into "site/": it is a symbolic link (to "${outside}"), and journeymap never writes through a link: remove the link, or name the folder it points to\n`,
    );
    symlinkSync(outside, join(folder, "docs"));
    const deeper = runCli(["render", "maps", "--format", "markdown", "--output", "docs/site/"], { cwd: folder });
    expect(deeper.code).toBe(2);
    expect(deeper.stderr).toContain("a symbolic link on its way leads outside the working tree");
    expect(readdirSync(outside)).toEqual(["victim.txt"]);
  });

  it("pictures for many maps (render -f svg -o folder/) follow the same rule", () => {
    const { folder, victim } = plantedProject();
    mkdirSync(join(folder, "pictures"));
    symlinkSync(victim, join(folder, "pictures/hotel.svg"));
    const run = runCli(["render", "maps", "--format", "svg", "--output", "pictures/"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write "pictures/hotel.svg": it is a symbolic link');
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });
});
