// The map files that differ between two git revisions (or a revision and the working tree), and
// their contents at each. git is spawned with an argument array, never a shell: paths are hostile.
import { spawnSync } from "node:child_process";
import { lstatSync } from "node:fs";
import { basename, dirname, join, posix, relative, resolve, sep } from "node:path";
import { JourneymapError } from "../errors.js";
import { displayPath, MAP_FILE } from "../io/find-maps.js";
import { DEFAULT_MAX_FILE_SIZE, formatSize, readFileBytes } from "../io/read-text.js";
import type { SharedScope } from "../journey/definitions.js";
import { loadSharedFile, SHARED_FILE, type SharedFile } from "../journey/shared.js";
import { scopeOf, SharedFinder } from "./scope.js";

/** One map that changed: its repository-relative path on each side (absent where it does not exist). */
export interface ChangedMap {
  oldPath?: string;
  newPath?: string;
}

export interface Revisions {
  /** The repository's top folder. */
  root: string;
  base: string;
  /** Absent: the working tree. */
  head?: string;
}

const SYMLINK = "it is a symbolic link, and diff compares map files only";
const SUBMODULE = "it is a git submodule, and diff compares map files only";

const MAX_OUTPUT = 512 * 1024 * 1024;

function git(args: string[], cwd: string, input?: string): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync("git", args, {
    cwd,
    input: input === undefined ? undefined : Buffer.from(input, "utf8"),
    encoding: "buffer",
    maxBuffer: MAX_OUTPUT,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new JourneymapError(
      code === "ENOENT" ? "--base needs git, and git is not installed" : `cannot run git: ${result.error.message}`,
    );
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

/** The repository around `cwd` and the two revisions as commit ids. Throws (exit 2) outside a git
 * repository or for a revision that does not exist. */
export function resolveRevisions(cwd: string, base: string, head?: string): Revisions {
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  if (top.status !== 0)
    throw new JourneymapError(
      `not a git repository: "${cwd}" (--base compares git revisions; run it inside a repository)`,
    );
  const root = top.stdout.toString("utf8").replace(/\n$/, "");
  const commit = (ref: string, option: string): string => {
    if (ref === "" || ref.startsWith("-"))
      throw new JourneymapError(`${option} needs a git revision such as main or HEAD~1 (got "${ref}")`);
    const parsed = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], root);
    if (parsed.status !== 0)
      throw new JourneymapError(`unknown git revision "${ref}" (${option}): check the branch, tag or commit name`);
    return parsed.stdout.toString("utf8").trim();
  };
  return { root, base: commit(base, "--base"), ...(head !== undefined ? { head: commit(head, "--head") } : {}) };
}

/** The map files (*.journey.yaml/.yml) that differ, renames paired, limited to `pathspecs` when given
 * (relative to `cwd`). In working-tree mode, untracked maps that git does not ignore count as added. */
export function changedMaps(revisions: Revisions, cwd: string, pathspecs: string[]): ChangedMap[] {
  const specs = pathspecs.length ? ["--", ...pathspecs] : [];
  const range = revisions.head ? [revisions.base, revisions.head] : [revisions.base];
  const listed = git(
    [
      "-c",
      "core.quotePath=false",
      "diff",
      "--no-ext-diff",
      "--no-textconv",
      "--name-status",
      "-z",
      "-M",
      ...range,
      ...specs,
    ],
    cwd,
  );
  if (listed.status !== 0) throw new JourneymapError(`git diff failed: ${firstLine(listed.stderr)}`);
  const fields = listed.stdout.toString("utf8").split("\0");
  const maps: ChangedMap[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const status = fields[i++]!;
    const kind = status[0];
    if (kind === "R" || kind === "C") {
      const from = fields[i++]!;
      const to = fields[i++]!;
      const fromMap = MAP_FILE.test(from);
      const toMap = MAP_FILE.test(to);
      // A copy leaves the original in place: only the new file is a change.
      if (kind === "R" && fromMap && toMap) maps.push({ oldPath: from, newPath: to });
      else if (kind === "R" && fromMap) maps.push({ oldPath: from });
      if (toMap) {
        if (kind === "C") maps.push({ newPath: to });
        else if (!fromMap) maps.push({ newPath: to });
      }
      continue;
    }
    const path = fields[i++]!;
    if (!MAP_FILE.test(path)) continue;
    if (kind === "A") maps.push({ newPath: path });
    else if (kind === "D") maps.push({ oldPath: path });
    else maps.push({ oldPath: path, newPath: path });
  }
  if (!revisions.head) {
    const untracked = git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", ...specs], cwd);
    if (untracked.status === 0)
      for (const path of untracked.stdout.toString("utf8").split("\0"))
        if (path && MAP_FILE.test(path)) maps.push({ newPath: path });
  }
  return maps.sort((a, b) => compare(a.newPath ?? a.oldPath!, b.newPath ?? b.oldPath!));
}

/** The paths given after --base (relative to `cwd`) that name nothing: no file or folder in the working
 * tree (or at --head), nor at --base (where a deleted map still is). A typo there would otherwise
 * compare nothing and pass. Pathspecs with wildcards or git's magic (":") are left to git. */
export function pathsNotFound(revisions: Revisions, cwd: string, pathspecs: readonly string[]): string[] {
  const missing: string[] = [];
  let known: Set<string> | undefined;
  for (const spec of pathspecs) {
    if (/[*?[\]]/.test(spec) || spec.startsWith(":")) continue;
    const absolute = resolve(cwd, spec);
    const inRepository = relative(revisions.root, absolute).split(sep).join("/");
    if (inRepository === "" || inRepository.startsWith("../") || inRepository === "..") continue;
    if (revisions.head === undefined && lstatSync(absolute, { throwIfNoEntry: false })) continue;
    known ??= pathsAndFolders(revisions);
    if (!known.has(inRepository)) missing.push(spec);
  }
  return missing;
}

/** Every file of --base and --head (the working tree is looked at on disk) and every folder above one. */
function pathsAndFolders(revisions: Revisions): Set<string> {
  const known = new Set<string>();
  for (const revision of [revisions.base, revisions.head]) {
    if (revision === undefined) continue;
    for (const path of treeAt(revisions, revision).keys()) {
      // From the file up: a folder already known has its parents known too.
      for (let at = path; at !== "" && !known.has(at); at = at.slice(0, Math.max(0, at.lastIndexOf("/"))))
        known.add(at);
    }
  }
  return known;
}

/** A map file that one version cannot give: skipped, with the message that says why. A warning (a
 * link or a submodule named like a map is not a map: nothing to compare) or an error (a map that could
 * not be read, such as one above the size limit: the run fails once the other maps are compared). */
export interface Unread {
  path: string;
  message: string;
  severity: "warning" | "error";
}

/** The files' bytes at a revision, or in the working tree when `revision` is undefined, and the files
 * skipped. Two git processes per revision, whatever the number of files: `ls-tree` names the blobs
 * (NUL-separated, so any file name is safe), `cat-file --batch` prints them all. One file that cannot
 * be read never stops the others. */
export function readAllAt(
  revisions: Revisions,
  revision: string | undefined,
  paths: string[],
  maxBytes = DEFAULT_MAX_FILE_SIZE,
): { files: Map<string, Uint8Array>; unread: Unread[] } {
  const files = new Map<string, Uint8Array>();
  const unread: Unread[] = [];
  if (paths.length === 0) return { files, unread };
  if (revision === undefined) {
    for (const path of paths) {
      // A map that is a symbolic link could point anywhere on the machine running CI; its target's
      // text must not end up in a pull-request comment.
      if (lstatSync(join(revisions.root, path), { throwIfNoEntry: false })?.isSymbolicLink()) {
        unread.push({ path, message: `skipped "${path}": ${SYMLINK}`, severity: "warning" });
        continue;
      }
      // Bounded, regular files only, as every other input.
      try {
        files.set(path, readFileBytes(join(revisions.root, path), { maxBytes, shown: path, what: "map" }));
      } catch (error) {
        if (!(error instanceof JourneymapError)) throw error;
        unread.push({ path, message: error.message, severity: "error" });
      }
    }
    return { files, unread };
  }
  const tree = treeAt(revisions, revision);
  const at = `at ${revision.slice(0, 12)}`;
  const blobs: Blob[] = [];
  for (const path of paths) {
    const entry = tree.get(path);
    if (!entry) unread.push({ path, message: `cannot read "${path}" ${at}: not in that revision`, severity: "error" });
    else if (entry.mode === "120000")
      unread.push({ path, message: `skipped "${path}" ${at}: ${SYMLINK}`, severity: "warning" });
    else if (entry.type === "commit")
      unread.push({ path, message: `skipped "${path}" ${at}: ${SUBMODULE}`, severity: "warning" });
    else if (entry.type !== "blob")
      unread.push({
        path,
        message: `skipped "${path}" ${at}: it is a git ${entry.type}, not a file`,
        severity: "warning",
      });
    else if (!(entry.size <= maxBytes))
      unread.push({
        path,
        message: `cannot read map "${path}" ${at}: it is ${formatSize(entry.size)}, more than the ${formatSize(maxBytes)} limit (raise it with --max-file-size)`,
        severity: "error",
      });
    else blobs.push({ path, object: entry.object });
  }
  for (const [path, bytes] of readBlobs(revisions, revision, blobs)) files.set(path, bytes);
  return { files, unread };
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
}

interface Blob {
  path: string;
  object: string;
}

/** The trees listed so far, per run (its Revisions) and revision: the maps and the shared files of a
 * revision come from one `git ls-tree`. */
const listed = new WeakMap<Revisions, Map<string, Map<string, TreeEntry>>>();

/** Every file of a revision's tree by repository-relative path, with its size (-l), so that a blob
 * above the limit is refused before git prints it. NUL-separated: any file name is safe. */
function treeAt(revisions: Revisions, revision: string): Map<string, TreeEntry> {
  let trees = listed.get(revisions);
  if (!trees) listed.set(revisions, (trees = new Map<string, Map<string, TreeEntry>>()));
  let entries = trees.get(revision);
  if (!entries) trees.set(revision, (entries = listTree(revisions, revision)));
  return entries;
}

function listTree(revisions: Revisions, revision: string): Map<string, TreeEntry> {
  const tree = git(["ls-tree", "-r", "-l", "-z", "--full-tree", revision], revisions.root);
  if (tree.status !== 0) throw new JourneymapError(`git ls-tree failed: ${firstLine(tree.stderr)}`);
  const entries = new Map<string, TreeEntry>();
  for (const entry of tree.stdout.toString("utf8").split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const [mode = "", type = "", object = "", size] = entry.slice(0, tab).split(/ +/);
    entries.set(entry.slice(tab + 1), { mode, type, object, size: Number(size) });
  }
  return entries;
}

/** The blobs' bytes, from one `git cat-file --batch`. */
function readBlobs(revisions: Revisions, revision: string, blobs: readonly Blob[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (blobs.length === 0) return files;
  const batch = git(["cat-file", "--batch"], revisions.root, blobs.map((blob) => `${blob.object}\n`).join(""));
  if (batch.status !== 0) throw new JourneymapError(`git cat-file failed: ${firstLine(batch.stderr)}`);
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = batch.stdout.indexOf(0x0a, offset);
    const header = batch.stdout.subarray(offset, headerEnd).toString("utf8").split(" ");
    const size = Number(header[2]);
    if (header[1] !== "blob" || !Number.isSafeInteger(size))
      throw new JourneymapError(
        `cannot read "${blob.path}" at ${revision.slice(0, 12)}: git cat-file said "${header.join(" ")}"`,
      );
    files.set(blob.path, batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return files;
}

/** The shared definitions of the maps at one revision (or in the working tree), as lint finds them on
 * disk: every journeymap.shared.yaml from the map's folder up to the repository root, nearest first,
 * read from that revision, each file once. */
export class SharedAt {
  readonly #revisions: Revisions;
  readonly #revision: string | undefined;
  readonly #maxBytes: number;
  readonly #disk: SharedFinder | undefined;
  readonly #files = new Map<string, SharedFile>();

  constructor(revisions: Revisions, revision: string | undefined, maxBytes = DEFAULT_MAX_FILE_SIZE) {
    this.#revisions = revisions;
    this.#revision = revision;
    this.#maxBytes = maxBytes;
    if (revision === undefined) this.#disk = new SharedFinder({ cwd: revisions.root, maxBytes });
  }

  /** The scope of the map at `path` (repository-relative); undefined when no shared file is in scope. */
  forMap(path: string): SharedScope | undefined {
    if (this.#disk) return this.#disk.forFolder(dirname(join(this.#revisions.root, path)));
    const revision = this.#revision!;
    const tree = treeAt(this.#revisions, revision);
    const chain: string[] = [];
    for (let folder = posix.dirname(path); ; folder = posix.dirname(folder)) {
      const shared = folder === "." ? SHARED_FILE : `${folder}/${SHARED_FILE}`;
      if (tree.has(shared)) chain.push(shared);
      if (folder === "." || folder === "/") break;
    }
    const where = (shared: string) => join(this.#revisions.root, shared);
    const missing: Blob[] = [];
    for (const shared of chain) {
      if (this.#files.has(where(shared))) continue;
      const entry = tree.get(shared)!;
      const at = `at ${revision.slice(0, 12)}`;
      if (entry.mode === "120000" || entry.type !== "blob")
        throw new JourneymapError(`cannot read "${shared}" ${at}: it is not a regular file`);
      if (entry.size > this.#maxBytes)
        throw new JourneymapError(
          `cannot read shared definitions "${shared}" ${at}: it is ${formatSize(entry.size)}, more than the ${formatSize(this.#maxBytes)} limit (raise it with --max-file-size)`,
        );
      missing.push({ path: shared, object: entry.object });
    }
    for (const [shared, bytes] of readBlobs(this.#revisions, revision, missing))
      this.#files.set(where(shared), loadSharedFile(bytes, `${displayPath(where(shared))} (${revision.slice(0, 12)})`));
    return chain.length > 0 ? scopeOf(chain.map((shared) => this.#files.get(where(shared))!)) : undefined;
  }

  /** The shared files read so far, by absolute path (where they are in the working tree): inputs that no
   * output may replace, like the maps, whichever revision they were read from. */
  get files(): ReadonlyMap<string, SharedFile> {
    return this.#disk ? this.#disk.files : this.#files;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim() || "no message";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The commit a map file comes from, for a printed page's footer: the last commit that changed the file,
 * when it is tracked in a git work tree and unchanged since (nothing edited, staged or not); undefined
 * otherwise, and when git is not installed. Three git processes, never a shell. */
export function lastCommitOf(file: string): { path: string; commit: string; date: string } | undefined {
  const cwd = dirname(file);
  const name = basename(file);
  try {
    const tracked = git(["ls-files", "--full-name", "-z", "--error-unmatch", "--", name], cwd);
    const path = tracked.stdout.toString("utf8").split("\0")[0];
    if (tracked.status !== 0 || !path) return undefined;
    const status = git(["--no-optional-locks", "status", "--porcelain=v1", "-z", "--", name], cwd);
    if (status.status !== 0 || status.stdout.length > 0) return undefined;
    const log = git(["log", "-1", "--no-show-signature", "--format=%h %cs", "--", name], cwd);
    const [commit, date] = log.stdout.toString("utf8").trim().split(" ");
    if (log.status !== 0 || !commit || !date) return undefined;
    return { path, commit, date };
  } catch (error) {
    if (error instanceof JourneymapError) return undefined;
    throw error;
  }
}
