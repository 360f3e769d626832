// Turns command-line paths (files, directories, quoted globs, "-") into the list of maps to read.
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { JourneymapError } from "../errors.js";

export interface MapInput {
  /** The name shown in messages: relative to the working directory where possible, with "/". */
  file: string;
  /** Absolute path on disk; absent for standard input. */
  path?: string;
}

export const MAP_FILE = /\.journey\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
const GLOB_CHARS = /[*?[\]{}]/;

/** Shown name of a path on disk. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return (shown.startsWith("..") || isAbsolute(shown) ? path : shown).split(sep).join("/");
}

/** Every map named by `paths`, in a stable order, without duplicates. Throws JourneymapError (exit 2) when
 * a path does not exist or when nothing matches. */
export async function findMaps(
  paths: string[],
  options: { stdinFilename?: string; cwd?: string } = {},
): Promise<MapInput[]> {
  const cwd = options.cwd ?? process.cwd();
  if (paths.length === 0)
    throw new JourneymapError("no maps given: name files, folders or globs, or - for standard input");
  const found = new Map<string, MapInput>();
  const add = (path: string) => found.set(path, { file: displayPath(path, cwd), path });

  for (const arg of paths) {
    if (arg === "-") {
      found.set("-", { file: options.stdinFilename ?? "<stdin>" });
      continue;
    }
    const path = resolve(cwd, arg);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      const inFolder = walk(path);
      if (inFolder.length === 0)
        throw new JourneymapError(`no journey maps (*.journey.yaml or *.journey.yml) in folder "${arg}"`);
      inFolder.forEach(add);
    } else if (stats) {
      add(path); // an explicitly named file is read whatever its name
    } else if (GLOB_CHARS.test(arg)) {
      const { glob } = await import("tinyglobby");
      const matches = (await glob(arg, { cwd, absolute: true, ignore: ["**/node_modules/**", "**/.git/**"] })).filter(
        (match) => MAP_FILE.test(match),
      );
      if (matches.length === 0) throw new JourneymapError(`no journey maps match "${arg}"`);
      matches.sort().forEach((match) => add(resolve(match)));
    } else {
      throw new JourneymapError(`no such file or folder "${arg}"`);
    }
  }
  return [...found.values()];
}

function walk(folder: string): string[] {
  const maps: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) maps.push(...walk(path));
    else if (entry.isFile() && MAP_FILE.test(entry.name)) maps.push(path);
  }
  return maps;
}
