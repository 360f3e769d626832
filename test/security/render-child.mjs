// Runs the built CLI (`journeymap <args>`) in this process, started by pictures-hostile.test.ts with a
// capped heap, and when it exits writes its exit code, wall time and peak resident memory as JSON to
// the file named first. Peak RSS comes from the kernel (process.resourceUsage), so it counts the
// rasterizer's native memory too, which the JavaScript heap never sees.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const [result, ...args] = process.argv.slice(2);
const started = performance.now();
process.on("exit", (code) => {
  const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
  writeFileSync(result, JSON.stringify({ code, ms: Math.round(performance.now() - started), peakRss }));
});
const bin = fileURLToPath(new URL("../../bin/journeymap.js", import.meta.url));
await createRequire(import.meta.url)("../../dist/bundle/start.js").main([process.execPath, bin, ...args]);
