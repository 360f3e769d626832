// `journeymap data pull`: wiring from options to the data runner (src/data/runner.ts), then the
// problems (nothing written), the diff (--dry-run) or the written maps; and the --data options that
// render and lint share. The one place a data run reads the clock.
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { findMaps } from "../io/find-maps.js";
import { parseSize } from "../io/read-text.js";
import { writeOutput } from "../io/write-output.js";
import { formatters, type FileResult } from "../report/index.js";
import { visible } from "../text/visible.js";
import { examples, hasErrors, useColor } from "./options.js";
import { stdout, stderr } from "../io/standard-streams.js";

interface PullOptions {
  dryRun?: boolean;
  asOf?: string;
  window?: string;
  maxFileSize?: string;
  ignorePattern?: string[];
  ignore: boolean;
}

/** The options render and lint take with --data. */
export interface DataFlags {
  data?: boolean;
  asOf?: string;
  window?: string;
}

/** Today, from the clock: the one reading a command makes, passed to the pure parts as --as-of. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The as-of day and window of a run, checked (exit 2 for a bad value). */
export async function dataSettings(flags: DataFlags): Promise<{ asOf: string; windowDays?: number }> {
  const { parseAsOf, parseDays } = await import("../journey/dates.js");
  return {
    asOf: flags.asOf === undefined ? today() : parseAsOf(flags.asOf),
    ...(flags.window === undefined ? {} : { windowDays: parseDays(flags.window) }),
  };
}

/** Adds --as-of and --window (the days a data run counts) to a command. */
function windowOptions(command: Command): Command {
  return command
    .option("--as-of <date>", "measure as of this day, YYYY-MM-DD (default: today): later rows are left out")
    .option("--window <days>", "only rows dated within this many days up to --as-of, such as 90d or 12w");
}

/** Adds --data, --as-of and --window to a command. */
export function dataOptions(command: Command): Command {
  return windowOptions(
    command.option("--data", "compute metric values from the maps' sources (CSV files) first, without writing them"),
  );
}

/** Prints what the sources could not measure on standard error. */
export function reportNotes(notes: readonly string[]): void {
  // Notes name touchpoints, stages and files: map text and file names, shown as data in a terminal.
  for (const note of notes) stderr.write(`journeymap: note: ${visible(note)}\n`);
}

/** Prints problems and notes of a data run on standard error. */
export function reportData(
  results: FileResult[],
  notes: readonly string[],
  color: boolean,
  command: "lint" | "render" | "data",
): void {
  reportNotes(notes);
  if (results.some((result) => result.messages.length > 0))
    stderr.write(formatters.stylish(results, { color, command, rules: [] }));
}

export function registerData(program: Command): void {
  const data = program
    .command("data")
    .description("fill metric values from the CSV exports a map names as its sources (see docs/data.md)");
  const pull = data
    .command("pull")
    .description(
      "compute every map's metric values from its sources and write them into the map, with date, source and n",
    )
    .argument(
      "[paths...]",
      'map files, folders (searched for *.journey.yaml), quoted globs, "!glob" to leave maps out',
      ["."],
    )
    .option("--dry-run", "print the changes as a unified diff; write nothing");
  windowOptions(pull)
    .option(
      "--ignore-pattern <pattern>",
      "leave out maps matching this gitignore-style pattern (repeatable)",
      (value: string, list: string[] | undefined) => [...(list ?? []), value],
    )
    .option("--no-ignore", "do not read .journeymapignore or .gitignore")
    .option("--max-file-size <size>", "refuse maps larger than this (default 16MB)")
    .addHelpText(
      "after",
      examples(
        "$ journeymap data pull docs/examples/data --dry-run",
        "$ journeymap data pull docs/examples/data --as-of 2025-06-30 --window 90d",
        "$ journeymap data pull docs/examples/data/office-order.journey.yaml && git diff",
      ),
    )
    .action(async (paths: string[], options: PullOptions, command: Command) => {
      const settings = await dataSettings(options);
      const maxBytes = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);
      const inputs = await findMaps(paths, { ignorePatterns: options.ignorePattern, useIgnoreFiles: options.ignore });
      if (inputs.some((input) => !input.path))
        throw new JourneymapError("data pull writes into map files: name files or folders, not standard input");
      const { pullMaps } = await import("../data/runner.js");
      const run = await pullMaps(inputs, { ...settings, maxBytes });
      const color = useColor(command, stderr);
      reportData(run.results, run.notes, color, "data");
      // All or nothing: a single bad file means no map is changed.
      if (hasErrors(run.results)) {
        stderr.write("journeymap: no map was changed\n");
        process.exitCode = 1;
        return;
      }
      const { formatFixDiff } = await import("../lint/fix/diff.js");
      for (const map of run.changed) {
        const count = `${map.updates.length} value${map.updates.length === 1 ? "" : "s"}`;
        if (options.dryRun) {
          stdout.write(formatFixDiff(map.file, map.before, map.after));
          stderr.write(`journeymap: would write ${count} into ${visible(map.file)}\n`);
        } else {
          // The map itself is the target here, on purpose: written atomically, as lint --fix does.
          writeOutput(map.path, map.written, { shown: map.file, replacesInput: true });
          stderr.write(`✔ ${visible(map.file)}: ${count} from ${map.sources} source${map.sources === 1 ? "" : "s"}\n`);
        }
      }
      for (const file of run.unchanged) stderr.write(`✔ ${visible(file)}: up to date\n`);
      // Like a value without answers (a note), a source without rows in the window is not bad data:
      // exit 0, but never "up to date", and the notes above say which file, which window and what to do.
      for (const file of run.idle)
        stderr.write(
          `journeymap: warning: ${visible(file)}: its sources measured no value, so nothing is written (the notes above say why)\n`,
        );
      if (run.changed.length === 0 && run.unchanged.length === 0 && run.idle.length === 0)
        stderr.write('journeymap: no map names sources: add "sources" to a map (see docs/data.md)\n');
      process.exitCode = 0;
    });
}
