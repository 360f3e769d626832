// Metric values as people read them, in every size: on the page, in the picture and in findings
// (formatMetricNumber), and in the maps data pull writes (plainNumber, read back by YAML parsers).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { flowMeasurement } from "../../src/data/apply.js";
import { formatMetricNumber, formatNumber, plainNumber } from "../../src/journey/metrics.js";
import { loadJourney } from "../../src/journey/load.js";
import { runCli, type JsonReportFile } from "../helpers/cli.js";
import { makeRepository } from "../helpers/repository.js";

const HUGE = [1e21, 4e24, -1.5e22, 1.2345678901234569e23, Number.MAX_VALUE];
const SMALL = [1e-7, -2.5e-9, 5e-324, 0.000123];

describe("plainNumber", () => {
  it("writes digits, never an exponent, and reads back as the same number", () => {
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(-1.5e22)).toBe("-15000000000000000000000");
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(-2.5e-9)).toBe("-0.0000000025");
    expect(plainNumber(-0)).toBe("0");
    expect(plainNumber(72.5)).toBe("72.5");
    for (const value of [...HUGE, ...SMALL, 0, 72.5, -3, 2 ** 53 + 2]) {
      const text = plainNumber(value);
      expect(text).not.toMatch(/e/i);
      expect(Number(text)).toBe(value);
      expect(parse(`v: ${text}`)).toEqual({ v: value });
    }
    expect(plainNumber(Number.MAX_VALUE).length).toBe(309);
    expect(plainNumber(5e-324).length).toBeLessThan(330);
    expect([NaN, Infinity, -Infinity].map(plainNumber)).toEqual(["NaN", "Infinity", "-Infinity"]);
  });

  it("a measured value data pull writes reads back, through the map loader, as measured", () => {
    for (const value of [...HUGE, ...SMALL]) {
      const text = flowMeasurement({ value, date: "2025-06-30", source: "x.csv", n: 3 });
      expect(text).not.toMatch(/\de/i);
      const map = `journeymap: 1\ntitle: T\nstages:\n  - id: s\n    name: S\n    metrics: {m: ${text}}\n`;
      const loaded = loadJourney(map);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.journey!.stages[0]!.metrics!.m).toEqual({ value, date: "2025-06-30", source: "x.csv", n: 3 });
    }
  });
});

describe("formatNumber and formatMetricNumber", () => {
  it("group the digits of numbers of 1e21 and more instead of an exponent or a wrong number", () => {
    expect(formatNumber(1e21)).toBe("1,000,000,000,000,000,000,000");
    expect(formatNumber(4e24, 0)).toBe("4,000,000,000,000,000,000,000,000");
    expect(formatNumber(-1.5e22)).toBe("-15,000,000,000,000,000,000,000");
    expect(formatMetricNumber(4e24, { id: "p", name: "P", unit: "currency", currency: "EUR" })).toBe(
      "4,000,000,000,000,000,000,000,000 EUR",
    );
    expect(formatMetricNumber(1e21, { id: "c", name: "C", unit: "percent" })).toBe("1,000,000,000,000,000,000,000%");
    expect(formatMetricNumber(6e21, { id: "w", name: "W", unit: "seconds" })).toBe(
      "100,000,000,000,000,000,000 min 0 s",
    );
    // A value of no defined metric is shown as written: digits, not "1e+21".
    expect(formatMetricNumber(1e21, undefined)).toBe("1000000000000000000000");
    expect(formatMetricNumber(1e-7, undefined)).toBe("0.0000001");
    for (const value of HUGE) expect(Number(formatNumber(value).replaceAll(",", ""))).toBe(value);
  });

  it("never print -0, keep two significant digits of a number too small for the decimals, name NaN and ∞", () => {
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(-0.001)).toBe("-0.001");
    expect(formatNumber(0.004)).toBe("0.004");
    expect(formatNumber(1e-7)).toBe("0.0000001");
    expect(formatNumber(-2.5e-9)).toBe("-0.0000000025");
    expect(formatNumber(0.000123)).toBe("0.00012");
    expect(formatNumber(0.4, 0)).toBe("0");
    expect(formatNumber(72.456)).toBe("72.46");
    expect(formatMetricNumber(1e-7, { id: "c", name: "C", unit: "percent" })).toBe("0.0000001%");
    expect([NaN, Infinity, -Infinity].map((value) => formatNumber(value))).toEqual(["NaN", "∞", "-∞"]);
  });
});

describe("a value of 1e21 and more through data pull, lint --data and render --data", () => {
  const MAP = `journeymap: 1
title: Pipeline
personas: [{id: b, name: B}]
metrics:
  - {id: pipeline, name: Pipeline, unit: currency, currency: EUR, better: lower, target: 5}
sources:
  - file: deals.csv
    touchpoint: {column: Touchpoint}
    metrics: [{metric: pipeline, column: Amount, aggregate: mean}]
stages:
  - id: s
    name: S
    touchpoints:
      - {id: pay, name: Pays, owner: w}
`;
  let repo: string;
  beforeAll(() => {
    repo = makeRepository("data-numbers", {
      "maps/pipeline.journey.yaml": MAP,
      "maps/deals.csv": "Touchpoint,Amount\npay,999999999999999999999\npay,3000000000000000000000\n",
    });
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const AS_OF = ["--as-of", "2025-06-30"];
  const SHOWN = "2,000,000,000,000,000,000,000 EUR";

  it("writes the digits into the map, and every output shows the same number grouped", () => {
    const page = runCli(["render", "maps/pipeline.journey.yaml", "--data", ...AS_OF, "-f", "markdown"], { cwd: repo });
    expect(page.stdout).toContain(`| S     | Pays       | Pipeline | ${SHOWN} (n = 2) | 5 EUR  | ✗ off target |`);
    const svg = runCli(["render", "maps/pipeline.journey.yaml", "--data", ...AS_OF, "-f", "svg"], { cwd: repo });
    expect(svg.stdout).toContain(">2,000,000,000,000,000,000,000<");
    const lint = runCli(["lint", "maps", "--data", ...AS_OF, "-f", "json"], { cwd: repo });
    const messages = (JSON.parse(lint.stdout) as JsonReportFile[]).flatMap((file) => file.messages);
    expect(messages.find((message) => message.ruleId === "metric-off-target")?.message).toMatch(
      new RegExp(`^Pipeline at touchpoint "Pays" is ${SHOWN} against a target of 5 EUR, `),
    );
    expect(runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo }).code).toBe(0);
    const written = readFileSync(join(repo, "maps/pipeline.journey.yaml"), "utf8");
    expect(written).toContain("{pipeline: {value: 2000000000000000000000, date: 2025-06-30, source: deals.csv, n: 2}}");
    expect(parse(written)).toMatchObject({
      stages: [{ touchpoints: [{ metrics: { pipeline: { value: 2e21 } } }] }],
    });
  });
});
