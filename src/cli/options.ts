// Options and helpers that several commands share: colour, output format, reporting, exit codes.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { writeAtomic } from "../io/write-atomic.js";
import type { FileResult, Formatter, ReportContext } from "../report/index.js";

/** journeymap's version, from package.json (--version, and reports that name the tool). */
export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export interface GlobalOptions {
  color?: boolean;
  debug?: boolean;
}

/** Colour when asked for, never with --no-color or NO_COLOR, else when stdout is a terminal. */
export function useColor(command: Command, stream: NodeJS.WriteStream = process.stdout): boolean {
  const { color } = command.optsWithGlobals<GlobalOptions>();
  const forced = process.argv.includes("--color");
  if (color === false || (process.env.NO_COLOR ?? "") !== "") return false;
  if (forced || (process.env.FORCE_COLOR ?? "0") !== "0") return true;
  return stream.isTTY === true;
}

export function pickFormatter(formatters: Record<string, Formatter>, name: string): Formatter {
  const formatter = formatters[name];
  if (!formatter)
    throw new JourneymapError(`unknown format "${name}": use one of ${Object.keys(formatters).join(", ")}`);
  return formatter;
}

/** Prints a report to stdout, or writes it atomically to `output`. */
export function emitReport(formatter: Formatter, results: FileResult[], context: ReportContext, output?: string): void {
  const text = formatter(results, output ? { ...context, color: false } : context);
  if (output) writeAtomic(output, text);
  else process.stdout.write(text);
}

export function hasErrors(results: FileResult[]): boolean {
  return results.some((result) => result.messages.some((message) => message.severity === "error"));
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join("\n")}\n`;
}
