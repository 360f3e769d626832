// The loader: bytes or text in, a typed Journey out, with a diagnostic at file:line:column for every
// problem (encoding, YAML syntax, schema) and the source range of every element.
import {
  Composer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type Node,
} from "yaml";
import type { Diagnostic, Range } from "../diagnostic.js";
import type { Journey } from "./model.js";
import { resolveDefinitions, type MapDefinitions, type SharedScope } from "./definitions.js";
import type { JourneyDocument } from "./model.js";
import { SourceMap, keyOf, offsetsToRange } from "./source-map.js";
import { SCHEMA, YAML_SYNTAX } from "./checks.js";
import { schemaDiagnostics } from "./validate.js";

export interface LoadOptions {
  /** The name used in diagnostics; defaults to "<input>". */
  file?: string;
  /** The shared definitions in the map's scope (src/workspace/ finds them): references resolve to them. */
  shared?: SharedScope;
  /** Keep the yaml Document on the result, for edits by source offset (data pull) without a second parse. */
  keepDocument?: boolean;
}

export interface LoadedJourney extends LoadedDocument {
  /** The typed map, its shared definitions resolved; absent when the file has an error (syntax or schema). */
  journey?: Journey;
  /** Where the map's personas and teams came from (set with journey). */
  definitions?: MapDefinitions;
}

/** A YAML document loaded with positions and checked by a schema: a map, or a shared-definitions file. */
export interface LoadedDocument {
  file: string;
  /** The source text (without a byte-order mark), for code frames and comment directives. */
  text: string;
  /** Every problem found, in source order. */
  diagnostics: Diagnostic[];
  /** Source ranges of the document's elements. */
  source: SourceMap;
  /** The parsed value; absent when the file has an error. */
  value?: unknown;
  /** The parsed YAML (offsets into `text`), with keepDocument, when the text is one YAML document. */
  document?: Document.Parsed;
}

/** What a document must be once it parses: its schema check, and what an empty file is told. */
export interface DocumentKind {
  empty: string;
  check(value: unknown, source: SourceMap, file: string): Diagnostic[];
}

const MAP_DOCUMENT: DocumentKind = {
  empty: 'the file is empty: a journey map starts with "journeymap: 1" (run "journeymap init" for a starter map)',
  check: schemaDiagnostics,
};

/** What aliases may add to a map, counted in values plus characters of text: past this it is an alias
 * bomb (a few lines that expand to gigabytes), not a journey map. A 1 MB map has well under this. */
export const MAX_ALIAS_EXPANSION = 1_000_000;
/** Collections nested deeper than this are refused: a journey map needs 6 levels, and yaml's composer
 * (like every recursive step after it) overflows the stack at a few hundred. */
export const MAX_DEPTH = 64;

class LoadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Loads a journey map from its bytes or text. Never throws for bad input: problems are diagnostics. */
export function loadJourney(input: string | Uint8Array, options: LoadOptions = {}): LoadedJourney {
  const { value, ...loaded } = loadDocument(input, options.file ?? "<input>", MAP_DOCUMENT, options);
  if (value === undefined) return loaded;
  return { ...loaded, ...resolveDefinitions(value as JourneyDocument, options.shared) };
}

/** Loads any journeymap YAML document: encoding, syntax and hostile-input limits as for a map, then
 * `kind`'s schema check. Never throws for bad input. */
export function loadDocument(
  input: string | Uint8Array,
  file: string,
  kind: DocumentKind,
  options: { keepDocument?: boolean } = {},
): LoadedDocument {
  const decoded: Decoded = typeof input === "string" ? { text: input } : decode(input);
  // YAML 1.2 counts a lone CR as a line break, the yaml package does not: make it one (same length,
  // so every offset stays right, and code frames see the lines the author saw).
  const text = normalizeLineBreaks(decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text);
  const lineCounter = new LineCounter();
  const source = new SourceMap(text, lineCounter);
  const result: LoadedDocument = { file, text, diagnostics: [], source };
  const at = (start: number, end: number): Range => offsetsToRange(text, lineCounter, start, end);
  const fail = (ruleId: string, message: string, range: Range): LoadedDocument => {
    result.diagnostics.push({ file, ruleId, severity: "error", message, ...range });
    return result;
  };

  if (decoded.error !== undefined) {
    const offset = decoded.offset ?? 0;
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return fail(YAML_SYNTAX, decoded.error, { line, column, endLine: line, endColumn: column + 1 });
  }

  // Deep flow nesting makes yaml's parser slow (about 10 µs a level) before the composer overflows:
  // a linear scan refuses it first. What the scan cannot see (nesting by indentation) the syntax
  // tree shows, before the recursive composer runs.
  const scanned = scanNesting(text);
  if (scanned !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineCounter.addNewLine(i + 1);
    return fail(YAML_SYNTAX, tooDeep(), at(scanned, scanned + 1));
  }
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const syntax = inspectTree(tokens);
  if (syntax.tooDeep !== undefined) return fail(YAML_SYNTAX, tooDeep(), at(syntax.tooDeep, syntax.tooDeep + 1));

  // uniqueKeys is off: yaml compares every key with every other (30,000 keys took 23 s); the
  // builder below checks duplicates with a set per mapping.
  const composer = new Composer({ uniqueKeys: false, strict: true });
  const list = [...composer.compose(tokens)];
  if (list.length > 1) {
    const second = list[1]!;
    const start = second.range[0];
    return fail(YAML_SYNTAX, "several YAML documents in one file: keep one journey map per file", at(start, start + 3));
  }
  const document = list[0];
  if (document && options.keepDocument) result.document = document;
  const streamErrors = list.length === 0 ? composer.streamInfo().errors : [];
  for (const problem of [...(document?.errors ?? []), ...streamErrors]) {
    const [start, end] = problem.pos;
    result.diagnostics.push({
      file,
      ruleId: YAML_SYNTAX,
      severity: "error",
      message: yamlMessage(problem.message),
      ...at(start, Math.max(end, start + 1)),
    });
  }
  if (result.diagnostics.length > 0) return result;
  if (!document || document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    return fail(SCHEMA, kind.empty, { line: 1, column: 1, endLine: 1, endColumn: 1 });
  }

  const builder = new Builder(source, syntax.tags);
  let value: unknown;
  try {
    value = builder.build(document.contents);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return fail(YAML_SYNTAX, error.message, at(error.offset, error.offset + 1));
  }
  for (const problem of builder.problems) {
    result.diagnostics.push({
      file,
      ruleId: YAML_SYNTAX,
      severity: "error",
      message: problem.message,
      ...problem.range,
    });
  }
  if (result.diagnostics.length > 0) return result;
  source.root = value;
  result.diagnostics.push(...kind.check(value, result.source, file));
  if (result.diagnostics.length === 0) result.value = value;
  return result;
}

function tooDeep(): string {
  return `nested too deeply (more than ${MAX_DEPTH} levels): a journey map needs a handful, flatten this part`;
}

function normalizeLineBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

interface Decoded {
  text: string;
  /** Set when the bytes are not UTF-8 text; `offset` is where the problem starts in `text`. */
  error?: string;
  offset?: number;
}

function decode(bytes: Uint8Array): Decoded {
  const wide = wideEncoding(bytes);
  if (wide) return { text: "", offset: 0, error: `the file is ${wide}: save it as UTF-8` };
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) {
    const text = new TextDecoder("utf-8").decode(bytes.subarray(0, nul));
    return { text, offset: text.length, error: "the file is binary, not a YAML journey map" };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const text = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    return { text, offset: text.length, error: "the file is not valid UTF-8: save it as UTF-8 text" };
  }
}

/** "UTF-16" or "UTF-32" (with its byte order) when the bytes start with that byte-order mark, or when
 * they look like ASCII text saved as UTF-16 (every other byte zero) without one. */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? "UTF-32 (little-endian)" : "UTF-16 (little-endian)";
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return "UTF-32 (big-endian)";
  if (b0 === 0xfe && b1 === 0xff) return "UTF-16 (big-endian)";
  if (bytes.length < 4) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 1024) & ~1);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros === pairs && evenZeros === 0) return "UTF-16 (little-endian)";
  if (evenZeros === pairs && oddZeros === 0) return "UTF-16 (big-endian)";
  return undefined;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest prefix that decodes cleanly (a prefix cut mid-sequence fails too,
  // which only moves the answer to the start of that sequence: still the offending character).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

function yamlMessage(message: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (/tabs? .*indent/i.test(first) || /tab characters/i.test(first)) return `${first} (indent with spaces, not tabs)`;
  return first;
}

/** The offset of the first flow bracket or compact "- " beyond MAX_DEPTH levels, found in one pass
 * that skips comments, quoted text and block scalars; undefined when nothing is nested that deep. */
export function scanNesting(text: string): number | undefined {
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
        if (end === -1) return undefined;
        i = end;
        continue;
      }
      blockScalarIndent = -1;
      lineStart = false;
      previous = "";
      if (flow === 0) {
        let compact = 0;
        while ((text[j] === "-" || text[j] === "?") && (text[j + 1] === " " || text[j + 1] === "\t")) {
          if (++compact > MAX_DEPTH) return j;
          j += 2;
          while (text[j] === " " || text[j] === "\t") j++;
        }
        if (compact > 0) previous = "-";
      }
      i = j - 1;
      continue;
    }
    if (ch === "\n") {
      lineStart = true;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r") continue;
    const atTokenStart = previous === "" || ":-?,[{".includes(previous);
    if (ch === "#" && (text[i - 1] === " " || text[i - 1] === "\t" || previous === "")) {
      const end = text.indexOf("\n", i);
      if (end === -1) return undefined;
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
      if (++flow > MAX_DEPTH) return i;
    } else if ((ch === "]" || ch === "}") && flow > 0) {
      flow--;
    } else if ((ch === "|" || ch === ">") && flow === 0 && (previous === "" || ":-?".includes(previous))) {
      if (/^[|>][0-9+-]*[ \t]*(#.*)?$/.test(lineRest(text, i))) blockScalarIndent = lineIndent;
    }
    previous = ch;
  }
  return undefined;
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

/** Turns YAML nodes into plain values, recording each one's range. Resolves each alias through the
 * anchors seen so far (in document order, as YAML says), reuses the value built for the anchor rather
 * than walking it again, and counts what aliases add; checks duplicate keys with a set per mapping. */
class Builder {
  readonly problems: Array<{ message: string; range: Range }> = [];
  #expanded = 0;
  readonly #anchors = new Map<string, Anchored>();

  constructor(
    private readonly source: SourceMap,
    private readonly tags: SyntaxFacts["tags"],
  ) {}

  build(node: unknown): unknown {
    return this.#build(node).value;
  }

  #build(node: unknown): { value: unknown; size: number } {
    if (isAlias(node)) {
      const anchored = this.#anchors.get(node.source);
      const name = printable(node.source);
      if (!anchored) throw new LoadError(`unknown alias "*${name}": define "&${name}" before it`, offsetOf(node));
      if (anchored.building) throw new LoadError(`alias "*${name}" refers to itself`, offsetOf(node));
      this.#expanded += anchored.size;
      if (this.#expanded > MAX_ALIAS_EXPANSION) {
        throw new LoadError(
          `aliases expand to more than ${MAX_ALIAS_EXPANSION} values and characters: this looks like an alias bomb`,
          offsetOf(node),
        );
      }
      return { value: anchored.value, size: anchored.size };
    }
    const anchor = (node as Node | null)?.anchor;
    const anchored: Anchored | undefined = anchor ? { size: 0, building: true } : undefined;
    if (anchor && anchored) this.#anchors.set(anchor, anchored);
    const built = this.#buildNode(node);
    if (anchored) Object.assign(anchored, built, { building: false });
    return built;
  }

  #buildNode(node: unknown): { value: unknown; size: number } {
    this.#checkTag(node);
    if (isMap(node)) {
      const mapping: Record<string, unknown> = {};
      const seen = new Map<string, Node>();
      let size = 1;
      for (const pair of node.items) {
        if (!isScalar(pair.key)) throw new LoadError("keys must be plain text", offsetOf(pair.key ?? node));
        const keyNode = pair.key;
        this.#checkTag(keyNode);
        if (keyNode.anchor) this.#anchors.set(keyNode.anchor, { value: keyNode.value, size: 1, building: false });
        const key = keyOf(keyNode);
        if (key === "<<" && keyNode.type === "PLAIN") {
          this.#problem(
            'merge keys ("<<") are not part of a journey map: write the keys out, or reuse the whole mapping with an alias',
            keyNode,
          );
        }
        const earlier = seen.get(key);
        if (earlier) {
          const line = this.source.rangeOfNode(earlier)?.line;
          this.#problem(
            `key "${printable(key)}" appears twice in this mapping: keys must be unique${line ? ` (the first is on line ${line})` : ""}`,
            keyNode,
          );
        } else seen.set(key, keyNode);
        const built = this.#build(pair.value);
        size += 1 + key.length + built.size;
        // "__proto__" becomes an ordinary own key, not a prototype: no prototype pollution.
        if (key === "__proto__")
          Object.defineProperty(mapping, key, {
            value: built.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else mapping[key] = built.value;
      }
      this.source.record(mapping, node);
      return { value: mapping, size };
    }
    if (isSeq(node)) {
      let size = 1;
      const list = node.items.map((item) => {
        const built = this.#build(item);
        size += built.size;
        return built.value;
      });
      this.source.record(list, node);
      return { value: list, size };
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === "string") return { value, size: 1 + value.length };
      if (value === null || typeof value === "number" || typeof value === "boolean") return { value, size: 1 };
      // Only a tag makes anything else (bytes, dates): #checkTag has reported it.
      return { value: null, size: 1 };
    }
    return { value: null, size: 1 };
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
      range: this.source.rangeOfOffsets(offset, offset + (written?.source.length ?? 1)),
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

  #problem(message: string, node: Node): void {
    const range = this.source.rangeOfNode(node);
    if (range) this.problems.push({ message, range });
  }
}

/** Text for a message: control characters and long keys shown escaped and cut, never raw. */
function printable(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(short).slice(1, -1);
}

function offsetOf(node: unknown): number {
  return (node as Node | undefined)?.range?.[0] ?? 0;
}
