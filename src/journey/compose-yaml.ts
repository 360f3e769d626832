// The loader's full path for any YAML: yaml's parser and composer, then plain values with their
// offsets. It gives yaml's own messages for syntax errors; the fast path (fast-yaml.ts) hands every
// map it does not fully understand to this one.
import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Node, type Scalar } from "yaml";
import { printable } from "../text/shorten.js";
import type { SourceMap, Spans } from "./source-map.js";
import {
  MAX_ALIAS_EXPANSION,
  MAX_DEPTH,
  aliasProblem,
  tooDeep,
  type YamlOutcome,
  type YamlProblem,
} from "./yaml-outcome.js";

class LoadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A mapping key as the map's value has it: text as written for numbers, booleans and null (so that
 * `1.0` stays "1.0", and `1` and "1" are the same key, which the loader reports as a duplicate). */
function keyOf(key: Scalar): string {
  if (typeof key.value === "string") return key.value;
  return typeof key.source === "string" ? key.source : String(key.value);
}

/** Parses and composes `text` (a single document is expected), building its plain value into `source`. */
export function composeYaml(text: string, source: SourceMap): YamlOutcome {
  // Deep flow nesting makes yaml's parser slow (about 10 µs a level) before the composer overflows:
  // a linear scan refuses it first. What the scan cannot see (nesting by indentation) the syntax
  // tree shows, before the recursive composer runs.
  const nesting = scanNesting(text);
  if (nesting.tooDeep !== undefined) return refusedTooDeep(nesting.tooDeep);
  // yaml's parser recurses once for every level that one line closes: ~2,000 levels of indentation
  // closed at once overflow the stack. Indentation that deep is looked at in the text before it first,
  // which holds the first collection past MAX_DEPTH whenever each column opens one (it always does
  // but for text over several lines).
  if (nesting.deepIndent !== undefined) {
    const before = inspectTree([...new Parser().parse(text.slice(0, lineStartOf(text, nesting.deepIndent)))]);
    if (before.tooDeep !== undefined) return refusedTooDeep(before.tooDeep);
  }
  let tokens: CST.Token[];
  try {
    tokens = [...new Parser().parse(text)];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Indentation the scan took for text over several lines, nesting after all: still refused, at that line.
    return refusedTooDeep(nesting.deepIndent ?? 0);
  }
  const syntax = inspectTree(tokens);
  if (syntax.tooDeep !== undefined) return refusedTooDeep(syntax.tooDeep);

  // uniqueKeys is off: yaml compares every key with every other (30,000 keys took 23 s); the
  // builder below checks duplicates with a set per mapping.
  const composer = new Composer({ uniqueKeys: false, strict: true });
  const list = [...composer.compose(tokens)];
  if (list.length > 1) {
    const start = list[1]!.range[0];
    return {
      kind: "refused",
      message: "several YAML documents in one file: keep one journey map per file",
      start,
      end: start + 3,
    };
  }
  const document = list[0];
  const streamErrors = list.length === 0 ? composer.streamInfo().errors : [];
  const errors = [...(document?.errors ?? []), ...streamErrors].map((problem) => {
    const [start, end] = problem.pos;
    return { message: yamlMessage(problem.message), start, end: Math.max(end, start + 1) };
  });
  if (errors.length > 0) return { kind: "problems", problems: errors };
  if (!document || document.contents === null || (isScalar(document.contents) && document.contents.value === null))
    return { kind: "empty" };

  const builder = new Builder(source, syntax.tags);
  let value: unknown;
  try {
    value = builder.build(document.contents);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return { kind: "refused", message: error.message, start: error.offset, end: error.offset + 1 };
  }
  if (builder.problems.length > 0) return { kind: "problems", problems: builder.problems };
  return { kind: "value", value };
}

function refusedTooDeep(offset: number): YamlOutcome {
  return { kind: "refused", message: tooDeep(), start: offset, end: offset + 1 };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function yamlMessage(message: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (/tabs? .*indent/i.test(first) || /tab characters/i.test(first)) return `${first} (indent with spaces, not tabs)`;
  return first;
}

/** Columns of indentation open at once past which a line is looked at closely (see composeYaml): block
 * collections nest by indentation, at most two levels a column (a list may sit at its key's column), so
 * up to this many the parser's recursion stays small. */
const DEEP_COLUMNS = 2 * MAX_DEPTH;

export interface Nesting {
  /** The offset of the first flow bracket or compact "- " beyond MAX_DEPTH levels. */
  tooDeep?: number;
  /** The offset of the first line indented more than DEEP_COLUMNS times, one column deeper each time
   * (a "- " counts as a column too): block nesting that may be past MAX_DEPTH. */
  deepIndent?: number;
}

/** How deep `text` nests, found in one pass that skips comments, quoted text and block scalars. */
export function scanNesting(text: string): Nesting {
  const nesting: Nesting = {};
  // The columns of indentation open at this line, innermost last.
  const columns: number[] = [];
  const indented = (column: number, at: number) => {
    if (columns.length === 0 || columns[columns.length - 1]! < column) columns.push(column);
    if (columns.length > DEEP_COLUMNS) nesting.deepIndent ??= at;
  };
  // Where a key on this line would open a mapping (after any "- "), until one has; -1 when none can.
  let keyColumn = -1;
  let lineOffset = 0;
  let flow = 0;
  let lineStart = true;
  let lineIndent = 0;
  let blockScalarIndent = -1;
  let previous = ""; // the last non-blank character on this line, "" at its start
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (lineStart) {
      let j = i;
      while (text[j] === " ") j++;
      lineIndent = j - i;
      const blank = text[j] === "\n" || text[j] === "\r" || j >= text.length;
      if (blockScalarIndent >= 0 && (blank || lineIndent > blockScalarIndent)) {
        const end = text.indexOf("\n", j);
        if (end === -1) return nesting;
        i = end;
        continue;
      }
      blockScalarIndent = -1;
      lineStart = false;
      previous = "";
      keyColumn = -1;
      if (flow === 0 && !blank && text[j] !== "#") {
        // A line closes what is indented more; it opens a column with a "- " or a key (text that goes on
        // over several lines opens nothing, however it is indented).
        while (columns.length > 0 && columns[columns.length - 1]! > lineIndent) columns.pop();
        let compact = 0;
        while ((text[j] === "-" || text[j] === "?") && (text[j + 1] === " " || text[j + 1] === "\t")) {
          if (++compact > MAX_DEPTH) return { ...nesting, tooDeep: j };
          indented(j - i, j);
          j += 2;
          while (text[j] === " " || text[j] === "\t") j++;
        }
        if (compact > 0) previous = "-";
        keyColumn = j - i;
        lineOffset = i;
      }
      i = j - 1;
      continue;
    }
    if (ch === "\n") {
      lineStart = true;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r") continue;
    if (ch === ":" && keyColumn >= 0 && flow === 0 && /[ \t\r\n]/.test(text[i + 1] ?? "\n")) {
      indented(keyColumn, lineOffset + keyColumn);
      keyColumn = -1;
    }
    const atTokenStart = previous === "" || ":-?,[{".includes(previous);
    if (ch === "#" && (text[i - 1] === " " || text[i - 1] === "\t" || previous === "")) {
      const end = text.indexOf("\n", i);
      if (end === -1) return nesting;
      i = end - 1;
      continue;
    }
    if ((ch === '"' || ch === "'") && atTokenStart) {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (ch === '"' && text[j] === "\\") j++;
        else if (text[j] === ch) {
          if (ch === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      i = j;
      previous = ch;
      continue;
    }
    if ((ch === "[" || ch === "{") && (flow > 0 || previous === "" || ":-?".includes(previous))) {
      if (++flow > MAX_DEPTH) return { ...nesting, tooDeep: i };
    } else if ((ch === "]" || ch === "}") && flow > 0) {
      flow--;
    } else if ((ch === "|" || ch === ">") && flow === 0 && (previous === "" || ":-?".includes(previous))) {
      if (/^[|>][0-9+-]*[ \t]*(#.*)?$/.test(lineRest(text, i))) blockScalarIndent = lineIndent;
    }
    previous = ch;
  }
  return nesting;
}

function lineRest(text: string, from: number): string {
  const end = text.indexOf("\n", from);
  return text.slice(from, end === -1 ? text.length : Math.min(end, from + 64)).replace(/\r$/, "");
}

interface SyntaxFacts {
  /** Offset of the first collection nested beyond MAX_DEPTH. */
  tooDeep?: number;
  /** Every tag as written, by offset (sorted), so the builder can point at the tag of a node. */
  tags: Array<{ offset: number; source: string }>;
}

type CstItem = { start?: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };

/** Depth and tags from the syntax tree, walked with an explicit stack (the tree can be deep). */
function inspectTree(tokens: CST.Token[]): SyntaxFacts {
  const facts: SyntaxFacts = { tags: [] };
  const collectTags = (list: CST.SourceToken[] | undefined) => {
    for (const token of list ?? [])
      if (token.type === "tag") facts.tags.push({ offset: token.offset, source: token.source });
  };
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === "document") {
      collectTags(token.start);
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > MAX_DEPTH) {
        if (facts.tooDeep === undefined || token.offset < facts.tooDeep) facts.tooDeep = token.offset;
        continue;
      }
      for (const item of token.items as CstItem[]) {
        collectTags(item.start);
        collectTags(item.sep);
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  facts.tags.sort((a, b) => a.offset - b.offset);
  return facts;
}

/** Tags that change nothing in a journey map (YAML's own types, written out). */
const HARMLESS_TAGS = new Set(["!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"]);
const SCALAR_TAGS: Record<string, (value: unknown) => boolean> = {
  "tag:yaml.org,2002:int": (value) => typeof value === "number" && Number.isInteger(value),
  "tag:yaml.org,2002:bool": (value) => typeof value === "boolean",
  "tag:yaml.org,2002:null": (value) => value === null,
};

interface Anchored {
  value?: unknown;
  /** Values plus characters of text in the value, aliases expanded: what one more alias adds. */
  size: number;
  building: boolean;
}

interface Built {
  value: unknown;
  size: number;
  /** Where the value ends, for its parent's range: the end of its last key, value or item. */
  end: number;
}

/** Turns YAML nodes into plain values, recording each one's offsets. Resolves each alias through the
 * anchors seen so far (in document order, as YAML says), reuses the value built for the anchor rather
 * than walking it again, and counts what aliases add; checks duplicate keys with a set per mapping. */
class Builder {
  readonly problems: YamlProblem[] = [];
  #expanded = 0;
  readonly #anchors = new Map<string, Anchored>();

  constructor(
    private readonly source: SourceMap,
    private readonly tags: SyntaxFacts["tags"],
  ) {}

  build(node: unknown): unknown {
    return this.#build(node).value;
  }

  #build(node: unknown): Built {
    if (isAlias(node)) {
      const anchored = this.#anchors.get(node.source);
      if (!anchored) throw new LoadError(aliasProblem(node.source, "unknown"), offsetOf(node));
      if (anchored.building) throw new LoadError(aliasProblem(node.source, "itself"), offsetOf(node));
      this.#expanded += anchored.size;
      if (this.#expanded > MAX_ALIAS_EXPANSION) throw new LoadError(aliasProblem(node.source, "bomb"), offsetOf(node));
      return { value: anchored.value, size: anchored.size, end: node.range?.[1] ?? 0 };
    }
    const anchor = (node as Node | null)?.anchor;
    const anchored: Anchored | undefined = anchor ? { size: 0, building: true } : undefined;
    if (anchor && anchored) this.#anchors.set(anchor, anchored);
    const built = this.#buildNode(node);
    if (anchored) Object.assign(anchored, { value: built.value, size: built.size, building: false });
    return built;
  }

  #buildNode(node: unknown): Built {
    this.#checkTag(node);
    const start = offsetOf(node);
    if (isMap(node)) {
      const mapping: Record<string, unknown> = {};
      const spans: Spans = [start, start];
      const seen = new Map<string, number>();
      let size = 1;
      for (const pair of node.items) {
        if (!isScalar(pair.key)) throw new LoadError("keys must be plain text", offsetOf(pair.key ?? node));
        const keyNode = pair.key;
        this.#checkTag(keyNode);
        if (keyNode.anchor) this.#anchors.set(keyNode.anchor, { value: keyNode.value, size: 1, building: false });
        const key = keyOf(keyNode);
        const [keyStart, keyEnd] = keyNode.range ?? [start, start];
        if (key === "<<" && keyNode.type === "PLAIN") {
          this.#problem(
            'merge keys ("<<") are not part of a journey map: write the keys out, or reuse the whole mapping with an alias',
            keyStart,
            keyEnd,
          );
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          const line = this.source.rangeOfOffsets(earlier, earlier + 1).line;
          this.#problem(
            `key "${printable(key)}" appears twice in this mapping: keys must be unique (the first is on line ${line})`,
            keyStart,
            keyEnd,
          );
        } else seen.set(key, keyStart);
        const built = pair.value === null ? undefined : this.#build(pair.value);
        size += 1 + key.length + (built?.size ?? 1);
        const valueStart = pair.value === null ? keyEnd : offsetOf(pair.value);
        spans.push(key, keyStart, keyEnd, valueStart, built ? built.end : keyEnd);
        spans[1] = built ? built.end : keyEnd;
        // "__proto__" becomes an ordinary own key, not a prototype: no prototype pollution.
        if (key === "__proto__")
          Object.defineProperty(mapping, key, {
            value: built?.value ?? null,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else mapping[key] = built?.value ?? null;
      }
      if (node.flow && node.range) spans[1] = node.range[1];
      this.source.record(mapping, spans);
      return { value: mapping, size, end: spans[1] as number };
    }
    if (isSeq(node)) {
      let size = 1;
      const spans: Spans = [start, start];
      const list = node.items.map((item) => {
        const built = this.#build(item);
        size += built.size;
        spans.push(offsetOf(item), built.end);
        spans[1] = built.end;
        return built.value;
      });
      if (node.flow && node.range) spans[1] = node.range[1];
      this.source.record(list, spans);
      return { value: list, size, end: spans[1] as number };
    }
    const end = (node as Node | null)?.range?.[1] ?? start;
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === "string") return { value, size: 1 + value.length, end };
      if (value === null || typeof value === "number" || typeof value === "boolean") return { value, size: 1, end };
      // Only a tag makes anything else (bytes, dates): #checkTag has reported it.
      return { value: null, size: 1, end };
    }
    return { value: null, size: 1, end };
  }

  /** Reports a tag that would change what a value is (bytes, dates, sets, ordered maps, custom types). */
  #checkTag(node: unknown): void {
    const tag = (node as Node | null)?.tag;
    if (!tag || HARMLESS_TAGS.has(tag)) return;
    const check = SCALAR_TAGS[tag];
    if (check && isScalar(node) && check(node.value)) return;
    const start = offsetOf(node);
    const written = this.#tagBefore(start);
    const shown = written?.source ?? tag.replace(/^tag:yaml\.org,2002:/, "!!");
    const offset = written?.offset ?? start;
    const hint = /^(!!)?(float|int)$/.test(shown) ? "write the number without a tag" : "write plain text";
    this.problems.push({
      message: `tag ${printable(shown)} is not allowed in a journey map: ${hint}`,
      start: offset,
      end: offset + (written?.source.length ?? 1),
    });
  }

  /** The last tag written before an offset (a node's tag comes right before it, with its anchor). */
  #tagBefore(offset: number): { offset: number; source: string } | undefined {
    let low = 0;
    let high = this.tags.length - 1;
    let found: { offset: number; source: string } | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.tags[mid]!.offset <= offset) {
        found = this.tags[mid];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  #problem(message: string, start: number, end: number): void {
    this.problems.push({ message, start, end: Math.max(end, start + 1) });
  }
}

function offsetOf(node: unknown): number {
  return (node as Node | undefined)?.range?.[0] ?? 0;
}
