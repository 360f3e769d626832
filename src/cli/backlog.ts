// `journeymap backlog`: wiring only. The repository's opportunities ranked by a priority (src/backlog/),
// in a report format or the value × effort matrix, to standard output or a file.
import { registerBacklogSync, runBacklogSync, type BacklogSyncOptions } from "./backlog-sync.js";
import { dirname, resolve } from "node:path";
import { statSync } from "node:fs";
import { Option, type Command } from "commander";
import { JourneymapError } from "../errors.js";
import { parseSize } from "../io/read-text.js";
import { checkOutputPath, resolveInputs, writeOutput } from "../io/write-output.js";
import { stdout, stderr } from "../io/standard-streams.js";
import { examples, collect, useColor } from "./options.js";

export interface BacklogOptions {
  format?: string;
  output?: string;
  groupBy: string;
  status?: string;
  priority?: string;
  theme: string;
  /** A file name, or false for --no-config. */
  config?: string | false;
  ignorePattern?: string[];
  ignore: boolean;
  maxFileSize?: string;
  stdinFilename?: string;
}

export function registerBacklog(program: Command): void {
  const command = program
    .command("backlog")
    .description(
      "rank the opportunities of the maps by priority: a table, Markdown, JSON, CSV or the value × effort matrix",
    )
    .argument("[paths...]", 'map files, folders, quoted globs, "!glob" to leave maps out, or - for stdin (default: .)');
  backlogCommandOptions(command)
    .addHelpText(
      "after",
      examples(
        "$ journeymap backlog examples/",
        "$ journeymap backlog examples/ --group-by owner --status all",
        "$ journeymap backlog examples/ --format csv -o backlog.csv",
        "$ journeymap backlog examples/ -o matrix.svg --theme dark        # the value × effort matrix",
        "$ journeymap backlog examples/ --priority ice --format markdown",
      ),
    )
    .action((paths: string[], options: BacklogOptions & BacklogSyncOptions, command: Command) =>
      runBacklog(paths, options, command),
    );
}

/** Every option of the command, in one place: the issue sync (src/cli/backlog-sync.ts) adds its own here
 * (`registerBacklogSync(command)`), and its run goes first in the action (`runBacklogSync`, which
 * returns true when --sync did the work). */
export function backlogCommandOptions(command: Command): Command {
  return registerBacklogSync(command)
    .addOption(
      new Option(
        "-f, --format <name>",
        "stylish (default), markdown, json, csv, or svg (the matrix); else from --output's extension",
      ).choices(["stylish", "markdown", "json", "csv", "svg"]),
    )
    .option("-o, --output <file>", "write to this file (atomically) instead of standard output")
    .addOption(
      new Option("--group-by <grouping>", "group the ranked list by owner or status")
        .choices(["none", "owner", "status"])
        .default("none"),
    )
    .option(
      "--status <statuses>",
      "the statuses to show, separated by commas: idea, planned, in-progress, done, dropped, open or all (default: open, the work still to do)",
    )
    .addOption(
      new Option("--priority <formula>", "rank by this formula instead of the configuration's (default rice)").choices([
        "rice",
        "ice",
        "value",
      ]),
    )
    .addOption(new Option("--theme <theme>", "the matrix's colours").choices(["light", "dark"]).default("light"))
    .option(
      "-c, --config <file>",
      "read backlog settings from this configuration instead of the nearest journeymap.config.yaml",
    )
    .option("--no-config", "use the default settings; read no configuration file")
    .option("--ignore-pattern <pattern>", "leave out maps matching this gitignore-style pattern (repeatable)", collect)
    .option("--no-ignore", "do not read .journeymapignore or .gitignore")
    .option("--max-file-size <size>", "refuse maps larger than this (default 16MB)")
    .option("--stdin-filename <name>", "the name to show for standard input");
}

export async function runBacklog(
  given: string[],
  options: BacklogOptions & BacklogSyncOptions,
  command: Command,
): Promise<void> {
  if (await runBacklogSync(given.length > 0 ? given : ["."], options, command)) return;
  const { readBacklogMaps } = await import("../backlog/read.js");
  const { collectOpportunities } = await import("../backlog/collect.js");
  const { buildBacklog, parseGrouping, parseStatuses } = await import("../backlog/backlog.js");
  const { prioritySettings } = await import("../backlog/priority.js");
  const { BACKLOG_FORMATS, backlogFormatOfFile } = await import("../render/backlog/formats.js");
  const paths = given.length > 0 ? given : ["."];
  const format = options.format ?? (options.output ? backlogFormatOfFile(options.output) : undefined) ?? "stylish";
  if (!Object.hasOwn(BACKLOG_FORMATS, format)) throw new JourneymapError(`unknown format "${format}"`);
  const statuses = options.status === undefined ? undefined : parseStatuses(options.status);
  const groupBy = parseGrouping(options.groupBy);
  const maxBytes = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);
  const { config, configFile } = await backlogConfig(paths, options, maxBytes);
  const settings = prioritySettings({
    ...config?.priority,
    ...(options.priority !== undefined ? { formula: options.priority } : {}),
  });
  if (options.output) checkOutputPath(options.output);

  const read = await readBacklogMaps(paths, {
    maxBytes,
    ignorePatterns: options.ignorePattern,
    useIgnoreFiles: options.ignore,
    stdinFilename: options.stdinFilename,
  });
  const color = useColor(command, stderr);
  if (read.invalid.length > 0 || read.sharedProblems.length > 0) {
    const { formatters } = await import("../report/index.js");
    const problems = [
      ...read.sharedProblems.map((shared) => ({
        filePath: shared.file,
        source: shared.text,
        messages: shared.diagnostics,
      })),
      ...read.invalid.map((map) => ({ filePath: map.file, source: map.text, messages: map.diagnostics })),
    ];
    stderr.write(formatters.stylish(problems, { color, command: "backlog", rules: [] }));
    if (read.invalid.length > 0)
      stderr.write(
        `journeymap: ${read.invalid.length} map${read.invalid.length === 1 ? " has" : "s have"} errors and ${read.invalid.length === 1 ? "is" : "are"} left out of the backlog: fix ${read.invalid.length === 1 ? "it" : "them"} (journeymap validate shows the same problems)\n`,
      );
  }
  const backlog = buildBacklog(collectOpportunities(read.maps), read.maps.length, {
    settings,
    groupBy,
    ...(statuses ? { statuses } : {}),
  });
  const text = BACKLOG_FORMATS[format as keyof typeof BACKLOG_FORMATS].formatter(backlog, {
    color: options.output ? false : useColor(command),
    theme: options.theme === "dark" ? "dark" : "light",
  });
  if (options.output)
    writeOutput(options.output, text, { inputs: resolveInputs([...read.inputs, ...(configFile ? [configFile] : [])]) });
  else stdout.write(text);
  process.exitCode = read.invalid.length > 0 || read.sharedProblems.length > 0 ? 1 : 0;
}

/** The backlog settings of the configuration: --config's file, else the nearest journeymap.config.yaml
 * above the first path (as lint finds a map's configuration), none with --no-config. */
async function backlogConfig(
  paths: readonly string[],
  options: BacklogOptions,
  maxBytes: number | undefined,
): Promise<{ config?: import("../lint/config.js").BacklogConfig; configFile?: string }> {
  if (options.config === false) return {};
  const { ConfigFinder, loadConfigFile } = await import("../lint/config.js");
  if (typeof options.config === "string") {
    const loaded = loadConfigFile(options.config, { maxBytes });
    return { ...(loaded.backlog ? { config: loaded.backlog } : {}), configFile: resolve(options.config) };
  }
  const first = paths.find((path) => !path.startsWith("!") && path !== "-") ?? ".";
  const absolute = resolve(first);
  const folder = statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : dirname(absolute);
  const found = new ConfigFinder({ maxBytes }).forFolder(folder);
  return {
    ...(found.backlog ? { config: found.backlog } : {}),
    ...(found.file ? { configFile: resolve(found.file) } : {}),
  };
}
