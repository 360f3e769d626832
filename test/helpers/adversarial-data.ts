// About 1 MB of hostile data for `data pull`, `lint --data` and `render --data`: CSV exports of every
// shape (one huge cell, 60,000 rows, many columns, quotes never closed, BOM, NUL bytes, CR-only line
// endings) and maps that name them many times (many sources on one file, many metrics over its rows).
// Each shape is a repository's files: `maps/data.journey.yaml` and the CSV files it names.

/** The map every shape's repository holds. */
export const DATA_MAP = "maps/data.journey.yaml";
export const AS_OF = "2025-06-30";

const TOUCHPOINTS = ["browse", "slot", "pay", "delivery"];

interface MapParts {
  /** The sources' YAML, indented as items of `sources:`. */
  sources: string;
  /** Extra metric definitions (YAML list items under `metrics:`). */
  metrics?: string;
  /** false: no definitions at all (a map without them takes any metric id). */
  definitions?: boolean;
}

function mapText({ sources, metrics = "", definitions = true }: MapParts): string {
  return [
    "journeymap: 1",
    "title: Hostile data",
    "personas: [{id: p, name: P}]",
    ...(definitions
      ? [
          "metrics:",
          "  - {id: csat, name: CSAT, unit: percent, better: higher, target: 80}",
          "  - {id: score, name: Score, unit: number}",
          "  - {id: rows, name: Rows, unit: count}",
          metrics,
        ]
      : []),
    "sources:",
    sources,
    "stages:",
    "  - id: decision",
    "    name: Decision",
    "    touchpoints:",
    ...TOUCHPOINTS.map((id) => `      - {id: ${id}, name: Touchpoint ${id}}`),
    "",
  ]
    .filter((line) => line !== "")
    .join("\n")
    .concat("\n");
}

/** One source over `file`: csat, a mean and a count per touchpoint, in the window of 90 days. */
function source(file: string, extra = ""): string {
  return [
    `  - file: ${file}`,
    "    touchpoint: {column: Touchpoint}",
    "    date: {column: Date}",
    extra,
    "    metrics:",
    "      - {metric: csat, column: Score, aggregate: csat}",
    "      - {metric: score, column: Score, aggregate: mean}",
    "      - {metric: rows, aggregate: count}",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** `count` survey rows (Date,Touchpoint,Score), about 21 bytes each. */
function surveyRows(count: number, ending = "\n"): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++)
    rows.push(`2025-06-${String(1 + (i % 28)).padStart(2, "0")},${TOUCHPOINTS[i % 4]},${1 + (i % 5)}`);
  return `Date,Touchpoint,Score${ending}${rows.join(ending)}${ending}`;
}

export interface DataShape {
  /** Path (under the repository) → content. */
  files: Record<string, string | Uint8Array>;
  /** What every command must say, when the shape is refused (a CSV problem at a line and column). */
  refused?: RegExp;
}

const single = (csv: string | Uint8Array, refused?: RegExp): DataShape => ({
  files: { [DATA_MAP]: mapText({ sources: source("export.csv") }), "maps/export.csv": csv },
  ...(refused ? { refused } : {}),
});

export const adversarialData: Record<string, () => DataShape> = {
  "one huge cell": () => {
    const cell = `"${'a,b\n""c '.repeat(100_000)}"`;
    return {
      files: {
        [DATA_MAP]: mapText({ sources: source("export.csv") }),
        "maps/export.csv": `Date,Touchpoint,Score,Comment\n2025-06-01,pay,5,${cell}\n2025-06-02,pay,4,ok\n`,
      },
    };
  },
  "a cell over the limit": () =>
    single(`Date,Touchpoint,Score\n2025-06-01,pay,${"9".repeat(1_000_100)}\n`, /this field is longer than 1,000,000/),
  "60,000 rows": () => single(surveyRows(60_000)),
  "many columns": () => {
    const header = ["Date", "Touchpoint", "Score", ...Array.from({ length: 9_990 }, (_, i) => `c${i}`)];
    const row = (i: number) =>
      [`2025-06-0${1 + (i % 9)}`, TOUCHPOINTS[i % 4], String(1 + (i % 5)), ..."1".repeat(9_990)].join(",");
    const rows = Array.from({ length: 45 }, (_, i) => row(i));
    // A metric per column: 2,000 means over as many columns.
    const metrics = Array.from({ length: 2_000 }, (_, i) => `      - {metric: c${i}, column: c${i}, aggregate: mean}`);
    return {
      files: {
        [DATA_MAP]: mapText({
          sources: [
            "  - file: export.csv",
            "    touchpoint: {column: Touchpoint}",
            "    date: {column: Date}",
            "    metrics:",
            ...metrics,
          ].join("\n"),
          metrics: Array.from({ length: 2_000 }, (_, i) => `  - {id: c${i}, name: C${i}}`).join("\n"),
        }),
        "maps/export.csv": `${header.join(",")}\n${rows.join("\n")}\n`,
      },
    };
  },
  "many sources on one file": () => {
    // 1,000 sources over one 1 MB export, each filtered to a different journey.
    const journeys = 1_000;
    const rows: string[] = [];
    for (let i = 0; i < 45_000; i++)
      rows.push(
        `2025-06-${String(1 + (i % 28)).padStart(2, "0")},${TOUCHPOINTS[i % 4]},${1 + (i % 5)},j${i % journeys}`,
      );
    const sources = Array.from({ length: journeys }, (_, j) =>
      [
        "  - file: export.csv",
        "    touchpoint: {column: Touchpoint}",
        "    date: {column: Date}",
        `    where: {Journey: j${j}}`,
        "    metrics:",
        `      - {metric: m${j}, column: Score, aggregate: mean}`,
      ].join("\n"),
    );
    return {
      files: {
        [DATA_MAP]: mapText({ sources: sources.join("\n"), definitions: false }),
        "maps/export.csv": `Date,Touchpoint,Score,Journey\n${rows.join("\n")}\n`,
      },
    };
  },
  "sources alike on one file": () => {
    // 2,500 sources that read the file alike (a median each: a sort per source, unless shared).
    const sources = Array.from({ length: 2_500 }, (_, i) =>
      [
        "  - file: export.csv",
        "    touchpoint: {column: Touchpoint}",
        "    date: {column: Date}",
        `    metrics: [{metric: m${i}, column: Score, aggregate: median}]`,
      ].join("\n"),
    );
    return {
      files: {
        [DATA_MAP]: mapText({ sources: sources.join("\n"), definitions: false }),
        "maps/export.csv": surveyRows(45_000),
      },
    };
  },
  "thousands of sources unlike on one file": () => {
    // 7,000 sources that each read the whole export differently (a skip each): past the rows a
    // map's sources may visit in all, the rest are refused, at once.
    const sources = Array.from({ length: 7_000 }, (_, i) =>
      [
        "  - file: export.csv",
        `    touchpoint: {column: Touchpoint, ids: {x${i}: pay}}`,
        "    metrics: [{metric: score, column: Score, aggregate: sum}]",
      ].join("\n"),
    );
    return {
      files: { [DATA_MAP]: mapText({ sources: sources.join("\n") }), "maps/export.csv": surveyRows(60_000) },
      refused: /a map's sources may read at most 20,000,000/,
    };
  },
  "a bad last row for each of many sources": () => {
    // Each source fails at the export's last row, whose position takes a second pass over the file.
    const sources = Array.from({ length: 300 }, (_, i) =>
      [
        "  - file: export.csv",
        `    touchpoint: {column: Touchpoint, ids: {x${i}: pay}}`,
        "    metrics: [{metric: score, column: Score, aggregate: sum}]",
      ].join("\n"),
    );
    return {
      files: {
        [DATA_MAP]: mapText({ sources: sources.join("\n") }),
        "maps/export.csv": `${surveyRows(60_000)}2025-06-01,zz,1\n`,
      },
      refused: /no touchpoint \\?"zz\\?" in the map/,
    };
  },
  "many metrics over many rows": () => {
    // 15,000 metrics (undeclared: a map without definitions takes any id) over 60,000 rows.
    const metrics = Array.from(
      { length: 15_000 },
      (_, i) =>
        `      - {metric: m${i}, column: Score, aggregate: ${["mean", "csat", "median", "sum", "count"][i % 5]}}`,
    );
    return {
      files: {
        [DATA_MAP]: mapText({
          sources: [
            "  - file: export.csv",
            "    touchpoint: {column: Touchpoint}",
            "    date: {column: Date}",
            "    metrics:",
            ...metrics,
          ].join("\n"),
          definitions: false,
        }),
        "maps/export.csv": surveyRows(60_000),
      },
    };
  },
  "quotes never closed": () =>
    single(`Date,Touchpoint,Score\n2025-06-01,pay,"${"4,\n".repeat(300_000)}`, /this quote is never closed/),
  "a quote after a closing quote": () =>
    single(`Date,Touchpoint,Score\n${'2025-06-01,pay,"4"x\n'.repeat(50_000)}`, /after a closing quote/),
  "byte-order mark": () => single(`\ufeff${surveyRows(60_000)}`),
  // String.prototype.trim drops U+FEFF: a mark before a label is white space around it.
  "byte-order marks everywhere": () => single(surveyRows(60_000).replaceAll("pay", "\ufeffpay")),
  "NUL bytes": () => single(`${surveyRows(50_000)}2025-06-01,pay,\0\n`, /NUL byte/),
  "CR-only line endings": () => single(surveyRows(60_000, "\r")),
  "one column of long lines": () =>
    single(`Date\n${`${"x".repeat(10_000)}\n`.repeat(100)}`, /no column \\?"Touchpoint\\?" \(touchpoint\)/),
  "unpadded dates": () =>
    single(
      `Date,Touchpoint,Score\n${Array.from({ length: 60_000 }, (_, i) => `2025-${1 + (i % 6)}-${1 + (i % 28)},${TOUCHPOINTS[i % 4]},${1 + (i % 5)}`).join("\n")}\n`,
    ),
  "20,000 distinct labels": () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `L${i}: ${TOUCHPOINTS[i % 4]}`).join(", ");
    const rows = Array.from({ length: 60_000 }, (_, i) => `2025-06-01,L${i % 20_000},${1 + (i % 5)}`);
    return {
      files: {
        [DATA_MAP]: mapText({
          sources: [
            "  - file: export.csv",
            `    touchpoint: {column: Touchpoint, ids: {${ids}}}`,
            "    date: {column: Date}",
            "    metrics: [{metric: csat, column: Score, aggregate: csat}]",
          ].join("\n"),
        }),
        "maps/export.csv": `Date,Touchpoint,Score\n${rows.join("\n")}\n`,
      },
    };
  },
  "huge numbers": () => ({
    files: {
      [DATA_MAP]: mapText({
        sources: [
          "  - file: export.csv",
          "    touchpoint: {column: Touchpoint}",
          "    metrics: [{metric: score, column: Amount, aggregate: sum}]",
        ].join("\n"),
      }),
      "maps/export.csv": `Touchpoint,Amount\n${Array.from({ length: 40_000 }, (_, i) => `${TOUCHPOINTS[i % 4]},${"9".repeat(20)}`).join("\n")}\n`,
    },
  }),
};
