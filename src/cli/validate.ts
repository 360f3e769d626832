// `journeymap validate`: YAML syntax and schema checks of maps, reported at file:line:column.
import type { Command } from "commander";
import { findMaps } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import { parseSize, readFileBytes } from "../io/read-text.js";
import { isSharedFile, loadSharedFile } from "../journey/shared.js";
import type { FileResult, ReportFormatName } from "../report/index.js";
import { collect, emitReports, examples, formatHelp, hasErrors, parseOutputs, useColor } from "./options.js";

/** The catalog formats that suit schema findings alone (the CI formats describe lint rules). */
export const VALIDATE_FORMATS = ["stylish", "json"] as const satisfies readonly ReportFormatName[];

interface ValidateOptions {
  format?: string[];
  stdinFilename?: string;
  ignorePattern?: string[];
  ignore: boolean;
  maxFileSize?: string;
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check maps against the journeymap schema (YAML syntax, keys, types, emotions)")
    .argument(
      "[paths...]",
      'map files, folders (searched for *.journey.yaml), quoted globs, "!glob" to leave maps out, or - for stdin',
    )
    .option("-f, --format <name[=file]>", "report format, optionally with its own file (see below)", collect)
    .option("--ignore-pattern <pattern>", "leave out maps matching this gitignore-style pattern (repeatable)", collect)
    .option("--no-ignore", "do not read .journeymapignore or .gitignore")
    .option("--max-file-size <size>", "refuse maps larger than this (default 16MB)")
    .option("--stdin-filename <name>", "the name to show for standard input")
    .addHelpText("after", formatHelp(VALIDATE_FORMATS))
    .addHelpText(
      "after",
      examples(
        "$ journeymap validate examples/freshcart.journey.yaml",
        "$ journeymap validate examples/ --format json",
        '$ journeymap validate "examples/**/*.journey.yaml"',
        "$ cat examples/freshcart.journey.yaml | journeymap validate - --stdin-filename freshcart.journey.yaml",
      ),
    )
    .action(async (paths: string[], options: ValidateOptions, command: Command) => {
      const outputs = parseOutputs(options.format ?? ["stylish"], undefined, VALIDATE_FORMATS);
      const maxBytes = options.maxFileSize === undefined ? undefined : parseSize(options.maxFileSize);
      const inputs = await findMaps(paths, {
        stdinFilename: options.stdinFilename,
        ignorePatterns: options.ignorePattern,
        useIgnoreFiles: options.ignore,
      });
      const results: FileResult[] = [];
      for (const input of inputs) {
        // A shared-definitions file named here is checked against its own schema, not as a map.
        if (isSharedFile(input)) {
          const shared = loadSharedFile(
            readFileBytes(input.path!, { maxBytes, shown: input.file, what: "shared definitions" }),
            input.file,
          );
          results.push({ filePath: shared.file, source: shared.text, messages: shared.diagnostics });
          continue;
        }
        // One map at a time: only its findings and text are kept, not its parsed document.
        const map = await readMap(input, { maxBytes });
        results.push({ filePath: map.file, source: map.text, messages: map.diagnostics });
      }
      const read = inputs.flatMap((input) => (input.path ? [input.path] : []));
      emitReports(outputs, results, { color: useColor(command), command: "validate", rules: [] }, read);
      process.exitCode = hasErrors(results) ? 1 : 0;
    });
}
