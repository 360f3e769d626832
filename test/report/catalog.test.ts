// The report catalog: every format has a description and a formatter that gives text for an empty run;
// names typed by users resolve only to real entries; and the compiler refuses a half-added format
// (the @ts-expect-error lines below are checked by `tsc -p tsconfig.test.json` in `npm run lint`).
import { describe, expect, it } from "vitest";
import {
  reportFormatNames,
  reportFormatOf,
  reportFormats,
  type ReportFormat,
  type ReportFormatName,
} from "../../src/report/index.js";
import type { Formatter } from "../../src/report/types.js";

describe("report catalog", () => {
  it("lists every format with a one-line description and a formatter", () => {
    expect(reportFormatNames).toEqual(["stylish", "json", "sarif", "github", "junit", "gitlab"]);
    for (const name of reportFormatNames) {
      const { description, formatter } = reportFormats[name];
      expect(description).toMatch(/^[^\n]{10,100}$/);
      expect(typeof formatter([], { color: false, command: "lint", rules: [] })).toBe("string");
    }
  });

  it("resolves only its own names: inherited property names are not formats", () => {
    for (const name of ["__proto__", "toString", "constructor", "hasOwnProperty", "STYLISH", ""]) {
      expect(reportFormatOf(name)).toBeUndefined();
    }
    expect(reportFormatOf("sarif")).toBe(reportFormats.sarif);
  });
});

// Type tests: an entry without a formatter, or with a formatter of the wrong shape, does not compile.
const formatter: Formatter = () => "";
const complete = { description: "d", formatter } satisfies ReportFormat;
// @ts-expect-error a format needs a formatter
const withoutFormatter = { description: "d" } satisfies ReportFormat;
// @ts-expect-error a formatter returns text
const wrongFormatter = { description: "d", formatter: () => 1 } satisfies ReportFormat;
// @ts-expect-error only catalog names are format names
const unknownName: ReportFormatName = "csv";
void [complete, withoutFormatter, wrongFormatter, unknownName];
