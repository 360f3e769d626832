// The junit report: one testsuite per map, one testcase per check run on it, a failure per finding.
import type { Diagnostic } from "../diagnostic.js";
import { isValidationCheck } from "../journey/checks.js";
import type { FileResult, Formatter } from "./types.js";

export const junit: Formatter = (results, context) => {
  const ruleIds = context.rules.map((rule) => rule.id).filter((id) => !isValidationCheck(id));
  const suites = results.map((result) => suiteOf(result, result.checks ?? ruleIds));
  const tests = suites.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = suites.reduce((sum, suite) => sum + suite.failures, 0);
  const name = `journeymap ${context.command}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(name)}" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.map((suite) => suite.xml),
    "</testsuites>",
    "",
  ].join("\n");
};

function suiteOf(result: FileResult, ruleIds: string[]): { tests: number; failures: number; xml: string } {
  const byCheck = new Map<string, Diagnostic[]>();
  for (const message of result.messages) byCheck.set(message.ruleId, [...(byCheck.get(message.ruleId) ?? []), message]);
  // "validation" always runs; the rules only on a map that passed it.
  const validation = result.messages.filter((message) => isValidationCheck(message.ruleId));
  const invalid = validation.length > 0;
  const cases: string[] = [testcase("validation", result.filePath, validation)];
  let failures = invalid ? 1 : 0;
  for (const id of ruleIds) {
    const found = byCheck.get(id) ?? [];
    if (invalid) {
      cases.push(
        `    <testcase name="${attribute(id)}" classname="${attribute(result.filePath)}">\n      <skipped message="not checked: the map has YAML or schema errors"/>\n    </testcase>`,
      );
      continue;
    }
    if (found.length) failures++;
    cases.push(testcase(id, result.filePath, found));
  }
  // Findings of checks outside the list (unused-disable when it is not listed) still show up.
  for (const [id, found] of byCheck) {
    if (isValidationCheck(id) || ruleIds.includes(id)) continue;
    failures++;
    cases.push(testcase(id, result.filePath, found));
  }
  const skipped = invalid ? ruleIds.length : 0;
  const head = `  <testsuite name="${attribute(result.filePath)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`;
  return { tests: cases.length, failures, xml: [head, ...cases, "  </testsuite>"].join("\n") };
}

function testcase(name: string, file: string, found: Diagnostic[]): string {
  const open = `    <testcase name="${attribute(name)}" classname="${attribute(file)}"`;
  if (found.length === 0) return `${open}/>`;
  const failures = found.map(
    (message) =>
      `      <failure message="${attribute(message.message)}" type="${attribute(message.severity)}">${text(`${file}:${message.line}:${message.column}: ${message.severity}: ${message.message} (${message.ruleId})`)}</failure>`,
  );
  return [`${open}>`, ...failures, "    </testcase>"].join("\n");
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function text(value: string): string {
  return value.replace(NOT_XML, "\ufffd").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
