// `journeymap validate`: YAML syntax and schema checks of maps, reported at file:line:column.
import type { Command } from "commander";
import { findMaps } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import type { FileResult } from "../report/index.js";
import { formatters } from "../report/index.js";
import { emitReport, examples, hasErrors, pickFormatter, useColor } from "./options.js";

interface ValidateOptions {
  format: string;
  stdinFilename?: string;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check maps against the journeymap schema (YAML syntax, keys, types, emotions)")
    .argument("[paths...]", "map files, folders (searched for *.journey.yaml), quoted globs, or - for stdin")
    .option("-f, --format <format>", "report format: stylish or json", "stylish")
    .option("--stdin-filename <name>", "the name to show for standard input")
    .addHelpText(
      "after",
      examples(
        "$ journeymap validate examples/freshcart.journey.yaml",
        "$ journeymap validate maps/ --format json",
        '$ journeymap validate "maps/**/*.journey.yaml"',
        "$ cat map.journey.yaml | journeymap validate - --stdin-filename map.journey.yaml",
      ),
    )
    .action(async (paths: string[], options: ValidateOptions, command: Command) => {
      const formatter = pickFormatter({ stylish: formatters.stylish, json: formatters.json }, options.format);
      const inputs = await findMaps(paths, { stdinFilename: options.stdinFilename });
      const results: FileResult[] = [];
      for (const input of inputs) {
        // One map at a time: only its findings and text are kept, not its parsed document.
        const map = await readMap(input);
        results.push({ filePath: map.file, source: map.text, messages: map.diagnostics });
      }
      emitReport(formatter, results, { color: useColor(command), command: "validate", rules: [] });
      process.exitCode = hasErrors(results) ? 1 : 0;
    });
}
