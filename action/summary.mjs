// The GitHub Action's step summary: a Markdown table of the lint results, built from the JSON report of
// the same run. Node built-ins only, since the action may run journeymap from npx with no node_modules
// here. Map text and file names are data: every punctuation mark is written as an HTML entity, so no
// map can add links, images, mentions or HTML to the summary.
import { appendFileSync, existsSync, lstatSync, readFileSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const SHOWN_FINDINGS = 50;
const EXIT_MEANING = { 0: "clean", 1: "findings", 2: "usage, configuration or I/O error" };

/** The step's exit code as the CLI means it, from what the command exited with and whether journeymap wrote
 * its report. journeymap writes the JSON report whenever it lints (exit 0 or 1), so an exit 1 without one,
 * or any code but 0 to 2, is npx or node failing before journeymap ran: a tool failure (2), not findings. */
export function outcomeOf(ran, files) {
  if (ran === 2) return { exitCode: 2, toolFailed: false };
  if ((ran === 0 || ran === 1) && Array.isArray(files)) return { exitCode: ran, toolFailed: false };
  return { exitCode: 2, toolFailed: true };
}

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

/** The summary's Markdown for a run's JSON report (undefined when lint wrote none) and what the command
 * exited with; `command` names what ran, for a tool failure. */
export function summaryOf(files, ran, workspace = process.cwd(), command = "journeymap") {
  const lines = ["### journeymap lint", ""];
  const { exitCode, toolFailed } = outcomeOf(ran, files);
  if (toolFailed) {
    lines.push(
      `:x: journeymap did not run: ${inert(command)} exited ${inert(ran)} without a report (exit 2: a tool failure, not findings); the step log says why.`,
    );
    return `${lines.join("\n")}\n`;
  }
  if (exitCode === 2) {
    lines.push(
      `:x: journeymap could not lint the maps (exit ${exitCode}: ${EXIT_MEANING[exitCode] ?? "unexpected"}); the step log says why.`,
    );
    return `${lines.join("\n")}\n`;
  }
  const count = (severity) =>
    files.reduce((n, file) => n + file.messages.filter((m) => m.severity === severity).length, 0);
  // The report's own counts: its message lists stop at the report's caps (docs/ci.md), its counts do not.
  const counted = (key, severity) =>
    files.every((file) => typeof file[key] === "number")
      ? files.reduce((n, file) => n + file[key], 0)
      : count(severity);
  const errors = counted("errorCount", "error");
  const warnings = counted("warningCount", "warning");
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
function failedSarif(exitCode, text) {
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
                message: { text },
              },
            ],
          },
        ],
        results: [],
      },
    ],
  };
}

/** Why the failed SARIF log must not be written to `file`, or undefined: as journeymap's own outputs, it is
 * never written through a symbolic link (a dangling one would create its target), nor out of the workspace
 * by a linked folder on the way. */
export function refusedSarifFile(file, workspace = process.cwd()) {
  const path = resolve(file);
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
    return "it is a symbolic link, and the action never writes through a link: remove the link, or name another sarif-file";
  const inside = (child, folder) => child === folder || child.startsWith(folder.endsWith(sep) ? folder : folder + sep);
  if (!inside(path, resolve(workspace))) return undefined;
  try {
    if (!inside(realpathSync(dirname(path)), realpathSync(workspace)))
      return "a symbolic link on its way leads outside the workspace: name a folder that is not a link";
  } catch {
    return undefined; // a missing folder: the write fails with its own message
  }
  return undefined;
}

/** Writes the failed SARIF log unless lint wrote one (or over it, `replace`, when the tool failed and what it
 * left cannot be trusted), or the path is refused (see refusedSarifFile). */
function writeFailedSarif(file, log, workspace, { replace }) {
  const refused = refusedSarifFile(file, workspace);
  if (refused) {
    process.stderr.write(`journeymap: not writing the SARIF file ${JSON.stringify(file)}: ${refused}\n`);
    return;
  }
  if (existsSync(file) && !replace) return;
  try {
    // "wx" creates the file or fails: a link planted meanwhile is never followed. A file to replace is
    // replaced by a rename of a new one, never written through.
    const temporary = `${file}.journeymap-${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(log, null, 2)}\n`, { flag: "wx" });
    renameSync(temporary, file);
  } catch (error) {
    process.stderr.write(`journeymap: cannot write the SARIF file ${JSON.stringify(file)}: ${error.message}\n`);
  }
}

function main() {
  const { values } = parseArgs({
    options: {
      report: { type: "string" },
      "exit-code": { type: "string" },
      "sarif-file": { type: "string" },
      command: { type: "string" },
    },
  });
  const ran = Number(values["exit-code"]);
  const command = values.command || "journeymap";
  let files;
  try {
    if (values.report && existsSync(values.report)) files = JSON.parse(readFileSync(values.report, "utf8"));
  } catch {
    files = undefined; // a half-written report: summarised as a failed run
  }
  const { exitCode, toolFailed } = outcomeOf(ran, files);
  const failure = toolFailed
    ? `journeymap did not run: ${command} exited ${ran} without a report (a tool failure, not findings); see the step log`
    : `journeymap lint exited ${exitCode} without a report; see the step log`;
  if (toolFailed) console.error(`::error title=journeymap action::${failure.replace(/[\r\n%]/g, " ")}`);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const sarifFile = values["sarif-file"];
  if (sarifFile) writeFailedSarif(sarifFile, failedSarif(exitCode, failure), workspace, { replace: toolFailed });
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, summaryOf(files, ran, workspace, command));
  // The exit code as the CLI means it, for the action's step to exit with and set as its output.
  process.stdout.write(`${exitCode}\n`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) main();
