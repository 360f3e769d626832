// The gitlab report: GitLab Code Quality issues read back as JSON, with SARIF's finding identities.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { reportFormatOf } from "../../src/report/index.js";
import { gitlab } from "../../src/report/gitlab.js";
import { sarif } from "../../src/report/sarif.js";
import { GAPS, INVALID, lintContext, lintResults } from "./results.js";

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe("gitlab report", () => {
  const results = lintResults();
  const context = lintContext(resolve("."));
  const issues = JSON.parse(gitlab(results, context)) as Issue[];

  it("is in the report catalog", () => {
    expect(reportFormatOf("gitlab")?.formatter).toBe(gitlab);
  });

  it("has one Code Quality issue per finding, with GitLab's severities and the repo-relative path", () => {
    const findings = results.flatMap((result) =>
      result.messages.map((message) => ({ ...message, path: result.filePath })),
    );
    expect(issues).toEqual(
      findings.map((finding) => ({
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}(:\d+)?$/) as string,
        severity: { error: "major", warning: "minor", info: "info" }[finding.severity],
        location: { path: finding.path, lines: { begin: finding.line } },
      })),
    );
    expect(issues.some((issue) => issue.location.path === GAPS && issue.severity === "info")).toBe(true);
    expect(issues.some((issue) => issue.location.path === INVALID)).toBe(true);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
  });

  it("uses the same fingerprints as the SARIF report", () => {
    const log = JSON.parse(sarif(results, context)) as {
      runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }>;
    };
    expect(log.runs[0]!.results.map((result) => result.partialFingerprints["journeymapFindingHash/v1"])).toEqual(
      issues.map((issue) => issue.fingerprint),
    );
  });

  it("is an empty array when there is nothing to report", () => {
    expect(JSON.parse(gitlab([{ filePath: "a.journey.yaml", messages: [] }], context))).toEqual([]);
  });
});
