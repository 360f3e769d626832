// `journeymap lint`: validation, then the rules, with configuration, suppressions and CI reports.
// Wiring only: options in, lintFiles (src/lint/runner.ts), reports out, an exit code.
import { resolve } from "node:path";
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { findMaps } from "../io/find-maps.js";
import { parseSize } from "../io/read-text.js";
import { findRepositoryRoot } from "../io/repository.js";
import { foldersNamed } from "../workspace/folders.js";
import type { LintRunOptions, RuleSeverity } from "../lint/index.js";
import { reportFormatNames, reportFormats, type ReportContext } from "../report/index.js";
import { painter } from "../report/paint.js";
import { countBySeverity, type FileResult, type Formatter } from "../report/types.js";
import { inertJson } from "../text/visible.js";
import { dataOptions, dataSettings, reportNotes, type DataFlags } from "./data.js";
import { PACKAGE_VERSION } from "./version.js";
import {
  collect,
  emitFailureReports,
  emitReports,
  examples,
  formatHelp,
  parseOutputs,
  tell,
  useColor,
  type ReportOutput,
} from "./options.js";
import { stdout, stderr } from "../io/standard-streams.js";
import { progressWanted, ProgressLine } from "../io/progress.js";
import { isSharedFile } from "../journey/shared.js";

interface LintOptions extends DataFlags {
  format?: string[];
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  /** A file name, or false for --no-config. */
  config?: string | false;
  rule?: string[];
  stdinFilename?: string;
  ignorePattern?: string[];
  ignore: boolean;
  printConfig?: string;
  maxFileSize?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  concurrency?: string;
}

export function registerLint(program: Command): void {
  const command = program
    .command("lint")
    .description("check maps for journey gaps: everything validate checks, then the rules (see journeymap rules)")
    .argument(
      "[paths...]",
      'map files, folders (searched for *.journey.yaml), quoted globs, "!glob" to leave maps out, or - for stdin',
    )
    .option(
      "-f, --format <name[=file]>",
      "report format, optionally with its own file (repeatable; see below)",
      collect,
    )
    .option("-o, --output <file>", "write the report to this file (atomically) instead of standard output")
    .option("--max-warnings <number>", "exit 1 when there are more warnings than this (--quiet does not hide them)")
    .option("--quiet", "report errors only")
    .option(
      "-c, --config <file>",
      "use this configuration instead of the nearest journeymap.config.yaml or .journeymaprc.yaml",
    )
    .option("--no-config", "use the default configuration; read no configuration file")
    .option("--print-config <map>", "print the configuration that applies to this map as JSON, and exit")
    .option("--rule <id:severity>", "set a rule's severity: error, warning, info or off (repeatable)", collect)
    .option("--ignore-pattern <pattern>", "leave out maps matching this gitignore-style pattern (repeatable)", collect)
    .option("--no-ignore", "do not read .journeymapignore or .gitignore")
    .option("--max-file-size <size>", "refuse maps and configurations larger than this (default 16MB)")
    .option("--fix", "apply the certain fixes to the map files, then report what is left (see docs/fix.md)")
    .option("--fix-dry-run", "print the fixes as a unified diff and report what would be left; write nothing")
    .option("--stdin-filename <name>", "the name to show for standard input")
    .option(
      "--concurrency <threads>",
      "lint on this many threads (default: one per core for runs over many maps; 1: no worker threads)",
    );
  dataOptions(command)
    .addHelpText("after", formatHelp(reportFormatNames))
    .addHelpText(
      "after",
      examples(
        "$ journeymap lint examples/",
        "$ journeymap lint examples/ --format sarif --output journeymap.sarif",
        "$ journeymap lint examples/ -f github -f sarif=journeymap.sarif",
        '$ journeymap lint examples/ "!examples/freshcart/**" --ignore-pattern "*.old.journey.yaml"',
        "$ journeymap lint examples/ --rule touchpoint-owner:error --rule missing-channel:off",
        "$ journeymap lint examples/ --max-warnings 0",
        "$ journeymap lint examples/ --fix-dry-run",
        "$ journeymap lint docs/examples/data --data --as-of 2025-06-30   # metric values from the maps' sources",
        "$ journeymap lint --print-config maps/checkout.journey.yaml",
      ),
    )
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      const formats = options.format ?? ["stylish"];
      const outputs = parseOutputs(formats, options.output, reportFormatNames);
      const cwd = process.cwd();
      const context: ReportContext = {
        color: useColor(command),
        command: "lint",
        rules: [],
        cwd,
        root: findRepositoryRoot(cwd) ?? cwd,
        version: PACKAGE_VERSION,
      };
      const inputs: string[] = [];
      try {
        // Loaded here, not at start-up, so that other commands do not pay for the rules.
        const lint = await import("../lint/index.js");
        context.rules = [...lint.CHECK_DESCRIPTORS, ...lint.ruleDescriptors()];
        const maxWarnings = parseMaxWarnings(options.maxWarnings);
        const settings = await dataSettings(options);
        const maxBytes = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);
        const runOptions = {
          config: options.config === false ? undefined : options.config,
          noConfig: options.config === false,
          rules: Object.fromEntries((options.rule ?? []).map(lint.parseRuleOption)) as Record<string, RuleSeverity>,
          quiet: options.quiet,
          maxBytes,
          cwd,
          fix: options.fixDryRun ? ("dry-run" as const) : options.fix ? ("write" as const) : undefined,
          asOf: settings.asOf,
          measure: options.data ? await measureHook(settings) : undefined,
          concurrency: parseConcurrency(options.concurrency),
        };
        if (options.printConfig !== undefined) {
          const { config } = new lint.ConfigResolver(runOptions).forMap(resolve(options.printConfig));
          stdout.write(`${inertJson(JSON.stringify(config, null, 2))}\n`);
          process.exitCode = 0;
          return;
        }

        const found = await findMaps(paths, {
          stdinFilename: options.stdinFilename,
          ignorePatterns: options.ignorePattern,
          useIgnoreFiles: options.ignore,
        });
        for (const input of found) if (input.path) inputs.push(input.path);
        if (typeof options.config === "string") inputs.push(resolve(options.config));
        // On a terminal only, and never on standard output: the reports stay the same bytes.
        const maps = found.filter((input) => !isSharedFile(input)).length;
        const progress = progressWanted(options.quiet) ? new ProgressLine("linting", maps) : undefined;
        let run: Awaited<ReturnType<typeof lint.lintFiles>>;
        try {
          run = await lint.lintFiles(found, {
            ...runOptions,
            folders: foldersNamed(paths),
            ...(progress ? { onMapDone: () => progress.advance() } : {}),
          });
        } finally {
          progress?.finish();
        }
        inputs.push(...run.configFiles);
        if (run.fixed.length > 0) {
          const { formatFixDiff } = await import("../lint/fix/index.js");
          for (const map of run.fixed) {
            if (options.fixDryRun) stdout.write(formatFixDiff(map.file, map.before, map.after));
            else
              tell(`journeymap: fixed ${map.fixes.length} problem${map.fixes.length === 1 ? "" : "s"} in ${map.file}`);
          }
        }

        const warnings = run.counts.warning;
        const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
        const hidden = options.quiet ? { warning: run.counts.warning, info: run.counts.info } : undefined;
        const summary = { hidden, tooMany: tooManyWarnings ? { warnings, max: maxWarnings } : undefined };
        emitReports(withTruthfulSummary(outputs, summary), run.results, context, inputs);
        // On GitHub Actions the default report also becomes annotations on the pull request.
        if (process.env.GITHUB_ACTIONS === "true" && options.format === undefined) {
          stdout.write(reportFormats.github.formatter(run.results, context));
        }

        if (tooManyWarnings)
          stderr.write(`journeymap: too many warnings (${warnings}; --max-warnings is ${maxWarnings})\n`);
        process.exitCode = run.counts.error > 0 || tooManyWarnings ? 1 : 0;
      } catch (error) {
        if (error instanceof JourneymapError && error.exitCode === 2)
          emitFailureReports(outputs, context, error.message, inputs);
        throw error;
      }
    });
}

interface SummaryFacts {
  /** What --quiet left out of the results. */
  hidden?: { warning: number; info: number };
  /** Set when --max-warnings fails the run. */
  tooMany?: { warnings: number; max: number };
}

/** The stylish report's last line, the summary, says what the report shows: with --quiet it counts only
 * the errors and would say "no problems" over hidden warnings, even when --max-warnings fails on them.
 * The line is replaced by one that says what was hidden and why the run fails. */
function withTruthfulSummary(outputs: readonly ReportOutput[], facts: SummaryFacts): ReportOutput[] {
  // Without --quiet hiding anything, the report's own summary is the truth.
  if (!facts.hidden || facts.hidden.warning + facts.hidden.info === 0) return [...outputs];
  return outputs.map((output) => {
    if (output.name !== "stylish") return output;
    const formatter: Formatter = (results, context) => {
      const text = output.formatter(results, context);
      const lines = text.replace(/\n$/, "").split("\n");
      lines[lines.length - 1] = summaryLine(results, facts, context.color);
      return `${lines.join("\n")}\n`;
    };
    return { ...output, formatter };
  });
}

function summaryLine(results: FileResult[], facts: SummaryFacts, color: boolean): string {
  const paint = painter(color);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const counts = countBySeverity(results.flatMap((result) => result.messages));
  const shown = counts.error + counts.warning + counts.info;
  const parts = [`${plural(results.length, "map")} checked, ${plural(shown, "problem")} shown`];
  if (facts.hidden) {
    const { warning, info } = facts.hidden;
    const kinds = [warning > 0 ? plural(warning, "warning") : "", info > 0 ? `${info} info` : ""].filter(Boolean);
    if (kinds.length > 0) parts[0] += ` (${kinds.join(" and ")} hidden by --quiet)`;
  }
  if (facts.tooMany) parts.push(`too many warnings (${facts.tooMany.warnings}, max ${facts.tooMany.max})`);
  const failed = counts.error > 0 || facts.tooMany !== undefined;
  const line = `${failed ? "✖" : "✔"} ${parts.join("; ")}`;
  return failed ? paint.red.bold(line) : paint.green(line);
}

/** lint --data: each map's sources applied in memory before the rules; CSV problems become results. */
async function measureHook(settings: {
  asOf: string;
  windowDays?: number;
}): Promise<NonNullable<LintRunOptions["measure"]>> {
  const { applySources } = await import("../data/runner.js");
  return async (map, path) => {
    const { results, notes } = await applySources(map, path, settings);
    reportNotes(notes);
    return results;
  };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw new JourneymapError(`--max-warnings needs a whole number of 0 or more (got "${value}")`);
  return Number(value);
}

function parseConcurrency(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*[1-9]\d{0,2}\s*$/.test(value))
    throw new JourneymapError(`--concurrency needs a number of threads from 1 to 999 (got "${value}")`);
  return Number(value);
}
