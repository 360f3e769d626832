/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- the test walks parsed SARIF JSON */
// The lane and blueprint rules' findings as users get them from the built CLI: the json report with
// exact positions and severities, and a SARIF log that the official schema accepts, each result tied to
// its rule's descriptor and docs page.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { runCli, type JsonReportFile } from "../helpers/cli.js";

const MAP = "test/fixtures/lint/blueprint-gaps.journey.yaml";
const CLEAN = "test/fixtures/lint/blueprint.journey.yaml";
const ARGS = ["--rule", "missing-stage:off"];

/** Each finding of the fixture: line:column, rule and severity (its `# expect:` markers say the same). */
const EXPECTED = [
  "15:11 unused-lane info",
  "30:11 unknown-lane error",
  "32:19 unserved-frontstage warning",
  "34:26 unknown-served-by error",
  "38:26 served-by-direction warning",
  "39:15 fail-point-unowned warning",
  "41:21 idle-support info",
  "42:21 duplicate-id error",
  "48:9 missing-evidence warning",
];

describe("lane and blueprint findings in reports", () => {
  it("json: every finding at its position, with its severity and message; exit code 1 for the errors", () => {
    const run = runCli(["lint", "-f", "json", ...ARGS, MAP]);
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout) as JsonReportFile[];
    expect(
      file!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.severity}`),
    ).toEqual(EXPECTED);
    expect(file!.messages.find((message) => message.ruleId === "unknown-lane")?.message).toBe(
      'touchpoint "Checks in at the desk" fills lane "frontstag", which is not declared: did you mean "frontstage"?',
    );
    expect(file!.messages.find((message) => message.ruleId === "fail-point-unowned")?.message).toBe(
      'the fail point "Booking not found" of backstage action "Looks up the booking" of touchpoint "Checks in at the desk" has no opportunity: add "opportunity: <id>" under fail, naming the opportunity that would prevent it',
    );
  });

  it("sarif: a valid log whose results point at the rules' descriptors and pages", () => {
    const run = runCli(["lint", "-f", "sarif", ...ARGS, MAP]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(resolve("test/fixtures/sarif/sarif-2.1.0.schema.json"), "utf8"));
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const { results, tool } = log.runs[0];
    const level = { error: "error", warning: "warning", info: "note" } as Record<string, string>;
    expect(
      results.map((result: any) => {
        const { startLine, startColumn } = result.locations[0].physicalLocation.region;
        const rule = tool.driver.rules[result.ruleIndex];
        expect(rule.id).toBe(result.ruleId);
        expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${result.ruleId}\\.md$`));
        expect(rule.fullDescription.text.length).toBeGreaterThan(40);
        return `${startLine}:${startColumn} ${result.ruleId} ${result.level}`;
      }),
    ).toEqual(EXPECTED.map((line) => line.replace(/ (\w+)$/, (_, severity: string) => ` ${level[severity]}`)));
    // Every rule of the catalog is described, the new ones with their default level.
    const byId = new Map<string, unknown>(tool.driver.rules.map((rule: any) => [rule.id as string, rule as unknown]));
    expect((byId.get("unused-lane") as any).defaultConfiguration).toEqual({ level: "note" });
    expect((byId.get("unserved-frontstage") as any).defaultConfiguration).toEqual({ level: "warning" });
  });

  it("a well-formed blueprint: no finding at all", () => {
    const run = runCli(["lint", "-f", "json", ...ARGS, CLEAN]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReportFile[])[0]!.messages).toEqual([]);
  });
});
