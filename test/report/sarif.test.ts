/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- the tests walk parsed SARIF JSON */
// The sarif report validates against the official SARIF 2.1.0 schema and carries what code scanning reads.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { resolveConfig } from "../../src/lint/config.js";
import { lintLoadedWithSuppressed } from "../../src/lint/engine.js";
import { sarif } from "../../src/report/sarif.js";
import type { FileResult } from "../../src/report/types.js";
import { GAPS, INVALID, lintContext, lintResults } from "./results.js";

const ROOT = resolve(".");
// The official OASIS schema, vendored so the test reads nothing outside the repository.
const schema = JSON.parse(readFileSync(resolve(ROOT, "test/fixtures/sarif/sarif-2.1.0.schema.json"), "utf8"));
// ajv-draft-04 is CommonJS: under NodeNext the default import is module.exports, whose .default is the class.
const Ajv = AjvDraft04.default;
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
// Each rule's page in the repository at the tag of the version that wrote the report.
const { version } = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string };
const PAGES = `https://github.com/journeymap/journeymap/blob/v${version}/docs/rules/`;

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
        text: expect.stringContaining(`Documentation: ${PAGES}touchpoint-owner.md`),
        markdown: expect.any(String),
      },
      helpUri: `${PAGES}touchpoint-owner.md`,
      defaultConfiguration: { level: "warning" },
      properties: { tags: ["journey-map", "lint"] },
    });
    expect(driver.rules.find((rule: { id: string }) => rule.id === "schema").properties).toEqual({
      tags: ["journey-map", "validation"],
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
        partialFingerprints: { "journeymapFindingHash/v1": expect.stringMatching(/^[0-9a-f]{32}(:\d+)?$/) },
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

  const fingerprints = (text: string, file = GAPS, extra: Partial<FileResult> = {}) => {
    const lint = lintLoadedWithSuppressed(loadJourney(text, { file }), resolveConfig({}));
    const out = JSON.parse(
      sarif(
        [{ filePath: file, source: text, messages: lint.messages, suppressed: lint.suppressed, ...extra }],
        lintContext(ROOT),
      ),
    );
    expect(validateSarif(out), JSON.stringify(validateSarif.errors)).toBe(true);
    return out.runs[0].results.map((result: any) => ({
      ruleId: result.ruleId,
      line: result.locations[0].physicalLocation.region.startLine,
      fingerprint: result.partialFingerprints["journeymapFindingHash/v1"] as string,
      suppressions: result.suppressions,
    }));
  };

  it("keeps fingerprints when lines move, and gives distinct findings distinct ones", () => {
    const text = readFileSync(GAPS, "utf8");
    const before = fingerprints(text);
    // Three comment lines at the top move every finding down by three.
    const after = fingerprints(`# a\n# b\n# c\n${text}`);
    expect(after.map((result: any) => result.line)).toEqual(before.map((result: any) => result.line + 3));
    expect(after.map((result: any) => result.fingerprint)).toEqual(before.map((result: any) => result.fingerprint));
    expect(new Set(before.map((result: any) => result.fingerprint)).size).toBe(before.length);
    // Another file: the same findings are other alerts.
    const elsewhere = fingerprints(text, "other/gaps.journey.yaml");
    expect(elsewhere.some((result: any) => before.some((b: any) => b.fingerprint === result.fingerprint))).toBe(false);
  });

  it("reports findings silenced in the map as suppressed in source, with the comment's reason", () => {
    const text = readFileSync(GAPS, "utf8").replace(
      "      - id: price-ad  # expect: missing-channel",
      "      # journeymap-disable-next-line missing-channel -- the ad runs on every channel\n      - id: price-ad",
    );
    const results = fingerprints(text);
    const silenced = results.filter((result: any) => result.suppressions);
    expect(silenced).toEqual([
      {
        ruleId: "missing-channel",
        line: 22,
        fingerprint: expect.any(String),
        suppressions: [{ kind: "inSource", justification: "the ad runs on every channel" }],
      },
    ]);
    // Silencing a finding does not change its identity: the alert is closed, not replaced.
    const open = fingerprints(readFileSync(GAPS, "utf8")).find(
      (result: any) => result.ruleId === "missing-channel" && result.line === 21,
    );
    expect(silenced[0].fingerprint).toBe(open.fingerprint);
  });

  it("says the run failed in a valid log when the context carries a failure", () => {
    const failed = JSON.parse(
      sarif([], { ...lintContext(ROOT), failure: 'journeymap.config.yaml:3:5: unknown rule "toucpoint-owner"' }),
    );
    expect(validateSarif(failed), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(failed.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: "error", message: { text: 'journeymap.config.yaml:3:5: unknown rule "toucpoint-owner"' } },
        ],
      },
    ]);
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });
});
