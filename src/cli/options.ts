// Options and helpers that several commands share: colour, report formats and their outputs, exit codes.
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { checkOutputPath, resolveInputs, writeOutput } from "../io/write-output.js";
import {
  reportFormatOf,
  reportFormats,
  type FileResult,
  type Formatter,
  type ReportContext,
  type ReportFormatName,
} from "../report/index.js";
import { visibleLines } from "../text/visible.js";
import { type StandardStream, stdout, stderr } from "../io/standard-streams.js";

export interface GlobalOptions {
  color?: boolean;
  debug?: boolean;
}

/** --color and --no-color win; then NO_COLOR (off), then FORCE_COLOR (0 or false: off, else on); else
 * colour when the stream is a terminal that is not TERM=dumb (Emacs' shell, some CI logs: escapes would
 * show as text there). */
export function useColor(command: Command, stream: StandardStream = stdout): boolean {
  const { color } = command.optsWithGlobals<GlobalOptions>();
  if (color !== undefined) return color;
  if ((process.env.NO_COLOR ?? "") !== "") return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  if (process.env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** One report of a run: a format, and the file it goes to (standard output when absent). */
export interface ReportOutput {
  name: ReportFormatName;
  formatter: Formatter;
  file?: string;
}

/** "unknown format" with the choices, for any name not in `allowed` (never an inherited property). */
function formatOf(name: string, allowed: readonly ReportFormatName[]): ReportFormatName {
  const format = reportFormatOf(name);
  if (!format || !allowed.includes(name as ReportFormatName))
    throw new JourneymapError(`unknown format "${name}": use one of ${allowed.join(", ")}`);
  return name as ReportFormatName;
}

/** The --format help: each allowed format with its catalog description. */
export function formatHelp(allowed: readonly ReportFormatName[]): string {
  const width = Math.max(...allowed.map((name) => name.length));
  return `\nReport formats (-f NAME, or -f NAME=FILE to write that report to a file; repeatable):\n${allowed
    .map((name) => `  ${name.padEnd(width)}  ${reportFormats[name].description}`)
    .join("\n")}\n`;
}

/** Turns repeated `-f name` / `-f name=file` and `-o file` into the run's outputs. `-o` names the file of
 * the one format that has none; at most one report goes to standard output; no file is named twice. */
export function parseOutputs(
  formats: readonly string[],
  output: string | undefined,
  allowed: readonly ReportFormatName[],
): ReportOutput[] {
  const outputs = formats.map((option): ReportOutput => {
    const at = option.indexOf("=");
    const name = formatOf(at === -1 ? option : option.slice(0, at), allowed);
    const file = at === -1 ? undefined : option.slice(at + 1);
    if (file === "") throw new JourneymapError(`--format "${option}" needs a file name after "="`);
    return { name, formatter: reportFormats[name].formatter, ...(file === undefined ? {} : { file }) };
  });
  const toStdout = outputs.filter((entry) => entry.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1)
      throw new JourneymapError(
        toStdout.length === 0
          ? `--output "${output}" has no format to write: every --format already names its file`
          : `--output names one file but ${toStdout.length} formats have none: write -f NAME=FILE for each`,
      );
    toStdout[0]!.file = output;
  } else if (toStdout.length > 1) {
    throw new JourneymapError(
      `${toStdout.map((entry) => entry.name).join(" and ")} cannot both go to standard output: give all but one a file, as in -f sarif=journeymap.sarif`,
    );
  }
  const files = outputs.flatMap((entry) => (entry.file === undefined ? [] : [entry.file]));
  const twice = files.find((file, index) => files.indexOf(file) !== index);
  if (twice !== undefined) throw new JourneymapError(`two reports would be written to "${twice}": name each file once`);
  return outputs;
}

/** Prints or writes every report; files are never any of `inputs` (see writeOutput). */
export function emitReports(
  outputs: readonly ReportOutput[],
  results: FileResult[],
  context: ReportContext,
  inputs: readonly string[] = [],
): void {
  // Every file is checked before any is written: a refused output leaves the others untouched. The
  // inputs (every map of the run) are resolved once, not once per report file.
  const resolved = outputs.some(({ file }) => file) ? { inputs: resolveInputs(inputs) } : {};
  for (const { file } of outputs) if (file) checkOutputPath(file, resolved);
  for (const { formatter, file } of outputs) {
    const text = formatter(results, file ? { ...context, color: false } : context);
    if (file) writeOutput(file, text, resolved);
    else stdout.write(text);
  }
}

/** After a usage, configuration or I/O error, every report asked for with a file is still written,
 * saying the run failed (code scanning shows a failed analysis, GitLab a blocking issue, JUnit an error)
 * rather than leaving a stale or missing file. Best effort: the original error is what the user must see. */
export function emitFailureReports(
  outputs: readonly ReportOutput[],
  context: ReportContext,
  failure: string,
  inputs: readonly string[] = [],
): void {
  for (const { formatter, file } of outputs) {
    if (!file) continue;
    try {
      writeOutput(file, formatter([], { ...context, color: false, failure }), { inputs });
    } catch {
      // The file cannot be written either: the run's own error is reported.
    }
  }
}

export function hasErrors(results: FileResult[]): boolean {
  return results.some((result) => result.messages.some((message) => message.severity === "error"));
}

/** A line for standard error that may quote file names or map text: shown escaped (see visibleLines). */
export function tell(message: string): void {
  stderr.write(`${visibleLines(message)}\n`);
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join("\n")}\n`;
}

/** Collects a repeatable option's values (no default, so that help shows none). */
export function collect(value: string, list: string[] | undefined): string[] {
  return [...(list ?? []), value];
}
