// Issue 14 (speed toward the floor): one small map against `node -e ''`, the loader against yaml's own
// parseDocument, a folder of 10,000 small maps, and render --watch's answer to a save. Each figure is
// a median with its run-to-run spread; a figure that misses its goal by more than the spread fails
// the bench (bench/run.mjs exits 1).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { generateMap } from "./generate.mjs";
import { BIN, goalRow, medianAndSpread, ms, peakMemoryMb, ratio, timeProcess, timeRounds } from "./lib.mjs";

/** Every child runs without NODE_EXTRA_CA_CERTS: with it, each Node process spends ~38 ms reading
 * certificates, which would hide the ratios (the issue measures without it). */
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

export async function run({ work }) {
  const folder = join(work, "speed");
  mkdirSync(folder, { recursive: true });
  return [...startUp(folder), ...(await bigMap()), ...lintFolder(folder), ...(await watchAnswer(folder))];
}

/** validate, lint and render svg of one small map, each against node -e '' in the same rounds. */
export function startUp(folder) {
  const onePage = join(folder, "one.journey.yaml");
  writeFileSync(onePage, generateMap({ touchpoints: 12 }));
  const commands = {
    validate: [BIN, "validate", onePage],
    lint: [BIN, "lint", onePage],
    "render --format svg": [BIN, "render", onePage, "--format", "svg", "-o", join(folder, "one.svg")],
  };
  const node = [process.execPath, ["-e", ""], { env }];
  const [baseline, ...times] = timeRounds(
    [node, ...Object.values(commands).map((args) => [process.execPath, args, { env }])],
    { runs: 15 },
  );
  const rows = [
    {
      issue: 14,
      measure: "node -e '' (interleaved with the three below, median of 15)",
      value: ms(medianAndSpread(baseline).median),
      target: "",
    },
  ];
  Object.keys(commands).forEach((name, c) => {
    const ratios = times[c].map((time, round) => time / baseline[round]);
    const { median, spread } = medianAndSpread(ratios);
    rows.push(
      goalRow({
        issue: 14,
        measure: `${name} one small map, whole process (${ms(medianAndSpread(times[c]).median)})`,
        median,
        spread,
        goal: 2,
        shown: (value) => ratio(value),
        target: "≤ 2.0 × node -e ''",
      }),
    );
  });
  return rows;
}

/** loadJourney (decode, YAML, positions, schema) against yaml's parseDocument of the same text, in
 * alternate rounds in this process. */
export async function bigMap() {
  const { parseDocument } = await import("yaml");
  const { loadJourney } = await import("../dist/journey/load.js");
  const text = generateMap({ touchpoints: 10_000, personas: 3 });
  const bytes = new TextEncoder().encode(text);
  const time = (fn) => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const load = () => {
    const loaded = loadJourney(bytes, { file: "big.journey.yaml" });
    if (!loaded.journey) throw new Error(`the bench map does not validate: ${loaded.diagnostics[0]?.message}`);
  };
  const yaml = () => parseDocument(text);
  load();
  yaml();
  const ratios = [];
  const loads = [];
  const yamls = [];
  for (let round = 0; round < 7; round++) {
    const ours = time(load);
    const theirs = time(yaml);
    loads.push(ours);
    yamls.push(theirs);
    ratios.push(ours / theirs);
  }
  const { median, spread } = medianAndSpread(ratios);
  return [
    goalRow({
      issue: 14,
      measure: `validate a 10,000-touchpoint map (${(text.length / 1e6).toFixed(1)} MB), in process: ${ms(medianAndSpread(loads).median)} vs parseDocument ${ms(medianAndSpread(yamls).median)}`,
      median,
      spread,
      goal: 1,
      shown: (value) => ratio(value),
      target: "≤ 1.0 × yaml parseDocument",
    }),
  ];
}

/** journeymap lint over a folder of 10,000 small maps, whole process, and its peak memory. */
export function lintFolder(folder) {
  const corpus = join(folder, "corpus");
  mkdirSync(join(corpus, ".git"), { recursive: true }); // the configuration search stops here
  const count = 10_000;
  for (let i = 0; i < count; i++) {
    const team = join(corpus, `team-${i % 50}`);
    if (i < 50) mkdirSync(team, { recursive: true });
    writeFileSync(
      join(team, `map-${i}.journey.yaml`),
      generateMap({ touchpoints: 10 + (i % 10), personas: 1 + (i % 3), title: `Map ${i}` }),
    );
  }
  const args = [BIN, "lint", corpus];
  const runs = [1, 2, 3].map(() => timeProcess(process.execPath, args, { runs: 1, warmup: false, env }) / count);
  const { median, spread } = medianAndSpread(runs);
  const memory = peakMemoryMb(args);
  return [
    goalRow({
      issue: 14,
      measure: `lint a folder of ${count.toLocaleString("en-US")} small maps, whole process (${availableParallelism()} cores)`,
      median,
      spread,
      goal: 0.8,
      shown: (value) => `${value.toFixed(3)} ms per map`,
      target: "≤ 0.8 ms per map",
    }),
    goalRow({
      issue: 14,
      measure: "  its peak memory (resident)",
      median: memory,
      spread: 0,
      goal: 150,
      shown: (value) => `${Math.round(value)} MB`,
      target: "< 150 MB",
    }),
  ];
}

/** render --watch: from a saved edit (the map written in place, as an editor saves) to the new
 * picture written, median over 20 saves spaced past the quiet period. */
export async function watchAnswer(folder) {
  const map = join(folder, "watched.journey.yaml");
  const output = join(folder, "watched-out");
  mkdirSync(output, { recursive: true });
  const picture = join(output, "watched.svg");
  const version = (n) => generateMap({ touchpoints: 12, title: `Watched edit ${n}` });
  writeFileSync(map, version(0));
  const child = spawn(process.execPath, [BIN, "render", map, "--format", "svg", "-o", picture, "--watch"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    await new Promise((resolve, reject) => {
      let said = "";
      child.stderr.on("data", (chunk) => {
        said += chunk;
        if (said.includes("watching")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`render --watch exited ${code}: ${said}`)));
    });
    const answers = [];
    for (let n = 1; n <= 22; n++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const expected = `Watched edit ${n}<`;
      const answered = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no new picture 5 s after edit ${n}`)), 5000);
        const watcher = watch(output, () => {
          let text;
          try {
            text = readFileSync(picture, "utf8");
          } catch {
            return; // between the temporary file and its rename
          }
          if (!text.includes(expected)) return;
          clearTimeout(timer);
          watcher.close();
          resolve(process.hrtime.bigint());
        });
      });
      const saved = process.hrtime.bigint();
      writeFileSync(map, version(n));
      const done = await answered;
      if (n > 2) answers.push(Number(done - saved) / 1e6); // the first two warm the process up
    }
    const { median, spread } = medianAndSpread(answers);
    return [
      goalRow({
        issue: 14,
        measure: "render --watch: saved edit to new picture written (median of 20 saves)",
        median,
        spread,
        goal: 15,
        shown: ms,
        target: "≤ 15 ms",
      }),
    ];
  } finally {
    child.kill("SIGTERM");
  }
}
