// `journeymap lint`: validation, then the rules, with configuration, suppressions and CI reports.
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { findMaps } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import type { ResolvedConfig, RuleSeverity } from "../lint/index.js";
import { formatters, type FileResult, type ReportContext } from "../report/index.js";
import { countBySeverity } from "../report/types.js";
import { PACKAGE_VERSION, emitReport, examples, hasErrors, pickFormatter, useColor } from "./options.js";

interface LintOptions {
  format: string;
  output?: string;
  maxWarnings?: string;
  quiet?: boolean;
  config?: string;
  rule: string[];
  stdinFilename?: string;
}

export function registerLint(program: Command): void {
  program
    .command("lint")
    .description("check maps for journey gaps: everything validate checks, then the rules (see journeymap rules)")
    .argument("[paths...]", "map files, folders (searched for *.journey.yaml), quoted globs, or - for stdin")
    .option("-f, --format <format>", "report format: stylish, json, sarif, github or junit", "stylish")
    .option("-o, --output <file>", "write the report to this file (atomically) instead of standard output")
    .option("--max-warnings <number>", "exit 1 when there are more warnings than this")
    .option("--quiet", "report errors only")
    .option(
      "-c, --config <file>",
      "use this configuration instead of the nearest journeymap.config.yaml or .journeymaprc.yaml",
    )
    .option(
      "--rule <id:severity>",
      "set a rule's severity: error, warning, info or off (repeatable)",
      (value: string, list: string[]) => [...list, value],
      [],
    )
    .option("--stdin-filename <name>", "the name to show for standard input")
    .addHelpText(
      "after",
      examples(
        "$ journeymap lint maps/",
        "$ journeymap lint maps/ --format sarif --output journeymap.sarif",
        "$ journeymap lint maps/ --rule touchpoint-owner:error --rule missing-channel:off",
        "$ journeymap lint maps/ --max-warnings 0",
      ),
    )
    .action(async (paths: string[], options: LintOptions, command: Command) => {
      // Loaded here, not at start-up, so that other commands do not pay for the rules.
      const lint = await import("../lint/index.js");
      const formatter = pickFormatter(formatters, options.format);
      const maxWarnings = parseMaxWarnings(options.maxWarnings);
      const overrides: Record<string, RuleSeverity> = Object.fromEntries(options.rule.map(lint.parseRuleOption));
      const explicit = options.config === undefined ? undefined : lint.loadConfigFile(resolve(options.config));
      const inputs = await findMaps(paths, { stdinFilename: options.stdinFilename });

      const finder = new lint.ConfigFinder();
      const effective = new Map<ResolvedConfig, { config: ResolvedConfig; checks: string[] }>();
      const results: FileResult[] = [];
      for (const input of inputs) {
        const found = explicit ?? finder.forFolder(input.path ? dirname(input.path) : process.cwd());
        let entry = effective.get(found);
        if (!entry) {
          const config = lint.withRuleOverrides(found, overrides);
          entry = { config, checks: lint.enabledRules(config) };
          effective.set(found, entry);
        }
        // One map at a time: only its findings and text are kept, not its parsed document.
        const map = await readMap(input);
        const messages = lint.lintLoaded(map, entry.config);
        results.push({
          filePath: map.file,
          source: map.text,
          messages: options.quiet ? messages.filter((m) => m.severity === "error") : messages,
          checks: entry.checks,
        });
      }

      const cwd = process.cwd();
      const context: ReportContext = {
        color: useColor(command),
        command: "lint",
        rules: [...lint.VALIDATION_CHECKS, ...lint.ruleDescriptors()],
        cwd,
        root: lint.findRepositoryRoot(cwd) ?? cwd,
        version: options.format === "sarif" ? PACKAGE_VERSION : undefined,
      };
      emitReport(formatter, results, context, options.output);
      // On GitHub Actions the default report also becomes annotations on the pull request.
      if (process.env.GITHUB_ACTIONS === "true" && command.getOptionValueSource("format") === "default") {
        process.stdout.write(formatters.github(results, context));
      }

      const { warning: warnings } = countBySeverity(results.flatMap((result) => result.messages));
      const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
      if (tooManyWarnings)
        process.stderr.write(`journeymap: too many warnings (${warnings}; --max-warnings is ${maxWarnings})\n`);
      process.exitCode = hasErrors(results) || tooManyWarnings ? 1 : 0;
    });
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw new JourneymapError(`--max-warnings needs a whole number of 0 or more (got "${value}")`);
  return Number(value);
}
