// The sarif report validates against the official SARIF 2.1.0 schema and carries what code scanning reads.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { sarif } from "../../src/report/sarif.js";
import { GAPS, INVALID, lintContext, lintResults } from "./results.js";

const ROOT = resolve(".");
const schema = JSON.parse(readFileSync(resolve(ROOT, "../shared/oracles/sarif-schema-2.1.0.json"), "utf8"));
const isUrl = (value: string, base?: string) => {
  try {
    new URL(value, base);
    return true;
  } catch {
    return false;
  }
};
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: {
    uri: (value: string) => isUrl(value) && !/\s/.test(value),
    "uri-reference": (value: string) => isUrl(value, "file:///base/") && !/\s/.test(value),
    "date-time": /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
  },
});
const validateSarif = ajv.compile(schema);

describe("sarif report", () => {
  const results = lintResults();
  const log = JSON.parse(sarif(results, lintContext(ROOT)));

  it("validates against the official SARIF 2.1.0 schema", () => {
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The oracle does reject what is not SARIF (a guard against a validator that accepts anything).
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it("describes every rule in tool.driver.rules, with descriptions, help and default level", () => {
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({ name: "journeymap", version: "1.2.3", semanticVersion: "1.2.3" });
    const owner = driver.rules.find((rule: { id: string }) => rule.id === "touchpoint-owner");
    expect(owner).toEqual({
      id: "touchpoint-owner",
      name: "TouchpointOwner",
      shortDescription: { text: "A touchpoint with no owner." },
      fullDescription: {
        text: expect.stringMatching(/^A touchpoint with no owner\. A touchpoint nobody owns is one nobody improves/),
      },
      help: {
        text: expect.stringContaining("Documentation: https://unpkg.com/journeymap/docs/rules/touchpoint-owner.md"),
        markdown: expect.any(String),
      },
      helpUri: "https://unpkg.com/journeymap/docs/rules/touchpoint-owner.md",
      defaultConfiguration: { level: "warning" },
    });
    expect(driver.rules.find((rule: { id: string }) => rule.id === "unused-team").defaultConfiguration).toEqual({
      level: "note",
    });
  });

  it("gives one result per finding, with ruleIndex, level, message and a repo-relative location", () => {
    const findings = results.flatMap((result) =>
      result.messages.map((message) => ({ ...message, filePath: result.filePath })),
    );
    const { results: sarifResults, tool } = log.runs[0];
    expect(sarifResults).toHaveLength(findings.length);
    sarifResults.forEach((result: any, index: number) => {
      const finding = findings[index]!;
      expect(tool.driver.rules[result.ruleIndex].id).toBe(finding.ruleId);
      expect(result).toEqual({
        ruleId: finding.ruleId,
        ruleIndex: result.ruleIndex,
        level: { error: "error", warning: "warning", info: "note" }[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: finding.filePath.replace(/ /g, "%20"), uriBaseId: "%SRCROOT%" },
              region: {
                startLine: finding.line,
                startColumn: finding.column,
                endLine: finding.endLine,
                endColumn: finding.endColumn,
              },
            },
          },
        ],
      });
    });
    expect(sarifResults.some((result: any) => result.locations[0].physicalLocation.artifactLocation.uri === GAPS)).toBe(
      true,
    );
    expect(
      sarifResults.some(
        (result: any) => result.locations[0].physicalLocation.artifactLocation.uri === INVALID.replace(/ /g, "%20"),
      ),
    ).toBe(true);
    expect(log.runs[0].originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${ROOT}/`);
  });

  it("uses an absolute file URI for a map outside the repository", () => {
    const outside = JSON.parse(
      sarif(
        [{ filePath: "/elsewhere/a map.journey.yaml", messages: [{ ...lintResults()[0]!.messages[0]! }] }],
        lintContext(ROOT),
      ),
    );
    expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: "file:///elsewhere/a%20map.journey.yaml",
    });
    expect(validateSarif(outside)).toBe(true);
  });

  it("is valid with no findings at all", () => {
    const empty = JSON.parse(sarif([], lintContext(ROOT)));
    expect(empty.runs[0].results).toEqual([]);
    expect(validateSarif(empty)).toBe(true);
  });
});
