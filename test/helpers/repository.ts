// A repository written by a test: a fresh folder with a .git (where journeymap's search for shared files
// and configurations stops) holding the files the test names.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Writes `files` (path → text) under a new folder with a .git and returns the folder. */
export function makeRepository(name: string, files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), `journeymap-${name}-`));
  mkdirSync(join(root, ".git"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
