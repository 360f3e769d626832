// A RuleTester in the typescript-eslint way: maps that must pass and maps that must fail, with the
// exact line and column of each finding. Only the rule under test runs, so cases stay small.
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { loadSharedFile, SHARED_FILE } from "../../src/journey/shared.js";
import { scopeOf } from "../../src/workspace/scope.js";
import { lintJourney } from "../../src/lint/engine.js";
import type { LintConfig } from "../../src/lint/config.js";
import { ruleIds } from "../../src/lint/rules/index.js";
import type { RuleSeverity } from "../../src/lint/types.js";

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  /** What the finding is about (journey/queries.ts subjectOf), which SARIF fingerprints and diff use. */
  subject?: string;
}

export interface RuleCase {
  name: string;
  code: string;
  /** Expected stages, as in journeymap.config.yaml. */
  stages?: LintConfig["stages"];
  /** A journeymap.shared.yaml in the map's scope. */
  shared?: string;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

/** Strips the common indentation of a template literal, so maps can be written indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, "");
  const indent = Math.min(
    ...text
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => line.length - line.trimStart().length),
  );
  return text
    .split("\n")
    .map((line) => line.slice(indent))
    .join("\n");
}

export function testRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const only: Record<string, RuleSeverity> = Object.fromEntries(
    ruleIds.map((id) => [id, id === ruleId ? "error" : "off"]),
  );
  const run = (testCase: RuleCase) => {
    const shared = testCase.shared === undefined ? undefined : loadSharedFile(testCase.shared, SHARED_FILE);
    if (shared) expect(shared.diagnostics, "the case's shared file is valid").toEqual([]);
    const loaded = loadJourney(testCase.code, {
      file: "case.journey.yaml",
      ...(shared ? { shared: scopeOf([shared]) } : {}),
    });
    // A case must be a valid map, or it would test the schema instead of the rule.
    expect(loaded.diagnostics, "the case's map is valid").toEqual([]);
    return lintJourney(loaded, { rules: only, ...(testCase.stages ? { stages: testCase.stages } : {}) });
  };

  describe(ruleId, () => {
    describe("valid", () => {
      for (const testCase of cases.valid) {
        it(testCase.name, () => {
          expect(run(testCase)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, () => {
          const findings = run(testCase);
          expect(findings.map((finding) => finding.ruleId)).toEqual(testCase.errors.map(() => ruleId));
          // Every finding names its subject, and two findings of a rule on one map never share one
          // (else their SARIF fingerprints would collide).
          const subjects = findings.map((finding) => finding.subject);
          expect(subjects.every((subject) => typeof subject === "string" && subject.length > 0)).toBe(true);
          expect(new Set(subjects).size).toBe(subjects.length);
          findings.forEach((finding, index) => {
            const expected = testCase.errors[index]!;
            expect({ line: finding.line, column: finding.column }).toEqual({
              line: expected.line,
              column: expected.column,
            });
            if (expected.endLine !== undefined) expect(finding.endLine).toBe(expected.endLine);
            if (expected.endColumn !== undefined) expect(finding.endColumn).toBe(expected.endColumn);
            if (expected.subject !== undefined) expect(finding.subject).toBe(expected.subject);
            if (typeof expected.message === "string") expect(finding.message).toBe(expected.message);
            else if (expected.message) expect(finding.message).toMatch(expected.message);
          });
        });
      }
    });
  });
}
