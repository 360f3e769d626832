// `journeymap init`: writes a starter map that validates clean, never over an existing file.
import { existsSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { displayPath } from "../io/find-maps.js";
import { writeOutput } from "../io/write-output.js";
import { starterMap } from "../journey/starter.js";
import { examples } from "./options.js";
import { PACKAGE_VERSION } from "./version.js";
import { EDITOR_SCHEMA_URL, SCHEMA_URL } from "./schema.js";
import { stdout } from "../io/standard-streams.js";

/** The editor schema of this very version: a moving "latest" URL would let a future format flag today's map. */
export const PUBLISHED_SCHEMA = `https://unpkg.com/journeymap@${PACKAGE_VERSION}/schemas/editor/journeymap.schema.json`;

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("write a starter map with the editor schema modeline")
    .argument("[file]", "where to write it", "customer.journey.yaml")
    .option("--force", "overwrite the file if it exists")
    .addHelpText("after", examples("$ journeymap init", "$ journeymap init maps/onboarding.journey.yaml"))
    .action((file: string, options: { force?: boolean }) => {
      const target = resolve(file);
      if (existsSync(target) && !options.force) {
        throw new JourneymapError(`"${file}" already exists: choose another name, or add --force to overwrite it`);
      }
      writeOutput(target, starterMap(schemaReference(target)), { shown: file });
      stdout.write(`Wrote ${displayPath(target)}. Next: journeymap validate ${displayPath(target)}\n`);
    });
}

/** A relative path to the installed editor schema when the map lives in the same project, else the
 * published URL. */
function schemaReference(target: string): string {
  const schemaPath = fileURLToPath(EDITOR_SCHEMA_URL);
  const packageRoot = dirname(dirname(fileURLToPath(SCHEMA_URL)));
  const marker = `${sep}node_modules${sep}`;
  const projectRoot = packageRoot.includes(marker)
    ? packageRoot.slice(0, packageRoot.lastIndexOf(marker))
    : packageRoot;
  const inTemporaryInstall = packageRoot.includes(`${sep}_npx${sep}`);
  if (inTemporaryInstall || !target.startsWith(projectRoot + sep)) return PUBLISHED_SCHEMA;
  return relative(dirname(target), schemaPath).split(sep).join("/");
}
