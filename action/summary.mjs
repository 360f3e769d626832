// The GitHub Action's step summary: a Markdown table of the lint results, built from the JSON report of
// the same run. Node built-ins only, since the action may run journeymap from npx with no node_modules
// here. Map text and file names are data: every punctuation mark is written as an HTML entity, so no
// map can add links, images, mentions or HTML to the summary.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const SHOWN_FINDINGS = 50;
const EXIT_MEANING = { 0: "clean", 1: "findings", 2: "usage, configuration or I/O error" };

/** Text from a map as inert Markdown table-cell content. */
export function inert(text) {
  return (
    String(text)
      // Controls, line breaks and bidirectional overrides could break the table or disguise text.
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "\ufffd")
      .replace(/[!-/:-@[-`{-~]/g, (mark) => `&#${mark.charCodeAt(0)};`)
  );
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The summary's Markdown for a run's JSON report (undefined when lint wrote none) and exit code. */
export function summaryOf(files, exitCode, workspace = process.cwd()) {
  const lines = ["### journeymap lint", ""];
  // Exit 2: the JSON report holds only the reason (as ESLint's fatal message), the step log says it.
  if (!Array.isArray(files) || exitCode === 2) {
    lines.push(
      `:x: journeymap could not lint the maps (exit ${exitCode}: ${EXIT_MEANING[exitCode] ?? "unexpected"}); the step log says why.`,
    );
    return `${lines.join("\n")}\n`;
  }
  const count = (severity) =>
    files.reduce((n, file) => n + file.messages.filter((m) => m.severity === severity).length, 0);
  const errors = count("error");
  const warnings = count("warning");
  const infos = count("info");
  const withFindings = files.filter((file) => file.messages.length > 0);
  const mark = exitCode === 0 ? ":white_check_mark:" : ":x:";
  const tally = [plural(errors, "error"), plural(warnings, "warning"), ...(infos ? [plural(infos, "note")] : [])];
  lines.push(
    `${mark} ${plural(files.length, "map")} linted: ${tally.join(", ")} (exit ${exitCode}: ${EXIT_MEANING[exitCode] ?? "unexpected"})`,
  );
  if (withFindings.length === 0) return `${lines.join("\n")}\n`;
  const shownPath = (file) => (isAbsolute(file) ? relative(workspace, file) : file);
  lines.push("", "| map | errors | warnings | notes |", "|---|---:|---:|---:|");
  for (const file of withFindings) {
    const n = (severity) => file.messages.filter((m) => m.severity === severity).length;
    lines.push(`| ${inert(shownPath(file.filePath))} | ${n("error")} | ${n("warning")} | ${n("info")} |`);
  }
  const findings = withFindings.flatMap((file) => file.messages.map((message) => ({ file, message })));
  lines.push(
    "",
    "<details><summary>Findings</summary>",
    "",
    "| where | severity | rule | message |",
    "|---|---|---|---|",
  );
  for (const { file, message } of findings.slice(0, SHOWN_FINDINGS)) {
    const where = `${shownPath(file.filePath)}:${message.line}:${message.column}`;
    lines.push(
      `| ${inert(where)} | ${inert(message.severity)} | ${inert(message.ruleId ?? "")} | ${inert(message.message)} |`,
    );
  }
  if (findings.length > SHOWN_FINDINGS)
    lines.push("", `… and ${findings.length - SHOWN_FINDINGS} more in the step log.`);
  lines.push("", "</details>");
  return `${lines.join("\n")}\n`;
}

/** A valid SARIF log saying the run failed: code scanning's upload step then has a file to read. */
function failedSarif(exitCode) {
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: { driver: { name: "journeymap", informationUri: "https://github.com/journeymap/journeymap", rules: [] } },
        invocations: [
          {
            executionSuccessful: false,
            exitCode,
            toolExecutionNotifications: [
              {
                level: "error",
                message: { text: `journeymap lint exited ${exitCode} without a report; see the step log` },
              },
            ],
          },
        ],
        results: [],
      },
    ],
  };
}

function main() {
  const { values } = parseArgs({
    options: { report: { type: "string" }, "exit-code": { type: "string" }, "sarif-file": { type: "string" } },
  });
  const exitCode = Number(values["exit-code"]);
  let files;
  try {
    if (values.report && existsSync(values.report)) files = JSON.parse(readFileSync(values.report, "utf8"));
  } catch {
    files = undefined; // a half-written report: summarised as a failed run
  }
  const sarifFile = values["sarif-file"];
  if (sarifFile && !existsSync(sarifFile))
    writeFileSync(sarifFile, `${JSON.stringify(failedSarif(exitCode), null, 2)}\n`);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile)
    appendFileSync(summaryFile, summaryOf(files, exitCode, process.env.GITHUB_WORKSPACE ?? process.cwd()));
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) main();
