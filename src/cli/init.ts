// `journeymap init`: writes a starter map that validates clean, never over an existing file.
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { JourneymapError } from "../errors.js";
import { displayPath } from "../io/find-maps.js";
import { writeOutput } from "../io/write-output.js";
import { starterMap } from "../journey/starter.js";
import { examples } from "./options.js";
import { PACKAGE_VERSION } from "./version.js";
import { editorSchemaUrl, schemaUrl } from "./schema.js";
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

/**
 * A relative path to the installed editor schema when the map's project has journeymap in its
 * node_modules (npm, pnpm, bun and Yarn's node-modules linker: found through the project's own
 * node_modules/journeymap, which under pnpm is a link into its store), or when the map is inside
 * journeymap's own checkout; else (npx's temporary install, Yarn Plug'n'Play's zip archives, another
 * project) the published URL, since an editor can read neither a zip nor a folder npx deletes.
 */
function schemaReference(target: string): string {
  const schemaPath = fileURLToPath(editorSchemaUrl());
  const schemaFile = realpathOrUndefined(schemaPath);
  const packageRoot = dirname(dirname(fileURLToPath(schemaUrl())));
  if (!packageRoot.includes(`${sep}node_modules${sep}`) && target.startsWith(packageRoot + sep)) {
    return relative(dirname(target), schemaPath).split(sep).join("/");
  }
  const inPackage = relative(packageRoot, schemaPath);
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    const installed = join(folder, "node_modules", "journeymap", inPackage);
    if (schemaFile !== undefined && realpathOrUndefined(installed) === schemaFile) {
      return relative(dirname(target), installed).split(sep).join("/");
    }
    if (dirname(folder) === folder) return PUBLISHED_SCHEMA;
  }
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
