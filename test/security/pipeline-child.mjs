// Runs one map through validate, lint and the SVG and Markdown renderers of the built package, in a
// child process with a capped heap (see adversarial.test.ts), and prints what each step cost as JSON.
import { readFileSync } from "node:fs";
import { loadJourney, lintJourney, renderMarkdown, renderSvg } from "../../dist/index.js";

const text = readFileSync(process.argv[2], "utf8");
const steps = {};
let peak = process.memoryUsage().rss;
const step = (name, run) => {
  const started = performance.now();
  const value = run();
  steps[name] = Math.round(performance.now() - started);
  peak = Math.max(peak, process.memoryUsage().rss);
  return value;
};
const loaded = step("validate", () => loadJourney(text, { file: "adversarial.journey.yaml" }));
const findings = step("lint", () => lintJourney(loaded));
let svg = 0;
let markdown = 0;
if (loaded.journey) {
  svg = step("svg", () => renderSvg(loaded.journey)).length;
  markdown = step("markdown", () => renderMarkdown(loaded.journey)).length;
}
const refusal = loaded.journey ? undefined : loaded.diagnostics[0]?.message;
process.stdout.write(
  JSON.stringify({ steps, findings: findings.length, svg, markdown, refusal, peakRss: Math.round(peak / 2 ** 20) }),
);
