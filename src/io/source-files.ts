// Opening the CSV files a map names as its sources. The path is hostile: only a relative path that
// stays inside the repository (the map's folder when there is none), also after symlinks, through
// no hidden file or folder (.git, .env), to a regular file of bounded size; read in chunks, never
// blocking on a FIFO or a device.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { JourneymapError } from "../errors.js";
import { displayPath } from "./find-maps.js";
import { formatSize, kindOf, reasonOf } from "./read-text.js";
import { findRepositoryRoot, isInside } from "./repository.js";

/** Exports are big (a million survey answers is about 50 MB), but not unbounded. */
export const MAX_SOURCE_SIZE = 512 * 1024 * 1024;
/** Read in 64 KiB pieces: the text of each stays in V8's young generation (a bench of 1,000,000 rows
 * parses about 15% faster than with 256 KiB, and much faster than with 1 MiB). */
const CHUNK = 64 * 1024;

export type OpenedSourceFile =
  | {
      shown: string;
      read: () => AsyncIterable<Uint8Array>;
      /** The file's device, inode, size and times, and its size: sources naming one file read it once. */
      identity: { key: string; size: number };
    }
  | { refused: string };

/** Why a source path may not be followed, before touching the disk; undefined when it may. */
function refusalOf(file: string): string | undefined {
  if (file.includes("\0")) return "it holds a NUL character";
  if (file.includes("\\")) return 'it holds a backslash: write paths with "/"';
  if (file.startsWith("/") || /^[A-Za-z]:/.test(file)) return "it is absolute: write it relative to the map's folder";
  const hidden = hiddenSegment(file.split("/"));
  if (hidden !== undefined) return `it names ${hidden}${ONLY_DATA}`;
  return undefined;
}

/** The first segment of a path that names a hidden file or folder (".git", ".env", ".github"). A
 * source reads data; what lives in dot-folders is the repository's machinery and the CI's secrets
 * (the token actions/checkout leaves in .git/config), which a map in a pull request must not read. */
function hiddenSegment(segments: readonly string[]): string | undefined {
  const segment = segments.find((name) => name.startsWith(".") && name !== "." && name !== "..");
  return segment === undefined ? undefined : JSON.stringify(segment.length > 40 ? `${segment.slice(0, 40)}…` : segment);
}

const ONLY_DATA = ", a hidden file or folder (a source reads only data): keep data files out of hidden folders";

/** A file name in a one-line message: its line breaks shown as \n (the CLI escapes other controls). */
function oneLine(name: string): string {
  return name.replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}

/** The real path of the nearest folder of `path` that exists. */
function nearestReal(path: string): string {
  for (let current = dirname(path); ; current = dirname(current)) {
    try {
      return realpathSync(current);
    } catch {
      if (dirname(current) === current) return current;
    }
  }
}

/**
 * Resolves a source's `file` against the map at `mapPath`. A path that leaves the repository (by
 * "..", by being absolute, or through a symlink) is refused (the map is wrong: a finding in the map);
 * a file that cannot be read throws JourneymapError (exit 2).
 */
export function openSourceFile(
  file: string,
  mapPath: string | undefined,
  options: { maxBytes?: number; mapShown?: string } = {},
): OpenedSourceFile {
  const quotedFile = JSON.stringify(file.length > 80 ? `${file.slice(0, 80)}…` : file);
  if (mapPath === undefined)
    return { refused: `source ${quotedFile} cannot be found for a map read from standard input: name the map's file` };
  const refusal = refusalOf(file);
  if (refusal) return { refused: `source ${quotedFile} is refused: ${refusal}` };
  const folder = dirname(resolve(mapPath));
  const boundary = findRepositoryRoot(folder) ?? folder;
  const where = findRepositoryRoot(folder) ? "the repository" : "the map's folder";
  const path = resolve(folder, file);
  if (!isInside(path, boundary)) return { refused: `source ${quotedFile} is outside ${where}: keep data files in it` };
  const shown = displayPath(path);
  const fail = (reason: string) =>
    new JourneymapError(
      `cannot read source "${oneLine(shown)}"${options.mapShown ? ` (named by ${oneLine(options.mapShown)})` : ""}: ${reason}`,
    );
  let real: string;
  const realBoundary = realpathSync(boundary);
  try {
    real = realpathSync(path);
  } catch (error) {
    // A missing file behind a link out of the repository is refused as the link, not as missing.
    const nearest = nearestReal(path);
    if (!isInside(nearest, realBoundary))
      return { refused: `source ${quotedFile} leads outside ${where} through a symbolic link: keep data files in it` };
    const hidden = hiddenSegment(relative(realBoundary, nearest).split(sep));
    if (hidden !== undefined)
      return { refused: `source ${quotedFile} is refused: it leads into ${hidden}${ONLY_DATA}` };
    throw fail(reasonOf(error));
  }
  if (!isInside(real, realBoundary))
    return { refused: `source ${quotedFile} leads outside ${where} through a symbolic link: keep data files in it` };
  // A link inside the repository may still lead into .git: the real path is checked as the written one.
  const hidden = hiddenSegment(relative(realBoundary, real).split(sep));
  if (hidden !== undefined) return { refused: `source ${quotedFile} is refused: it leads into ${hidden}${ONLY_DATA}` };
  const stats = statSync(real);
  const kind = kindOf(stats);
  if (kind) throw fail(kind);
  const maxBytes = options.maxBytes ?? MAX_SOURCE_SIZE;
  if (stats.size > maxBytes)
    throw fail(`it is ${formatSize(stats.size)}, more than the ${formatSize(maxBytes)} limit for a source`);
  // Read with the synchronous calls: a regular file answers at once, and each chunk is parsed before
  // the next is read anyway, so the thread pool's round trips (five or more a file) would only wait.
  // eslint-disable-next-line @typescript-eslint/require-await -- an async generator, as readers are
  async function* read(): AsyncGenerator<Uint8Array> {
    let descriptor: number;
    try {
      // O_NONBLOCK: a path swapped for a FIFO since the stat still opens at once; O_NOFOLLOW: nor for a link.
      descriptor = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      throw fail(reasonOf(error));
    }
    try {
      const opened = fstatSync(descriptor);
      if (kindOf(opened) || opened.ino !== stats.ino || opened.dev !== stats.dev)
        throw fail("it changed while it was being read");
      let total = 0;
      for (;;) {
        const buffer = Buffer.allocUnsafe(CHUNK);
        const bytesRead = readSync(descriptor, buffer, 0, CHUNK, null);
        if (bytesRead === 0) return;
        total += bytesRead;
        if (total > maxBytes) throw fail(`it grew past the ${formatSize(maxBytes)} limit while it was being read`);
        yield buffer.subarray(0, bytesRead);
      }
    } catch (error) {
      if (error instanceof JourneymapError) throw error;
      throw fail(reasonOf(error));
    } finally {
      closeSync(descriptor);
    }
  }
  const identity = {
    key: `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`,
    size: stats.size,
  };
  return { shown, read, identity };
}
