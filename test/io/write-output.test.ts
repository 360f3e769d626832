// writeOutput on real files, symlinks (never written through), hard links, a FIFO and devices; temporary
// files and signals.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readTextFile } from "../../src/io/read-text.js";
import { temporaryName, writeOutput } from "../../src/io/write-output.js";

function fresh(): string {
  return mkdtempSync(join(tmpdir(), "journeymap-write-"));
}

describe("writeOutput", () => {
  it("writes a new file (creating its folder) and replaces an existing one, keeping its mode", () => {
    const dir = fresh();
    writeOutput(join(dir, "out/report.sarif"), "first");
    expect(readFileSync(join(dir, "out/report.sarif"), "utf8")).toBe("first");
    writeFileSync(join(dir, "kept.txt"), "old", { mode: 0o640 });
    writeOutput(join(dir, "kept.txt"), "new");
    expect(readFileSync(join(dir, "kept.txt"), "utf8")).toBe("new");
    expect(statSync(join(dir, "kept.txt")).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(["kept.txt", "out"]);
    // No signal handler is left behind: render --watch keeps its own Ctrl-C handling.
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual([0, 0]);
  });

  it("never writes over an input: same path, a symlink to it, a hard link to it, or a path through a symlinked folder", () => {
    const dir = fresh();
    const map = join(dir, "map.journey.yaml");
    writeFileSync(map, "title: Mine\n");
    symlinkSync(map, join(dir, "alias.sarif"));
    linkSync(map, join(dir, "hard.sarif"));
    symlinkSync(dir, join(dir, "via"));
    for (const target of [map, join(dir, "hard.sarif"), join(dir, "via/map.journey.yaml")]) {
      expect(() => writeOutput(target, "report", { inputs: [map], shown: "out" })).toThrow(
        'cannot write "out": it is an input of this run: choose another output file',
      );
    }
    // A link is refused before anything else: journeymap never writes through one.
    expect(() => writeOutput(join(dir, "alias.sarif"), "report", { inputs: [map], shown: "out" })).toThrow(
      'cannot write "out": it is a symbolic link',
    );
    // An input named through a symlink protects its target too.
    expect(() => writeOutput(map, "report", { inputs: [join(dir, "alias.sarif")], shown: "out" })).toThrow(
      "it is an input of this run",
    );
    expect(readFileSync(map, "utf8")).toBe("title: Mine\n");
  });

  it("never writes over a file this process has read, by any path, unless the write replaces it on purpose", () => {
    const dir = fresh();
    const ignoreFile = join(dir, ".journeymapignore");
    writeFileSync(ignoreFile, "drafts/\n");
    linkSync(ignoreFile, join(dir, "hard-link"));
    readTextFile(ignoreFile, { what: "ignore file" });
    for (const target of [ignoreFile, join(dir, "hard-link")])
      expect(() => writeOutput(target, "report", { shown: "out" })).toThrow(
        'cannot write "out": it is an input of this run: choose another output file',
      );
    expect(readFileSync(ignoreFile, "utf8")).toBe("drafts/\n");
    // lint --fix saves the map it read.
    writeOutput(ignoreFile, "fixed/\n", { replacesInput: true });
    expect(readFileSync(ignoreFile, "utf8")).toBe("fixed/\n");
  });

  it("never writes through a symlink: the link and its target are left as they were", () => {
    const dir = fresh();
    mkdirSync(join(dir, "reports"));
    writeFileSync(join(dir, "reports/real.sarif"), "old");
    symlinkSync("reports/real.sarif", join(dir, "latest.sarif"));
    expect(() => writeOutput(join(dir, "latest.sarif"), "new", { shown: "latest.sarif" })).toThrow(
      'cannot write "latest.sarif": it is a symbolic link (to "reports/real.sarif"), and journeymap never writes through a link: remove the link, or name the file it points to',
    );
    expect(readlinkSync(join(dir, "latest.sarif"))).toBe("reports/real.sarif");
    expect(readFileSync(join(dir, "reports/real.sarif"), "utf8")).toBe("old");
    // Named by its real path, the file is written.
    writeOutput(join(dir, "reports/real.sarif"), "new");
    expect(readFileSync(join(dir, "reports/real.sarif"), "utf8")).toBe("new");
  });

  it("never leaves the output folder through a link on the way, nor creates what a dangling link points at", () => {
    const dir = fresh();
    mkdirSync(join(dir, "site"));
    mkdirSync(join(dir, "outside"));
    symlinkSync("../outside", join(dir, "site/pictures"));
    symlinkSync(join(dir, "nowhere/deeper"), join(dir, "site/dangling"));
    const within = join(dir, "site");
    expect(() => writeOutput(join(dir, "site/pictures/a.svg"), "<svg/>", { within, shown: "a.svg" })).toThrow(
      `cannot write "a.svg": a symbolic link on its way leads outside the output folder "${join(dir, "site")}" (to "${realpathSync(join(dir, "outside"))}"): remove the link, or name a folder that is not a link`,
    );
    expect(() => writeOutput(join(dir, "site/dangling/a.svg"), "<svg/>", { shown: "a.svg" })).toThrow(
      `cannot write "a.svg": the folder "${join(dir, "site/dangling")}" on its way is a symbolic link that leads nowhere (a missing folder or a loop): remove the link, or choose another output`,
    );
    expect(readdirSync(join(dir, "outside"))).toEqual([]);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
    // A link that stays inside the folder is only a way there.
    mkdirSync(join(dir, "site/img"));
    symlinkSync("img", join(dir, "site/pictures-too"));
    writeOutput(join(dir, "site/pictures-too/a.svg"), "<svg/>", { within });
    expect(readFileSync(join(dir, "site/img/a.svg"), "utf8")).toBe("<svg/>");
  });

  it("reads a folder once for leftover temporary files, however many files are written into it", () => {
    const dir = fresh();
    const stale = temporaryName(join(dir, "b.md"), 99_999_999);
    writeOutput(join(dir, "a.md"), "a");
    // Planted after the first write: this run has swept the folder already and leaves it to the next.
    writeFileSync(stale, "half a page");
    writeOutput(join(dir, "b.md"), "b");
    expect(readdirSync(dir).sort()).toEqual([".b.md.journeymap-99999999.tmp", "a.md", "b.md"]);
  });

  it("refuses a dangling symlink, a folder, a FIFO and a device", () => {
    const dir = fresh();
    symlinkSync(join(dir, "missing"), join(dir, "dangling"));
    expect(() => writeOutput(join(dir, "dangling"), "x", { shown: "dangling" })).toThrow(
      `cannot write "dangling": it is a symbolic link (to "${join(dir, "missing")}"), and journeymap never writes through a link`,
    );
    expect(existsSync(join(dir, "missing"))).toBe(false);
    expect(() => writeOutput(dir, "x", { shown: "dir" })).toThrow('cannot write "dir": it is a folder: name a file');
    expect(spawnSync("mkfifo", [join(dir, "fifo")]).status).toBe(0);
    expect(() => writeOutput(join(dir, "fifo"), "x", { shown: "fifo" })).toThrow(
      'cannot write "fifo": it is not a regular file (a device, FIFO or socket)',
    );
    expect(() => writeOutput("/dev/null", "x")).toThrow('cannot write "/dev/null": it is not a regular file');
    expect(lstatSync(join(dir, "fifo")).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "dangling")).isSymbolicLink()).toBe(true);
  });

  it("removes temporary files left by a run that no longer exists, not those of a live one", () => {
    const dir = fresh();
    const target = join(dir, "report.sarif");
    // A pid far above pid_max stands for a killed run; our parent is alive.
    const stale = temporaryName(target, 99_999_999);
    const live = temporaryName(target, process.ppid);
    writeFileSync(stale, "half a report");
    writeFileSync(live, "being written");
    expect(stale).toBe(join(dir, ".report.sarif.journeymap-99999999.tmp"));
    writeOutput(target, "whole report");
    expect(readdirSync(dir).sort()).toEqual([`.report.sarif.journeymap-${process.ppid}.tmp`, "report.sarif"]);
  });

  it("a planted file or symlink at the temporary name is never followed", () => {
    const dir = fresh();
    const target = join(dir, "report.sarif");
    writeFileSync(join(dir, "victim"), "precious");
    symlinkSync(join(dir, "victim"), temporaryName(target));
    expect(() => writeOutput(target, "report")).toThrow(/^cannot write ".*report\.sarif": EEXIST/);
    expect(readFileSync(join(dir, "victim"), "utf8")).toBe("precious");
  });
});

describe("signals", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} removes the temporary files being written and ends the run by that signal`, async () => {
      const dir = fresh();
      const module = fileURLToPath(new URL("../../dist/io/write-output.js", import.meta.url));
      const temporary = join(dir, ".report.sarif.journeymap-1.tmp");
      // A child in the middle of a slow write: its temporary file exists and is tracked.
      const script = `
        import { trackTemporary } from ${JSON.stringify(module)};
        import { writeFileSync } from "node:fs";
        writeFileSync(${JSON.stringify(temporary)}, "half a report");
        trackTemporary(${JSON.stringify(temporary)});
        console.log("writing");
        setInterval(() => {}, 1000);
      `;
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      expect(readdirSync(dir)).toEqual([".report.sarif.journeymap-1.tmp"]);
      child.kill(signal);
      const ended = await new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, s) => resolve(s)));
      expect(ended).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
