// Issue 19: writing many files into one folder is linear. The site of 2,000 small maps (4,002 files in one
// folder) used to read the folder and join every input path for each file written: quadratic, 70 s (17 s
// of CPU) on a loaded 2-core machine, 4.4 minutes for 5,000 maps. Each folder is now read once and the
// inputs resolved once, into sets: 11 to 30 s there, of which 3 to 7 s of CPU, the rest waiting for the
// disk. Measured in a child process running the built CLI: its wall time, and its CPU time (which the
// disk and other processes disturb less), each with a generous bound that TIME_SLACK loosens.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";

const MAPS = 2000;
const SLACK = Number(process.env.TIME_SLACK ?? 2);
const WALL_MS = 30_000 * SLACK;
const CPU_MS = 6_000 * SLACK;
/** Loaded first in the child: prints its CPU time (user and system) as it exits. */
const CPU_AT_EXIT = `process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write("cpu-ms " + Math.round((user + system) / 1000) + "\\n");
});
`;

const folder = mkdtempSync(join(tmpdir(), "journeymap-many-files-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a docs site of many maps", () => {
  it(`${MAPS} maps: every page, picture and the index written within ${WALL_MS / 1000} s (${CPU_MS / 1000} s of CPU)`, () => {
    mkdirSync(join(folder, ".git"));
    writeFileSync(join(folder, "cpu-at-exit.cjs"), CPU_AT_EXIT);
    mkdirSync(join(folder, "maps"));
    for (let n = 0; n < MAPS; n++) {
      writeFileSync(
        join(folder, "maps", `map-${n}.journey.yaml`),
        `journeymap: 1\ntitle: Map ${n}\npersonas:\n  - id: p\n    name: P\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        emotion: {p: 3}\n`,
      );
    }
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.NODE_EXTRA_CA_CERTS;
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=500",
        "--require",
        join(folder, "cpu-at-exit.cjs"),
        BIN,
        "render",
        "maps",
        "--format",
        "markdown",
        "--output",
        "site/",
      ],
      { cwd: folder, env, encoding: "utf8", timeout: 3 * WALL_MS },
    );
    const elapsed = performance.now() - started;
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    expect(readdirSync(join(folder, "site")).length).toBe(2 * MAPS + 2);
    const cpu = Number(/^cpu-ms (\d+)$/m.exec(run.stderr)?.[1]);
    expect(cpu, `${Math.round(elapsed)} ms, ${cpu} ms of CPU`).toBeLessThan(CPU_MS);
    expect(elapsed, `${Math.round(elapsed)} ms, ${cpu} ms of CPU`).toBeLessThan(WALL_MS);
  }, 200_000);
});
