// Issue 23 (Excel): a 1,000-touchpoint map written as .xlsx, and the same workbook imported back, in
// process (the library's renderer and importer, after a warm-up), each against its 1 s goal.
import { ms, ROOT, timeInProcess } from "./lib.mjs";
import { generateMap } from "./generate.mjs";

export async function run() {
  const { loadJourney } = await import(new URL("dist/journey/load.js", `file://${ROOT}/`).href);
  const { renderXlsx } = await import(new URL("dist/export/xlsx.js", `file://${ROOT}/`).href);
  const { importSpreadsheet } = await import(new URL("dist/import/index.js", `file://${ROOT}/`).href);
  const journey = loadJourney(generateMap({ touchpoints: 1000, title: "Excel bench" })).journey;
  let workbook = new Uint8Array();
  const exportMs = await timeInProcess(async () => (workbook = await renderXlsx(journey)), { runs: 5, warmup: 2 });
  const importMs = await timeInProcess(() => importSpreadsheet(workbook, { shown: "bench.xlsx" }), {
    runs: 5,
    warmup: 2,
  });
  return [
    {
      issue: 23,
      measure: `render --format xlsx, 1,000 touchpoints, in process (${Math.round(workbook.length / 1024)} KB)`,
      value: ms(exportMs),
      target: "≤ 1 s",
      ok: exportMs <= 1000,
    },
    {
      issue: 23,
      measure: "import of that workbook (1,000 rows), in process",
      value: ms(importMs),
      target: "≤ 1 s",
      ok: importMs <= 1000,
    },
  ];
}
