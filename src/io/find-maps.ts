// Turns command-line paths (files, folders, quoted globs, "!glob" exclusions, "-") into the list of maps
// to read. Folder walks and globs skip ignored files and never follow a symlink (to a map or to a
// folder): no cycles, nothing outside the tree, the same answer from both. A symlink named on the command
// line is read, as it was named on purpose.
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { JourneymapError } from "../errors.js";
import { IgnoreRules } from "./ignore-rules.js";

export interface MapInput {
  /** The name shown in messages: relative to the working directory where possible, with "/". */
  file: string;
  /** Absolute path on disk; absent for standard input. */
  path?: string;
}

export interface FindMapsOptions {
  stdinFilename?: string;
  cwd?: string;
  /** Extra ignore patterns (gitignore syntax, relative to the working directory): --ignore-pattern. */
  ignorePatterns?: readonly string[];
  /** Read .journeymapignore and .gitignore (default true; --no-ignore turns it off). */
  useIgnoreFiles?: boolean;
}

export const MAP_FILE = /\.journey\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
const GLOB_CHARS = /[*?[\]{}]/;

/** Shown name of a path on disk. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  return (shown.startsWith("..") || isAbsolute(shown) ? path : shown).split(sep).join("/");
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Every map named by `paths`, in a stable order, without duplicates (the same file through a symlink
 * counts once). Explicitly named files are read whatever their name and whatever the ignore files say.
 * Throws JourneymapError (exit 2) when a path does not exist or when nothing matches. */
export async function findMaps(paths: string[], options: FindMapsOptions = {}): Promise<MapInput[]> {
  const cwd = options.cwd ?? process.cwd();
  const exclusions = paths.filter((arg) => arg.startsWith("!") && arg.length > 1).map((arg) => arg.slice(1));
  const named = paths.filter((arg) => !(arg.startsWith("!") && arg.length > 1));
  if (named.length === 0)
    throw new JourneymapError("no maps given: name files, folders or globs, or - for standard input");
  const rules = new IgnoreRules({
    cwd,
    patterns: [...(options.ignorePatterns ?? []), ...exclusions],
    useIgnoreFiles: options.useIgnoreFiles,
  });
  const found = new Map<string, MapInput>();
  const add = (path: string) => {
    const key = realOrSelf(path);
    if (!found.has(key)) found.set(key, { file: displayPath(path, cwd), path });
  };

  for (const arg of named) {
    if (arg === "-") {
      found.set("-", { file: options.stdinFilename ?? "<stdin>" });
      continue;
    }
    const path = resolve(cwd, arg);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      const walked = { maps: [] as string[], ignored: 0 };
      walk(path, rules, walked);
      if (walked.maps.length === 0)
        throw new JourneymapError(
          `no journey maps (*.journey.yaml or *.journey.yml) in folder "${arg}"${ignoredNote(walked.ignored)}`,
        );
      walked.maps.forEach(add);
    } else if (stats) {
      add(path); // an explicitly named file is read whatever its name
    } else if (GLOB_CHARS.test(arg)) {
      const { glob } = await import("tinyglobby");
      const matches = await glob(arg, {
        cwd,
        absolute: true,
        followSymbolicLinks: false,
        ignore: ["**/node_modules/**", "**/.git/**"],
      });
      let ignored = 0;
      const kept = matches
        .map((match) => resolve(match))
        .filter((match) => MAP_FILE.test(match) && lstatSync(match, { throwIfNoEntry: false })?.isFile() === true)
        .filter((match) => !(rules.ignores(match) && ++ignored));
      if (kept.length === 0) throw new JourneymapError(`no journey maps match "${arg}"${ignoredNote(ignored)}`);
      kept.sort().forEach(add);
    } else {
      throw new JourneymapError(`no such file or folder "${arg}"`);
    }
  }
  return [...found.values()];
}

/** For maps that appear later in a walked folder (render --watch, which skips node_modules and .git
 * itself): whether a folder walk would have found the file at `path`, by the same rules (its name, a
 * regular file and not a symlink, not ignored). */
export function walkedMapTest(options: Omit<FindMapsOptions, "stdinFilename"> = {}): (path: string) => boolean {
  const cwd = options.cwd ?? process.cwd();
  const rules = new IgnoreRules({ cwd, patterns: options.ignorePatterns, useIgnoreFiles: options.useIgnoreFiles });
  return (path) =>
    MAP_FILE.test(basename(path)) &&
    lstatSync(path, { throwIfNoEntry: false })?.isFile() === true &&
    !rules.ignores(path);
}

function ignoredNote(count: number): string {
  if (count === 0) return "";
  const what = count === 1 ? "file or folder" : "files or folders";
  return ` (${count} ${what} ignored by .journeymapignore, .gitignore, --ignore-pattern or a "!" argument)`;
}

function walk(folder: string, rules: IgnoreRules, walked: { maps: string[]; ignored: number }): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Dirent types come from lstat: a symlink is neither a folder nor a file here, so it is skipped.
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      if (rules.ignores(path, true)) walked.ignored++;
      else walk(path, rules, walked);
    } else if (entry.isFile() && MAP_FILE.test(entry.name)) {
      if (rules.ignores(path)) walked.ignored++;
      else walked.maps.push(path);
    }
  }
}
