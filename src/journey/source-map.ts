// Where each element of a loaded map came from: source ranges for objects, their keys and values,
// and list items, found by the element itself (for lint rules) or by a JSON path (for schema errors).
import type { Range } from "../diagnostic.js";

export type Path = ReadonlyArray<string | number>;

interface EntryRanges {
  key: Range;
  value: Range;
}

interface NodeRanges {
  range: Range;
  /** For mappings: each key's range and its value's range. */
  entries?: Map<string, EntryRanges>;
  /** For lists: each item's range. */
  items?: Range[];
}

export class SourceMap {
  readonly #nodes = new WeakMap<object, NodeRanges>();

  /** The parsed value, root of every path (set by the loader once the value is built). */
  root: unknown = undefined;

  /** @internal Used by the loader while it builds the value. */
  record(element: object, ranges: NodeRanges): void {
    this.#nodes.set(element, ranges);
  }

  /** The range of a whole element (a persona, a stage, a touchpoint, a list). */
  rangeOf(element: object): Range | undefined {
    return this.#nodes.get(element)?.range;
  }

  /** The range of a key of a mapping, as written (`owner` in `owner: growth`). */
  keyRangeOf(element: object, key: string): Range | undefined {
    return this.#nodes.get(element)?.entries?.get(key)?.key;
  }

  /** The range of a key's value (`growth` in `owner: growth`). */
  valueRangeOf(element: object, key: string): Range | undefined {
    return this.#nodes.get(element)?.entries?.get(key)?.value;
  }

  /** The range of one item of a list. */
  itemRangeOf(list: readonly unknown[], index: number): Range | undefined {
    return this.#nodes.get(list)?.items?.[index];
  }

  /** The range of the value at a path from the root (the whole file's root for an empty path). */
  rangeAt(path: Path): Range | undefined {
    if (path.length === 0) return typeof this.root === "object" && this.root ? this.rangeOf(this.root) : undefined;
    const parent = this.valueAt(path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (typeof parent !== "object" || parent === null) return undefined;
    if (Array.isArray(parent)) return this.itemRangeOf(parent, Number(last));
    return this.valueRangeOf(parent, String(last));
  }

  /** The range of the key that ends a path (`ownr` in `/stages/0/touchpoints/1/ownr`). */
  keyRangeAt(path: Path): Range | undefined {
    const parent = this.valueAt(path.slice(0, -1));
    if (typeof parent !== "object" || parent === null || path.length === 0) return undefined;
    return this.keyRangeOf(parent, String(path[path.length - 1]));
  }

  /** The value at a path, or undefined where the path leads nowhere. */
  valueAt(path: Path): unknown {
    let value: unknown = this.root;
    for (const segment of path) {
      if (typeof value !== "object" || value === null) return undefined;
      if (!Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
      value = (value as Record<string | number, unknown>)[segment];
    }
    return value;
  }
}
