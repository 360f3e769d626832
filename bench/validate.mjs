// Issue 2 (foundation): validate's whole-process time against node -e '', corpus and big-map speed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, ms, peakMemoryMb, ratio, timeInProcess, timeProcess } from "./lib.mjs";
import { generateMap, generateMapOfSize } from "./generate.mjs";

export async function run({ baseline, work }) {
  const rows = [];
  const onePage = join(work, "one-page.journey.yaml");
  writeFileSync(onePage, generateMap({ touchpoints: 12 }));
  const validateMs = timeProcess(process.execPath, [BIN, "validate", onePage], { runs: 15 });
  rows.push({
    issue: 2,
    measure: "validate one map, whole process",
    value: `${ms(validateMs)} = ${ratio(validateMs / baseline)} node`,
    target: "≤ 2.5 × node -e ''",
    ok: validateMs / baseline <= 2.5,
  });

  const { loadJourney } = await import("../dist/journey/load.js");
  const corpus = Array.from({ length: 1000 }, (_, i) => generateMap({ touchpoints: 10 + (i % 10), title: `Map ${i}` }));
  const corpusMs = await timeInProcess(
    () => corpus.forEach((text, i) => loadJourney(text, { file: `map-${i}.journey.yaml` })),
    { runs: 3, warmup: 1 },
  );
  rows.push({
    issue: 2,
    measure: "in-process validation, 1,000 maps",
    value: `${ms(corpusMs / 1000)} per map`,
    target: "≤ 5 ms per map",
    ok: corpusMs / 1000 <= 5,
  });

  const big = join(work, "big.journey.yaml");
  writeFileSync(big, generateMapOfSize(5 * 1024 * 1024));
  const bigMs = timeProcess(process.execPath, [BIN, "validate", big], { runs: 3 });
  const memory = peakMemoryMb([BIN, "validate", big]);
  rows.push({
    issue: 2,
    measure: "validate a 5 MB map, whole process",
    value: ms(bigMs),
    target: "≤ 3000 ms",
    ok: bigMs <= 3000,
  });
  rows.push({
    issue: 2,
    measure: "validate a 5 MB map, peak memory",
    value: `${Math.round(memory)} MB`,
    target: "≤ 500 MB",
    ok: memory <= 500,
  });
  return rows;
}
