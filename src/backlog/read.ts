// Reads the maps a backlog is made of, as lint finds them (folders, globs, ignore files, shared
// definitions in scope), one at a time: a valid map is kept as its typed journey only, a map with
// errors as its problems, so that a thousand maps cost little memory.
import { dirname, relative, sep } from "node:path";
import { findMaps, type FindMapsOptions } from "../io/find-maps.js";
import { readMap } from "../io/read-maps.js";
import { findRepositoryRoot } from "../io/repository.js";
import type { LoadedJourney } from "../journey/load.js";
import { isSharedFile, type SharedFile } from "../journey/shared.js";
import { SharedFinder } from "../workspace/scope.js";
import type { CollectedMap } from "./collect.js";

export interface BacklogReadOptions extends FindMapsOptions {
  /** Refuse maps larger than this many bytes (default 16 MB). */
  maxBytes?: number;
  /** The page of a map on the docs site, when the caller knows it. */
  pageOf?: (path: string) => string | undefined;
}

export interface BacklogMaps {
  /** Valid maps, in path order, with their file relative to the repository root. */
  maps: CollectedMap[];
  /** Maps with errors (YAML or schema): left out of the backlog. */
  invalid: Array<Pick<LoadedJourney, "file" | "text" | "diagnostics">>;
  /** Shared-definitions files with errors: their definitions were left out. */
  sharedProblems: SharedFile[];
  /** Absolute paths of every file read (an output must never replace one). */
  inputs: string[];
}

/** Throws JourneymapError (exit 2) for a path that does not exist, an unreadable or oversized file. */
export async function readBacklogMaps(paths: string[], options: BacklogReadOptions = {}): Promise<BacklogMaps> {
  const cwd = options.cwd ?? process.cwd();
  const root = findRepositoryRoot(cwd) ?? cwd;
  const finder = new SharedFinder({ cwd, maxBytes: options.maxBytes });
  const result: BacklogMaps = { maps: [], invalid: [], sharedProblems: [], inputs: [] };
  for (const input of await findMaps(paths, options)) {
    if (input.path) result.inputs.push(input.path);
    if (isSharedFile(input)) continue;
    const shared = input.path ? finder.forFolder(dirname(input.path)) : undefined;
    const map = await readMap(input, { maxBytes: options.maxBytes, ...(shared ? { shared } : {}) });
    if (!map.journey) {
      result.invalid.push({ file: map.file, text: map.text, diagnostics: map.diagnostics });
      continue;
    }
    const path = input.path ? inRepository(root, input.path) : input.file;
    const page = input.path ? options.pageOf?.(input.path) : undefined;
    result.maps.push({ journey: map.journey, path, ...(page !== undefined ? { page } : {}) });
  }
  for (const [path, shared] of finder.files) {
    result.inputs.push(path);
    if (shared.diagnostics.length > 0) result.sharedProblems.push(shared);
  }
  return result;
}

function inRepository(root: string, path: string): string {
  const shown = relative(root, path);
  return (shown.startsWith("..") ? path : shown).split(sep).join("/");
}
