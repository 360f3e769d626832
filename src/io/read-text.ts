// Bounded reads of every input (maps, configurations, standard input): regular files only, never more
// than a size limit, never blocking on a FIFO or a device.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { JourneymapError } from "../errors.js";

/** The largest input read by default (16 MB); `--max-file-size` raises it. A journey map is rarely 1 MB. */
export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

/** Every file this process has read (device and inode, so any path, symlink or hard link to it counts):
 * writeOutput refuses to replace one, whichever command read it (a map, a configuration, an ignore file). */
const filesRead = new Set<string>();

/** True when the file with these stats has been read by this process. */
export function hasBeenRead(stats: Stats): boolean {
  return filesRead.has(`${stats.dev}:${stats.ino}`);
}

export interface ReadOptions {
  /** Refuse inputs larger than this many bytes (default 16 MB). */
  maxBytes?: number;
  /** The name shown in messages (default: the path). */
  shown?: string;
  /** What the file is, for messages: "map", "configuration" … (default "file"). */
  what?: string;
  /** How to raise the limit, for the message (default: with --max-file-size). */
  raise?: string;
}

/** "16 MB", "512 KB", "100 bytes": sizes as a person reads them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Parses `--max-file-size`: a whole number of bytes, or with a KB, MB or GB suffix (powers of 1024). */
export function parseSize(value: string, option = "--max-file-size"): number {
  const match = /^\s*(\d+)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  const unit = (match?.[2] ?? "b").toLowerCase()[0]!;
  const bytes = match ? Number(match[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit] ?? 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new JourneymapError(`${option} needs a size such as 32MB, 512KB or 1000000 (got "${value}")`);
  return bytes;
}

/** Why a file of this kind is not read (a folder, a FIFO, a device, a socket), or undefined for a regular file. */
export function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "it is a folder";
  if (stats.isFIFO()) return "it is a FIFO (named pipe), not a regular file";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "it is a device, not a regular file";
  if (stats.isSocket()) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

function tooBig(
  shown: string | undefined,
  what: string,
  maxBytes: number,
  size?: number,
  raise = "raise it with --max-file-size",
): JourneymapError {
  const actual = size === undefined ? "more than" : `${formatSize(size)}, more than`;
  return new JourneymapError(
    `cannot read ${what}${shown === undefined ? "" : ` "${shown}"`}: it is ${actual} the ${formatSize(maxBytes)} limit (${raise})`,
  );
}

/** The bytes of a regular file, refused before reading when it is larger than the limit, a folder, a
 * FIFO or a device. Throws JourneymapError (exit 2) with a one-line reason. */
export function readFileBytes(path: string, options: ReadOptions = {}): Uint8Array {
  const shown = options.shown ?? path;
  const what = options.what ?? "file";
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_SIZE;
  const fail = (reason: string) => new JourneymapError(`cannot read ${what} "${shown}": ${reason}`);
  let stats: Stats;
  try {
    // stat before open: opening a FIFO without a writer would block forever.
    stats = statSync(path);
  } catch (error) {
    throw fail(reasonOf(error));
  }
  const refused = kindOf(stats);
  if (refused) throw fail(refused);
  if (stats.size > maxBytes) throw tooBig(shown, what, maxBytes, stats.size, options.raise);

  let descriptor: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open still returns at once.
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fail(reasonOf(error));
  }
  try {
    const openedStats = fstatSync(descriptor);
    const opened = kindOf(openedStats);
    if (opened) throw fail(opened);
    filesRead.add(`${openedStats.dev}:${openedStats.ino}`);
    // Read at most one byte past the limit, whatever the size was at stat time (the file may grow).
    // A little room beyond the stat size (the file may be growing); a map that grew more is read on below.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stats.size + 4096 + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooBig(shown, what, maxBytes, undefined, options.raise);
        return readRest(descriptor, buffer, length, maxBytes, shown, what, options.raise);
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof JourneymapError) throw error;
    throw fail(reasonOf(error));
  } finally {
    closeSync(descriptor);
  }
}

/** A file that grew past its stat size: keep reading in chunks up to the limit. */
function readRest(
  descriptor: number,
  first: Buffer,
  length: number,
  maxBytes: number,
  shown: string,
  what: string,
  raise: string | undefined,
): Uint8Array {
  const chunks = [first.subarray(0, length)];
  let total = length;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    const read = readSync(descriptor, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks);
    total += read;
    if (total > maxBytes) throw tooBig(shown, what, maxBytes, undefined, raise);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
}

/** A regular file's text (UTF-8), with the same checks and limit as readFileBytes: for configurations
 * and any other text input (--config, a Mermaid configuration). */
export function readTextFile(path: string, options: ReadOptions = {}): string {
  return Buffer.from(readFileBytes(path, options)).toString("utf8");
}

/** Standard input up to the limit; stops reading (and says so) as soon as it is exceeded, so that
 * `< /dev/zero` ends with a message instead of reading forever. */
export async function readStdinBounded(
  options: ReadOptions & { stream?: NodeJS.ReadableStream } = {},
): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_SIZE;
  const stream = options.stream ?? process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > maxBytes) {
      // Leaving the loop destroys the stream: nothing more is read.
      throw tooBig(options.shown, options.what ?? "standard input", maxBytes);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** A failed read's reason, in the words of a message. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
  if (code === "EISDIR") return "it is a folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many levels of symbolic links";
  return (error as Error).message;
}
