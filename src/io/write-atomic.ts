// Writes a file all at once: into a temporary file beside it, then renamed into place, so a reader
// (or an interrupted run) never sees half a file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { JourneymapError } from "../errors.js";

export function writeAtomic(path: string, contents: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder may not exist (or be a file): then there is no temporary file to remove.
    }
    throw new JourneymapError(`cannot write "${path}": ${(error as Error).message}`);
  }
}
