/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- the tests walk parsed SARIF JSON */
// The sarif report validates against the official SARIF 2.1.0 schema and carries what code scanning reads.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { resolveConfig } from "../../src/lint/config.js";
import { lintLoadedWithSuppressed } from "../../src/lint/engine.js";
import { DATA_SOURCE } from "../../src/data/measure.js";
import { CHECK_DESCRIPTORS, DATA_SOURCE_CHECK } from "../../src/lint/checks.js";
import { ruleDescriptors } from "../../src/lint/index.js";
import { findingIdentities } from "../../src/report/fingerprint.js";
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

  const finding = (ruleId: string, line: number, message = `finding ${line}`) => ({
    file: "x",
    ruleId,
    severity: "warning" as const,
    message,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
  });

  it("stays within code scanning's limits: 25,000 results in one run, a note for what was cut, under 10 MB gzipped", () => {
    // A 9,000-touchpoint map gives 27,004 findings (issue 20): here 28 rules × 1,000 in one map.
    const messages = Array.from({ length: 28_000 }, (_, i) => finding(`rule-${i % 28}`, i + 1));
    const text = sarif([{ filePath: GAPS, messages }], lintContext(ROOT));
    const cut = JSON.parse(text);
    expect(validateSarif(cut), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(cut.runs).toHaveLength(1);
    expect(cut.runs[0].results).toHaveLength(25_000);
    expect(cut.runs[0].results.at(-1).locations[0].physicalLocation.region.startLine).toBe(25_000);
    expect(cut.runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: "warning",
            message: {
              text: "3,000 more findings in 1 map left out: GitHub code scanning accepts at most 25,000 results per run (a report lists fewer when paths and messages are long); fix the ones shown and run again to see the rest",
            },
          },
        ],
      },
    ]);
    expect(gzipSync(text).length).toBeLessThan(10 * 2 ** 20);
  });

  it("lists at most 1,000 findings of a rule per map, with a notification tied to the rule and the map", () => {
    const messages = [
      ...Array.from({ length: 1_500 }, (_, i) => finding("missing-channel", i + 1)),
      finding("touchpoint-owner", 2_000),
    ];
    const log = JSON.parse(sarif([{ filePath: GAPS, messages }], lintContext(ROOT)));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const { results, invocations, tool } = log.runs[0];
    expect(results.map((result: any) => result.ruleId)).toEqual([
      ...Array(1_000).fill("missing-channel"),
      "touchpoint-owner",
    ]);
    const [note] = invocations[0].toolExecutionNotifications;
    expect(note).toEqual({
      level: "warning",
      message: {
        text: '500 more "missing-channel" findings in this map left out: a report lists at most 1,000 per rule and map; fix these (or turn the rule off) and run again to see the rest',
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: GAPS, uriBaseId: "%SRCROOT%" } } }],
      associatedRule: { id: "missing-channel", index: expect.any(Number) },
    });
    expect(tool.driver.rules[note.associatedRule.index].id).toBe("missing-channel");
    // The fingerprints of the listed findings are those of the full list: cutting renames no alert.
    const all = findingIdentities(messages, GAPS);
    expect(results.map((result: any) => result.partialFingerprints["journeymapFindingHash/v1"])).toEqual([
      ...all.slice(0, 1_000),
      all[1_500],
    ]);
  });

  it("cuts a huge message to its start and end, never splitting a surrogate pair", () => {
    const name = "😀".repeat(200_000);
    const log = JSON.parse(
      sarif(
        [{ filePath: GAPS, messages: [finding("touchpoint-owner", 1, `touchpoint "${name}" has no owner: add one`)] }],
        lintContext(ROOT),
      ),
    );
    const text: string = log.runs[0].results[0].message.text;
    expect(text.length).toBeLessThan(1_100);
    expect(text).toMatch(/^touchpoint "(😀)+…\(399,\d{3} characters left out\)…(😀)+" has no owner: add one$/u);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe("the checks and rules code scanning shows", () => {
  const log = JSON.parse(sarif(lintResults(), lintContext(ROOT)));
  const rules: Array<{ id: string }> = log.runs[0].tool.driver.rules;

  it("describes every check before the rules, and every map and repository rule", () => {
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual([
      ...CHECK_DESCRIPTORS.map((check) => check.id),
      ...ruleDescriptors().map((rule) => rule.id),
    ]);
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual(
      expect.arrayContaining(["yaml-syntax", "schema", "data-source", "touchpoint-owner", "duplicate-map-id"]),
    );
  });

  it.each(rules.map((rule): [string, any] => [rule.id, rule]))(
    "%s has a name, a short description and a helpUri to its page in docs/ at this version",
    (_id: string, rule: any) => {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(rule.name.toLowerCase()).not.toBe(rule.id.toLowerCase());
      expect(rule.shortDescription.text).toMatch(/^[A-Z].{10,}\.$/);
      expect(rule.helpUri).toMatch(new RegExp(`^${PAGES.replace(/[.]/g, "\\.")}[a-z-]+\\.md(#[a-z-]+)?$`));
      const [page, anchor] = rule.helpUri.slice(PAGES.length).split("#") as [string, string | undefined];
      const text = readFileSync(resolve(ROOT, "docs/rules", page), "utf8");
      // GitHub's anchor for a heading "## yaml-syntax" is #yaml-syntax.
      if (anchor) expect(text.split("\n")).toContain(`## ${anchor}`);
      else expect(text.split("\n")[0]).toBe(`# ${rule.id}`);
    },
  );

  it("names data-source as the data module does", () => {
    expect(DATA_SOURCE_CHECK).toBe(DATA_SOURCE);
  });
});
