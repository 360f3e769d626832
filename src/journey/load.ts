// The loader: bytes or text in, a typed Journey out, with a diagnostic at file:line:column for every
// problem (encoding, YAML syntax, schema) and the source range of every element.
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from "yaml";
import type { Diagnostic, Range } from "../diagnostic.js";
import type { Journey } from "./model.js";
import { SourceMap, offsetsToRange } from "./source-map.js";
import { SCHEMA, YAML_SYNTAX } from "./checks.js";
import { schemaDiagnostics } from "./validate.js";

export interface LoadOptions {
  /** The name used in diagnostics; defaults to "<input>". */
  file?: string;
}

export interface LoadedJourney {
  file: string;
  /** The source text (without a byte-order mark), for code frames and comment directives. */
  text: string;
  /** The typed map; absent when the file has an error (syntax or schema). */
  journey?: Journey;
  /** Every problem found, in source order. */
  diagnostics: Diagnostic[];
  /** Source ranges of the map's elements. */
  source: SourceMap;
}

/** More values than this reached through aliases is an alias bomb, not a journey map. */
const MAX_ALIASED_NODES = 10_000;

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
  const file = options.file ?? "<input>";
  const decoded: Decoded = typeof input === "string" ? { text: input } : decode(input);
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const lineCounter = new LineCounter();
  const source = new SourceMap(text, lineCounter);
  const result: LoadedJourney = { file, text, diagnostics: [], source };
  const at = (start: number, end: number): Range => offsetsToRange(text, lineCounter, start, end);
  const fail = (ruleId: string, message: string, range: Range): LoadedJourney => {
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

  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const list = [...documents];
  if (list.length > 1) {
    const second = list[1]!;
    const start = second.range[0];
    return fail(YAML_SYNTAX, "several YAML documents in one file: keep one journey map per file", at(start, start + 3));
  }
  const document = list[0];
  for (const problem of [...(document?.errors ?? []), ...("empty" in documents ? documents.errors : [])]) {
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
    return fail(
      SCHEMA,
      'the file is empty: a journey map starts with "journeymap: 1" (run "journeymap init" for a starter map)',
      {
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    );
  }

  let value: unknown;
  try {
    value = new Builder(document, source).build(document.contents);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    return fail(YAML_SYNTAX, error.message, at(error.offset, error.offset + 1));
  }
  source.root = value;
  result.diagnostics.push(...schemaDiagnostics(value, result.source, file));
  if (result.diagnostics.length === 0) result.journey = value as Journey;
  return result;
}

interface Decoded {
  text: string;
  /** Set when the bytes are not UTF-8 text; `offset` is where the problem starts in `text`. */
  error?: string;
  offset?: number;
}

function decode(bytes: Uint8Array): Decoded {
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

/** Turns YAML nodes into plain values, recording each one's range; counts what aliases expand to. */
class Builder {
  #aliased = 0;
  #expanding = new Set<Node>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly source: SourceMap,
  ) {}

  build(node: unknown, viaAlias = false): unknown {
    if (viaAlias && ++this.#aliased > MAX_ALIASED_NODES) {
      throw new LoadError(
        `aliases expand to more than ${MAX_ALIASED_NODES} values: this looks like an alias bomb`,
        offsetOf(node),
      );
    }
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target) throw new LoadError(`unknown alias "*${node.source}"`, offsetOf(node));
      if (this.#expanding.has(target)) throw new LoadError(`alias "*${node.source}" refers to itself`, offsetOf(node));
      this.#expanding.add(target);
      const value = this.build(target, true);
      this.#expanding.delete(target);
      return value;
    }
    if (isMap(node)) {
      const mapping: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isScalar(pair.key)) throw new LoadError("keys must be plain text", offsetOf(pair.key ?? node));
        const key = String(pair.key.value);
        const value = this.build(pair.value, viaAlias);
        // "__proto__" becomes an ordinary own key, not a prototype: no prototype pollution.
        if (key === "__proto__")
          Object.defineProperty(mapping, key, { value, enumerable: true, writable: true, configurable: true });
        else mapping[key] = value;
      }
      this.source.record(mapping, node);
      return mapping;
    }
    if (isSeq(node)) {
      const list = node.items.map((item) => this.build(item, viaAlias));
      this.source.record(list, node);
      return list;
    }
    if (isScalar(node)) return node.value;
    return null;
  }
}

function offsetOf(node: unknown): number {
  return (node as Node | undefined)?.range?.[0] ?? 0;
}
