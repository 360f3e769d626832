// Compares two versions of a map with the built package, as `journeymap diff` does (both versions
// linted for the text outputs), in a child process with a capped heap (see diff-hostile.test.ts), and writes each output
// named on the command line to OUT.<format>. Prints what each step cost (wall and CPU ms), the outputs'
// sizes and the peak RSS as JSON.
import { readFileSync, writeFileSync } from "node:fs";
import { diffFormats, diffJourneys, loadJourney } from "../../dist/index.js";

const [oldFile, newFile, out, ...formats] = process.argv.slice(2);
const steps = {};
const cpu = {};
const sizes = {};
let peak = process.memoryUsage().rss;
const step = async (name, run) => {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const value = await run();
  steps[name] = Math.round(performance.now() - started);
  const used = process.cpuUsage(startedCpu);
  cpu[name] = Math.round((used.user + used.system) / 1000);
  peak = Math.max(peak, process.memoryUsage().rss);
  return value;
};
const before = await step("load old", () => loadJourney(readFileSync(oldFile), { file: "old.journey.yaml" }));
const after = await step("load new", () => loadJourney(readFileSync(newFile), { file: "new.journey.yaml" }));
// The picture shows no findings: the CLI lints both versions for the text outputs only.
const lint = formats.some((format) => diffFormats[format].kind === "text") ? {} : false;
const diff = await step("diff", () => diffJourneys(before, after, { lint }));
for (const format of formats) {
  const entry = diffFormats[format];
  const output = await step(format, () =>
    entry.kind === "text"
      ? entry.formatter([diff], { color: false })
      : entry.draw({ diff, old: before.journey, new: after.journey }, { color: false, scale: 1 }),
  );
  sizes[format] = output.length;
  writeFileSync(`${out}.${format}`, output);
}
process.stdout.write(JSON.stringify({ steps, cpu, sizes, peakRss: Math.round(peak / 2 ** 20) }));
