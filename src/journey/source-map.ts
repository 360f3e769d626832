// Where each element of a loaded map came from: source ranges for objects, their keys and values,
// and list items, found by the element itself (for lint rules) or by a JSON path (for schema errors).
// Ranges are computed on demand from the YAML nodes, so loading a big map allocates none up front.
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { Range } from "../diagnostic.js";

export type Path = ReadonlyArray<string | number>;

/** A mapping key as the map's value has it: text as written for numbers, booleans and null (so that
 * `1.0` stays "1.0", and `1` and "1" are the same key, which the loader reports as a duplicate). */
export function keyOf(key: Scalar): string {
  if (typeof key.value === "string") return key.value;
  return typeof key.source === "string" ? key.source : String(key.value);
}

export class SourceMap {
  readonly #nodes = new WeakMap<object, Node>();
  /** The pairs of each mapping by key, built the first time a key of that mapping is looked up. */
  readonly #pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  /** The parsed value, root of every path (set by the loader once the value is built). */
  root: unknown = undefined;

  constructor(
    private readonly text: string = "",
    private readonly lineCounter?: LineCounter,
  ) {}

  /** @internal Used by the loader while it builds the value. */
  record(element: object, node: Node): void {
    this.#nodes.set(element, node);
  }

  /** The range of a whole element (a persona, a stage, a touchpoint, a list). */
  rangeOf(element: object): Range | undefined {
    return this.#range(this.#nodes.get(element));
  }

  /** The range of a key of a mapping, as written (`owner` in `owner: growth`). */
  keyRangeOf(element: object, key: string): Range | undefined {
    return this.#range(this.#pair(element, key)?.key as Node | undefined);
  }

  /** The range of a key's value (`growth` in `owner: growth`); the key's range when the value is empty. */
  valueRangeOf(element: object, key: string): Range | undefined {
    const pair = this.#pair(element, key);
    if (!pair) return undefined;
    const value = pair.value as Node | null;
    return value?.range && value.range[1] > value.range[0] ? this.#range(value) : this.#range(pair.key as Node);
  }

  /** The range of one item of a list. */
  itemRangeOf(list: readonly unknown[], index: number): Range | undefined {
    const node = this.#nodes.get(list);
    return isSeq(node) ? this.#range(node.items[index] as Node | undefined) : undefined;
  }

  /** The range of the value at a path from the root (the whole map for an empty path). */
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

  /** @internal The range of a YAML node (the loader's own messages). */
  rangeOfNode(node: Node): Range | undefined {
    return this.#range(node);
  }

  /** @internal The range between two offsets of the text. */
  rangeOfOffsets(start: number, end: number): Range {
    return this.lineCounter
      ? offsetsToRange(this.text, this.lineCounter, start, end)
      : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  #pair(element: object, key: string): Pair | undefined {
    const node = this.#nodes.get(element);
    if (!isMap(node)) return undefined;
    let pairs = this.#pairs.get(node);
    if (!pairs) {
      pairs = new Map();
      // The first pair with a key wins, as in the loaded value's own reading of duplicates' position.
      for (const pair of node.items)
        if (isScalar(pair.key) && !pairs.has(keyOf(pair.key))) pairs.set(keyOf(pair.key), pair);
      this.#pairs.set(node, pairs);
    }
    return pairs.get(key);
  }

  #range(node: Node | undefined): Range | undefined {
    if (!node?.range || !this.lineCounter) return undefined;
    return offsetsToRange(this.text, this.lineCounter, node.range[0], Math.max(node.range[1], node.range[0] + 1));
  }
}

/** A range from offsets; it ends at the last non-blank character, so a block does not spill onto the next line. */
export function offsetsToRange(text: string, lineCounter: LineCounter, start: number, end: number): Range {
  let stop = Math.min(end, text.length);
  while (stop > start + 1 && /\s/.test(text[stop - 1]!)) stop--;
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(stop);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
