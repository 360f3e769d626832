// Issue 19's "done when", through the real command line: a map of about 1 MB of every adversarial
// shape goes through validate, lint with every report at once, render to every drawn and text
// format, the docs site of a folder holding it, diff in every format and data pull, each a separate
// process measured by the kernel (wall time, and peak resident memory of the process and its
// children). Each must finish within 3 s (× TIME_SLACK, default 2, on a loaded machine) and 500 MB,
// and exit 0, 1 or 2 with no crash. test/security/adversarial.test.ts measures the library's steps.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialMaps } from "../helpers/adversarial.js";
import { pictureMaps } from "../helpers/adversarial-pictures.js";
import { BIN } from "../helpers/cli.js";

const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const BUDGET_MB = 500;
const work = mkdtempSync(join(tmpdir(), "journeymap-whole-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command and prints its exit code, wall and CPU milliseconds, and its peak RSS (KiB). CPU time
 * (user + system) is what the budget holds: wall time on a shared 2-core machine measures the others. */
const MEASURE = `
import resource, subprocess, sys, time
started = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = (time.monotonic() - started) * 1000
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (usage.ru_utime + usage.ru_stime) * 1000
sys.stdout.write("%d %d %d %d\\n" % (done.returncode, elapsed, cpu, usage.ru_maxrss))
sys.stdout.write(done.stderr.decode("utf-8", "replace")[-2000:])
`;

interface Measured {
  code: number;
  ms: number;
  cpuMs: number;
  mb: number;
  stderr: string;
}

function measure(args: string[], cwd: string): Measured {
  const run = spawnSync("python3", ["-c", MEASURE, process.execPath, BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: BUDGET_MS * 5,
    env: { ...process.env, NO_COLOR: "1", NODE_EXTRA_CA_CERTS: "" },
  });
  if (run.error) throw new Error(`journeymap ${args.join(" ")}: ${run.error.message}`);
  const [head = "", ...rest] = run.stdout.split("\n");
  const [code, ms, cpuMs, kib] = head.split(" ").map(Number);
  return { code: code!, ms: ms!, cpuMs: cpuMs!, mb: Math.round(kib! / 1024), stderr: rest.join("\n") };
}

/** A small valid map, the other side of each diff: every touchpoint of the big map is an addition. */
const SMALL = "journeymap: 1\ntitle: Small\npersonas:\n  - id: p\n    name: P\nstages:\n  - id: s\n    name: S\n";

/** What runs for each shape: a name and the arguments, in the shape's own folder. */
const COMMANDS: [string, string[]][] = [
  ["validate", ["validate", "maps/shape.journey.yaml"]],
  [
    "lint, every report",
    [
      "lint",
      "maps/shape.journey.yaml",
      ...["stylish", "json", "sarif", "github", "junit", "gitlab"].flatMap((f) => ["-f", `${f}=out/report.${f}`]),
    ],
  ],
  ["render svg", ["render", "maps/shape.journey.yaml", "-o", "out/shape.svg"]],
  ["render png", ["render", "maps/shape.journey.yaml", "-o", "out/shape.png"]],
  ["render markdown", ["render", "maps/shape.journey.yaml", "-o", "out/shape.md"]],
  ["render mermaid", ["render", "maps/shape.journey.yaml", "-o", "out/shape.mmd"]],
  ["the site of its folder", ["render", "maps", "--format", "markdown", "-o", "out/site"]],
  ...(["stylish", "json", "markdown", "svg"] as const).map((format): [string, string[]] => [
    `diff ${format}`,
    ["diff", "small.journey.yaml", "maps/shape.journey.yaml", "--format", format, "-o", `out/diff.${format}`],
  ]),
  ["data pull --dry-run", ["data", "pull", "maps", "--dry-run"]],
];

/** Every map shape of the hostile suites (the data shapes, folders of CSV files, have their own). */
const SHAPES: Record<string, (bytes?: number) => string> = { ...adversarialMaps, ...pictureMaps };

describe.each(Object.keys(SHAPES))("the command line on a 1 MB map: %s", (shape) => {
  const folder = join(work, shape.replace(/[^a-z0-9]+/gi, "-"));
  mkdirSync(join(folder, "maps"), { recursive: true });
  mkdirSync(join(folder, "out"));
  writeFileSync(join(folder, "maps/shape.journey.yaml"), SHAPES[shape]!());
  writeFileSync(join(folder, "small.journey.yaml"), SMALL);

  it.each(COMMANDS)("%s", (_, args) => {
    const run = measure(args, folder);
    console.info(
      `${shape}: journeymap ${args.join(" ")}: ${run.cpuMs} ms CPU (${run.ms} ms wall), ${run.mb} MB, exit ${run.code}`,
    );
    expect(run.stderr).not.toMatch(/unexpected error|Maximum call stack|heap out of memory|Invalid string length/);
    expect([0, 1, 2], run.stderr).toContain(run.code);
    expect(run.cpuMs, run.stderr).toBeLessThan(BUDGET_MS);
    expect(run.mb).toBeLessThan(BUDGET_MB);
  });
});
