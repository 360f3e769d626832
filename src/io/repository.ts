// Where the repository root is: the boundary of configuration searches, ignore files and report paths.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The folder holding .git (a folder, or a file in a git worktree) at or above `folder`, if any. */
export function findRepositoryRoot(folder: string): string | undefined {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if (existsSync(join(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** True when `path` is `folder` or lies inside it (both absolute). */
export function isInside(path: string, folder: string): boolean {
  if (path === folder) return true;
  const prefix =
    folder.endsWith("/") || folder.endsWith("\\") ? folder : `${folder}${folder.includes("\\") ? "\\" : "/"}`;
  return path.startsWith(prefix);
}
