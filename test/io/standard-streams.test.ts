// Standard output and error as the CLI writes them (src/io/standard-streams.ts): straight to the file
// descriptor, whatever it is — a pipe whose reader is slow, a non-blocking pipe that fills up, a file,
// a closed descriptor, a terminal — with every byte in order, the exit code kept, and colours only
// on a terminal.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "../helpers/cli.js";

let dir: string;
let map: string;
/** The json report of a map with 600 touchpoints without owners: hundreds of kilobytes, many times what a
 * pipe holds. */
let expected: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "journeymap-streams-"));
  map = join(dir, "big.journey.yaml");
  const touchpoints = Array.from({ length: 600 }, (_, i) => `      - { id: t${i}, name: Touchpoint ${i} }`);
  writeFileSync(
    map,
    `journeymap: 1\ntitle: Big\nstages:\n  - id: s\n    name: S\n    touchpoints:\n${touchpoints.join("\n")}\n`,
  );
  const run = runCli(["lint", map, "--format", "json"]);
  expect(run.code).toBe(1);
  expected = run.stdout;
  expect(expected.length).toBeGreaterThan(200_000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const node = JSON.stringify(process.execPath);
const bin = JSON.stringify(BIN);

describe("standard output", () => {
  it("a non-blocking pipe that fills up while its reader waits: every byte arrives, in order", () => {
    // Python opens the pipe non-blocking (as some CI runners hand it over), starts journeymap on it, and
    // reads only after a pause, so the writes meet a full pipe (EAGAIN) and must wait for the reader.
    const script = [
      "import fcntl, os, subprocess, sys, time",
      "r, w = os.pipe()",
      "fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)",
      "child = subprocess.Popen(sys.argv[1:], stdout=w, env={**os.environ, 'NO_COLOR': '1'})",
      "os.close(w)",
      "time.sleep(0.5)",
      "chunks = []",
      "while True:",
      "    chunk = os.read(r, 65536)",
      "    if not chunk: break",
      "    chunks.append(chunk)",
      "sys.stdout.buffer.write(b''.join(chunks))",
      "sys.exit(child.wait())",
    ].join("\n");
    const run = spawnSync("python3", ["-c", script, process.execPath, BIN, "lint", map, "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) {
      if (process.env.CI === "true") throw run.error; // .ci/run has python3: a missing one is a broken CI
      return console.warn("⚠ skipped: python3 is not available to hand over a non-blocking pipe");
    }
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(expected);
  });

  it("a file: the same bytes as through a pipe", () => {
    const file = join(dir, "report.json");
    const run = spawnSync(
      "sh",
      ["-c", `${node} ${bin} lint ${JSON.stringify(map)} --format json > ${JSON.stringify(file)}`],
      {
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    expect(run.status).toBe(1);
    expect(readFileSync(file, "utf8")).toBe(expected);
  });

  it("closed before the run: the report is dropped, the exit code still tells", () => {
    const run = spawnSync("sh", ["-c", `${node} ${bin} lint ${JSON.stringify(map)} >&-`], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
  });

  it("a terminal gets colours; a pipe does not", () => {
    // `script` runs the CLI with a pseudo-terminal as its output.
    const command = `${node} ${bin} lint docs/examples/hotel.journey.yaml`;
    const run = spawnSync("script", ["-qefc", command, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "" },
    });
    if (run.error) {
      if (process.env.CI === "true") throw run.error;
      return console.warn("⚠ skipped: the `script` command is not available to provide a terminal");
    }
    expect(run.stdout).toContain("unused-team");
    expect(run.stdout).toMatch(/\u001b\[\d+m/);
    const piped = runCli(["lint", "docs/examples/hotel.journey.yaml"], { env: { NO_COLOR: undefined } });
    expect(piped.stdout).toContain("unused-team");
    expect(piped.stdout).not.toContain("\u001b");
  });
});
