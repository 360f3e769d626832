// Property tests of data sources with hostile CSV exports and hostile maps: formula injection,
// terminal and CI log commands, HTML, Markdown pipes and backticks and bidi controls in the cells, the
// labels, the touchpoint names and the source's file name. What data pull writes is YAML that a real
// parser reads back as the map plus the measured values (and those are what the rows say); render
// --data's page and picture and lint --data's reports stay data. Seeded, as pipeline.test.ts.
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { applyUpdates, writeUpdates } from "../../src/data/apply.js";
import { measureMap } from "../../src/data/measure.js";
import { loadJourney, type LoadedJourney } from "../../src/journey/load.js";
import type { Journey, MetricDefinition } from "../../src/journey/model.js";
import { lintJourney } from "../../src/lint/index.js";
import { renderMarkdown, BREAK } from "../../src/render/markdown.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { reportFormats, type FileResult, type ReportContext } from "../../src/report/index.js";
import { HOSTILE_CELLS, hostileText, toYaml } from "../helpers/adversarial.js";
import { CONTROL, markdownTables, rawHtml, shownInCell, svgProblems } from "../helpers/oracles.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** Each case measures, writes, reloads, renders twice and lints: half the pipeline's cases. */
const settings = { numRuns: Math.ceil(RUNS / 2), seed: SEED, endOnFailure: true };
// The default 30 s suits the default runs; npm run fuzz runs a thousand times as many.
vi.setConfig({ testTimeout: Math.max(30_000, RUNS * 100) });
const AS_OF = "2025-06-30";

/** Text as a CSV export carries it: well-formed UTF-16 (it is written as UTF-8), no NUL (a binary
 * file, refused), line breaks as the reader makes them ("\n"). */
const exported = (text: string) =>
  text
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/\0/g, "")
    .replace(/\r\n?/g, "\n");

/** A cell of an export: a hostile one, hostile text, or plain words. */
const cell: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_CELLS) },
    { weight: 2, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constantFrom("Checkout", "Delivery slot", "ok, thanks") },
  )
  .map(exported);

/** A touchpoint's label in the export: no white space at the ends (cells are trimmed), never an id. */
const label = cell
  .map((text) => text.trim())
  .filter((text) => text !== "" && !/^[a-z0-9-]+$/.test(text) && text !== "checkout");

const SKIPPED = "Grand total";

interface Row {
  /** The touchpoint (index) the row is about, or -1 for the totals row. */
  touchpoint: number;
  /** A 1-5 answer, or undefined for a question the respondent skipped. */
  answer?: number;
  comment: string;
  /** Only rows of this journey count (the source's where). */
  journey: string;
}

interface Export {
  touchpoints: Array<{ id: string; name: string; label: string }>;
  rows: Row[];
  file: string;
}

const exportOf: fc.Arbitrary<Export> = fc
  .record({
    touchpoints: fc.uniqueArray(fc.record({ name: hostileText, label }), {
      minLength: 1,
      maxLength: 4,
      selector: (touchpoint) => touchpoint.label,
    }),
    rows: fc.array(
      fc.record({
        touchpoint: fc.integer({ min: -1, max: 3 }),
        answer: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        comment: cell,
        journey: fc.oneof(
          { weight: 4, arbitrary: fc.constant("checkout") },
          { weight: 1, arbitrary: cell.filter((text) => text.trim() !== "checkout") },
        ),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    file: fc.oneof(hostileText, fc.constantFrom(...HOSTILE_CELLS)),
  })
  .map(({ touchpoints, rows, file }) => ({
    touchpoints: touchpoints.map((touchpoint, index) => ({ ...touchpoint, id: `tp-${index}` })),
    rows: rows.map((row) => ({ ...row, touchpoint: row.touchpoint < 0 ? -1 : row.touchpoint % touchpoints.length })),
    file,
  }));

const DEFINITIONS: MetricDefinition[] = [
  { id: "csat", name: "Satisfaction", unit: "percent", better: "higher", target: 80, warning: 70 },
  { id: "responses", name: "Responses", unit: "count" },
  { id: "score", name: "Mean score", unit: "score" },
  { id: "median-score", name: "Median score", unit: "score" },
];

/** A CSV field as exports quote them: always quoted, quotes doubled. */
const field = (text: string) => `"${text.replace(/"/g, '""')}"`;

function csvOf(data: Export): Uint8Array {
  const lines = [["Touchpoint", "Score", "Comment", "Journey"].join(",")];
  for (const row of data.rows) {
    const labelCell = row.touchpoint === -1 ? SKIPPED : data.touchpoints[row.touchpoint]!.label;
    lines.push(
      [labelCell, row.answer === undefined ? "" : String(row.answer), row.comment, row.journey].map(field).join(","),
    );
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

function mapOf(data: Export): Journey {
  return {
    journeymap: 1,
    title: "Checkout",
    personas: [{ id: "buyer", name: "Buyer" }],
    metrics: DEFINITIONS,
    sources: [
      {
        file: data.file,
        touchpoint: {
          column: "Touchpoint",
          ids: Object.fromEntries(data.touchpoints.map((touchpoint) => [touchpoint.label, touchpoint.id])),
        },
        skip: [SKIPPED],
        where: { Journey: "checkout" },
        metrics: [
          { metric: "csat", column: "Score", aggregate: "csat" },
          { metric: "responses", aggregate: "count" },
          { metric: "score", column: "Score", aggregate: "mean" },
          { metric: "median-score", column: "Score", aggregate: "median" },
        ],
      },
    ],
    stages: [
      {
        id: "decision",
        name: "Decision",
        touchpoints: data.touchpoints.map(({ id, name }) => ({ id, name, owner: "web" })),
      },
    ],
  };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** What the rows say, computed here from the rows themselves: each touchpoint's values as written. */
function expectedValues(data: Export): Map<string, Record<string, unknown>> {
  const values = new Map<string, Record<string, unknown>>();
  data.touchpoints.forEach((touchpoint, index) => {
    const rows = data.rows.filter((row) => row.touchpoint === index && row.journey.trim() === "checkout");
    if (rows.length === 0) return;
    const answers = rows.flatMap((row) => (row.answer === undefined ? [] : [row.answer])).sort((a, b) => a - b);
    const measured = (value: number, n?: number) => ({
      value,
      date: AS_OF,
      source: data.file,
      ...(n === undefined ? {} : { n }),
    });
    const own: Record<string, unknown> = {};
    if (answers.length > 0)
      own.csat = measured(
        round((answers.filter((answer) => answer >= 4).length / answers.length) * 100, 1),
        answers.length,
      );
    own.responses = measured(rows.length);
    if (answers.length > 0) {
      own.score = measured(round(answers.reduce((sum, answer) => sum + answer, 0) / answers.length, 2), answers.length);
      const middle = answers.length >> 1;
      const median = answers.length % 2 ? answers[middle]! : (answers[middle - 1]! + answers[middle]!) / 2;
      own["median-score"] = measured(round(median, 2), answers.length);
    }
    values.set(touchpoint.id, own);
  });
  return values;
}

async function measured(data: Export, csv = csvOf(data)) {
  const text = toYaml(mapOf(data));
  const loaded = loadJourney(text, { file: "checkout.journey.yaml" });
  expect(loaded.diagnostics).toEqual([]);
  const result = await measureMap(
    loaded as LoadedJourney & { journey: Journey },
    () => ({
      shown: data.file,
      // eslint-disable-next-line @typescript-eslint/require-await -- a reader is an async iterable
      read: async function* () {
        for (let i = 0; i < csv.length; i += 7) yield csv.subarray(i, i + 7);
      },
    }),
    { asOf: AS_OF },
  );
  return { text, loaded, result };
}

const context: ReportContext = { color: false, command: "lint", rules: [] };

/** The stylish and github reports of some findings, checked as a terminal and a CI log read them. */
function expectSafeReports(results: FileResult[]): void {
  const messages = results.reduce((count, result) => count + result.messages.length, 0);
  expect(reportFormats.stylish.formatter(results, context)).not.toMatch(CONTROL);
  const github = reportFormats.github.formatter(results, context);
  expect(github).not.toMatch(CONTROL);
  expect(github).not.toContain("##[");
  const lines = github.split("\n").filter(Boolean);
  expect(lines).toHaveLength(messages);
  for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,/);
}

describe("the oracles", () => {
  it("see what they look for", () => {
    expect(svgProblems('<svg><script>alert(1)</script><a href="https://x"/><g onload="x"/></svg>')).toEqual([
      "element script",
      "external reference https://x",
      "event attribute @onload",
    ]);
    expect(svgProblems("<svg><g></svg>")[0]).toMatch(/^not well-formed/);
    expect(rawHtml("a <b>x</b>\n\n<div>")).toEqual(["<b>", "</b>", "<div>"]);
    expect(markdownTables(`| A | B |\n|---|---|\n| x${BREAK}y | \\| |\n`)).toEqual([
      [
        ["A", "B"],
        ["x\ny", "|"],
      ],
    ]);
  });
});

describe("data pull with hostile exports", () => {
  it("writes YAML that reads back as the map with the values the rows give, and nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(exportOf, async (data) => {
        const { text, loaded, result } = await measured(data);
        expect(result.problems).toEqual([]);
        const after = writeUpdates(text, result.updates, loaded);
        // The real YAML parser reads the written text as the map it was, plus the measured values.
        const expected = structuredClone(mapOf(data));
        const values = expectedValues(data);
        for (const touchpoint of expected.stages[0]!.touchpoints!) {
          const own = values.get(touchpoint.id!);
          if (own) touchpoint.metrics = own as Record<string, number>;
        }
        expect(parse(after)).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(loadJourney(after).diagnostics).toEqual([]);
        // A second pull finds nothing to change.
        const again = await measured({ ...data });
        expect(writeUpdates(after, again.result.updates)).toBe(after);
      }),
      settings,
    );
  });

  it("render --data: the page's metrics table keeps its columns and shows the names and file as text", async () => {
    await fc.assert(
      fc.asyncProperty(exportOf, async (data) => {
        const { loaded, result } = await measured(data);
        const journey = loaded.journey!;
        applyUpdates(journey, result.updates);
        const page = renderMarkdown(journey);
        // The renderer's own line breaks are the only tags on the page.
        expect(rawHtml(page).filter((tag) => tag !== BREAK)).toEqual([]);
        const header = ["Stage", "Touchpoint", "Metric", "Value", "Target", "Status", "Date", "Source"];
        const table = markdownTables(page).find((rows) => rows[0]?.join() === header.join());
        // No rows in the window, no values: the page lists the definitions only.
        expect(table === undefined).toBe(result.updates.length === 0);
        const rows = table?.slice(1) ?? [];
        expect(rows).toHaveLength(result.updates.length);
        // Read as a reader does: the zero-width spaces that keep generators and GitHub from acting on text
        // (src/text/inert-markdown.ts) show nothing.
        const shown = (text: string) => shownInCell(text).replace(/\u200b/g, "");
        for (const cells of rows) {
          const row = cells.map((cell) => cell.replace(/\u200b/g, ""));
          expect(row).toHaveLength(header.length);
          expect(data.touchpoints.map((touchpoint) => shown(touchpoint.name))).toContain(row[1]);
          expect(row[6]).toBe(AS_OF);
          expect(row[7]).toBe(shown(data.file));
        }
        expect(svgProblems(renderSvg(journey, { asOf: AS_OF }))).toEqual([]);
      }),
      settings,
    );
  });

  it("lint --data: the findings of the measured map control neither terminal nor CI log", async () => {
    await fc.assert(
      fc.asyncProperty(exportOf, async (data) => {
        const { loaded, result } = await measured(data);
        applyUpdates(loaded.journey!, result.updates);
        const messages = lintJourney(loaded);
        expect(messages.some((message) => message.ruleId === "metric-off-target")).toBe(
          result.updates.some((update) => update.metric === "csat" && update.measurement.value < 70),
        );
        expectSafeReports([{ filePath: data.file, source: loaded.text, messages }]);
      }),
      settings,
    );
  });

  it("a hostile cell naming no touchpoint is refused at its line, in reports that stay data", async () => {
    await fc.assert(
      fc.asyncProperty(exportOf, label, async (data, stranger) => {
        fc.pre(!data.touchpoints.some((touchpoint) => touchpoint.label === stranger) && stranger !== SKIPPED);
        const csv = new TextEncoder().encode(
          `Touchpoint,Score,Comment,Journey\r\n${field(stranger)},3,${field("x")},checkout\r\n`,
        );
        const { result } = await measured(data, csv);
        expect(result.problems).toHaveLength(1);
        const [problem] = result.problems;
        expect(problem).toMatchObject({
          file: data.file,
          ruleId: "data-source",
          severity: "error",
          line: 2,
          column: 1,
        });
        expect(problem!.message).toMatch(/^no touchpoint ".*" in the map/s);
        expectSafeReports([{ filePath: data.file, messages: result.problems }]);
      }),
      settings,
    );
  });
});
