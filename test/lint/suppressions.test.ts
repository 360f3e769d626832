// In-file suppressions: which comments are directives (real YAML comments only), what they target,
// and how they apply to findings.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadJourney } from "../../src/journey/load.js";
import { resolveConfig } from "../../src/lint/config.js";
import { lintJourney, lintLoadedWithSuppressed } from "../../src/lint/engine.js";
import { parseDirectives } from "../../src/lint/suppressions.js";
import { yaml } from "./rule-tester.js";

describe("parseDirectives", () => {
  it("reads kind, rules, reason, comment range and target line", () => {
    const text = yaml`
      a: 1
      # journeymap-disable-next-line touchpoint-owner, missing-channel -- the partner runs it

      # another comment
      b: 2 # journeymap-disable-line emotion-dip missing-emotion
      # journeymap-disable-file
    `;
    expect(parseDirectives(text)).toEqual([
      {
        kind: "disable-next-line",
        rules: ["touchpoint-owner", "missing-channel"],
        reason: "the partner runs it",
        range: { line: 2, column: 1, endLine: 2, endColumn: 88 },
        target: 5,
      },
      {
        kind: "disable-line",
        rules: ["emotion-dip", "missing-emotion"],
        range: { line: 5, column: 6, endLine: 5, endColumn: 59 },
        target: 5,
      },
      { kind: "disable-file", rules: [], range: { line: 6, column: 1, endLine: 6, endColumn: 26 } },
    ]);
  });

  it("ignores the directive words inside quoted and block scalars", () => {
    const text = yaml`
      a: "x # journeymap-disable-line"
      b: 'y # journeymap-disable-file'
      c: |
        # journeymap-disable-file
      d: [1, 2] # journeymap-disable-line missing-channel
    `;
    expect(parseDirectives(text).map(({ kind, range }) => `${kind}@${range.line}:${range.column}`)).toEqual([
      "disable-line@5:11",
    ]);
  });

  it("finds nothing, quickly, in a file without the word", () => {
    expect(parseDirectives("a: 1 # a comment\n")).toEqual([]);
  });
});

describe("suppressions applied by lintJourney", () => {
  const map = (touchpoint: string, before = "") =>
    yaml`
      journeymap: 1
      title: T
      personas: [{id: parent, name: Dana}]
      stages:
        - id: awareness
          name: Awareness
          touchpoints:
    ` +
    before +
    touchpoint;
  const lint = (text: string) =>
    lintJourney(text, { stages: ["awareness"] }).map(({ ruleId, line }) => `${line} ${ruleId}`);

  it("without comments, a bare touchpoint has three findings", () => {
    expect(lint(map("      - name: Sees an ad\n"))).toEqual([
      "8 missing-channel",
      "8 missing-emotion",
      "8 touchpoint-owner",
    ]);
  });

  it("disable-next-line with two rules leaves the third", () => {
    expect(
      lint(
        map("      - name: Sees an ad\n", "      # journeymap-disable-next-line missing-channel,touchpoint-owner\n"),
      ),
    ).toEqual(["9 missing-emotion"]);
  });

  it("disable-line without rules suppresses every finding that starts on the line", () => {
    expect(lint(map("      - name: Sees an ad # journeymap-disable-line -- a placeholder\n"))).toEqual([]);
  });

  it("disable-file for one rule, anywhere in the file", () => {
    expect(lint(map("      - name: Sees an ad\n") + "# journeymap-disable-file missing-emotion\n")).toEqual([
      "8 missing-channel",
      "8 touchpoint-owner",
    ]);
  });

  it("a comment on the line after the finding does not suppress it", () => {
    expect(
      lint(
        map(
          "      - name: Sees an ad\n        channel: web # journeymap-disable-line touchpoint-owner\n        emotion: 3\n",
        ),
      ),
    ).toEqual(["8 touchpoint-owner", "9 unused-disable"]);
  });

  it("schema errors are never suppressed, and no rule runs on an invalid map", () => {
    const text = map("      - name: Sees an ad # journeymap-disable-line\n        emotion: 9\n");
    expect(lintJourney(text).map(({ ruleId, line }) => `${line} ${ruleId}`)).toEqual(["9 schema"]);
  });

  it("unused-disable can be turned off", () => {
    const text = map("      - name: Sees an ad # journeymap-disable-line emotion-dip\n");
    expect(
      lintJourney(text, { stages: [], rules: { "unused-disable": "off" } }).map((finding) => finding.ruleId),
    ).toEqual(["missing-channel", "missing-emotion", "touchpoint-owner"]);
  });

  it("returns what the comments silenced, with the reason after --, for the reports", () => {
    const file = "test/fixtures/lint/suppressed.journey.yaml";
    const loaded = loadJourney(readFileSync(file, "utf8"), { file });
    const { messages, suppressed } = lintLoadedWithSuppressed(loaded, resolveConfig({}));
    expect(messages).toEqual(lintJourney(loaded));
    const silenced = suppressed.map(({ line, ruleId, justification }) => `${line} ${ruleId}: ${justification ?? "-"}`);
    expect(silenced).toContain("8 missing-stage: a partner-run journey: retention and advocacy are theirs");
    expect(silenced).toContain("14 missing-channel: the partner's banner");
    expect(silenced).toContain("14 touchpoint-owner: the partner's banner");
    expect(silenced).toContain("19 touchpoint-owner: -");
    // Silenced findings keep their subjects, so SARIF can match them to the open alerts they close.
    expect(suppressed.every((finding) => finding.subject)).toBe(true);
  });

  it("stays linear: 20,000 stacked disable comments and their findings lint in seconds (issue 8)", () => {
    const touchpoints = Array.from(
      { length: 2_000 },
      (_, i) =>
        "      # journeymap-disable-next-line touchpoint-owner -- accepted\n".repeat(10) +
        `      - name: Step ${i}\n        channel: web\n        emotion: 3\n`,
    ).join("");
    const text = map(touchpoints);
    const started = performance.now();
    const loaded = loadJourney(text);
    const { suppressed } = lintLoadedWithSuppressed(loaded, resolveConfig({ stages: [] }));
    expect(performance.now() - started).toBeLessThan(8000);
    expect(suppressed.filter((finding) => finding.ruleId === "touchpoint-owner")).toHaveLength(2_000);
  });
});
