// Runs the built CLI (`journeymap <args>`) in this process, started by exports-lanes-hostile.test.ts with
// a capped heap, and when it exits writes its exit code, wall time, CPU time (user and system, GC threads
// included) and peak resident memory as JSON to the file named first. The suite bounds the CPU time: on a
// machine shared by other jobs, the wall time measures the others too.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const [result, ...args] = process.argv.slice(2);
const started = performance.now();
process.on("exit", (code) => {
  const usage = process.resourceUsage();
  writeFileSync(
    result,
    JSON.stringify({
      code,
      ms: Math.round(performance.now() - started),
      cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      peakRss: Math.round(usage.maxRSS / 1024),
    }),
  );
});
const bin = fileURLToPath(new URL("../../bin/journeymap.js", import.meta.url));
await createRequire(import.meta.url)("../../dist/bundle/start.js").main([process.execPath, bin, ...args]);
