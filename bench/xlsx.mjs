// Issue 23 (Excel): a 1,000-touchpoint map written as .xlsx, and the same workbook imported back, in
// process (the library's renderer and importer, after a warm-up), each against its 1 s goal. The CPU
// time is shown beside the wall time: on a machine shared with other jobs the wall time counts them too.
import { ms, ROOT } from "./lib.mjs";
import { generateMap } from "./generate.mjs";
import { generateLanedMap } from "./generate-lanes.mjs";

/** Median wall and CPU milliseconds of `fn`, after warm-up runs. */
async function timeWithCpu(fn, { runs = 5, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const walls = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wall: median(walls), cpu: median(cpus) };
}

export async function run() {
  const dist = (path) => new URL(path, `file://${ROOT}/`).href;
  const { loadJourney } = await import(dist("dist/journey/load.js"));
  const { renderXlsx } = await import(dist("dist/render/export/xlsx.js"));
  const { importSpreadsheet } = await import(dist("dist/import/index.js"));
  const rows = [];
  for (const [what, text] of [
    ["1,000 touchpoints", generateMap({ touchpoints: 1000, title: "Excel bench" })],
    [
      "1,000 touchpoints, 5 declared lanes, tracked opportunities",
      generateLanedMap({ touchpoints: 1000, title: "Excel bench" }),
    ],
  ]) {
    const journey = loadJourney(text).journey;
    let workbook = new Uint8Array();
    const exported = await timeWithCpu(async () => (workbook = await renderXlsx(journey)));
    const imported = await timeWithCpu(() => importSpreadsheet(workbook, { shown: "bench.xlsx" }));
    rows.push(
      {
        issue: 23,
        measure: `render --format xlsx, ${what}, in process (${Math.round(workbook.length / 1024)} KB)`,
        value: `${ms(exported.wall)} (CPU ${ms(exported.cpu)})`,
        target: "≤ 1 s",
        ok: exported.wall <= 1000,
      },
      {
        issue: 23,
        measure: `import of that workbook (1,000 rows), in process`,
        value: `${ms(imported.wall)} (CPU ${ms(imported.cpu)})`,
        target: "≤ 1 s",
        ok: imported.wall <= 1000,
      },
    );
  }
  return rows;
}
