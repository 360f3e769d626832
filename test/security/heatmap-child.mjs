// Loads one map, takes its facts and draws the portfolio heat map of it, started by
// heatmap-hostile.test.ts with a capped heap; writes the time, peak memory and the SVG's size as JSON.
import { readFileSync, writeFileSync } from "node:fs";

const [file, result, copies] = process.argv.slice(2);
const started = performance.now();
const { loadJourney } = await import("../../dist/journey/load.js");
const { factsOf } = await import("../../dist/workspace/facts.js");
const { renderHeatmap } = await import("../../dist/render/site/heatmap.js");
const loaded = loadJourney(readFileSync(file), { file: "hostile.journey.yaml" });
const facts = factsOf(loaded);
const svg = renderHeatmap(Array.from({ length: Number(copies ?? 1) }, () => facts));
writeFileSync(`${result}.svg`, svg);
const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
writeFileSync(result, JSON.stringify({ ms: Math.round(performance.now() - started), peakRss, bytes: svg.length }));
