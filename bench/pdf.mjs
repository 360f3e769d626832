// Issue 23 (PDF without a browser): a small map's PDF printed natively (pdfkit) and through Chrome
// (--engine chrome), whole process, side by side round by round (median of 5): the goal is ≥ 10×.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, goalRow, medianAndSpread, ms, timeRounds } from "./lib.mjs";
import { generateMap } from "./generate.mjs";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) =>
  existsSync(path),
);

export async function run({ work }) {
  const map = join(work, "pdf-small.journey.yaml");
  writeFileSync(map, generateMap({ touchpoints: 8, title: "PDF bench" }));
  // Extra CA certificates cost every Node start a few ms; a user's shell has none.
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const native = [process.execPath, [BIN, "render", map, "-o", join(work, "native.pdf")], { env }];
  if (!CHROMIUM) {
    const [times] = timeRounds([native], { runs: 5 });
    const { median } = medianAndSpread(times);
    return [{ issue: 23, measure: "PDF of a small map, native (no Chrome to compare)", value: ms(median), target: "" }];
  }
  const chrome = [
    process.execPath,
    [BIN, "render", map, "-o", join(work, "chrome.pdf"), "--engine", "chrome", "--browser", CHROMIUM],
    { env },
  ];
  const [nativeTimes, chromeTimes] = timeRounds([native, chrome], { runs: 5 });
  const ratios = chromeTimes.map((time, round) => time / nativeTimes[round]);
  const speedup = medianAndSpread(ratios);
  return [
    {
      issue: 23,
      measure: "PDF of a small map, native (pdfkit), whole process",
      value: ms(medianAndSpread(nativeTimes).median),
      target: "",
    },
    {
      issue: 23,
      measure: "PDF of a small map, --engine chrome, whole process",
      value: ms(medianAndSpread(chromeTimes).median),
      target: "",
    },
    goalRow({
      issue: 23,
      measure: "PDF native against Chrome, same map, per round (median of 5)",
      median: speedup.median,
      spread: speedup.spread,
      goal: 10,
      atLeast: true,
      shown: (value) => `${value.toFixed(1)} ×`,
      target: "≥ 10 × faster",
    }),
  ];
}
