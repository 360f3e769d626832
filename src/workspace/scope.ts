// Finds the shared definitions that apply to a folder: every journeymap.shared.yaml from the folder up
// to the repository root (outside a repository, no higher than the working directory, as for the
// configuration), each file read once and each folder's scope built once.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  DEFINITION_KIND_NAMES,
  type DefinitionKindName,
  type SharedDefinition,
  type SharedScope,
} from "../journey/definitions.js";
import { loadSharedFile, SHARED_FILE, type SharedFile } from "../journey/shared.js";
import { displayPath } from "../io/find-maps.js";
import { readFileBytes } from "../io/read-text.js";
import { findRepositoryRoot, isInside } from "../io/repository.js";

export interface SharedFinderOptions {
  /** Where the search stops outside a repository (default: the working directory). */
  cwd?: string;
  /** Refuse shared files larger than this many bytes (--max-file-size). */
  maxBytes?: number;
}

export class SharedFinder {
  readonly #byFolder = new Map<string, SharedScope | undefined>();
  readonly #byPath = new Map<string, SharedFile>();
  readonly #cwd: string;
  readonly #maxBytes: number | undefined;

  constructor(options: SharedFinderOptions = {}) {
    this.#cwd = resolve(options.cwd ?? process.cwd());
    this.#maxBytes = options.maxBytes;
  }

  /** The shared definitions for maps in `folder`; undefined when no shared file is in scope. */
  forFolder(folder: string): SharedScope | undefined {
    const start = resolve(folder);
    if (this.#byFolder.has(start)) return this.#byFolder.get(start);
    const repository = findRepositoryRoot(start);
    const boundary = repository ?? (isInside(start, this.#cwd) ? this.#cwd : start);
    const files: SharedFile[] = [];
    for (let current = start; ; current = dirname(current)) {
      const path = join(current, SHARED_FILE);
      if (existsSync(path)) files.push(this.#load(path));
      if (current === boundary || dirname(current) === current) break;
    }
    const scope = files.length > 0 ? scopeOf(files) : undefined;
    this.#byFolder.set(start, scope);
    return scope;
  }

  /** Every shared file read so far, by absolute path, in the order they were first found. */
  get files(): ReadonlyMap<string, SharedFile> {
    return this.#byPath;
  }

  #load(path: string): SharedFile {
    let shared = this.#byPath.get(path);
    if (!shared) {
      const shown = displayPath(path);
      shared = loadSharedFile(
        readFileBytes(path, { shown, what: "shared definitions", maxBytes: this.#maxBytes }),
        shown,
      );
      this.#byPath.set(path, shared);
    }
    return shared;
  }
}

/** The scope of a chain of shared files, nearest first: the nearest definition of an id wins. */
export function scopeOf(files: readonly SharedFile[]): SharedScope {
  const byKind = Object.fromEntries(
    DEFINITION_KIND_NAMES.map((kind) => [kind, new Map<string, SharedDefinition>()]),
  ) as Record<DefinitionKindName, Map<string, SharedDefinition>>;
  for (const shared of files)
    for (const definition of shared.definitions) {
      const known = byKind[definition.kind];
      if (!known.has(definition.value.id)) known.set(definition.value.id, definition);
    }
  return { files: files.map((shared) => shared.file), byKind };
}
