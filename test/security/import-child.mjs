// Runs one hostile input through the built package in a child process with a capped heap (see
// import-hostile.test.ts): a map rendered to .xlsx ("render"), or a spreadsheet imported ("import").
// Prints what it cost, and the message of a refusal, as JSON.
import { readFileSync } from "node:fs";
import { loadJourney } from "../../dist/journey/load.js";

const [mode, file] = process.argv.slice(2);
const started = performance.now();
const cpuStart = process.cpuUsage();
let refusal;
let size = 0;
try {
  if (mode === "render") {
    const loaded = loadJourney(readFileSync(file, "utf8"), { file });
    if (loaded.journey)
      size = (await (await import("../../dist/render/export/xlsx.js")).renderXlsx(loaded.journey)).length;
    else refusal = loaded.diagnostics[0]?.message;
  } else {
    const { importSpreadsheet } = await import("../../dist/import/index.js");
    size = (await importSpreadsheet(new Uint8Array(readFileSync(file)), { shown: file })).text.length;
  }
} catch (error) {
  if (error?.name !== "JourneymapError" && error?.constructor?.name !== "JourneymapError") throw error;
  refusal = error.message;
}
process.stdout.write(
  JSON.stringify({
    ms: Math.round(performance.now() - started),
    // User and system time of the whole process (its GC threads included): on a machine shared by
    // other jobs, the wall time measures the others too.
    cpuMs: Math.round(((cpu) => (cpu.user + cpu.system) / 1000)(process.cpuUsage(cpuStart))),
    size,
    refusal,
    peakRss: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
