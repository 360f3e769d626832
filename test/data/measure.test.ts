// What where, rate (over an id and over the previous stage) and median give, as a user reads the
// values: on the Markdown page (read back by markdown-it) with their target, status, date and source,
// and the notes and problems when a source cannot give one.
import { describe, expect, it } from "vitest";
import { applyUpdates } from "../../src/data/apply.js";
import { measureMap, type MeasureResult } from "../../src/data/measure.js";
import { SourceTables } from "../../src/data/table.js";
import { loadJourney, type LoadedJourney } from "../../src/journey/load.js";
import type { Journey } from "../../src/journey/model.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { markdownTables } from "../helpers/oracles.js";

const FUNNEL = `Event name,Date,Total users
session_start,20250601,1000
view_item,20250601,600
begin_checkout,20250601,150
purchase,20250601,60
session_start,20250602,500
view_item,20250602,300
begin_checkout,20250602,90
purchase,20250602,30
`;

const SURVEY = `Touchpoint,Journey,Wait (s)
pay,checkout,30
pay,checkout,10
pay,returns,1000
pay,checkout,20
pay,checkout,40
slot,checkout,5
slot,returns,7
slot,checkout,
`;

const MAP = `journeymap: 1
title: Office order
personas: [{id: buyer, name: Buyer}]
metrics:
  - {id: visitors, name: Visitors, unit: count}
  - {id: conversion, name: Conversion, unit: percent, better: higher, target: 50}
  - {id: reach, name: Share of sessions, unit: percent}
  - {id: wait, name: Wait, unit: seconds, better: lower, target: 30}
sources:
  - file: funnel.csv
    stage: {column: Event name, ids: {session_start: awareness, view_item: consideration, begin_checkout: decision, purchase: purchase}}
    date: {column: Date, format: YYYYMMDD}
    metrics:
      - {metric: visitors, column: Total users, aggregate: sum}
      - {metric: conversion, column: Total users, aggregate: rate, over: previous}
      - {metric: reach, column: Total users, aggregate: rate, over: awareness}
  - file: survey.csv
    touchpoint: {column: Touchpoint}
    where: {Journey: checkout}
    metrics:
      - {metric: wait, column: "Wait (s)", aggregate: median}
stages:
  - {id: awareness, name: Awareness}
  - {id: consideration, name: Consideration}
  - id: decision
    name: Decision
    touchpoints:
      - {id: slot, name: Picks a slot}
      - {id: pay, name: Pays}
  - {id: purchase, name: Purchase}
`;

async function measure(map: string, files: Record<string, string>): Promise<LoadedJourney & MeasureResult> {
  const loaded = loadJourney(map, { file: "order.journey.yaml" });
  expect(loaded.diagnostics).toEqual([]);
  const result = await measureMap(
    loaded as LoadedJourney & { journey: Journey },
    (source) => ({
      shown: source.file,
      // eslint-disable-next-line @typescript-eslint/require-await -- a reader is an async iterable
      read: async function* () {
        yield new TextEncoder().encode(files[source.file]);
      },
    }),
    { asOf: "2025-06-30" },
  );
  return { ...loaded, ...result };
}

/** The page's table of values, as markdown-it reads it, without its header. */
function valuesOnPage(journey: Journey): string[][] {
  const table = markdownTables(renderMarkdown(journey)).find(
    (rows) => rows[0]?.[0] === "Stage" && rows[0].length === 8,
  );
  expect(table?.[0]).toEqual(["Stage", "Touchpoint", "Metric", "Value", "Target", "Status", "Date", "Source"]);
  return table!.slice(1);
}

describe("where, rate and median, on the page", () => {
  it("shows each stage's and touchpoint's value with its target, status, date and source", async () => {
    const measured = await measure(MAP, { "funnel.csv": FUNNEL, "survey.csv": SURVEY });
    expect(measured.problems).toEqual([]);
    expect(measured.notes).toEqual([]);
    applyUpdates(measured.journey!, measured.updates);
    const stage = "{em_open}whole stage{em_close}";
    const funnel = "2025-06-02";
    expect(valuesOnPage(measured.journey!)).toEqual([
      ["Awareness", stage, "Visitors", "1,500", "", "", funnel, "funnel.csv"],
      ["Consideration", stage, "Visitors", "900", "", "", funnel, "funnel.csv"],
      // 900 of the 1,500 at the stage before; n counts the rows divided by.
      ["Consideration", stage, "Conversion", "60% (n = 2)", "50%", "✓ on target", funnel, "funnel.csv"],
      ["Consideration", stage, "Share of sessions", "60% (n = 2)", "", "", funnel, "funnel.csv"],
      ["Decision", stage, "Visitors", "240", "", "", funnel, "funnel.csv"],
      ["Decision", stage, "Conversion", "26.7% (n = 2)", "50%", "✗ off target", funnel, "funnel.csv"],
      ["Decision", stage, "Share of sessions", "16% (n = 2)", "", "", funnel, "funnel.csv"],
      // where keeps the checkout rows only: the median of 10, 20, 30 and 40 (the 1,000 s return is left out).
      ["Decision", "Picks a slot", "Wait", "5 s (n = 1)", "30 s", "✓ on target", "2025-06-30", "survey.csv"],
      ["Decision", "Pays", "Wait", "25 s (n = 4)", "30 s", "✓ on target", "2025-06-30", "survey.csv"],
      ["Purchase", stage, "Visitors", "90", "", "", funnel, "funnel.csv"],
      ["Purchase", stage, "Conversion", "37.5% (n = 2)", "50%", "✗ off target", funnel, "funnel.csv"],
      ["Purchase", stage, "Share of sessions", "6% (n = 2)", "", "", funnel, "funnel.csv"],
    ]);
  });

  it("without where, every row counts: the median moves to the middle answer of five", async () => {
    const measured = await measure(MAP.replace("    where: {Journey: checkout}\n", ""), {
      "funnel.csv": FUNNEL,
      "survey.csv": SURVEY,
    });
    const wait = measured.updates.filter((update) => update.metric === "wait").map((update) => update.measurement);
    expect(wait).toEqual([
      { value: 30, date: "2025-06-30", source: "survey.csv", n: 5 },
      { value: 6, date: "2025-06-30", source: "survey.csv", n: 2 },
    ]);
  });

  it("a rate over a stage without rows is a note, and the first stage has no previous one", async () => {
    const measured = await measure(MAP, {
      "funnel.csv": FUNNEL.split("\n")
        .filter((line) => !line.startsWith("session_start"))
        .join("\n"),
      "survey.csv": SURVEY,
    });
    expect(measured.problems).toEqual([]);
    expect(measured.notes).toEqual([
      'funnel.csv: no rate for conversion at stage "Consideration": no rows for previous to divide by',
      'funnel.csv: no rate for reach at stage "Consideration": no rows for awareness to divide by',
      'funnel.csv: no rate for reach at stage "Decision": no rows for awareness to divide by',
      'funnel.csv: no rate for reach at stage "Purchase": no rows for awareness to divide by',
    ]);
    expect(
      measured.updates.filter((update) => update.metric === "conversion").map((update) => update.measurement.value),
    ).toEqual([26.7, 37.5]);
  });

  it("where on a column the export does not have is refused at the header", async () => {
    const measured = await measure(MAP.replace("where: {Journey: checkout}", "where: {Journy: checkout}"), {
      "funnel.csv": FUNNEL,
      "survey.csv": SURVEY,
    });
    expect(measured.problems).toEqual([
      expect.objectContaining({
        file: "survey.csv",
        line: 1,
        column: 1,
        message:
          'no column "Journy" (where) in the header (did you mean "Journey"?): its 3 columns are named on this line; name one of them',
      }),
    ]);
  });

  it("a number too large to hold, or a sum past it, is refused where it comes from", async () => {
    const huge = `1${"0".repeat(400)}`;
    const cell = await measure(MAP, {
      "funnel.csv": FUNNEL,
      "survey.csv": SURVEY.replace("pay,checkout,30", `pay,checkout,${huge}`),
    });
    expect(cell.problems.map(({ file, line, column, message }) => ({ file, line, column, message }))).toEqual([
      {
        file: "survey.csv",
        line: 2,
        column: 14,
        message: `"1${"0".repeat(59)}…" in column "Wait (s)" is too large a number`,
      },
    ]);
    const big = `1${"0".repeat(308)}`;
    const sum = await measure(MAP, {
      "funnel.csv": FUNNEL.replace(/,1000$/m, `,${big}`).replace(/,500$/m, `,${big}`),
      "survey.csv": SURVEY,
    });
    expect(sum.problems).toEqual([
      expect.objectContaining({
        file: "order.journey.yaml",
        message: 'visitors at stage "Awareness" adds up to more than a number can hold: check the column "Total users"',
      }),
    ]);
  });
});

describe("many sources on one export", () => {
  /** A map with one source per journey over one export, each filtered by where. */
  const journeys = 300;
  const manyMap = `journeymap: 1
title: Office order
personas: [{id: buyer, name: Buyer}]
sources:
${Array.from(
  { length: journeys },
  (_, j) =>
    `  - file: survey.csv\n    touchpoint: {column: Touchpoint}\n    where: {Journey: j${j}}\n    metrics: [{metric: wait${j}, column: "Wait (s)", aggregate: median}, {metric: rows${j}, aggregate: count}]`,
).join("\n")}
  - file: survey.csv
    touchpoint: {column: Touchpoint}
    where: {Journey: j7}
    metrics: [{metric: again, column: "Wait (s)", aggregate: median}]
stages:
  - id: decision
    name: Decision
    touchpoints:
      - {id: slot, name: Picks a slot}
      - {id: pay, name: Pays}
`;
  const rows = ["Touchpoint,Journey,Wait (s)"];
  for (let i = 0; i < 6_000; i++)
    rows.push(`${i % 11 < 6 ? "pay" : "slot"},${i % 7 ? "" : " "}j${i % journeys},${i % 97}`);
  const survey = `${rows.join("\n")}\n`;

  it("read the file once per run, and give each source the values of its own rows", async () => {
    const loaded = loadJourney(manyMap, { file: "order.journey.yaml" }) as LoadedJourney & { journey: Journey };
    expect(loaded.diagnostics).toEqual([]);
    let reads = 0;
    const open = () => ({
      shown: "survey.csv",
      identity: { key: "survey", size: survey.length },
      // eslint-disable-next-line @typescript-eslint/require-await -- a reader is an async iterable
      read: async function* () {
        reads++;
        yield new TextEncoder().encode(survey);
      },
    });
    const tables = new SourceTables();
    const measured = await measureMap(loaded, open, { asOf: "2025-06-30", tables });
    expect(measured.problems).toEqual([]);
    expect(reads).toBe(1);
    // What each source's rows give, computed here row by row: the medians and counts of journey j.
    const expected = (j: number, touchpoint: string) => {
      const waits = rows
        .slice(1)
        .map((row) => row.split(","))
        .filter(([t, journey]) => t === touchpoint && journey!.trim() === `j${j}`)
        .map((row) => Number(row[2]))
        .sort((a, b) => a - b);
      const middle = waits.length >> 1;
      return {
        median: waits.length % 2 ? waits[middle] : (waits[middle - 1]! + waits[middle]!) / 2,
        count: waits.length,
      };
    };
    const valueOf = (metric: string, touchpoint: number) =>
      measured.updates.find((update) => update.metric === metric && update.holder.touchpoint === touchpoint)
        ?.measurement.value;
    for (const j of [0, 1, 7, 150, 299]) {
      expect(valueOf(`wait${j}`, 1)).toBe(expected(j, "pay").median);
      expect(valueOf(`rows${j}`, 1)).toBe(expected(j, "pay").count);
      expect(valueOf(`wait${j}`, 0)).toBe(expected(j, "slot").median);
    }
    // A second source on j7 (other columns: not counted alike) gets the same rows; cells are trimmed (" j7").
    expect(valueOf("again", 1)).toBe(expected(7, "pay").median);
    expect(measured.updates).toHaveLength(journeys * 4 + 2);

    // A second map of the same run reads the kept table: no read at all.
    await measureMap(loaded, open, { asOf: "2025-06-30", tables });
    expect(reads).toBe(1);
  });
});

describe("problems in data files", () => {
  it("after 20, the map's other sources are not read, and a note says how many", async () => {
    const sources = Array.from(
      { length: 25 },
      (_, i) =>
        `  - file: survey.csv\n    touchpoint: {column: Touchpoint, ids: {x${i}: pay}}\n    metrics: [{metric: wait, column: "Wait (s)", aggregate: mean}]`,
    );
    const map = MAP.replace(/^sources:\n[\s\S]*?(?=^stages:)/m, `sources:\n${sources.join("\n")}\n`);
    const measured = await measure(map, { "survey.csv": `${SURVEY}lost,checkout,3\n` });
    expect(measured.problems).toHaveLength(20);
    expect(measured.problems[0]).toMatchObject({ file: "survey.csv", line: 10, column: 1 });
    expect(measured.notes).toEqual([
      "order.journey.yaml: 5 more sources were not read after 20 problems in data files: fix these first",
    ]);
  });
});
