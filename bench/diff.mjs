// Issue 12 (diff): two 1,000-touchpoint maps compared in process (≤ 100 ms), and `diff --base` over 100
// changed map files in a git repository as a whole process (≤ 3 s). Run alone: node bench/diff.mjs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BIN, ms, printTable, timeInProcess, timeProcess } from "./lib.mjs";
import { generateMap } from "./generate.mjs";

/** The new version of a generated map: every 10th touchpoint's first emotion one lower, every 25th
 * touchpoint renamed, every 50th with a new pain point. */
function changed(text) {
  let n = 0;
  return text.replace(
    / {8}name: Touchpoint (\d+) where[^\n]*\n([\s\S]*?)(?=\n {6}- id:|\n {2}- id:|\n$)/g,
    (block, id) => {
      n++;
      let next = block;
      if (n % 10 === 0) next = next.replace(/persona-1: (\d)/, (_, s) => `persona-1: ${Math.max(1, Number(s) - 1)}`);
      if (n % 25 === 0) next = next.replace(`Touchpoint ${id} where`, `Touchpoint ${id}, renamed, where`);
      if (n % 50 === 0) next = next.replace("painPoints: [Waits too long]", "painPoints: [Waits too long, Gets lost]");
      return next;
    },
  );
}

export async function run() {
  const rows = [];
  const { loadJourney } = await import("../dist/journey/load.js");
  const { diffJourneys, diffFormats } = await import("../dist/diff/index.js");
  const before = generateMap({ touchpoints: 1000, personas: 2 });
  const after = changed(before);
  const oldMap = loadJourney(before, { file: "old.journey.yaml" });
  const newMap = loadJourney(after, { file: "new.journey.yaml" });
  const diff = diffJourneys(oldMap, newMap);
  if (diff.touchpoints.changed.length < 100)
    throw new Error(`the benchmark's maps differ too little: ${diff.touchpoints.changed.length}`);
  const withLint = await timeInProcess(() => diffJourneys(oldMap, newMap), { runs: 10 });
  rows.push({
    issue: 12,
    measure: `diff two 1,000-touchpoint maps, in process, with lint (${diff.touchpoints.changed.length} changed)`,
    value: ms(withLint),
    target: "≤ 100 ms",
    ok: withLint <= 100,
  });
  const structure = await timeInProcess(() => diffJourneys(oldMap, newMap, { lint: false }), { runs: 10 });
  rows.push({
    issue: 12,
    measure: "  the same without lint (matching and comparing only)",
    value: ms(structure),
    target: "",
  });

  // The picture of that change (diff --format svg): no target of its own; the plain picture's is in svg.mjs.
  const compared = { diff, old: oldMap.journey, new: newMap.journey };
  const picture = await timeInProcess(() => diffFormats.svg.draw(compared, { color: false }), { runs: 5, warmup: 1 });
  rows.push({ issue: 12, measure: "  its picture (--format svg), in process", value: ms(picture), target: "" });

  const repo = mkdtempSync(join(tmpdir(), "journeymap-bench-diff-"));
  try {
    const env = {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "bench",
      GIT_AUTHOR_EMAIL: "bench@example.com",
      GIT_COMMITTER_NAME: "bench",
      GIT_COMMITTER_EMAIL: "bench@example.com",
    };
    const git = (...args) => {
      const result = spawnSync("git", args, { cwd: repo, env, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    };
    git("init", "-q", "-b", "main");
    mkdirSync(join(repo, "maps"));
    const maps = Array.from({ length: 100 }, (_, i) =>
      generateMap({ touchpoints: 10 + (i % 10), personas: 1 + (i % 3), title: `Map ${i}` }),
    );
    maps.forEach((text, i) => writeFileSync(join(repo, "maps", `map-${i}.journey.yaml`), text));
    git("add", "-A");
    git("commit", "-q", "-m", "maps");
    maps.forEach((text, i) => writeFileSync(join(repo, "maps", `map-${i}.journey.yaml`), changed(text)));
    git("commit", "-qam", "change");
    const baseMs = timeProcess(process.execPath, [BIN, "diff", "--base", "HEAD~1", "--head", "HEAD"], {
      cwd: repo,
      runs: 3,
    });
    // The machine may be shared: the process's own CPU time says what the wall time would be on an idle one.
    const cpu = spawnSync(
      process.execPath,
      [
        "--import",
        "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('cpu '+(u.userCPUTime+u.systemCPUTime)/1000+'\\n')})",
        BIN,
        "diff",
        "--base",
        "HEAD~1",
        "--head",
        "HEAD",
      ],
      { cwd: repo, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] },
    );
    const cpuMs = Number(/cpu ([\d.]+)/.exec(cpu.stderr)?.[1]);
    rows.push({ issue: 12, measure: "  its CPU time (user + system, node only)", value: ms(cpuMs), target: "" });
    rows.splice(rows.length - 1, 0, {
      issue: 12,
      measure: "diff --base over 100 changed maps (10-19 touchpoints, as lint's corpus), whole process",
      value: ms(baseMs),
      target: "≤ 3 s",
      ok: baseMs <= 3000,
    });
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) printTable(await run());
