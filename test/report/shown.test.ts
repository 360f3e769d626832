/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- the tests walk parsed reports */
// What a report lists (src/report/shown.ts): at most 1,000 findings of a rule per map and 25,000 in all,
// and every format says, in its own way, how many it left out; read back with the formats' parsers.
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";
import { github } from "../../src/report/github.js";
import { gitlab } from "../../src/report/gitlab.js";
import { json } from "../../src/report/json.js";
import { junit } from "../../src/report/junit.js";
import { stylish } from "../../src/report/stylish.js";
import type { FileResult } from "../../src/report/types.js";
import { lintContext } from "./results.js";

const context = lintContext(resolve("."));
const finding = (ruleId: string, line: number, severity: Diagnostic["severity"] = "warning"): Diagnostic => ({
  file: "x",
  ruleId,
  severity,
  message: `finding ${line}`,
  line,
  column: 1,
  endLine: line,
  endColumn: 2,
});

/** One map with 1,200 missing-channel findings and 3 touchpoint-owner ones. */
const noisy = (): FileResult[] => [
  {
    filePath: "maps/noisy.journey.yaml",
    messages: [
      ...Array.from({ length: 1_200 }, (_, i) => finding("missing-channel", i + 1)),
      ...[1, 2, 3].map((i) => finding("touchpoint-owner", 2_000 + i, "error")),
    ],
  },
];
const CUT =
  '200 more "missing-channel" findings in this map left out: a report lists at most 1,000 per rule and map; fix these (or turn the rule off) and run again to see the rest';

/** 26 maps of 1,000 findings each (26 rules would be cut per map otherwise: one rule per map). */
const crowded = (): FileResult[] =>
  Array.from({ length: 26 }, (_, map) => ({
    filePath: `maps/m${map}.journey.yaml`,
    messages: Array.from({ length: 1_000 }, (_, i) => finding(`rule-${map}`, i + 1)),
  }));
const FULL =
  "1,000 more findings in 1 map left out: a report lists at most 25,000 (fewer when paths and messages are long); fix the ones shown and run again to see the rest";

describe("a report lists at most 1,000 findings of a rule per map", () => {
  it("stylish: the first 1,000 with their positions, a note under the map, and the run's real counts", () => {
    const out = stylish(noisy(), { ...context, color: false });
    const listed = out.split("\n").filter((line) => /^ {2}\d+:1 /.test(line));
    expect(listed).toHaveLength(1_003);
    expect(listed[999]).toMatch(/^ {2}1000:1 +warning {2}finding 1000 {2}missing-channel$/);
    expect(listed[1_000]).toMatch(/^ {2}2001:1 +error/);
    expect(out).toContain(`\n  … ${CUT}\n`);
    expect(out.trimEnd().split("\n").at(-1)).toBe("✖ 1203 problems (3 errors, 1200 warnings)");
  });

  it("json: the listed messages, the map's real counts, and how many were left out by rule", () => {
    const [file] = JSON.parse(json(noisy(), context));
    expect(file.messages).toHaveLength(1_003);
    expect([file.errorCount, file.warningCount, file.leftOut, file.leftOutByRule]).toEqual([
      3,
      1_200,
      200,
      { "missing-channel": 200 },
    ]);
  });

  it("junit: a skipped case per cut rule, counted as skipped", () => {
    const xml = junit(noisy(), context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    const suite = document.testsuites.testsuite;
    const skipped = suite.testcase.filter((testcase: any) => testcase.skipped !== undefined);
    expect(skipped).toEqual([
      {
        name: "missing-channel: 200 more left out",
        classname: "journeymap.maps/noisy_journey_yaml",
        time: "0",
        skipped: { message: CUT },
      },
    ]);
    expect([suite.tests, suite.failures, suite.skipped]).toEqual(["1004", "1003", "1"]);
    expect([document.testsuites.tests, document.testsuites.skipped]).toEqual(["1004", "1"]);
  });

  it("gitlab: an info issue for the cut rule, on the map", () => {
    const issues = JSON.parse(gitlab(noisy(), context));
    expect(issues).toHaveLength(1_004);
    expect(issues.at(-1)).toEqual({
      description: CUT,
      check_name: "missing-channel",
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: "info",
      location: { path: "maps/noisy.journey.yaml", lines: { begin: 1 } },
    });
  });

  it("github: an annotation on the map for the cut rule", () => {
    const lines = github(noisy(), context).trimEnd().split("\n");
    expect(lines).toHaveLength(1_004);
    expect(lines.at(-1)).toBe(`::warning file=maps/noisy.journey.yaml,title=journeymap (missing-channel)::${CUT}`);
  });
});

describe("a report lists at most 25,000 findings in all", () => {
  it.each([
    [
      "stylish",
      (results: FileResult[]) =>
        stylish(results, { ...context, color: false })
          .split("\n")
          .filter((line) => /^ {2}\d+:1 /.test(line)).length,
    ],
    [
      "json",
      (results: FileResult[]) => JSON.parse(json(results, context)).flatMap((file: any) => file.messages).length,
    ],
    [
      "gitlab",
      (results: FileResult[]) =>
        JSON.parse(gitlab(results, context)).filter((issue: any) => issue.check_name !== "journeymap").length,
    ],
    [
      "github",
      (results: FileResult[]) =>
        github(results, context)
          .split("\n")
          .filter((line) => line.startsWith("::warning file=")).length,
    ],
  ])("%s lists 25,000 of 26,000", (_name, listed) => {
    expect(listed(crowded())).toBe(25_000);
  });

  it("each format closes with the note", () => {
    const results = crowded();
    expect(stylish(results, { ...context, color: false })).toContain(`\n… ${FULL}\n`);
    expect(JSON.parse(json(results, context)).at(-1)).toMatchObject({ leftOut: 1_000, messages: [] });
    expect(JSON.parse(gitlab(results, context)).at(-1)).toMatchObject({
      description: FULL,
      check_name: "journeymap",
      location: { path: "maps/m25.journey.yaml" },
    });
    expect(github(results, context).trimEnd().split("\n").at(-1)).toBe(`::warning title=journeymap::${FULL}`);
    const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(junit(results, context));
    const last = document.testsuites.testsuite.at(-1);
    expect(last.testcase).toMatchObject({ name: "1,000 more left out", skipped: { message: FULL } });
    expect(document.testsuites.skipped).toBe("1");
  });
});

describe("a report's findings take at most 20 million characters", () => {
  it("lists fewer findings from maps with 4,000-character paths, and says so", () => {
    const path = `${"folder/".repeat(570)}map.journey.yaml`;
    const results: FileResult[] = [
      { filePath: path, messages: Array.from({ length: 26_000 }, (_, i) => finding(`rule-${i % 26}`, i + 1)) },
    ];
    const listed = JSON.parse(gitlab(results, context)).filter((issue: any) => issue.check_name !== "journeymap");
    // About 20,000,000 / (400 + 4,006 + 14): each finding repeats the path.
    expect(listed.length).toBe(4_527);
    const xml = junit(results, context);
    expect(xml.length).toBeLessThan(50 * 2 ** 20);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(github(results, context).trimEnd().split("\n").at(-1)).toBe(
      "::warning title=journeymap::21,473 more findings in 1 map left out: a report lists at most 25,000 (fewer when paths and messages are long); fix the ones shown and run again to see the rest",
    );
  });
});

describe("stylish code frames", () => {
  it("read only a window of the line: 100,000 spaces before a comment cost nothing", () => {
    // A range over two lines is underlined to the end of its first line's content; the old pattern
    // (/\s+#.*$/ over the whole line) took 15 s for two findings on this line.
    const line = `title: x${" ".repeat(100_000)}# note`;
    const source = `${line}\nstages: []\n`;
    const messages = [1, 2, 3, 4].map((column) => ({
      ...finding("missing-stage", 1),
      column,
      endLine: 2,
      endColumn: 1,
    }));
    const started = performance.now();
    const out = stylish([{ filePath: "spaces.journey.yaml", source, messages }], { ...context, color: false });
    expect(performance.now() - started).toBeLessThan(500);
    const frames = out.split("\n").filter((text) => text.startsWith("    1 | "));
    expect(frames).toHaveLength(4);
    for (const frame of frames) expect(frame.length).toBeLessThan(100);
    // Underlined from the column to the end of the content ("title: x"), not over the spaces.
    expect(out).toContain(`    1 | title: x${" ".repeat(72)}…\n      | ^^^^^^^^\n`);
  });

  it("underline a multi-line range to the end of the first line's content, before its comment", () => {
    const source = "stages:   # the stages\n  - id: a\n";
    const out = stylish(
      [
        {
          filePath: "c.journey.yaml",
          source,
          messages: [{ ...finding("missing-stage", 1), endLine: 2, endColumn: 9 }],
        },
      ],
      { ...context, color: false },
    );
    expect(out).toContain("    1 | stages:   # the stages\n      | ^^^^^^^\n");
  });
});
