// Benchmark helpers: whole-process timing (median of several runs), in-process timing, and a table.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = fileURLToPath(new URL("../bin/journeymap.js", import.meta.url));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median wall time in ms of running a command `runs` times (after one warm-up run). */
export function timeProcess(command, args, { runs = 10, cwd = ROOT, env = process.env, input, warmup = true } = {}) {
  const once = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, {
      cwd,
      env,
      input,
      stdio: [input === undefined ? "ignore" : "pipe", "ignore", "pipe"],
    });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    }
    return elapsed;
  };
  if (warmup) once();
  return runs > 0 ? median(Array.from({ length: runs }, once)) : 0;
}

/** Median wall times in ms of several commands, run in turn (A, B, A, B, ...) so that both see the
 * same machine load: the fair way to compare two programs on a noisy machine. */
export function timeInterleaved(commands, { runs = 5 } = {}) {
  const times = commands.map(() => []);
  for (const [command, args, options] of commands) timeProcess(command, args, { ...options, runs: 0 }); // warm-up
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, args, options], c) =>
      times[c].push(timeProcess(command, args, { ...options, runs: 1, warmup: false })),
    );
  }
  return times.map(median);
}

/** Median wall time in ms of the node baseline, `node -e ''`. */
export function nodeBaseline(runs = 10) {
  return timeProcess(process.execPath, ["-e", ""], { runs });
}

/** Peak resident memory in MB of a node process running `args`. */
export function peakMemoryMb(args, { cwd = ROOT } = {}) {
  const preload = new URL("./report-rss.mjs", import.meta.url).href;
  const result = spawnSync(process.execPath, ["--import", preload, ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe"],
  });
  const match = /maxRSS (\d+)/.exec(result.stderr);
  if (!match) throw new Error(`no memory figure from ${args.join(" ")}: ${result.stderr}`);
  return Number(match[1]) / 1024;
}

/** A node process running `args`, `runs` times after a warm-up: the median wall time and CPU time
 * (user plus system) in ms, and the largest peak resident memory in MB. */
export function timeNodeProcess(args, { runs = 5, cwd = ROOT } = {}) {
  const preload = new URL("./report-rss.mjs", import.meta.url).href;
  const once = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["--import", preload, ...args], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const rss = /maxRSS (\d+)/.exec(result.stderr);
    const cpu = /cpuMs (\d+)/.exec(result.stderr);
    if ((result.status !== 0 && result.status !== 1) || !rss || !cpu)
      throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return { wall, cpu: Number(cpu[1]), peakMb: Number(rss[1]) / 1024 };
  };
  once();
  const measured = Array.from({ length: runs }, once);
  return {
    wall: median(measured.map((run) => run.wall)),
    cpu: median(measured.map((run) => run.cpu)),
    peakMb: Math.max(...measured.map((run) => run.peakMb)),
  };
}

/** Median time in ms of an in-process function (after warm-up runs). */
export async function timeInProcess(fn, { runs = 10, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
export const ratio = (value) => `${value.toFixed(2)} ×`;

/** Prints rows { issue, measure, value, target, ok } as an aligned table. */
export function printTable(rows) {
  const header = { issue: "issue", measure: "measure", value: "value", target: "target", ok: "ok" };
  const okText = (row) => (row.ok === undefined ? "" : row.ok ? "yes" : row.failed ? "NO (beyond the spread)" : "NO");
  const shown = [header, ...rows.map((row) => ({ ...row, ok: okText(row) }))];
  const widths = Object.fromEntries(
    Object.keys(header).map((key) => [key, Math.max(...shown.map((row) => String(row[key]).length))]),
  );
  for (const row of shown) {
    console.log(
      Object.keys(header)
        .map((key) => String(row[key]).padEnd(widths[key]))
        .join("  "),
    );
  }
}

/** The median of `values` and their spread: half the interquartile range, a run-to-run noise
 * figure that one slow outlier does not inflate. */
export function medianAndSpread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    return sorted[low] + (sorted[Math.ceil(position)] - sorted[low]) * (position - low);
  };
  return { median: median(sorted), spread: (at(0.75) - at(0.25)) / 2 };
}

/** Whole-process wall times of several commands, interleaved round by round (see timeInterleaved);
 * returns each command's list of times, so callers can form per-round ratios. */
export function timeRounds(commands, { runs = 10 } = {}) {
  const times = commands.map(() => []);
  for (const [command, args, options] of commands) timeProcess(command, args, { ...options, runs: 0 }); // warm-up
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, args, options], c) =>
      times[c].push(timeProcess(command, args, { ...options, runs: 1, warmup: false })),
    );
  }
  return times;
}

/** A row for a figure with a goal that the bench enforces: `ok` when the median meets the goal, and
 * `failed` (non-zero exit) only when it misses by more than the run-to-run spread. */
export function goalRow({ issue, measure, median, spread, goal, shown, target, atLeast = false }) {
  const missedBy = atLeast ? goal - median : median - goal;
  return {
    issue,
    measure,
    value: `${shown(median)} ± ${shown(spread)}`,
    target,
    ok: missedBy <= 0,
    failed: missedBy > spread,
  };
}
