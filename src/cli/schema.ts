// `journeymap schema`: prints the JSON Schema of the map format, for editors and other tools.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { examples } from "./options.js";
import { stdout } from "../io/standard-streams.js";

/** The schema's file (a function: a URL made at start-up would load node:url's code for every command). */
export function schemaUrl(): URL {
  return new URL("../../schemas/journeymap.schema.json", import.meta.url);
}
/** The same schema with the YAML language server's own keywords (markdownDescription, snippets), which
 * strict validators refuse: for editors only (scripts/editor-schemas.mjs writes it at build time). */
export function editorSchemaUrl(): URL {
  return new URL("../../schemas/editor/journeymap.schema.json", import.meta.url);
}

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of *.journey.yaml files (draft-07)")
    .addHelpText("after", examples("$ journeymap schema > journeymap.schema.json"))
    .action(() => {
      stdout.write(readFileSync(schemaUrl(), "utf8"));
    });
}
