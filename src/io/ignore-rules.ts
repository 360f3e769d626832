// Which files folder walks and globs skip: .journeymapignore (repository root and working directory),
// .gitignore files inside the repository, --ignore-pattern and "!glob" arguments, all in gitignore syntax.
import { statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { readTextFile } from "./read-text.js";
import { findRepositoryRoot, isInside } from "./repository.js";

export const IGNORE_FILE = ".journeymapignore";

interface Layer {
  /** Patterns are relative to this folder. */
  base: string;
  matcher: Ignore;
}

function layerFrom(base: string, file: string): Layer | undefined {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  // Ignore files are inputs like any other: bounded, regular files only.
  const text = readTextFile(file, {
    what: "ignore file",
    maxBytes: 1024 * 1024,
    raise: "an ignore file is a list of patterns",
  });
  return { base, matcher: ignore().add(text) };
}

export interface IgnoreOptions {
  cwd: string;
  /** --ignore-pattern values and "!glob" arguments, relative to the working directory. */
  patterns?: readonly string[];
  /** Read .journeymapignore and .gitignore files (default true). */
  useIgnoreFiles?: boolean;
}

export class IgnoreRules {
  readonly #fixed: Layer[] = [];
  readonly #root: string | undefined;
  readonly #useIgnoreFiles: boolean;
  /** .gitignore layers that apply inside each folder, cached so that a walk reads each file once. */
  readonly #byFolder = new Map<string, Layer[]>();

  constructor(options: IgnoreOptions) {
    const { cwd } = options;
    this.#useIgnoreFiles = options.useIgnoreFiles ?? true;
    this.#root = findRepositoryRoot(cwd);
    if (this.#useIgnoreFiles) {
      for (const folder of new Set([this.#root ?? cwd, cwd])) {
        const layer = layerFrom(folder, join(folder, IGNORE_FILE));
        if (layer) this.#fixed.push(layer);
      }
    }
    if (options.patterns?.length) this.#fixed.push({ base: cwd, matcher: ignore().add([...options.patterns]) });
  }

  /** True when `path` (absolute) is ignored; `folder` says whether it is a folder (for "build/" patterns). */
  ignores(path: string, folder = false): boolean {
    const layers = [...this.#fixed, ...this.#gitignoreLayers(dirname(path))];
    return layers.some(({ base, matcher }) => {
      if (!isInside(path, base) || path === base) return false;
      const shown = relative(base, path).split(sep).join("/");
      return matcher.ignores(folder ? `${shown}/` : shown);
    });
  }

  /** The .gitignore files of `folder` and its ancestors up to the repository root (none outside a repository). */
  #gitignoreLayers(folder: string): Layer[] {
    if (!this.#useIgnoreFiles || !this.#root || !isInside(folder, this.#root)) return [];
    const cached = this.#byFolder.get(folder);
    if (cached) return cached;
    const parent = folder === this.#root ? [] : this.#gitignoreLayers(dirname(folder));
    const own = layerFrom(folder, join(folder, ".gitignore"));
    const layers = own ? [...parent, own] : parent;
    this.#byFolder.set(folder, layers);
    return layers;
  }
}
