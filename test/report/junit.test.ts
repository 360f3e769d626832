/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- the tests walk parsed XML */
// The junit report, read back with a real XML parser: a suite per map, a case per finding, counts recounted.
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { junit } from "../../src/report/junit.js";
import { GAPS, INVALID, lintContext, lintResults } from "./results.js";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["testsuite", "testcase", "failure"].includes(name),
  parseTagValue: false,
});

describe("junit report", () => {
  const results = lintResults();
  const xml = junit(results, lintContext(resolve(".")));
  const document = parser.parse(xml);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it("has one testsuite per map and one testcase per finding, plus a passing case for a clean map", () => {
    const suites = document.testsuites.testsuite;
    expect(suites.map((suite: { name: string }) => suite.name)).toEqual(results.map((result) => result.filePath));
    suites.forEach((suite: any, index: number) => {
      const findings = results[index]!.messages;
      expect(suite.testcase.map((testcase: { name: string }) => testcase.name)).toEqual(
        findings.length
          ? findings.map((finding) => `${finding.ruleId} at ${finding.line}:${finding.column}`)
          : ["no findings"],
      );
    });
    expect(document.testsuites.name).toBe("journeymap lint");
  });

  it("counts what a consumer recounts: tests, failures and nothing skipped, in every suite and the total", () => {
    let tests = 0;
    let failures = 0;
    for (const suite of document.testsuites.testsuite) {
      const cases = suite.testcase.length;
      const failed = suite.testcase.filter((testcase: any) => testcase.failure).length;
      expect([Number(suite.tests), Number(suite.failures), Number(suite.errors), Number(suite.skipped)]).toEqual([
        cases,
        failed,
        0,
        0,
      ]);
      tests += cases;
      failures += failed;
    }
    expect([Number(document.testsuites.tests), Number(document.testsuites.failures)]).toEqual([tests, failures]);
    const errorsAndWarnings = results.flatMap((result) => result.messages).filter((m) => m.severity !== "info");
    expect(failures).toBe(errorsAndWarnings.length);
  });

  it("fails a case per error or warning with the message and position; info passes with the text", () => {
    const suite = document.testsuites.testsuite.find((s: { name: string }) => s.name === GAPS);
    const findings = results[0]!.messages;
    expect(findings.some((finding) => finding.severity === "info")).toBe(true);
    findings.forEach((finding, index) => {
      const testcase = suite.testcase[index];
      const detail = `${GAPS}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message} (${finding.ruleId})`;
      if (finding.severity === "info") {
        expect(testcase.failure).toBeUndefined();
        expect(testcase["system-out"]).toBe(detail);
      } else {
        expect(testcase.failure).toEqual([{ message: finding.message, type: finding.severity, "#text": detail }]);
      }
    });
  });

  it("uses a classname that Jenkins does not split inside the file name", () => {
    const suite = document.testsuites.testsuite.find((s: { name: string }) => s.name === GAPS);
    // Jenkins: package = before the last ".", class = after it.
    const classname: string = suite.testcase[0].classname;
    expect(classname).toBe("journeymap.test/fixtures/lint/gaps_journey_yaml");
    expect(classname.slice(classname.lastIndexOf(".") + 1)).toBe("test/fixtures/lint/gaps_journey_yaml");
    expect(new Set(suite.testcase.map((testcase: any) => testcase.classname)).size).toBe(1);
  });

  it("puts a map with schema errors' findings in its suite as failures", () => {
    const suite = document.testsuites.testsuite.find((s: { name: string }) => s.name === INVALID);
    expect(suite.testcase.map((testcase: any) => testcase.failure[0].type)).toEqual(
      results[1]!.messages.map(() => "error"),
    );
  });

  it("stays linear in findings: 20,000 findings well within seconds", () => {
    const finding = results[0]!.messages[0]!;
    // Twenty rules of 1,000 findings each: a report lists at most 1,000 per rule and map (see shown.ts).
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...finding, ruleId: `rule-${i % 20}`, line: i + 1 }));
    const started = performance.now();
    const big = junit([{ filePath: "big.journey.yaml", messages: many }], lintContext(resolve(".")));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(big.split("<testcase ").length - 1).toBe(20_000);
  });

  it("escapes XML special characters and drops characters XML cannot hold", () => {
    const tricky = junit(
      [
        {
          filePath: 'a&b "c".journey.yaml',
          messages: [
            {
              file: "x",
              ruleId: "missing-channel",
              severity: "warning",
              message: 'touchpoint "<b>&\u0007" has no channel',
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 2,
            },
          ],
        },
      ],
      lintContext(resolve(".")),
    );
    expect(XMLValidator.validate(tricky)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", processEntities: true }).parse(
      tricky,
    );
    expect(parsed.testsuites.testsuite.name).toBe('a&b "c".journey.yaml');
  });
});
