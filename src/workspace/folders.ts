// Which command-line paths name a whole folder tree (a portfolio): folders, and the fixed part of a glob.
import { statSync } from "node:fs";
import { resolve } from "node:path";

/** The folders (absolute) that `paths` lint whole: each folder named, and each glob's folder before its
 * first wildcard. Files, "!" exclusions and standard input name no folder. */
export function foldersNamed(paths: readonly string[]): string[] {
  const folders: string[] = [];
  for (const path of paths) {
    if (path === "-" || path.startsWith("!")) continue;
    const wildcard = path.search(/[*?[{]/);
    if (wildcard !== -1) {
      const base = path.slice(0, wildcard).replace(/[^/\\]*$/, "");
      folders.push(resolve(base || "."));
    } else if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) folders.push(resolve(path));
  }
  return folders;
}
