// `journeymap schema`: prints the JSON Schema of the map format, for editors and other tools.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { examples } from "./options.js";
import { stdout } from "../io/standard-streams.js";

export const SCHEMA_URL = new URL("../../schemas/journeymap.schema.json", import.meta.url);

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of *.journey.yaml files (draft-07)")
    .addHelpText("after", examples("$ journeymap schema > journeymap.schema.json"))
    .action(() => {
      stdout.write(readFileSync(SCHEMA_URL, "utf8"));
    });
}
