// Issue 3 (lint): start-up cost of one lint, a 1,000-map folder in one process, and big maps
// (linear in touchpoints: the 10,000-touchpoint map must lint in under 2 s).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, ms, ratio, timeInProcess, timeProcess } from "./lib.mjs";
import { generateMap } from "./generate.mjs";

export async function run({ baseline, work }) {
  const rows = [];
  const folder = join(work, "lint");
  mkdirSync(folder, { recursive: true });

  const onePage = join(folder, "one.journey.yaml");
  writeFileSync(onePage, generateMap({ touchpoints: 12 }));
  const oneMs = timeProcess(process.execPath, [BIN, "lint", onePage], { runs: 15 });
  rows.push({
    issue: 3,
    measure: "lint one map, whole process",
    value: `${ms(oneMs)} = ${ratio(oneMs / baseline)} node`,
    target: "≤ 3 × node -e ''",
    ok: oneMs / baseline <= 3,
  });

  const { lintJourney } = await import("../dist/lint/engine.js");
  const corpus = Array.from({ length: 1000 }, (_, i) =>
    generateMap({ touchpoints: 10 + (i % 10), personas: 1 + (i % 3), title: `Map ${i}` }),
  );
  const corpusMs = await timeInProcess(
    () => corpus.forEach((text, i) => lintJourney(text, {}, { file: `map-${i}.journey.yaml` })),
    { runs: 3, warmup: 1 },
  );
  rows.push({
    issue: 3,
    measure: "lint 1,000 maps in one process (API)",
    value: `${ms(corpusMs / 1000)} per map`,
    target: "≤ 10 ms per map",
    ok: corpusMs / 1000 <= 10,
  });

  const corpusFolder = join(folder, "corpus");
  mkdirSync(join(corpusFolder, ".git"), { recursive: true }); // the config search stops here
  corpus.forEach((text, i) => {
    const sub = join(corpusFolder, `team-${i % 20}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `map-${i}.journey.yaml`), text);
  });
  const folderMs = timeProcess(process.execPath, [BIN, "lint", corpusFolder, "--format", "json"], { runs: 3 });
  rows.push({
    issue: 3,
    measure: "journeymap lint <folder of 1,000 maps>, one process",
    value: `${ms(folderMs)} = ${ms(folderMs / 1000)} per map`,
    target: "≤ 10 ms per map",
    ok: folderMs / 1000 <= 10,
  });

  // Whole process (load + validate + rules) against the issue's target, and the rules alone, which
  // show that lint adds little to loading and grows linearly with the touchpoints.
  const { loadJourney } = await import("../dist/journey/load.js");
  const { lintLoaded } = await import("../dist/lint/engine.js");
  const { resolveConfig } = await import("../dist/lint/config.js");
  const defaults = resolveConfig();
  for (const touchpoints of [1000, 10000]) {
    const text = generateMap({ touchpoints, personas: 3 });
    const loaded = loadJourney(text, { file: "big.journey.yaml" });
    const rulesMs = await timeInProcess(() => lintLoaded(loaded, defaults), { runs: 5, warmup: 2 });
    const file = join(folder, `big-${touchpoints}.journey.yaml`);
    writeFileSync(file, text);
    const whole = timeProcess(process.execPath, [BIN, "lint", file, "--format", "json"], { runs: 3 });
    const label = touchpoints.toLocaleString("en-US");
    rows.push({
      issue: 3,
      measure: `lint a ${label}-touchpoint map (${(text.length / 1e6).toFixed(1)} MB), whole process`,
      value: ms(whole),
      target: "≤ 2000 ms",
      ok: whole <= 2000,
    });
    rows.push({
      issue: 3,
      measure: "  of which the rules and suppressions (in process)",
      value: ms(rulesMs),
      target: "linear",
      ok: undefined,
    });
    if (touchpoints === 10000) {
      // For comparison: loading and validating the same map, without the rules.
      const validateMs = timeProcess(process.execPath, [BIN, "validate", file, "--format", "json"], { runs: 3 });
      rows.push({
        issue: 3,
        measure: "  (validate of the same map, whole process)",
        value: ms(validateMs),
        target: "",
        ok: undefined,
      });
    }
  }
  return rows;
}
