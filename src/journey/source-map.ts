// Where each element of a loaded map came from: source ranges for objects, their keys and values,
// and list items, found by the element itself (for lint rules) or by a JSON path (for schema errors).
// The loader records offsets only; lines and columns are computed when a range is asked for.
import type { Range } from "../diagnostic.js";

export type Path = ReadonlyArray<string | number>;

/** The offsets of one mapping or list of the map, as the loader records them (schema-agnostic: any
 * mapping or list of any YAML document), flat in one array per element so that a big map costs few
 * objects: `[start, end, …]`, then per key of a mapping `key, keyStart, keyEnd, valueStart, valueEnd`
 * (an empty value has valueEnd === valueStart), or per item of a list `itemStart, itemEnd`. `end` is
 * the end of the last key, value or item: trailing comments and blank lines are not part of it. Ends
 * are exclusive; a range that would be empty is shown as one character. */
export type Spans = Array<number | string>;

/** Entries per key of a mapping's Spans, and per item of a list's. */
export const PAIR = 5;
export const ITEM = 2;

/** Line starts of a text, for turning offsets into 1-based lines and columns (what yaml's
 * LineCounter does, computed in one pass when the first range is asked for). */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) this.#starts.push(at + 1);
  }

  /** The 1-based line and column of an offset. */
  linePos(offset: number): { line: number; col: number } {
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - starts[low]! + 1 };
  }
}

export class SourceMap {
  // A Map, not a WeakMap: the elements live exactly as long as this record of them, and a WeakMap of
  // a big map's 100,000 elements costs every garbage collection (ephemeron tables) while loading.
  readonly #spans = new Map<object, Spans>();
  /** Each big mapping's keys, by key: where in its Spans, built the first time a key is looked up. */
  readonly #keyIndex = new WeakMap<Spans, Map<string, number>>();
  #lines: LineIndex | undefined;
  /** The parsed value, root of every path (set by the loader once the value is built). */
  root: unknown = undefined;

  constructor(private readonly text: string = "") {}

  /** The length of the text, in characters (what work in proportion to the map is measured by). */
  get size(): number {
    return this.text.length;
  }

  /** @internal Used by the loader while it builds the value, once per element. */
  record(element: object, spans: Spans): void {
    this.#spans.set(element, spans);
  }

  /** The range of a whole element (a persona, a stage, a touchpoint, a list). */
  rangeOf(element: object): Range | undefined {
    const spans = this.#spans.get(element);
    return spans ? this.rangeOfOffsets(spans[0] as number, spans[1] as number) : undefined;
  }

  /** The range of a key of a mapping, as written (`owner` in `owner: growth`). */
  keyRangeOf(element: object, key: string): Range | undefined {
    const found = this.#pair(element, key);
    return found
      ? this.rangeOfOffsets(found.spans[found.at + 1] as number, found.spans[found.at + 2] as number)
      : undefined;
  }

  /** The range of a key's value (`growth` in `owner: growth`); the key's range when the value is empty. */
  valueRangeOf(element: object, key: string): Range | undefined {
    const found = this.#pair(element, key);
    if (!found) return undefined;
    const offset = (index: number) => found.spans[found.at + index] as number;
    return offset(4) > offset(3)
      ? this.rangeOfOffsets(offset(3), offset(4))
      : this.rangeOfOffsets(offset(1), offset(2));
  }

  /** The range of one item of a list. */
  itemRangeOf(list: readonly unknown[], index: number): Range | undefined {
    const spans = this.#spans.get(list);
    const at = 2 + ITEM * index;
    if (!spans || !Array.isArray(list) || !Number.isInteger(index) || index < 0 || at + 1 >= spans.length)
      return undefined;
    return this.rangeOfOffsets(spans[at] as number, spans[at + 1] as number);
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

  /** @internal The range between two offsets of the text. */
  rangeOfOffsets(start: number, end: number): Range {
    this.#lines ??= new LineIndex(this.text);
    return offsetsToRange(this.text, this.#lines, start, Math.max(end, start + 1));
  }

  /** Where a key's entry is in its mapping's Spans: the first occurrence of the key wins. */
  #pair(element: object, key: string): { spans: Spans; at: number } | undefined {
    const spans = this.#spans.get(element);
    if (!spans || Array.isArray(element)) return undefined;
    if (spans.length <= 2 + 16 * PAIR) {
      for (let at = 2; at < spans.length; at += PAIR) if (spans[at] === key) return { spans, at };
      return undefined;
    }
    let byKey = this.#keyIndex.get(spans);
    if (!byKey) {
      byKey = new Map();
      for (let at = 2; at < spans.length; at += PAIR) {
        const name = spans[at] as string;
        if (!byKey.has(name)) byKey.set(name, at);
      }
      this.#keyIndex.set(spans, byKey);
    }
    const at = byKey.get(key);
    return at === undefined ? undefined : { spans, at };
  }
}

/** A range from offsets; it ends at the last non-blank character, so a block does not spill onto the next line. */
export function offsetsToRange(
  text: string,
  lines: { linePos(offset: number): { line: number; col: number } },
  start: number,
  end: number,
): Range {
  let stop = Math.min(end, text.length);
  while (stop > start + 1 && isWhiteSpace(text.charCodeAt(stop - 1))) stop--;
  const from = lines.linePos(start);
  const to = lines.linePos(stop);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** What /\s/ matches, without a regular expression for the ASCII characters that most text is. */
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(String.fromCharCode(code));
}
