// stale-metric: a value older than the maximum age at the run's as-of day; no as-of, no finding.
import { describe, expect, it } from "vitest";
import { lintJourney } from "../../../src/lint/engine.js";
import { HEAD } from "./metric-helpers.js";

const only = { rules: { "stale-metric": "warning" as const }, stages: ["decision"] };
const lint = (code: string, asOf?: string, config: object = {}) =>
  lintJourney(code, { ...only, ...config }, { file: "case.journey.yaml", ...(asOf ? { asOf } : {}) }).filter(
    (finding) => finding.ruleId === "stale-metric",
  );

describe("stale-metric", () => {
  const code = `${HEAD}        metrics:\n          csat: {value: 82, date: 2025-03-01}\n          ces: {value: 2, date: 2025-02-30}\n`;

  it("finds a value older than 90 days, and a date that is no day, at the date's position", () => {
    expect(
      lint(code, "2025-06-30").map(({ line, column, endColumn, message, subject }) => ({
        line,
        column,
        endColumn,
        message,
        subject,
      })),
    ).toEqual([
      {
        line: 14,
        column: 35,
        endColumn: 45,
        message:
          'metric "csat" at touchpoint "Pays" was measured on 2025-03-01, 121 days before 2025-06-30 (more than 90): refresh it with journeymap data pull, or remove it',
        subject: "touchpoint:decision/pay:metric:csat",
      },
      {
        line: 15,
        column: 33,
        endColumn: 43,
        message:
          'metric "ces" at touchpoint "Pays" is dated 2025-02-30, which is not a day of the calendar: write the day it was measured',
        subject: "touchpoint:decision/pay:metric:ces",
      },
    ]);
  });

  it("measures against the as-of day: 90 days is not stale, 91 is", () => {
    expect(lint(code, "2025-05-30").filter((finding) => finding.message.includes("csat"))).toEqual([]);
    expect(lint(code, "2025-05-31").filter((finding) => finding.message.includes("csat"))).toHaveLength(1);
  });

  it("reads the maximum age from the configuration", () => {
    expect(lint(code, "2025-06-30", { data: { maxAge: "20w" } }).filter((f) => f.message.includes("csat"))).toEqual([]);
  });

  it("reads no clock: without an as-of day only impossible dates are found", () => {
    expect(lint(code).map((finding) => finding.line)).toEqual([15]);
  });
});
