// unused-disable: journeymap-disable comments that suppress nothing, name unknown rules, or are misspelt.
// Here every rule runs, so that comments have findings to suppress.
import { describe, expect, it } from "vitest";
import { lintJourney } from "../../../src/lint/engine.js";
import { yaml } from "../rule-tester.js";

const lint = (code: string) =>
  lintJourney(code, { rules: { "unused-team": "off" } }).filter((finding) => finding.ruleId === "unused-disable");

const BASE = yaml`
  journeymap: 1
  title: T
  personas: [{id: parent, name: Dana}]
  stages:
    - id: awareness
      name: Awareness
      touchpoints:
`;

describe("unused-disable", () => {
  describe("valid", () => {
    it("a comment that suppresses a finding", () => {
      const code =
        BASE +
        "      # journeymap-disable-next-line touchpoint-owner -- agency-run ad\n      - name: Sees an ad\n        channel: social\n        emotion: 3\n";
      expect(lint(code + "# journeymap-disable-file missing-stage\n")).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("a next-line comment over a line with nothing to suppress, at the comment", () => {
      const code =
        BASE +
        "      # journeymap-disable-next-line missing-channel\n      - name: Sees an ad\n        owner: growth\n        channel: social\n        emotion: 3\n";
      expect(lint(code)).toEqual([
        {
          file: "<input>",
          ruleId: "unused-disable",
          severity: "warning",
          message:
            'unused journeymap-disable-next-line comment: no "missing-channel" finding on line 9 to suppress; remove "missing-channel" from the comment',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 53,
          // The directive's line and rule: two unused comments are two findings in SARIF.
          subject: "comment:8/missing-channel",
        },
      ]);
    });

    it("an unknown rule id, with a suggestion", () => {
      const code =
        BASE +
        "      - name: Sees an ad # journeymap-disable-line toucpoint-owner\n        channel: social\n        emotion: 3\n";
      expect(lint(code).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
        {
          line: 8,
          column: 26,
          message:
            'journeymap-disable-line names unknown rule "toucpoint-owner" (did you mean "touchpoint-owner"?): run "journeymap rules" for the list',
        },
      ]);
    });

    it("a misspelt directive", () => {
      const code =
        BASE +
        "      - name: Sees an ad # journeymap-disable-lines\n        owner: growth\n        channel: social\n        emotion: 3\n";
      expect(lint(code).map(({ line, column, message }) => ({ line, column, message }))).toEqual([
        {
          line: 8,
          column: 26,
          message:
            'unknown comment directive "journeymap-disable-lines" (did you mean "journeymap-disable-line"?): use journeymap-disable-next-line, journeymap-disable-line or journeymap-disable-file',
        },
      ]);
    });

    it("a file-wide comment without rules that suppresses nothing", () => {
      const code = yaml`
        # journeymap-disable-file
        journeymap: 1
        title: T
        personas: [{id: parent, name: Dana}]
        stages:
          - id: awareness
            name: Awareness
            touchpoints: [{name: Sees an ad, owner: growth, channel: web, emotion: 3}]
      `;
      const clean = lintJourney(code, { stages: ["awareness"] });
      expect(clean.map(({ ruleId, line, message }) => ({ ruleId, line, message }))).toEqual([
        {
          ruleId: "unused-disable",
          line: 1,
          message: "unused journeymap-disable-file comment: no finding in this file to suppress; remove the comment",
        },
      ]);
    });
  });
});
