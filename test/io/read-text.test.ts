// Bounded reads: real files, a real FIFO, devices and standard input, with the size limit.
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatSize, parseSize, readFileBytes, readStdinBounded, readTextFile } from "../../src/io/read-text.js";

const dir = mkdtempSync(join(tmpdir(), "journeymap-read-"));

describe("readFileBytes / readTextFile", () => {
  it("reads a regular file, and a symlink to one", () => {
    writeFileSync(join(dir, "map.journey.yaml"), "title: Café\n");
    symlinkSync(join(dir, "map.journey.yaml"), join(dir, "link.journey.yaml"));
    expect(readTextFile(join(dir, "map.journey.yaml"))).toBe("title: Café\n");
    expect(readTextFile(join(dir, "link.journey.yaml"))).toBe("title: Café\n");
  });

  it("refuses a file above the limit before reading it, naming both sizes", () => {
    writeFileSync(join(dir, "big.journey.yaml"), "x".repeat(2048));
    expect(() =>
      readFileBytes(join(dir, "big.journey.yaml"), { maxBytes: 1024, shown: "big.journey.yaml", what: "map" }),
    ).toThrow(
      'cannot read map "big.journey.yaml": it is 2 KB, more than the 1 KB limit (raise it with --max-file-size)',
    );
    expect(readFileBytes(join(dir, "big.journey.yaml"), { maxBytes: 2048 }).length).toBe(2048);
  });

  it("refuses a FIFO at once, without waiting for a writer", () => {
    const fifo = join(dir, "pipe.journey.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const started = Date.now();
    expect(() => readFileBytes(fifo, { shown: "pipe.journey.yaml", what: "map" })).toThrow(
      'cannot read map "pipe.journey.yaml": it is a FIFO (named pipe), not a regular file',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses devices and folders, and says when a file is missing", () => {
    expect(() => readFileBytes("/dev/zero")).toThrow(
      'cannot read file "/dev/zero": it is a device, not a regular file',
    );
    expect(() => readFileBytes("/dev/null")).toThrow(
      'cannot read file "/dev/null": it is a device, not a regular file',
    );
    expect(() => readFileBytes(dir, { shown: "maps", what: "map" })).toThrow('cannot read map "maps": it is a folder');
    expect(() => readFileBytes(join(dir, "none.yaml"), { shown: "none.yaml", what: "the configuration" })).toThrow(
      'cannot read the configuration "none.yaml": no such file',
    );
  });
});

describe("readStdinBounded", () => {
  it("reads a stream up to the limit", async () => {
    const bytes = await readStdinBounded({
      stream: Readable.from([Buffer.from("ab"), Buffer.from("cd")]),
      maxBytes: 4,
    });
    expect(Buffer.from(bytes).toString()).toBe("abcd");
  });

  it("stops an endless stream at the limit with a message", async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(readStdinBounded({ stream: endless, maxBytes: 10 * 1024 })).rejects.toThrow(
      "cannot read standard input: it is more than the 10 KB limit (raise it with --max-file-size)",
    );
    expect(pulled).toBeLessThan(20);
    expect(endless.destroyed).toBe(true);
  });
});

describe("sizes", () => {
  it("parses --max-file-size with or without a unit and refuses anything else", () => {
    expect(parseSize("32MB")).toBe(32 * 1024 * 1024);
    expect(parseSize("512kb")).toBe(512 * 1024);
    expect(parseSize("1000")).toBe(1000);
    expect(parseSize("1G")).toBe(1024 ** 3);
    for (const bad of ["", "0", "-1", "12 parsecs", "1e9", "__proto__"])
      expect(() => parseSize(bad)).toThrow(
        `--max-file-size needs a size such as 32MB, 512KB or 1000000 (got "${bad}")`,
      );
  });

  it("prints sizes as a person reads them", () => {
    expect([
      formatSize(16 * 1024 * 1024),
      formatSize(20_000_000),
      formatSize(4096),
      formatSize(1567),
      formatSize(100),
    ]).toEqual(["16 MB", "19.1 MB", "4 KB", "1.5 KB", "100 bytes"]);
  });
});
