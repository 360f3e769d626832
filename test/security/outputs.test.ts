// Issue 8, "outputs never destroy anything", through the built CLI, for every command and every option
// that writes a file (lint -o and -f NAME=FILE, render -o, diff -o, init): no output replaces a file the
// run read (a map by any path, a configuration found or named, an ignore file, the Mermaid config), a
// FIFO, a device or a folder; a symlink to an ordinary file is written through and kept.
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
            /cannot write ".*": it is an input of this run: choose another output file|refusing to overwrite the map/,
          );
          expect(contents(folder)).toEqual(before);
          expect(lstatSync(join(folder, "alias.out")).isSymbolicLink()).toBe(true);
        }
      });
    }
  }
});

describe("no output replaces a FIFO, a device or a folder; a symlink is written through", () => {
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
      const written = runCli(command.args("latest.md"), { cwd: folder });
      expect(written.code, written.stderr).toBeLessThan(2);
      expect(lstatSync(join(folder, "latest.md")).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(folder, "real.md"), "utf8")).not.toBe("old\n");
    });
  }
});
