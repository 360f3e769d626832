// Issue 21 (long runs): 200 maps to PNG in one process (rasterized on worker threads): its wall and
// CPU time, and its peak memory over every thread.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { BIN, ms, timeNodeProcess } from "./lib.mjs";
import { generateRepository } from "./generate.mjs";

export async function run({ work }) {
  const folder = join(work, "png-200");
  const { shared, maps } = generateRepository(200);
  mkdirSync(join(folder, ".git"), { recursive: true });
  writeFileSync(join(folder, "journeymap.shared.yaml"), shared);
  for (const { path, text } of maps) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const { wall, cpu, peakMb } = timeNodeProcess(
    [BIN, "render", folder, "--format", "png", "-o", join(work, "png-200-out")],
    {
      runs: 5,
    },
  );
  return [
    {
      issue: 21,
      measure: `200 maps to PNG (scale 2), whole process, ${availableParallelism()} cores`,
      value: `${ms(wall)} (CPU ${ms(cpu)})`,
      target: "≤ 10000 ms",
      ok: wall <= 10_000,
    },
    {
      issue: 21,
      measure: "200 maps to PNG: peak memory (every thread)",
      value: `${peakMb.toFixed(0)} MB`,
      target: "≤ 500 MB",
      ok: peakMb <= 500,
    },
  ];
}
