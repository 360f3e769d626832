// The loader: bytes or text in, a typed Journey out, with a diagnostic at file:line:column for every
// problem (encoding, YAML syntax, schema) and the source range of every element. The YAML is read in
// one pass by fast-yaml.ts; what that does not fully understand goes through yaml's composer
// (compose-yaml.ts), which gives the same values and positions, and yaml's own messages.
import type { Diagnostic, Range } from "../diagnostic.js";
import type { Journey, JourneyDocument } from "./model.js";
import { resolveDefinitions, type MapDefinitions, type SharedScope } from "./definitions.js";
import { SourceMap } from "./source-map.js";
import { SCHEMA, YAML_SYNTAX } from "./checks.js";
import { schemaDiagnostics } from "./validate.js";
import { readFastYaml } from "./fast-yaml.js";
import { composeYaml } from "./compose-yaml.js";
import type { YamlOutcome } from "./yaml-outcome.js";

export { MAX_ALIAS_EXPANSION, MAX_DEPTH } from "./yaml-outcome.js";
export { scanNesting } from "./compose-yaml.js";

export interface LoadOptions {
  /** The name used in diagnostics; defaults to "<input>". */
  file?: string;
  /** The shared definitions in the map's scope (src/workspace/ finds them): references resolve to them. */
  shared?: SharedScope;
}

export interface LoadedJourney extends LoadedDocument {
  /** The typed map, its shared definitions resolved; absent when the file has an error (syntax or schema). */
  journey?: Journey;
  /** Where the map's personas, teams and metrics came from (set with journey). */
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
  /** @internal Offsets [start, end, start, end, …] of the document's comments, when the loader has
   * them (the suppressions read these instead of lexing the text again). */
  comments?: readonly number[];
  /** How the file has the text: after a byte-order mark, and with lone CRs (classic Mac line breaks)
   * where the text has LFs. A writer of the map's file puts both back (see asWritten). */
  written?: { bom: boolean; loneCr: boolean };
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

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Loads a journey map from its bytes or text. Never throws for bad input: problems are diagnostics. */
export function loadJourney(input: string | Uint8Array, options: LoadOptions = {}): LoadedJourney {
  const { value, ...loaded } = loadDocument(input, options.file ?? "<input>", MAP_DOCUMENT);
  if (value === undefined) return loaded;
  return { ...loaded, ...resolveDefinitions(value as JourneyDocument, options.shared) };
}

/** Loads any journeymap YAML document: encoding, syntax and hostile-input limits as for a map, then
 * `kind`'s schema check. Never throws for bad input. */
export function loadDocument(input: string | Uint8Array, file: string, kind: DocumentKind): LoadedDocument {
  const decoded: Decoded = typeof input === "string" ? { text: input } : decode(input);
  // YAML 1.2 counts a lone CR as a line break, the yaml package does not: make it one (same length,
  // so every offset stays right, and code frames see the lines the author saw).
  const bom =
    typeof input === "string"
      ? input.charCodeAt(0) === 0xfeff
      : input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const raw = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const text = normalizeLineBreaks(raw);
  // Only a file that breaks every line with a lone CR gets them back; one that mixes CRs and LFs is
  // written with LFs (which line was which is not worth keeping for so rare a file).
  const loneCr = text !== raw && !raw.includes("\n");
  let source = new SourceMap(text);
  const result: LoadedDocument = { file, text, diagnostics: [], source };
  if (bom || loneCr) result.written = { bom, loneCr };
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

  // YAML text holds no NUL (a double-quoted "\0" is how to write one). The bytes' first 8 KB are
  // checked for it as a sign of a binary file; one further on is refused where it is.
  const nul = text.indexOf("\0");
  if (nul !== -1)
    return fail(
      YAML_SYNTAX,
      'the file has a NUL byte here, which YAML text cannot hold: remove it (write "\\0" in double quotes for the character)',
      source.rangeOfOffsets(nul, nul + 1),
    );

  let outcome: YamlOutcome | undefined = readFastYaml(text, source);
  if (!outcome) {
    // The fast path gave up part-way: start again with a clean record of positions.
    source = result.source = new SourceMap(text);
    outcome = composeYaml(text, source);
  }
  switch (outcome.kind) {
    case "refused":
      return fail(YAML_SYNTAX, outcome.message, source.rangeOfOffsets(outcome.start, outcome.end));
    case "problems":
      for (const problem of outcome.problems)
        fail(YAML_SYNTAX, problem.message, source.rangeOfOffsets(problem.start, problem.end));
      return result;
    case "empty":
      return fail(SCHEMA, kind.empty, { line: 1, column: 1, endLine: 1, endColumn: 1 });
  }
  if (outcome.comments) result.comments = outcome.comments;
  source.root = outcome.value;
  result.diagnostics.push(...kind.check(outcome.value, source, file));
  if (result.diagnostics.length === 0) result.value = outcome.value;
  return result;
}

/** A map's text (as loaded: LF line breaks, no byte-order mark) as its file is to be written: with the
 * byte-order mark and the lone-CR line breaks the file had (lint --fix and data pull keep every byte
 * they do not change). */
export function asWritten(map: Pick<LoadedDocument, "written">, text: string): string {
  if (!map.written) return text;
  return `${map.written.bom ? "\ufeff" : ""}${map.written.loneCr ? text.replace(/\n/g, "\r") : text}`;
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
