// Issue 4 (render): Mermaid and Markdown whole-process time against node -e '', and the mermaid-cli
// engine's cost of 20 maps in one run against 1 (one browser launch, reused), with mmdc beside it.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, ROOT, ms, ratio, timeProcess } from "./lib.mjs";
import { generateMap } from "./generate.mjs";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((path) =>
  existsSync(path),
);

export async function run({ baseline, work }) {
  const rows = [];
  const onePage = join(work, "render-one.journey.yaml");
  writeFileSync(onePage, generateMap({ touchpoints: 12, title: "Render bench" }));

  for (const format of ["mermaid", "markdown"]) {
    const value = timeProcess(process.execPath, [BIN, "render", onePage, "--format", format], { runs: 15 });
    rows.push({
      issue: 4,
      measure: `render --format ${format}, one map, whole process`,
      value: `${ms(value)} = ${ratio(value / baseline)} node`,
      target: "≤ 3 × node -e ''",
      ok: value / baseline <= 3,
    });
  }

  if (!CHROMIUM) {
    rows.push({ issue: 4, measure: "mermaid-cli engine", value: "skipped: no Chromium", target: "", ok: undefined });
    return rows;
  }
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM };
  const twenty = join(work, "render-twenty");
  mkdirSync(twenty, { recursive: true });
  for (let i = 0; i < 20; i++)
    writeFileSync(join(twenty, `map-${i}.journey.yaml`), generateMap({ touchpoints: 8 + (i % 5), title: `Map ${i}` }));
  const oneMs = timeProcess(
    process.execPath,
    [BIN, "render", onePage, "--engine", "mermaid-cli", "--format", "svg", "-o", join(work, "one.svg")],
    { runs: 5, env },
  );
  const twentyMs = timeProcess(
    process.execPath,
    [BIN, "render", twenty, "--engine", "mermaid-cli", "--format", "svg", "-o", join(work, "twenty-out")],
    { runs: 5, env },
  );
  rows.push({
    issue: 4,
    measure: "mermaid-cli engine, 1 map in one run (SVG)",
    value: ms(oneMs),
    target: "",
    ok: undefined,
  });
  rows.push({
    issue: 4,
    measure: "mermaid-cli engine, 20 maps in one run (SVG)",
    value: `${ms(twentyMs)} = ${ratio(twentyMs / oneMs)} one map (${ms((twentyMs - oneMs) / 19)} per extra map)`,
    target: "≤ 2 × one map",
    ok: twentyMs / oneMs <= 2,
  });

  // mmdc itself, one process per diagram, as a user would run it for each map.
  const mmdc = join(ROOT, "node_modules/.bin/mmdc");
  if (existsSync(mmdc)) {
    const { renderMermaid } = await import("../dist/render/mermaid.js");
    const { loadJourney } = await import("../dist/journey/load.js");
    const { readFileSync } = await import("node:fs");
    const definition = join(work, "one.mmd");
    writeFileSync(definition, renderMermaid(loadJourney(readFileSync(onePage)).journey));
    const puppeteerConfig = join(work, "puppeteer.json");
    writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: CHROMIUM, args: ["--no-sandbox"] }));
    const mmdcMs = timeProcess(mmdc, ["-q", "-p", puppeteerConfig, "-i", definition, "-o", join(work, "mmdc.svg")], {
      runs: 5,
      env,
    });
    rows.push({
      issue: 4,
      measure: "mmdc, per diagram (its own process and browser)",
      value: `${ms(mmdcMs)} (20 maps ≈ ${ms(mmdcMs * 20)})`,
      target: "for comparison",
      ok: undefined,
    });
  }
  return rows;
}
