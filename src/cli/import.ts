// `journeymap import`: wiring only. A spreadsheet (.xlsx or .csv) in, a map's YAML out (a file written
// through src/io/write-output.ts, never over the spreadsheet, or standard output), nothing written on
// any problem.
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { parseSize, readFileBytes } from "../io/read-text.js";
import { writeOutput } from "../io/write-output.js";
import { stdout } from "../io/standard-streams.js";
import { examples, tell } from "./options.js";

/** A journey map's workbook is kilobytes; tens of megabytes is something else, refused before reading. */
const MAX_SPREADSHEET_SIZE = 10 * 1024 * 1024;

interface ImportCliOptions {
  output?: string;
  layout?: string;
  maxFileSize?: string;
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("make a map from a spreadsheet (.xlsx or .csv): the Touchpoints table, or stages as columns")
    .argument("<file>", "an .xlsx workbook (render --format xlsx writes one) or a .csv file")
    .option("-o, --output <file>", "the map to write (e.g. map.journey.yaml); without it, the YAML goes to stdout")
    .option(
      "--layout <layout>",
      'touchpoints (one row per touchpoint) or map (stages as columns, lanes as rows); default: the "Touchpoints" sheet, else the "Map" sheet, else from the header',
    )
    .option("--max-file-size <size>", "refuse spreadsheets larger than this (default 10MB)")
    .addHelpText(
      "after",
      examples(
        "$ journeymap render checkout.journey.yaml -o checkout.xlsx    # edit it in Excel, then:",
        "$ journeymap import checkout.xlsx -o checkout.journey.yaml",
        "$ journeymap import workshop.csv --layout map -o workshop.journey.yaml",
      ),
    )
    .action(async (file: string, options: ImportCliOptions) => {
      const { importSpreadsheet, LAYOUTS } = await import("../import/index.js");
      const layout = options.layout?.toLowerCase();
      if (layout !== undefined && !(LAYOUTS as readonly string[]).includes(layout))
        throw new JourneymapError(`unknown layout "${options.layout}": use ${LAYOUTS.join(" or ")}`);
      const maxBytes = options.maxFileSize === undefined ? MAX_SPREADSHEET_SIZE : parseSize(options.maxFileSize);
      const bytes = readFileBytes(file, { maxBytes, what: "spreadsheet" });
      const imported = await importSpreadsheet(bytes, {
        shown: file,
        ...(layout !== undefined ? { layout: layout as (typeof LAYOUTS)[number] } : {}),
      });
      if (options.output === undefined) {
        stdout.write(imported.text);
      } else {
        writeOutput(options.output, imported.text, { inputs: [file] });
        tell(`✔ ${file} (sheet "${imported.sheet}", ${imported.layout} layout) → ${options.output}`);
      }
      process.exitCode = 0;
    });
}
