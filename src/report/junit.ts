// The junit report, shaped as ESLint's: one testsuite per map, one testcase per finding (a failure for
// errors and warnings, a passing case with the text for info), and one passing case for a clean map.
import type { Diagnostic } from "../diagnostic.js";
import { count, cutNote, overflowNote, shownFindings, textCutter, type ShownFile } from "./shown.js";
import type { Formatter } from "./types.js";

export const junit: Formatter = (results, context) => {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const suites: string[] = [];
  const name = `journeymap ${context.command}`;
  const cut = textCutter();
  if (context.failure !== undefined) {
    // The run could not finish (exit 2): one suite with the reason as an error (the test could not run).
    const reason = `journeymap could not run: ${cut(context.failure)}`;
    suites.push(
      `  <testsuite name="${attribute(name)}" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase name="run" classname="journeymap" time="0">\n      <error message="${attribute(reason)}" type="error">${text(reason)}</error>\n    </testcase>\n  </testsuite>`,
    );
    tests++;
    errors++;
  }
  const shown = shownFindings(results);
  for (const file of shown.files) {
    const suite = suiteOf(file, cut);
    tests += suite.tests;
    failures += suite.failures;
    skipped += suite.skipped;
    suites.push(suite.xml);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
};

/** Jenkins takes the text after the last "." of a classname as the class and the rest as the package,
 * so "maps/hotel.journey.yaml" would show as class "yaml" in package "maps/hotel.journey". The path
 * with its dots replaced keeps one class per map, under a "journeymap" package. */
export function classnameOf(filePath: string): string {
  return `journeymap.${filePath.replace(/\./g, "_")}`;
}

function suiteOf(
  { result, findings, cuts, overflow }: ShownFile,
  cut: (text: string) => string,
): {
  tests: number;
  failures: number;
  skipped: number;
  xml: string;
} {
  const classname = attribute(classnameOf(result.filePath));
  const cases: string[] = [];
  let failures = 0;
  for (const message of findings) {
    const open = `    <testcase name="${attribute(caseName(message))}" classname="${classname}" time="0"`;
    const shown = cut(message.message);
    const detail = text(
      `${result.filePath}:${message.line}:${message.column}: ${message.severity}: ${shown} (${message.ruleId})`,
    );
    if (message.severity === "info") {
      // Information is not a failed test: CI shows it without turning the build red.
      cases.push(`${open}>\n      <system-out>${detail}</system-out>\n    </testcase>`);
      continue;
    }
    failures++;
    cases.push(
      `${open}>\n      <failure message="${attribute(shown)}" type="${message.severity}">${detail}</failure>\n    </testcase>`,
    );
  }
  // Findings left out of the report (see shown.ts) are skipped cases: counted, never silently gone.
  const skip = (caseName: string, note: string) =>
    cases.push(
      `    <testcase name="${attribute(caseName)}" classname="${classname}" time="0">\n      <skipped message="${attribute(note)}"/>\n    </testcase>`,
    );
  for (const ruleCut of cuts) skip(`${ruleCut.ruleId}: ${count(ruleCut.count)} more left out`, cutNote(ruleCut));
  if (overflow > 0) skip(`${count(overflow)} more left out`, overflowNote({ overflow, overflowMaps: 1 }));
  const skipped = cuts.length + (overflow > 0 ? 1 : 0);
  // A map with no findings still passes a test, so the suite (and the report) is never empty.
  if (cases.length === 0) cases.push(`    <testcase name="no findings" classname="${classname}" time="0"/>`);
  const head = `  <testsuite name="${attribute(result.filePath)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`;
  return { tests: cases.length, failures, skipped, xml: `${head}\n${cases.join("\n")}\n  </testsuite>` };
}

function caseName(message: Diagnostic): string {
  return `${message.ruleId} at ${message.line}:${message.column}`;
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR; lone surrogates). */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Kept as character references (the same text for an XML parser) so that a report printed to a terminal
 * or a CI log carries no raw line break, control, bidi or separator character from a map, and no "##[". */
const INERT = /[\n\r\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function text(value: string): string {
  return value
    .replace(NOT_XML, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(INERT, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/##\[/g, "#&#35;[");
}

function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;");
}
