// Issue 21 (long runs): 200 maps to PNG in one process (rasterized on worker threads) at the default
// --scale 1: its wall and CPU time, and its peak memory over every thread; --scale 2 (high-DPI) as
// information; and where one map's CPU time goes, stage by stage, in this process.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { BIN, median, ms, timeNodeProcess } from "./lib.mjs";
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
  const render = (scale, runs) =>
    timeNodeProcess(
      [BIN, "render", folder, "--format", "png", "--scale", String(scale), "-o", join(work, `png-200-out-${scale}`)],
      { runs },
    );
  const one = render(1, 5);
  const two = render(2, 1);
  const cores = availableParallelism();
  return [
    {
      issue: 21,
      measure: `200 maps to PNG (default --scale 1), whole process, ${cores} cores`,
      value: `${ms(one.wall)} (CPU ${ms(one.cpu)})`,
      target: "≤ 10000 ms",
      ok: one.wall <= 10_000,
    },
    {
      issue: 21,
      measure: "200 maps to PNG (--scale 1): peak memory (every thread)",
      value: `${one.peakMb.toFixed(0)} MB`,
      target: "≤ 500 MB",
      ok: one.peakMb <= 500,
    },
    {
      issue: 21,
      measure: `200 maps to PNG at --scale 2 (high-DPI, information), ${cores} cores`,
      value: `${ms(two.wall)} (CPU ${ms(two.cpu)}, ${two.peakMb.toFixed(0)} MB)`,
      target: "",
    },
    {
      issue: 21,
      measure: "one map to PNG (--scale 1), CPU per stage",
      value: await stages(join(folder, maps[0].path), work),
      target: "",
    },
  ];
}

/** One map's CPU time in ms per stage (median of 10 after 3 warm-ups): Latin text to outlines, resvg
 * reading the SVG, drawing, and writing the PNG. */
async function stages(map, work) {
  const { spawnSync } = await import("node:child_process");
  const svg = join(work, "png-stage.svg");
  spawnSync(process.execPath, [BIN, "render", map, "--format", "svg", "-o", svg]);
  const dist = new URL("../dist/render/", import.meta.url);
  const { textAsOutlines, pictureFontFiles } = await import(new URL("png-text.js", dist).href);
  const { encodePng } = await import(new URL("png-encode.js", dist).href);
  const { Resvg } = await import("@resvg/resvg-js");
  const text = readFileSync(svg, "utf8");
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const times = { outlines: [], parse: [], draw: [], encode: [] };
  for (let i = 0; i < 13; i++) {
    let t = cpu();
    const picture = textAsOutlines(text);
    const fontFiles = pictureFontFiles(picture);
    const outlines = cpu() - t;
    t = cpu();
    const resvg = new Resvg(picture, {
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "DejaVu Sans" },
      shapeRendering: 2,
      textRendering: 1,
    });
    const parse = cpu() - t;
    t = cpu();
    const image = resvg.render();
    const draw = cpu() - t;
    t = cpu();
    await encodePng(image.pixels, image.width, image.height);
    const encode = cpu() - t;
    if (i >= 3) Object.entries({ outlines, parse, draw, encode }).forEach(([key, value]) => times[key].push(value));
  }
  return Object.entries(times)
    .map(([key, values]) => `${key} ${median(values).toFixed(0)}`)
    .join(", ");
}
