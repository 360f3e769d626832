// The start-up's V8 code cache (src/cli/start.ts) on a copy of the built CLI: written after a first
// run, used by the next (left as it is), and never trusted or needed: damaged, from another build,
// owned by someone else, writable by others, a symbolic link, or with no folder to write in, a run
// gives the same output as always and the cache is rewritten or left alone.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

let install: string;
let cache: string;
const MAP = join(ROOT, "docs/examples/hotel.journey.yaml");
const NAME = `validate-${process.version}-${process.arch}.v8`;

beforeAll(() => {
  install = mkdtempSync(join(tmpdir(), "journeymap-code-cache-"));
  for (const part of ["bin", "schemas", "package.json", "dist/bundle"])
    cpSync(join(ROOT, part), join(install, part), { recursive: true });
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    mkdirSync(dirname(join(install, "node_modules", name)), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", name), join(install, "node_modules", name));
  }
  cache = join(install, ".cache/code");
});
afterAll(() => rmSync(install, { recursive: true, force: true }));
beforeEach(() => rmSync(join(install, ".cache"), { recursive: true, force: true }));

function validate(env: Record<string, string> = {}, nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, join(install, "bin/journeymap.js"), "validate", MAP], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXPECTED = { code: 0, stdout: "✔ 1 map checked, no problems\n", stderr: "" };
const file = () => join(cache, NAME);
const stamp = () => {
  const stats = statSync(file());
  return `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
};

describe("the code cache", () => {
  it("is written after the first run (private to its owner) and used as it is by the next", () => {
    expect(validate()).toEqual(EXPECTED);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    const written = stamp();
    expect(validate()).toEqual(EXPECTED);
    expect(stamp()).toBe(written);
    expect(readdirSync(cache)).toEqual([NAME]); // no temporary file left behind
  });

  it("without WebAssembly (--jitless) the checksum is summed in JavaScript, and the cache works the same", () => {
    const jitless = () => {
      const run = validate({}, ["--jitless"]);
      // V8 says it turns WebAssembly off; journeymap itself prints nothing else.
      return { ...run, stderr: run.stderr.replace(/^Warning: disabling flag --expose_wasm.*\n/m, "") };
    };
    expect(jitless()).toEqual(EXPECTED);
    const written = stamp();
    expect(jitless()).toEqual(EXPECTED);
    expect(stamp()).toBe(written);
    // A run with WebAssembly has other flags: it writes its own cache, which its next run uses.
    expect(validate()).toEqual(EXPECTED);
    const own = stamp();
    expect(validate()).toEqual(EXPECTED);
    expect(stamp()).toBe(own);
  });

  it.each([
    ["damaged in the middle", (bytes: Buffer) => bytes.fill(0x5a, 4000, 4400)],
    ["cut short", (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ["from another build", (bytes: Buffer) => bytes.fill(0, 8, 12)],
    ["not a cache at all", () => Buffer.from("#!/bin/sh\nrm -rf /\n")],
    ["empty", () => Buffer.alloc(0)],
  ])("%s: the run is as always and the cache is made again", (_case, spoil) => {
    expect(validate()).toEqual(EXPECTED);
    const good = readFileSync(file());
    writeFileSync(file(), spoil(Buffer.from(good)), { mode: 0o600 });
    const spoiled = stamp();
    expect(validate()).toEqual(EXPECTED);
    expect(stamp()).not.toBe(spoiled);
    const remade = stamp();
    expect(validate()).toEqual(EXPECTED);
    expect(stamp()).toBe(remade);
  });

  it("a cache file another user owns, or others may write, is not read, and is replaced", () => {
    expect(validate()).toEqual(EXPECTED);
    chownSync(file(), 65534, 65534);
    const foreign = stamp();
    expect(validate()).toEqual(EXPECTED);
    expect(statSync(file()).uid).toBe(process.getuid!());
    expect(stamp()).not.toBe(foreign);
    chmodSync(file(), 0o666);
    const open = stamp();
    expect(validate()).toEqual(EXPECTED);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(stamp()).not.toBe(open);
  });

  it("a cache folder that others may write, or that is a link, is neither read nor written", () => {
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    expect(validate()).toEqual(EXPECTED);
    expect(readdirSync(cache)).toEqual([]);

    rmSync(join(install, ".cache"), { recursive: true });
    const elsewhere = mkdtempSync(join(tmpdir(), "journeymap-elsewhere-"));
    try {
      mkdirSync(join(install, ".cache"));
      symlinkSync(elsewhere, cache);
      expect(validate()).toEqual(EXPECTED);
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("a cache file that is a link is not followed: the link is replaced, its target untouched", () => {
    mkdirSync(cache, { recursive: true, mode: 0o700 });
    const target = join(install, "precious.txt");
    writeFileSync(target, "keep me\n");
    symlinkSync(target, file());
    expect(validate()).toEqual(EXPECTED);
    expect(readFileSync(target, "utf8")).toBe("keep me\n");
  });

  it("with nowhere to write it (.cache is a file), or JOURNEYMAP_CODE_CACHE=0, runs as always and writes nothing", () => {
    writeFileSync(join(install, ".cache"), "not a folder\n");
    expect(validate()).toEqual(EXPECTED);
    expect(readFileSync(join(install, ".cache"), "utf8")).toBe("not a folder\n");
    rmSync(join(install, ".cache"));
    expect(validate({ JOURNEYMAP_CODE_CACHE: "0" })).toEqual(EXPECTED);
    expect(() => statSync(join(install, ".cache"))).toThrow();
  });

  it("each command keeps its own cache, and a failing run is still a failing run", () => {
    const lint = spawnSync(
      process.execPath,
      [join(install, "bin/journeymap.js"), "lint", join(install, "missing.yaml")],
      {
        encoding: "utf8",
      },
    );
    expect(lint.status).toBe(2);
    expect(lint.stderr).toMatch(/^journeymap: no such file or folder/);
    expect(readdirSync(cache)).toEqual([`lint-${process.version}-${process.arch}.v8`]);
  });

  it("a validate, lint or render of maps loads the main bundle alone; a diff loads the other one too, with its own cache", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(install, "bin/journeymap.js"), ...args], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    const out = mkdtempSync(join(tmpdir(), "journeymap-bundles-"));
    try {
      // FreshCart: a configuration, a shared file, tracked opportunities (the site's backlog page).
      const folder = join(ROOT, "examples");
      expect(run("validate", folder).status).toBe(0);
      expect(run("lint", folder, "--as-of", "2026-12-01").status).toBe(0);
      expect(run("render", folder, "--format", "svg", "-o", join(out, "svg")).status).toBe(0);
      expect(run("render", folder, "--format", "markdown", "-o", join(out, "site")).status).toBe(0);
      expect(run("render", MAP, "--format", "mermaid", "-o", join(out, "map.mmd")).status).toBe(0);
      const names = readdirSync(cache);
      expect(names.length).toBe(5);
      expect(names.filter((name) => name.includes(".cold"))).toEqual([]);

      const diff = () => run("diff", MAP, MAP);
      const first = diff();
      expect(first.status).toBe(0);
      expect(first.stdout).toContain("no changes");
      const cold = join(cache, `diff.cold-${process.version}-${process.arch}.v8`);
      const written = statSync(cold).mtimeMs;
      const second = diff();
      expect({ ...second, pid: 0, output: [] }).toEqual({ ...first, pid: 0, output: [] });
      expect(statSync(cold).mtimeMs).toBe(written);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
