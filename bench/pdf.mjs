// Issue 23 (PDF without a browser): a small map's PDF printed natively (journeymap's own writer,
// src/render/pdf-direct/) and through Chrome (--engine chrome), whole process, side by side round by
// round (median of 5): the goal is ≥ 10×. In process, the same picture's PDF by the direct writer and
// by pdfkit (the path for text that needs shaping), as medians: what the machine's load does not blur.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BIN, ROOT, goalRow, median, medianAndSpread, ms, timeRounds } from "./lib.mjs";
import { generateMap } from "./generate.mjs";

/** Median ms of `draw()` over `runs` calls, after one call that loads and compiles what it needs. */
async function inProcess(draw, runs) {
  await draw();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await draw();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The small map's picture, printed in this process by each PDF writer. */
async function inProcessRows(map) {
  const svg = spawnSync(process.execPath, [BIN, "render", map, "--format", "svg"], { encoding: "utf8" }).stdout;
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const pages = [{ width: Number(width) * 0.75, height: Number(height) * 0.75, svg }];
  const native = await import(pathToFileURL(join(ROOT, "dist/render/pdf-native.js")).href);
  const direct = await inProcess(() => native.pdfOfPages(pages, { title: "PDF bench" }), 20);
  const pdfkit = await inProcess(() => native.pdfkitPdfOfPages(pages, { title: "PDF bench" }), 5);
  return [
    {
      issue: 23,
      measure: "PDF of a small map's picture, in process, direct writer (median of 20)",
      value: ms(direct),
      target: "",
    },
    {
      issue: 23,
      measure: "PDF of a small map's picture, in process, pdfkit (median of 5)",
      value: ms(pdfkit),
      target: "",
    },
  ];
}

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
    const { median: nativeMedian } = medianAndSpread(times);
    return [
      { issue: 23, measure: "PDF of a small map, native (no Chrome to compare)", value: ms(nativeMedian), target: "" },
      ...(await inProcessRows(map)),
    ];
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
      measure: "PDF of a small map, native (journeymap's writer), whole process",
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
    ...(await inProcessRows(map)),
  ];
}
