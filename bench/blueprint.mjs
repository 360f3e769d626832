// Issue 22: the service blueprint picture, in process: 500 touchpoints across the five rows with 1,000
// arrows (goal ≤ 300 ms), and its growth at 5,000 touchpoints with 10,000 arrows (a linear router).
import { generateBlueprint } from "./generate-blueprint.mjs";
import { goalRow, medianAndSpread, ms, ratio } from "./lib.mjs";

export async function run() {
  const { loadJourney } = await import("../dist/journey/load.js");
  const { renderBlueprintSvg } = await import("../dist/render/blueprint/index.js");
  const journeyOf = (touchpoints, arrows) =>
    loadJourney(generateBlueprint({ touchpoints, stages: Math.max(5, touchpoints / 25), arrows })).journey;
  const timesOf = (journey, runs, warmup) => {
    for (let i = 0; i < warmup; i++) renderBlueprintSvg(journey);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      renderBlueprintSvg(journey);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return medianAndSpread(times);
  };
  const rows = [];
  const small = timesOf(journeyOf(500, 1000), 15, 5);
  rows.push(
    goalRow({
      issue: 22,
      measure: "blueprint SVG in process, 500 touchpoints and 1,000 arrows",
      median: small.median,
      spread: small.spread,
      goal: 300,
      shown: ms,
      target: "≤ 300 ms",
    }),
  );
  const large = timesOf(journeyOf(5000, 10000), 5, 1);
  const growth = large.median / 10 / small.median;
  rows.push({
    issue: 22,
    measure: "blueprint SVG in process, 5,000 touchpoints and 10,000 arrows",
    value: `${ms(large.median)} (time per touchpoint ${ratio(growth)} the 500's)`,
    target: "≤ 2 × per touchpoint",
    ok: growth <= 2,
  });
  return rows;
}
