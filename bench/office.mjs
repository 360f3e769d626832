// Issue 23: each office export (PowerPoint, draw.io, draw.io SVG, Visio) of a 1,000-touchpoint map, in
// process, against the goal of 1 s.
import { generateMap } from "./generate.mjs";
import { generateLanedMap } from "./generate-lanes.mjs";
import { goalRow, medianAndSpread, ms } from "./lib.mjs";

const FORMATS = ["pptx", "drawio", "drawio-svg", "vsdx"];

export async function run() {
  const { loadJourney } = await import("../dist/journey/load.js");
  const { drawMap, formatNamed } = await import("../dist/render/formats.js");
  const maps = [
    ["a 1,000-touchpoint map", loadJourney(generateMap({ touchpoints: 1000, stages: 10 })).journey],
    [
      "a 1,000-touchpoint map with 5 declared lanes and tracked opportunities",
      loadJourney(generateLanedMap({ touchpoints: 1000, stages: 10 })).journey,
    ],
  ];
  const context = { theme: "light", scale: 1, frontMatter: false, mermaidCli: () => Promise.reject(new Error("none")) };
  const rows = [];
  for (const [what, journey] of maps)
    for (const name of FORMATS) {
      const format = formatNamed(name);
      await drawMap(journey, format, "native", context); // warm-up: the libraries load
      const times = [];
      for (let run = 0; run < 7; run++) {
        const start = process.hrtime.bigint();
        await drawMap(journey, format, "native", context);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const { median, spread } = medianAndSpread(times);
      rows.push(
        goalRow({
          issue: 23,
          measure: `${name} export of ${what}, in process`,
          median,
          spread,
          goal: 1000,
          shown: ms,
          target: "≤ 1 s",
        }),
      );
    }
  return rows;
}
