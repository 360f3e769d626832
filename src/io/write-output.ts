// The one way journeymap writes a file: to a regular file only, never through a symbolic link (nor out of
// the working tree or a site's folder by a link on the way), never over an input of the run (real paths
// compared after symlinks) nor over any file this process has read, atomically via a temporary file that
// an interrupted run leaves behind for the next run to remove.
import {
  closeSync,
  fchmodSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { JourneymapError } from "../errors.js";
import { displayPath } from "./find-maps.js";
import { hasBeenRead } from "./read-text.js";
import { findRepositoryRoot, isInside } from "./repository.js";

export interface WriteOptions {
  /** Paths this run reads (maps, configurations): the output must not be any of them. A run that writes
   * many files resolves them once with resolveInputs, so each write costs the same however many there are. */
  inputs?: readonly string[] | InputFiles;
  /** The name shown in messages (default: the path as given). */
  shown?: string;
  /** The write replaces a file this run read, on purpose (lint --fix saving a map): skip that check. */
  replacesInput?: boolean;
  /** The folder the output belongs in (a docs site's output folder): no link on the way may lead out of it. */
  within?: string;
}

const TEMPORARY = /^\.(.+)\.journeymap-(\d+)\.tmp$/;

/** `.<name>.journeymap-<pid>.tmp` beside the output: recognisable, and tied to the run that made it. */
export function temporaryName(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.journeymap-${pid}.tmp`);
}

const pending = new Set<string>();

/** On SIGINT/SIGTERM while a temporary file exists, remove it, then die of the same signal. The handlers
 * exist only while something is being written, so they never change how the rest of the program (render
 * --watch, the browser) reacts to a signal. */
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function setHandlers(on: boolean): void {
  const method = on ? "on" : "off";
  process[method]("SIGINT", onSignal);
  process[method]("SIGTERM", onSignal);
  process[method]("exit", removePending);
}

/** Registers a temporary file being written (by writeOutput, or by a slower asynchronous writer such as a
 * browser printing a PDF) so that SIGINT, SIGTERM or exit removes it; call the returned function once
 * the file has been renamed into place (or removed). */
export function trackTemporary(path: string): () => void {
  if (pending.size === 0) setHandlers(true);
  pending.add(path);
  return () => {
    if (pending.delete(path) && pending.size === 0) setHandlers(false);
  };
}

function removePending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
  setHandlers(false);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Real folders whose leftover temporary files this process has removed: each folder is read once, however
 * many files are written into it (a docs site of 5,000 maps writes 10,000 files into one folder). */
const swept = new Set<string>();

/** Removes the temporary files in `folder` left by runs that no longer exist (killed with SIGKILL, power
 * loss), the first time this process writes there. */
export function removeStaleTemporaries(folder: string): void {
  if (swept.has(folder)) return;
  swept.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    // Most folders hold none: the suffix tells at once, without compiling the pattern at every start.
    if (!name.endsWith(".tmp")) continue;
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || alive(pid)) continue;
    const path = join(folder, name);
    // Only ever a regular file we could have written: never follow a planted link.
    if (lstatSync(path, { throwIfNoEntry: false })?.isFile()) rmSync(path, { force: true });
  }
}

/** A symbolic link on the way to an output that points at nothing: no write may create its target. */
class DanglingLink extends Error {
  constructor(readonly link: string) {
    super(link);
  }
}

/** The real path of `folder`: symlinks resolved, also when it (or some of its parents) does not exist yet,
 * in which case the missing part is kept as written. Throws DanglingLink for a link to nothing on the way. */
function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    if (lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) throw new DanglingLink(folder);
    const parent = dirname(folder);
    return parent === folder ? folder : join(realFolder(parent), basename(folder));
  }
}

/** The real path of an input (a map, a configuration): its target when it is a link, else where it would be. */
function realInput(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realFolder(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function identity(stats: Stats | undefined): string | undefined {
  return stats ? `${stats.dev}:${stats.ino}` : undefined;
}

/** A run's inputs resolved once: their real paths and their file identities (device and inode). */
export interface InputFiles {
  readonly reals: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

export function resolveInputs(paths: readonly string[]): InputFiles {
  const reals = new Set<string>();
  const ids = new Set<string>();
  for (const path of paths) {
    const real = realInput(resolve(path));
    reals.add(real);
    const id = identity(statSync(real, { throwIfNoEntry: false }));
    if (id !== undefined) ids.add(id);
  }
  return { reals, ids };
}

/** The working tree outputs must not leave through a link: the repository holding the working directory,
 * or the working directory itself outside a repository. Found once per working directory. */
let tree: { cwd: string; root: string } | undefined;
function workingTree(): string {
  const cwd = process.cwd();
  if (tree?.cwd !== cwd) tree = { cwd, root: findRepositoryRoot(cwd) ?? cwd };
  return tree.root;
}

/** Decides where an output goes and refuses what must never be written; returns the real target path.
 * The rule: an output is never written through a symbolic link. The output itself is never a link
 * (dangling or not), no link on its way points at nothing, and an output inside the working tree (or
 * inside `within`, a site's folder) stays inside it once every link on the way is resolved. */
export function checkOutputPath(path: string, options: WriteOptions = {}): string {
  const shown = options.shown ?? path;
  const fail = (reason: string) => new JourneymapError(`cannot write "${shown}": ${reason}`);
  const absolute = resolve(path);
  // lstat: the output's own entry, a link itself rather than what it points at.
  const stats = lstatSync(absolute, { throwIfNoEntry: false });
  if (stats?.isSymbolicLink()) {
    throw fail(
      `it is a symbolic link (to "${readlinkSync(absolute)}"), and journeymap never writes through a link: remove the link, or name the file it points to`,
    );
  }
  let folder: string;
  try {
    folder = realFolder(dirname(absolute));
  } catch (error) {
    if (!(error instanceof DanglingLink)) throw error;
    throw fail(
      `the folder "${displayPath(error.link)}" on its way is a symbolic link that leads nowhere (a missing folder or a loop): remove the link, or choose another output`,
    );
  }
  const target = join(folder, basename(absolute));
  const boundaries: Array<[string, string]> = [
    ...(options.within === undefined ? [] : [[resolve(options.within), "the output folder"] as [string, string]]),
    [workingTree(), "the working tree"],
  ];
  for (const [boundary, what] of boundaries) {
    if (!isInside(absolute, boundary)) continue;
    let real: string;
    try {
      real = realFolder(boundary);
    } catch {
      real = boundary;
    }
    if (!isInside(target, real))
      throw fail(
        `a symbolic link on its way leads outside ${what} "${displayPath(boundary) || "."}" (to "${folder}"): remove the link, or name a folder that is not a link`,
      );
  }
  if (stats?.isDirectory()) throw fail("it is a folder: name a file");
  if (stats && !stats.isFile()) throw fail("it is not a regular file (a device, FIFO or socket)");

  const id = identity(stats);
  if (stats && !options.replacesInput && hasBeenRead(stats))
    throw fail("it is an input of this run: choose another output file");
  const inputs = Array.isArray(options.inputs)
    ? resolveInputs(options.inputs)
    : (options.inputs as InputFiles | undefined);
  if (inputs && (inputs.reals.has(target) || (id !== undefined && inputs.ids.has(id))))
    throw fail("it is an input of this run: choose another output file");
  return target;
}

/** Writes the temporary file: created new ("wx": a file or link planted at its name is an error, never
 * followed), in a folder made when missing, with the mode of the file it replaces. Through a descriptor,
 * with the calls the start-up has already made ready: writeFileSync, mkdirSync and chmodSync would each
 * load code of Node's of their own for a one-map render (~0.3 ms together). */
function writeTemporary(temporary: string, contents: string | Uint8Array, replaced: Stats | undefined): void {
  let descriptor: number;
  try {
    descriptor = openSync(temporary, "wx", 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dirname(temporary), { recursive: true });
    descriptor = openSync(temporary, "wx", 0o666);
  }
  try {
    const bytes = typeof contents === "string" ? Buffer.from(contents) : contents;
    for (let written = 0; written < bytes.length;)
      written += writeSync(descriptor, bytes, written, bytes.length - written);
    const mode = replaced ? replaced.mode & 0o7777 : undefined;
    if (mode !== undefined && (fstatSync(descriptor).mode & 0o7777) !== mode) fchmodSync(descriptor, mode);
  } finally {
    closeSync(descriptor);
  }
}

/** Writes `contents` to `path` as described in this module's header. Throws JourneymapError (exit 2). */
export function writeOutput(path: string, contents: string | Uint8Array, options: WriteOptions = {}): void {
  const shown = options.shown ?? path;
  const target = checkOutputPath(path, options);
  const temporary = temporaryName(target);
  // Not tracked for signals (trackTemporary is for writers that wait, such as a browser printing a
  // PDF): no handler can run while this synchronous write is under way, and one installed for its
  // duration would only take a Ctrl-C that arrives meanwhile. A run killed here leaves the temporary
  // file for the next run to remove.
  try {
    removeStaleTemporaries(dirname(target));
    writeTemporary(temporary, contents, statSync(target, { throwIfNoEntry: false }));
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder may not exist (or be a file): then there is no temporary file to remove.
    }
    throw new JourneymapError(`cannot write "${shown}": ${(error as Error).message}`);
  }
}
