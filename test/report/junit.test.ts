// The junit report, read back with a real XML parser: a suite per map, a case per check, a failure per finding.
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { enabledRules, resolveConfig } from "../../src/lint/index.js";
import { junit } from "../../src/report/junit.js";
import { GAPS, INVALID, lintContext, lintResults } from "./results.js";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["testsuite", "testcase", "failure"].includes(name),
});

describe("junit report", () => {
  const results = lintResults();
  const checks = enabledRules(resolveConfig());
  const xml = junit(
    results.map((result) => ({ ...result, checks })),
    lintContext(resolve(".")),
  );
  const document = parser.parse(xml);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it("has one testsuite per map and one testcase per check (validation, then each enabled rule)", () => {
    const suites = document.testsuites.testsuite;
    expect(suites.map((suite: { name: string }) => suite.name)).toEqual(results.map((result) => result.filePath));
    for (const suite of suites)
      expect(suite.testcase.map((testcase: { name: string }) => testcase.name)).toEqual(["validation", ...checks]);
    expect(document.testsuites.name).toBe("journeymap lint");
    expect(Number(document.testsuites.tests)).toBe(results.length * (checks.length + 1));
  });

  it("has a failure per finding, with the message and position, under its rule", () => {
    const suite = document.testsuites.testsuite.find((s: { name: string }) => s.name === GAPS);
    const findings = results[0]!.messages;
    const failures = suite.testcase.flatMap((testcase: any) =>
      (testcase.failure ?? []).map((failure: any) => ({ rule: testcase.name, ...failure })),
    );
    expect(failures).toHaveLength(findings.length);
    for (const finding of findings) {
      expect(failures).toContainEqual({
        rule: finding.ruleId,
        message: finding.message,
        type: finding.severity,
        "#text": `${GAPS}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message} (${finding.ruleId})`,
      });
    }
    const failing = new Set(findings.map((finding) => finding.ruleId));
    expect(Number(suite.failures)).toBe(failing.size);
  });

  it("marks the rules as skipped on a map with schema errors, and the validation case as failed", () => {
    const suite = document.testsuites.testsuite.find((s: { name: string }) => s.name === INVALID);
    expect(suite.testcase[0].failure.map((failure: any) => failure.type)).toEqual(
      results[1]!.messages.map(() => "error"),
    );
    expect(suite.testcase.slice(1).every((testcase: any) => "skipped" in testcase)).toBe(true);
    expect(Number(suite.skipped)).toBe(checks.length);
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
