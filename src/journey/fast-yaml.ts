// The loader's fast path: one pass over the YAML that journey maps are written in (block and flow
// collections, plain, quoted and block text on one line or in a block, anchors and aliases,
// comments), building plain values and their offsets straight from the text. It never guesses:
// anything else (tags, directives, tabs, multi-line plain or quoted text, complex keys, duplicate
// keys, every syntax error) makes it give up, and the loader reads the map with yaml's composer
// (compose-yaml.ts), which has the messages. test/journey/fast-yaml.test.ts holds the two to the same
// values, positions and diagnostics.
import type { SourceMap, Spans } from "./source-map.js";
import { MAX_ALIAS_EXPANSION, MAX_DEPTH, aliasProblem, type YamlOutcome, type YamlProblem } from "./yaml-outcome.js";

/** Thrown to stop reading: the composer takes over (one object, made once: giving up costs nothing). */
const GIVE_UP = new Error("the fast path hands this text to yaml's composer");

const SPACE = 0x20;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const AMPERSAND = 0x26;
const STAR = 0x2a;
const PIPE = 0x7c;
const GREATER = 0x3e;
const QUESTION = 0x3f;
const BOM = 0xfeff;

/** Control characters yaml's lexer uses as markers (or that YAML forbids), and tabs, whose rules
 * (indentation, separation) are left to the composer. */
const LEFT_TO_THE_COMPOSER = /[\x00-\x09\x0b\x0c\x0e-\x1f]|\r(?!\n)/;

/** Reads `text` as YAML into plain values, recording offsets in `source`; undefined when the text
 * needs yaml's composer (anything beyond the common forms, and every error but an alias's). */
export function readFastYaml(text: string, source: SourceMap): YamlOutcome | undefined {
  if (LEFT_TO_THE_COMPOSER.test(text)) return undefined;
  try {
    return new FastReader(text, source).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/** End of a token in block context: a space, a line break or the end. */
function isBlank(code: number): boolean {
  return code === SPACE || code === NEWLINE || code === RETURN || Number.isNaN(code);
}

function isFlowIndicator(code: number): boolean {
  return code === COMMA || code === OPEN_SQUARE || code === CLOSE_SQUARE || code === OPEN_CURLY || code === CLOSE_CURLY;
}

/** Characters that may not start a plain scalar (or start something else). */
function cannotStartPlain(code: number, next: number, inFlow: boolean): boolean {
  switch (code) {
    case COMMA:
    case OPEN_SQUARE:
    case CLOSE_SQUARE:
    case OPEN_CURLY:
    case CLOSE_CURLY:
    case HASH:
    case AMPERSAND:
    case STAR:
    case 0x21: // ! tag
    case PIPE:
    case GREATER:
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case 0x25: // % directive
    case 0x40: // @ reserved
    case 0x60: // ` reserved
    case BOM:
      return true;
    case DASH:
    case QUESTION:
    case COLON:
      return isBlank(next) || (inFlow && isFlowIndicator(next));
    default:
      return Number.isNaN(code) || code === SPACE || code === NEWLINE || code === RETURN;
  }
}

interface Anchor {
  value: unknown;
  size: number;
  building: boolean;
}

class FastReader {
  readonly #text: string;
  readonly #source: SourceMap;
  readonly #length: number;
  #pos = 0;
  /** Indent of the content line at #pos after #nextLine; -1 at the end of the text. */
  #indent = 0;
  /** Set by each node read: where it ends (exclusive) and what an alias to it would add. */
  #end = 0;
  #size = 0;
  #depth = 0;
  readonly #comments: number[] = [];
  readonly #anchors = new Map<string, Anchor>();
  #expanded = 0;
  /** The first alias problem; reading goes on, so that a syntax error later still wins (as it does
   * in the composer, which reports syntax before building any value). */
  #refusal: YamlProblem | undefined;
  #documentStarted = false;

  constructor(text: string, source: SourceMap) {
    this.#text = text;
    this.#source = source;
    this.#length = text.length;
  }

  document(): YamlOutcome {
    this.#nextLine();
    if (this.#indent === -1) return { kind: "empty" };
    const code = this.#text.charCodeAt(this.#pos);
    let value: unknown;
    if (code === OPEN_SQUARE || code === OPEN_CURLY) {
      value = this.#flowNode(-1);
      this.#endOfLine();
    } else if (code === DASH && isBlank(this.#text.charCodeAt(this.#pos + 1))) {
      value = this.#blockSeq(this.#indent);
    } else if (this.#isKey(this.#pos)) {
      value = this.#blockMap(this.#indent);
    } else {
      giveUp();
    }
    if (this.#indent !== -1) giveUp(); // content less indented than the first line
    if (this.#refusal) return { kind: "refused", ...this.#refusal };
    return { kind: "value", value, comments: this.#comments };
  }

  // ---------------------------------------------------------------------------------------------
  // Lines

  /** From a line start: past blank and comment lines, to the first character of the next content
   * line (#indent its indent), or to the end (#indent -1). A document start marker is allowed once,
   * before any content. */
  #nextLine(): void {
    let at = this.#pos;
    for (;;) {
      if (at >= this.#length) {
        this.#pos = this.#length;
        this.#indent = -1;
        return;
      }
      const lineStart = at;
      while (this.#text.charCodeAt(at) === SPACE) at++;
      const code = this.#text.charCodeAt(at);
      if (code === NEWLINE) {
        at++;
        continue;
      }
      if (code === RETURN) {
        at += 2;
        continue;
      }
      if (at >= this.#length) continue;
      if (code === HASH) {
        at = this.#comment(at);
        continue;
      }
      if (at === lineStart && (code === DASH || code === 0x2e) && this.#isMarker(at)) {
        // "---" before any content starts the one document; anything else about documents is left to the composer.
        if (code !== DASH || this.#documentStarted) giveUp();
        this.#documentStarted = true;
        at += 3;
        while (this.#text.charCodeAt(at) === SPACE) at++;
        const after = this.#text.charCodeAt(at);
        if (after === HASH && at > lineStart + 3) at = this.#comment(at);
        else if (after === RETURN) at += 2;
        else if (after === NEWLINE) at++;
        else if (at < this.#length) giveUp();
        continue;
      }
      if (code === BOM) giveUp();
      this.#documentStarted = true;
      this.#pos = at;
      this.#indent = at - lineStart;
      return;
    }
  }

  #isMarker(at: number): boolean {
    const code = this.#text.charCodeAt(at);
    return (
      this.#text.charCodeAt(at + 1) === code &&
      this.#text.charCodeAt(at + 2) === code &&
      isBlank(this.#text.charCodeAt(at + 3))
    );
  }

  /** Records the comment at `at` (a "#"), returns the start of the next line. */
  #comment(at: number): number {
    let end = this.#text.indexOf("\n", at);
    const next = end === -1 ? this.#length : end + 1;
    if (end === -1) end = this.#length;
    if (this.#text.charCodeAt(end - 1) === RETURN) end--;
    this.#comments.push(at, end);
    return next;
  }

  /** After a value: spaces, maybe a comment, then the line break (or the end); then #nextLine. */
  #endOfLine(): void {
    let at = this.#pos;
    while (this.#text.charCodeAt(at) === SPACE) at++;
    const code = this.#text.charCodeAt(at);
    if (code === HASH && this.#text.charCodeAt(at - 1) === SPACE) at = this.#comment(at);
    else if (code === NEWLINE) at++;
    else if (code === RETURN) at += 2;
    else if (at < this.#length) giveUp();
    this.#pos = at;
    this.#nextLine();
  }

  // ---------------------------------------------------------------------------------------------
  // Block collections

  /** A block mapping whose keys start at column `indent`; #pos is at its first key. */
  #blockMap(indent: number): Record<string, unknown> {
    if (++this.#depth >= MAX_DEPTH) giveUp();
    const mapping: Record<string, unknown> = {};
    const spans: Spans = [this.#pos, this.#pos];
    let size = 1;
    for (;;) {
      const keyStart = this.#pos;
      const key = this.#key(false);
      const keyEnd = this.#end;
      // #pos is just past the ":".
      while (this.#text.charCodeAt(this.#pos) === SPACE) this.#pos++;
      const value = this.#blockValue(indent);
      this.#add(mapping, spans, key, keyStart, keyEnd, value);
      size += 1 + key.length + this.#size;
      if (this.#indent !== indent) break;
      const code = this.#text.charCodeAt(this.#pos);
      if (code === DASH && isBlank(this.#text.charCodeAt(this.#pos + 1))) giveUp();
    }
    if (this.#indent > indent) giveUp();
    this.#source.record(mapping, spans);
    this.#depth--;
    this.#end = spans[1] as number;
    this.#size = size;
    return mapping;
  }

  #add(mapping: Record<string, unknown>, spans: Spans, key: string, keyStart: number, keyEnd: number, value: unknown) {
    if (Object.prototype.hasOwnProperty.call(mapping, key)) giveUp(); // the composer names both
    spans.push(key, keyStart, keyEnd, this.#valueStart, this.#end);
    spans[1] = this.#end;
    // "__proto__" becomes an ordinary own key, not a prototype: no prototype pollution.
    if (key === "__proto__")
      Object.defineProperty(mapping, key, { value, enumerable: true, writable: true, configurable: true });
    else mapping[key] = value;
  }

  /** Where the last value read starts (after its anchor). */
  #valueStart = 0;

  /** The value after "key:" (spaces skipped), in a mapping at `indent`: on this line, or the block
   * below, or nothing. Leaves #pos at the next content line. */
  #blockValue(indent: number): unknown {
    const at = this.#pos;
    const code = this.#text.charCodeAt(at);
    if (isBlank(code) || code === HASH) {
      this.#endOfLine();
      if (this.#indent > indent) return this.#nestedBlock();
      if (
        this.#indent === indent &&
        this.#text.charCodeAt(this.#pos) === DASH &&
        isBlank(this.#text.charCodeAt(this.#pos + 1))
      )
        return this.#startedAt(this.#pos, () => this.#blockSeq(indent));
      // Nothing: null, placed where the composer places an empty value (after ":" and its spaces).
      this.#valueStart = at;
      this.#end = at;
      this.#size = 1;
      return null;
    }
    return this.#inlineValue(indent, false);
  }

  /** The block collection that starts the line at #pos (below a key or "-", more indented). */
  #nestedBlock(): unknown {
    const at = this.#pos;
    const code = this.#text.charCodeAt(at);
    if (code === DASH && isBlank(this.#text.charCodeAt(at + 1)))
      return this.#startedAt(at, () => this.#blockSeq(this.#indent));
    if (!this.#isKey(at)) giveUp(); // text or a flow collection on the next line
    return this.#startedAt(at, () => this.#blockMap(this.#indent));
  }

  #startedAt<T>(at: number, read: () => T): T {
    const value = read();
    this.#valueStart = at;
    return value;
  }

  /** A value that starts on this line, at #pos, in a block collection at `indent`; `inSeq` when it is
   * a list item (where a key starts a compact mapping). */
  #inlineValue(indent: number, inSeq: boolean): unknown {
    const at = this.#pos;
    const code = this.#text.charCodeAt(at);
    if (code === AMPERSAND) return this.#anchored(indent, inSeq);
    if (inSeq && this.#isKey(at)) {
      const column = at - this.#lineStartOf(at);
      return this.#startedAt(at, () => this.#blockMap(column));
    }
    let value: unknown;
    if (code === OPEN_SQUARE || code === OPEN_CURLY) value = this.#flowNode(indent);
    else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) value = this.#quoted(false);
    else if (code === STAR) value = this.#alias(false);
    else if (code === PIPE || code === GREATER) return this.#startedAt(at, () => this.#blockScalar(indent));
    else value = this.#plain(false);
    this.#valueStart = at;
    const end = this.#end;
    this.#endOfLine();
    this.#end = end;
    return value;
  }

  #lineStartOf(at: number): number {
    return this.#text.lastIndexOf("\n", at - 1) + 1;
  }

  /** "&name value", or "&name" and the block below. */
  #anchored(indent: number, inSeq: boolean): unknown {
    let at = this.#pos + 1;
    const nameStart = at;
    while (!isBlank(this.#text.charCodeAt(at)) && !isFlowIndicator(this.#text.charCodeAt(at))) at++;
    const name = this.#text.slice(nameStart, at);
    if (name === "" || !isBlank(this.#text.charCodeAt(at))) giveUp();
    while (this.#text.charCodeAt(at) === SPACE) at++;
    this.#pos = at;
    const anchor: Anchor = { value: null, size: 0, building: true };
    this.#anchors.set(name, anchor);
    const code = this.#text.charCodeAt(at);
    let value: unknown;
    if (isBlank(code) || code === HASH) {
      this.#endOfLine();
      if (this.#indent <= indent) giveUp(); // an anchored empty value
      value = this.#nestedBlock();
    } else {
      if (code === AMPERSAND || code === STAR || this.#isKey(at)) giveUp(); // a property of a key
      value = this.#inlineValue(indent, inSeq);
    }
    anchor.value = value;
    anchor.size = this.#size;
    anchor.building = false;
    return value;
  }

  /** A block sequence whose "-" are at column `indent`; #pos is at the first "-". */
  #blockSeq(indent: number): unknown[] {
    if (++this.#depth >= MAX_DEPTH) giveUp();
    const list: unknown[] = [];
    const spans: Spans = [this.#pos, this.#pos];
    let size = 1;
    for (;;) {
      this.#pos++; // the "-"
      while (this.#text.charCodeAt(this.#pos) === SPACE) this.#pos++;
      const code = this.#text.charCodeAt(this.#pos);
      let item: unknown;
      if (isBlank(code) || code === HASH) {
        this.#endOfLine();
        if (this.#indent <= indent) giveUp(); // an empty item
        item = this.#nestedBlock();
      } else {
        if (code === DASH && isBlank(this.#text.charCodeAt(this.#pos + 1))) giveUp(); // "- - x"
        item = this.#inlineValue(indent, true);
      }
      list.push(item);
      spans.push(this.#valueStart, this.#end);
      spans[1] = this.#end;
      size += this.#size;
      if (this.#indent !== indent) break;
      const next = this.#text.charCodeAt(this.#pos);
      if (next !== DASH || !isBlank(this.#text.charCodeAt(this.#pos + 1))) break; // a key of the mapping around
    }
    if (this.#indent > indent) giveUp();
    this.#source.record(list, spans);
    this.#depth--;
    this.#end = spans[1];
    this.#size = size;
    return list;
  }

  // ---------------------------------------------------------------------------------------------
  // Keys

  /** Whether an implicit key ("name:" followed by a space or the line's end) starts at `at`. */
  #isKey(at: number): boolean {
    const code = this.#text.charCodeAt(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const close = this.#closingQuote(at);
      if (close === -1) return false;
      let after = close + 1;
      while (this.#text.charCodeAt(after) === SPACE) after++;
      return this.#text.charCodeAt(after) === COLON;
    }
    if (cannotStartPlain(code, this.#text.charCodeAt(at + 1), false)) return false;
    for (let i = at + 1; i < this.#length; i++) {
      const c = this.#text.charCodeAt(i);
      if (c === NEWLINE || c === RETURN) return false;
      if (c === COLON && isBlank(this.#text.charCodeAt(i + 1))) return true;
      if (c === HASH && this.#text.charCodeAt(i - 1) === SPACE) return false;
    }
    return false;
  }

  /** A key at #pos (plain or quoted, on one line), through its ":". Sets #end to the key's end. */
  #key(inFlow: boolean): string {
    const start = this.#pos;
    const code = this.#text.charCodeAt(start);
    let key: string;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      key = this.#quoted(inFlow);
      const end = this.#end;
      while (this.#text.charCodeAt(this.#pos) === SPACE) this.#pos++;
      if (this.#text.charCodeAt(this.#pos) !== COLON) giveUp();
      this.#pos++;
      if (!inFlow && !isBlank(this.#text.charCodeAt(this.#pos))) giveUp();
      this.#end = end;
    } else {
      if (cannotStartPlain(code, this.#text.charCodeAt(start + 1), inFlow)) giveUp();
      let at = start;
      let end = start;
      for (;;) {
        const c = this.#text.charCodeAt(at);
        if (
          c === COLON &&
          (isBlank(this.#text.charCodeAt(at + 1)) || (inFlow && isFlowIndicator(this.#text.charCodeAt(at + 1))))
        )
          break;
        if (c === NEWLINE || c === RETURN || at >= this.#length) giveUp(); // no ":" on this line
        if (c === HASH && this.#text.charCodeAt(at - 1) === SPACE) giveUp();
        if (inFlow && isFlowIndicator(c)) giveUp();
        if (c !== SPACE) end = at + 1;
        at++;
      }
      if (inFlow && !isBlank(this.#text.charCodeAt(at + 1))) giveUp(); // "a:," and the like
      key = this.#text.slice(start, end);
      if (key === "<<") giveUp(); // a merge key: the composer explains
      this.#pos = at + 1;
      this.#end = end;
    }
    // yaml refuses an implicit key whose ":" is more than 1024 characters after its start.
    if (this.#pos - start > 1000) giveUp();
    return key;
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  /** Plain text on one line at #pos, up to a comment, a ": ", the line's end or (in flow) a flow
   * indicator. Sets #end; leaves #pos at its end. */
  #plain(inFlow: boolean): unknown {
    const start = this.#pos;
    if (cannotStartPlain(this.#text.charCodeAt(start), this.#text.charCodeAt(start + 1), inFlow)) giveUp();
    let at = start;
    let end = start;
    for (; at < this.#length; at++) {
      const c = this.#text.charCodeAt(at);
      if (c === NEWLINE || c === RETURN) break;
      if (c === COLON) {
        const next = this.#text.charCodeAt(at + 1);
        if (isBlank(next) || (inFlow && isFlowIndicator(next))) {
          if (!inFlow) giveUp(); // "key: a: b" is a nested mapping
          break;
        }
      } else if (c === SPACE) {
        if (this.#text.charCodeAt(at + 1) === HASH) break;
        continue;
      } else if (inFlow && isFlowIndicator(c)) break;
      end = at + 1;
    }
    this.#pos = end;
    this.#end = end;
    return this.#resolvePlain(this.#text.slice(start, end));
  }

  /** YAML 1.2's core schema, as yaml applies it to plain text: null, booleans, numbers, else text. */
  #resolvePlain(raw: string): unknown {
    const first = raw.charCodeAt(0);
    this.#size = 1;
    switch (first) {
      case 0x7e: // ~
      case 0x6e: // n
      case 0x4e: // N
        if (raw === "~" || raw === "null" || raw === "Null" || raw === "NULL") return null;
        break;
      case 0x74: // t
      case 0x54: // T
        if (raw === "true" || raw === "True" || raw === "TRUE") return true;
        break;
      case 0x66: // f
      case 0x46: // F
        if (raw === "false" || raw === "False" || raw === "FALSE") return false;
        break;
      case 0x2b: // +
      case DASH:
      case 0x2e: // .
      case 0x30:
      case 0x31:
      case 0x32:
      case 0x33:
      case 0x34:
      case 0x35:
      case 0x36:
      case 0x37:
      case 0x38:
      case 0x39: {
        const number = resolveNumber(raw);
        if (number !== undefined) return number;
        break;
      }
    }
    this.#size = 1 + raw.length;
    return raw;
  }

  /** The offset of the quote that closes the quoted scalar at `at`, on the same line; -1 if none. */
  #closingQuote(at: number): number {
    const quote = this.#text.charCodeAt(at);
    for (let i = at + 1; i < this.#length; i++) {
      const c = this.#text.charCodeAt(i);
      if (c === NEWLINE || c === RETURN) return -1;
      if (quote === DOUBLE_QUOTE && c === BACKSLASH) i++;
      else if (c === quote) {
        if (quote === SINGLE_QUOTE && this.#text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
        else return i;
      }
    }
    return -1;
  }

  /** A quoted scalar on one line at #pos. Sets #end past the closing quote. */
  #quoted(inFlow: boolean): string {
    const start = this.#pos;
    const close = this.#closingQuote(start);
    if (close === -1) giveUp(); // multi-line or unclosed: the composer folds or explains
    const after = this.#text.charCodeAt(close + 1);
    if (
      !isBlank(after) &&
      after !== COLON &&
      !(inFlow && (after === COMMA || after === CLOSE_SQUARE || after === CLOSE_CURLY))
    )
      giveUp();
    const inner = this.#text.slice(start + 1, close);
    const value =
      this.#text.charCodeAt(start) === SINGLE_QUOTE
        ? inner.includes("'")
          ? inner.replace(/''/g, "'")
          : inner
        : inner.includes("\\")
          ? unescapeDoubleQuoted(inner)
          : inner;
    this.#pos = close + 1;
    this.#end = close + 1;
    this.#size = 1 + value.length;
    return value;
  }

  /** "*name": the anchored value itself, as YAML says (no copy), counted against the alias limit. */
  #alias(inFlow: boolean): unknown {
    const start = this.#pos;
    let at = start + 1;
    while (!isBlank(this.#text.charCodeAt(at)) && !isFlowIndicator(this.#text.charCodeAt(at))) at++;
    const name = this.#text.slice(start + 1, at);
    if (name === "" || name.endsWith(":")) giveUp();
    let after = at;
    while (this.#text.charCodeAt(after) === SPACE) after++;
    if (this.#text.charCodeAt(after) === COLON) giveUp(); // an alias as a key
    if (!inFlow && !isBlank(this.#text.charCodeAt(at))) giveUp();
    this.#pos = at;
    this.#end = at;
    const anchor = this.#anchors.get(name);
    if (!anchor || anchor.building) {
      this.#refuse(aliasProblem(name, anchor ? "itself" : "unknown"), start);
      this.#size = 1;
      return null;
    }
    this.#expanded += anchor.size;
    if (this.#expanded > MAX_ALIAS_EXPANSION) this.#refuse(aliasProblem(name, "bomb"), start);
    this.#size = anchor.size;
    return anchor.value;
  }

  #refuse(message: string, start: number): void {
    this.#refusal ??= { message, start, end: start + 1 };
  }

  /** "|" or ">" (with "-" or nothing after it) and the more-indented lines below, in a block
   * collection at `indent`. Leaves #pos at the next content line. */
  #blockScalar(indent: number): string {
    const start = this.#pos;
    const folded = this.#text.charCodeAt(start) === GREATER;
    let at = start + 1;
    let strip = false;
    if (this.#text.charCodeAt(at) === DASH) {
      strip = true;
      at++;
    }
    const afterHeader = this.#text.charCodeAt(at);
    if (!isBlank(afterHeader)) giveUp(); // "+", an indentation indicator, or text after the header
    this.#pos = at;
    // The header's comment, if any, and its line break.
    let lineStart: number;
    {
      let i = at;
      while (this.#text.charCodeAt(i) === SPACE) i++;
      const code = this.#text.charCodeAt(i);
      if (code === HASH && i > at) lineStart = this.#comment(i);
      else if (code === NEWLINE) lineStart = i + 1;
      else if (code === RETURN) lineStart = i + 2;
      else giveUp(); // the end of the text right after the header, or text after it
    }
    const lines: string[] = [];
    let contentIndent = -1;
    let leadingBlank = 0;
    let lastContent = -1;
    let end = start + 1;
    let next: number; // the start of the first line that is not part of the scalar
    for (;;) {
      if (lineStart >= this.#length) {
        next = this.#length;
        break;
      }
      let i = lineStart;
      while (this.#text.charCodeAt(i) === SPACE) i++;
      const spaces = i - lineStart;
      const code = this.#text.charCodeAt(i);
      const blank = code === NEWLINE || code === RETURN || i >= this.#length;
      if (blank) {
        // Blank lines with more spaces than the text's indent keep them: left to the composer.
        if (contentIndent === -1) {
          if (spaces > 0) giveUp();
          leadingBlank++;
        } else {
          if (spaces > contentIndent) giveUp();
          lines.push("");
        }
        lineStart = code === RETURN ? i + 2 : i + 1;
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= indent) giveUp(); // an empty block scalar
        contentIndent = spaces;
      }
      if (spaces < contentIndent) {
        if (spaces > indent) giveUp(); // less indented than the text, more than its key
        next = lineStart;
        break;
      }
      if (folded && spaces > contentIndent) giveUp(); // more-indented lines of folded text
      let lineEnd = this.#text.indexOf("\n", i);
      if (lineEnd === -1) lineEnd = this.#length;
      const contentEnd = this.#text.charCodeAt(lineEnd - 1) === RETURN ? lineEnd - 1 : lineEnd;
      lines.push(this.#text.slice(lineStart + contentIndent, contentEnd));
      lastContent = lines.length - 1;
      end = contentEnd;
      lineStart = lineEnd + 1;
    }
    if (lastContent === -1) giveUp(); // no text at all: the composer knows what chomping makes of it
    let value = "\n".repeat(leadingBlank);
    if (folded) {
      let separator = "";
      for (let i = 0; i <= lastContent; i++) {
        const line = lines[i]!;
        if (line === "") {
          if (separator === "\n") value += "\n";
          else separator = "\n";
        } else {
          value += separator + line;
          separator = " ";
        }
      }
    } else {
      value += lines.slice(0, lastContent + 1).join("\n");
    }
    if (!strip) value += "\n";
    this.#pos = next;
    this.#nextLine();
    this.#end = end;
    this.#size = 1 + value.length;
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // Flow collections

  /** A flow node at #pos; lines it continues on must be indented more than `indent`. Sets
   * #valueStart to where it starts (after its anchor). */
  #flowNode(indent: number): unknown {
    const start = this.#pos;
    const code = this.#text.charCodeAt(start);
    let value: unknown;
    if (code === OPEN_SQUARE) value = this.#flowSeq(indent);
    else if (code === OPEN_CURLY) value = this.#flowMap(indent);
    else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) value = this.#quoted(true);
    else if (code === STAR) value = this.#alias(true);
    else if (code === AMPERSAND) return this.#flowAnchored(indent);
    else value = this.#plain(true);
    this.#valueStart = start;
    return value;
  }

  #flowAnchored(indent: number): unknown {
    let at = this.#pos + 1;
    while (!isBlank(this.#text.charCodeAt(at)) && !isFlowIndicator(this.#text.charCodeAt(at))) at++;
    const name = this.#text.slice(this.#pos + 1, at);
    if (name === "" || this.#text.charCodeAt(at) !== SPACE) giveUp();
    this.#pos = at;
    this.#flowSpace(indent);
    const next = this.#text.charCodeAt(this.#pos);
    if (next === AMPERSAND || next === STAR) giveUp();
    const anchor: Anchor = { value: null, size: 0, building: true };
    this.#anchors.set(name, anchor);
    const value = this.#flowNode(indent);
    anchor.value = value;
    anchor.size = this.#size;
    anchor.building = false;
    return value;
  }

  /** Spaces, line breaks (onto lines indented more than `indent`) and comments inside a flow collection. */
  #flowSpace(indent: number): void {
    let at = this.#pos;
    for (;;) {
      const code = this.#text.charCodeAt(at);
      if (code === SPACE) at++;
      else if (code === NEWLINE || code === RETURN) {
        at += code === RETURN ? 2 : 1;
        const lineStart = at;
        while (this.#text.charCodeAt(at) === SPACE) at++;
        const next = this.#text.charCodeAt(at);
        if (next === NEWLINE || next === RETURN) continue;
        if (at - lineStart <= indent || at >= this.#length) giveUp();
        if (at === lineStart && (next === DASH || next === 0x2e) && this.#isMarker(at)) giveUp();
      } else if (code === HASH) {
        const before = this.#text.charCodeAt(at - 1);
        if (before !== SPACE && before !== NEWLINE) giveUp();
        const next = this.#comment(at);
        at = next - 1; // back on the line break, handled above
        if (this.#text.charCodeAt(at) !== NEWLINE) {
          this.#pos = this.#length;
          giveUp(); // a comment at the very end, inside the collection
        }
      } else break;
    }
    this.#pos = at;
  }

  #flowSeq(indent: number): unknown[] {
    if (++this.#depth >= MAX_DEPTH) giveUp();
    const list: unknown[] = [];
    const spans: Spans = [this.#pos, this.#pos];
    let size = 1;
    this.#pos++;
    this.#flowSpace(indent);
    if (this.#text.charCodeAt(this.#pos) !== CLOSE_SQUARE) {
      for (;;) {
        const item = this.#flowNode(indent);
        list.push(item);
        spans.push(this.#valueStart, this.#end);
        size += this.#size;
        this.#flowSpace(indent);
        const code = this.#text.charCodeAt(this.#pos);
        if (code === COMMA) {
          this.#pos++;
          this.#flowSpace(indent);
          if (this.#text.charCodeAt(this.#pos) === CLOSE_SQUARE) break;
        } else if (code === CLOSE_SQUARE) break;
        else giveUp(); // a pair ("a: b") in a list, or a missing comma
      }
    }
    this.#pos++;
    spans[1] = this.#pos;
    this.#source.record(list, spans);
    this.#depth--;
    this.#end = this.#pos;
    this.#size = size;
    return list;
  }

  #flowMap(indent: number): Record<string, unknown> {
    if (++this.#depth >= MAX_DEPTH) giveUp();
    const mapping: Record<string, unknown> = {};
    const spans: Spans = [this.#pos, this.#pos];
    let size = 1;
    this.#pos++;
    this.#flowSpace(indent);
    if (this.#text.charCodeAt(this.#pos) !== CLOSE_CURLY) {
      for (;;) {
        const keyStart = this.#pos;
        const key = this.#key(true);
        const keyEnd = this.#end;
        this.#flowSpace(indent);
        const next = this.#text.charCodeAt(this.#pos);
        if (next === COMMA || next === CLOSE_CURLY) giveUp(); // a key with no value
        const value = this.#flowNode(indent);
        this.#add(mapping, spans, key, keyStart, keyEnd, value);
        size += 1 + key.length + this.#size;
        this.#flowSpace(indent);
        const code = this.#text.charCodeAt(this.#pos);
        if (code === COMMA) {
          this.#pos++;
          this.#flowSpace(indent);
          if (this.#text.charCodeAt(this.#pos) === CLOSE_CURLY) break;
        } else if (code === CLOSE_CURLY) break;
        else giveUp();
      }
    }
    this.#pos++;
    spans[1] = this.#pos;
    this.#source.record(mapping, spans);
    this.#depth--;
    this.#end = this.#pos;
    this.#size = size;
    return mapping;
  }
}

/** "integer" for [-+]?[0-9]+; "text" for what none of the patterns below can match: a character none of
 * them has, or a sign that is neither first nor after an exponent's e; else "other" (which no whole
 * number is, so yaml's int pattern need not be tried again). */
function numberShape(raw: string): "integer" | "text" | "other" {
  let digits = 0;
  let other = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2b || c === 0x2d) {
      const before = i === 0 ? 0 : raw.charCodeAt(i - 1);
      if (i !== 0 && before !== 0x65 && before !== 0x45) return "text";
    } else if (NUMBER_LETTERS.includes(raw[i]!)) other = true;
    else return "text";
  }
  const signed = raw.charCodeAt(0) === 0x2b || raw.charCodeAt(0) === 0x2d ? 1 : 0;
  return !other && digits > 0 && digits === raw.length - signed ? "integer" : "other";
}

/** The letters and marks of the patterns below besides digits and signs: hex digits (and e, E), o, x, the
 * point, and those of inf and nan in their cases. */
const NUMBER_LETTERS = ".abcdefABCDEFoxiInNF";

const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN_OR_INFINITY = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A number as yaml's core schema reads plain text (its tags, in its order), or undefined for text. Whole
 * numbers, and text no tag can match (a date, a time, words), are told apart by hand first: each regular
 * expression costs a compile at every start, and a map's plain text is mostly those. */
function resolveNumber(raw: string): number | undefined {
  switch (numberShape(raw)) {
    case "text":
      return undefined;
    case "integer":
      return parseInt(raw, 10);
  }
  if (OCT.test(raw)) return parseInt(raw.substring(2), 8);
  if (HEX.test(raw)) return parseInt(raw.substring(2), 16);
  if (NAN_OR_INFINITY.test(raw))
    return raw.slice(-3).toLowerCase() === "nan"
      ? NaN
      : raw[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (EXPONENT.test(raw) || FLOAT.test(raw)) return parseFloat(raw);
  return undefined;
}

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** The text of a one-line double-quoted scalar (without its quotes), escapes resolved as yaml does. */
function unescapeDoubleQuoted(inner: string): string {
  let value = "";
  let from = 0;
  for (let i = inner.indexOf("\\"); i !== -1; i = inner.indexOf("\\", from)) {
    value += inner.slice(from, i);
    const next = inner[i + 1];
    if (next === undefined) giveUp();
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      from = i + 2;
      continue;
    }
    const length = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = inner.substr(i + 2, length);
    if (length === 0 || hex.length !== length || !HEX_DIGITS.test(hex)) giveUp();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) giveUp();
    value += String.fromCodePoint(code);
    from = i + 2 + length;
  }
  return value + inner.slice(from);
}
