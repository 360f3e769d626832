// The picture's cost is linear in the map: doubling personas and touchpoints quadruples the input and
// about quadruples the time, and a 1 MB map of each hostile shape renders in under 3 s with an SVG at
// most 100 times its size. Bounds are loose for a noisy 2-core machine; loading is not timed.
import { availableParallelism, loadavg } from "node:os";
import { describe, expect, it } from "vitest";
import { generateMapOfSize } from "../../../bench/generate.mjs";
import { loadJourney } from "../../../src/journey/load.js";
import type { Journey } from "../../../src/journey/model.js";
import { renderSvg } from "../../../src/render/svg/index.js";
import { adversarialMap, SHAPES } from "./adversarial.js";

function load(text: string): Journey {
  const loaded = loadJourney(text, { file: "generated.journey.yaml" });
  if (!loaded.journey) throw new Error(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
  return loaded.journey;
}

/** A map of `personas` personas and `touchpoints` touchpoints, each scored by every persona. */
function generated(personas: number, touchpoints: number): string {
  const lines = ["journeymap: 1", "title: Generated", "personas:"];
  for (let p = 0; p < personas; p++) lines.push(`  - {id: p${p}, name: Persona ${p}}`);
  lines.push("stages:");
  for (let t = 0; t < touchpoints; t++) {
    if (t % 10 === 0) lines.push(`  - id: s${t}`, `    name: Stage ${t}`, "    touchpoints:");
    const scores = Array.from({ length: personas }, (_, p) => `p${p}: ${((t + p) % 5) + 1}`).join(", ");
    lines.push(`      - {name: T${t}, personas: [p0, p${t % personas}], emotion: {${scores}}}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The fastest of a few runs, in ms: the least disturbed by other work on the machine. */
function fastest(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("the picture's cost", () => {
  it("grows about linearly: twice the personas and twice the touchpoints (about 4× the input) take under 3× as much more time", () => {
    const small = generated(4, 400);
    const large = generated(8, 800);
    const inputRatio = large.length / small.length;
    expect(inputRatio).toBeGreaterThan(2.5);
    expect(inputRatio).toBeLessThan(4.5);
    const [smallJourney, largeJourney] = [load(small), load(large)];
    renderSvg(smallJourney); // warm up the JIT before timing
    const smallMs = fastest(() => renderSvg(smallJourney), 5);
    const largeMs = fastest(() => renderSvg(largeJourney), 5);
    expect(largeMs / smallMs, `${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(3 * inputRatio);
  });

  // Under 3 s on an idle machine; the bound stretches with the load average, so that six test workers
  // on two cores do not fail it, while a shape that blows up (the old layout took minutes) still does.
  const loadFactor = Math.max(1, loadavg()[0]! / availableParallelism());
  const ordinary = load(generateMapOfSize(1_000_000));
  let ordinaryMs = 0;

  it.each(SHAPES)("renders a 1 MB map of shape %s in under 3 s, to an SVG at most 100× its size", (shape) => {
    const text = adversarialMap(shape);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    expect(text.length).toBeLessThan(1_001_000);
    const journey = load(text);
    ordinaryMs ||= fastest(() => renderSvg(ordinary), 1);
    let svg = "";
    const elapsed = fastest(() => (svg = renderSvg(journey)), 1);
    const note = `${shape}: ${elapsed.toFixed(0)} ms, an ordinary 1 MB map ${ordinaryMs.toFixed(0)} ms, load ×${loadFactor.toFixed(1)}`;
    expect(elapsed, note).toBeLessThan(3000 * loadFactor);
    // No shape costs much more than an ordinary map of the same size, however busy the machine.
    expect(elapsed / ordinaryMs, note).toBeLessThan(6);
    expect(svg.length / text.length).toBeLessThan(100);
    expect(svg.endsWith("</svg>\n")).toBe(true);
  });
});
