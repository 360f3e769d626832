// Issue 5: the native SVG picture against mmdc (same map, same machine), its in-process speed at
// 50 / 500 / 5,000 touchpoints (linear growth), its growth when personas and touchpoints double
// together (issue 8), and a PNG's whole-process time.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateMap } from "./generate.mjs";
import { BIN, ROOT, ms, ratio, timeInProcess, timeInterleaved, timeProcess } from "./lib.mjs";

const CHROMIUM = "/usr/bin/chromium";

export async function run({ work }) {
  const rows = [];
  const onePage = join(work, "svg-one-page.journey.yaml");
  writeFileSync(onePage, generateMap({ touchpoints: 12 }));

  const native = [process.execPath, [BIN, "render", onePage, "--format", "svg", "-o", join(work, "native.svg")]];

  const mmdc = join(ROOT, "node_modules/.bin/mmdc");
  if (existsSync(CHROMIUM) && existsSync(mmdc)) {
    const mermaid = join(work, "one-page.mmd");
    timeProcess(process.execPath, [BIN, "render", onePage, "--format", "mermaid", "-o", mermaid], { runs: 1 });
    const config = join(work, "puppeteer.json");
    writeFileSync(config, JSON.stringify({ executablePath: CHROMIUM, args: ["--no-sandbox"] }));
    // Interleaved, so both programs are measured under the same load.
    const [nativeMs, mmdcMs] = timeInterleaved(
      [native, [mmdc, ["-i", mermaid, "-o", join(work, "mmdc.svg"), "-p", config, "-q"]]],
      { runs: 7 },
    );
    rows.push({ issue: 5, measure: "native SVG of a one-page map, whole process", value: ms(nativeMs), target: "" });
    rows.push({
      issue: 5,
      measure: "mmdc on the same map's Mermaid diagram, whole process",
      value: ms(mmdcMs),
      target: "",
    });
    rows.push({
      issue: 5,
      measure: "native SVG speed-up over mmdc",
      value: ratio(mmdcMs / nativeMs),
      target: "≥ 10 ×",
      ok: mmdcMs / nativeMs >= 10,
    });
  } else {
    rows.push({
      issue: 5,
      measure: "native SVG of a one-page map, whole process",
      value: ms(timeProcess(...native, { runs: 10 })),
      target: "",
    });
    rows.push({ issue: 5, measure: "native SVG vs mmdc", value: `skipped: no ${CHROMIUM}`, target: "≥ 10 ×" });
  }

  const { loadJourney } = await import("../dist/journey/load.js");
  const { renderSvg } = await import("../dist/render/svg/index.js");
  const journeyOf = (touchpoints) =>
    loadJourney(generateMap({ touchpoints, stages: Math.min(10, touchpoints) })).journey;

  const onePageJourney = loadJourney(generateMap({ touchpoints: 12 })).journey;
  const onePageMs = await timeInProcess(() => renderSvg(onePageJourney), { runs: 50, warmup: 10 });
  rows.push({
    issue: 5,
    measure: "native SVG in process, one-page map (12 touchpoints)",
    value: ms(onePageMs),
    target: "≤ 5 ms",
    ok: onePageMs <= 5,
  });

  const perTouchpoint = {};
  for (const touchpoints of [50, 500, 5000]) {
    const journey = journeyOf(touchpoints);
    const elapsed = await timeInProcess(() => renderSvg(journey), {
      runs: touchpoints >= 5000 ? 5 : 15,
      warmup: touchpoints >= 5000 ? 2 : 10,
    });
    perTouchpoint[touchpoints] = elapsed / touchpoints;
    const target = touchpoints === 500 ? "≤ 200 ms" : "";
    rows.push({
      issue: 5,
      measure: `native SVG in process, ${touchpoints.toLocaleString("en")} touchpoints`,
      value: `${ms(elapsed)} (${(elapsed / touchpoints).toFixed(3)} ms each)`,
      target,
      ok: touchpoints === 500 ? elapsed <= 200 : undefined,
    });
  }
  const growth = perTouchpoint[5000] / perTouchpoint[50];
  rows.push({
    issue: 5,
    measure: "time per touchpoint, 5,000 vs 50 (linear growth)",
    value: ratio(growth),
    target: "≤ 2 ×",
    ok: growth <= 2,
  });

  // Issue 8: personas and touchpoints doubled together; the old layout grew with touchpoints × personas².
  const timeOf = async (personas, touchpoints) => {
    const text = generateMap({ personas, touchpoints, stages: 10 });
    const journey = loadJourney(text).journey;
    return { bytes: text.length, ms: await timeInProcess(() => renderSvg(journey), { runs: 5, warmup: 2 }) };
  };
  const base = await timeOf(8, 1000);
  const doubled = await timeOf(16, 2000);
  const timeGrowth = doubled.ms / base.ms;
  const inputGrowth = doubled.bytes / base.bytes;
  rows.push({
    issue: 8,
    measure: `native SVG, 8 → 16 personas and 1,000 → 2,000 touchpoints (input ${ratio(inputGrowth)})`,
    value: `${ms(base.ms)} → ${ms(doubled.ms)} (${ratio(timeGrowth)})`,
    target: "≤ 3 × the input's growth",
    ok: timeGrowth <= 3 * inputGrowth,
  });

  const pngMs = timeProcess(
    process.execPath,
    [BIN, "render", onePage, "--format", "png", "-o", join(work, "native.png")],
    { runs: 5 },
  );
  rows.push({
    issue: 5,
    measure: "native PNG of a one-page map (scale 2), whole process",
    value: ms(pngMs),
    target: "≤ 1000 ms",
    ok: pngMs <= 1000,
  });
  return rows;
}
