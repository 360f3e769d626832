// The XML writer of the office exports: elements opened and closed in order, every attribute value and
// text escaped by the writer (never by its callers), characters XML 1.0 forbids turned into U+FFFD as
// in the picture, and line breaks, C1, bidi and separator controls written as character references (an
// attribute keeps its line breaks, which a reader would turn into spaces, and a file printed to a
// terminal or a CI log acts on none; "##[" is written "#&#35;["). Own code rather than xmlbuilder2: see ARCHITECTURE.md.
import { cleanText } from "../svg/text.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
/** Characters written as references: they are the same text to a reader, and inert everywhere else. */
const REFERENCED = /[\t\n\r\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const NAME = /^[A-Za-z_][\w.:-]*$/;

/** A map string made safe for XML text: forbidden characters become U+FFFD, as in the picture. */
export function xmlText(text: string): string {
  return cleanText(text);
}

/** Anything escapeValue changes: most values (numbers, colours, ids) have none, and are kept as they are. */
const NEEDS_WORK =
  /[&<>"'\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff\ufffe\uffff]/;

/** Escapes a value for XML text or a quoted attribute. */
export function escapeValue(value: string): string {
  if (!NEEDS_WORK.test(value) && !value.includes("##[")) return value;
  return (
    cleanText(value)
      .replace(/[&<>"']/g, (character) => ESCAPES[character]!)
      .replace(REFERENCED, (character) => `&#${character.charCodeAt(0)};`)
      // The Actions runner's legacy command, in a file printed to a CI log: the same text to a reader.
      .replace(/##\[/g, "#&#35;[")
  );
}

export type Attributes = Record<string, string | number | undefined>;

/** Writes one XML document front to back; linear in what it writes. */
export class XmlWriter {
  /** The document so far: flat strings of about CHUNK characters, then the piece being written. */
  private readonly written: string[] = [];
  /** A growing string: V8 joins its pieces once, when it is flattened, with less garbage than an array. */
  private out = "";
  private readonly open: string[] = [];

  constructor(options: { declaration?: boolean } = {}) {
    if (options.declaration !== false) this.out += '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  }

  /** Opens an element; close it with end(). */
  start(name: string, attributes: Attributes = {}): this {
    this.out += `<${checkedName(name)}${attributesOf(attributes)}>`;
    this.open.push(name);
    return this.flushed();
  }

  /** An element with no content. */
  leaf(name: string, attributes: Attributes = {}): this {
    this.out += `<${checkedName(name)}${attributesOf(attributes)}/>`;
    return this.flushed();
  }

  /** An element holding only text. */
  element(name: string, attributes: Attributes, text: string): this {
    return this.start(name, attributes).text(text).end();
  }

  text(text: string): this {
    this.out += escapeValue(text);
    return this.flushed();
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error("XmlWriter: end() without an open element");
    this.out += `</${name}>`;
    return this;
  }

  /** The document, every element closed. */
  toString(): string {
    while (this.open.length > 0) this.end();
    return this.written.length === 0 ? this.out : this.written.join("") + this.out;
  }

  /** The document as UTF-8, every element closed: its pieces encoded one by one, never joined into one
   * string (a Visio page can be 30 MB). */
  toBytes(): Uint8Array {
    while (this.open.length > 0) this.end();
    const bytes = Buffer.concat([...this.written, this.out].map((piece) => Buffer.from(piece, "utf8")));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Past CHUNK characters, the piece being written is flattened and set aside: a document of millions
   * of pieces held as one string of pieces survived every young-generation collection (a Visio page of
   * 16 MB spent 0.9 s of its 1.9 s collecting garbage). */
  private flushed(): this {
    if (this.out.length > CHUNK) {
      this.written.push(flattened(this.out));
      this.out = "";
    }
    return this;
  }
}

/** Characters of a flattened piece of a document. */
const CHUNK = 1 << 16;

/** The same text as one flat string: converting a string to a number makes V8 flatten it in place. */
function flattened(text: string): string {
  Number(text);
  return text;
}

/** Names already checked: a document repeats a few dozen names thousands of times. */
const checkedNames = new Set<string>();

function checkedName(name: string): string {
  if (checkedNames.has(name)) return name;
  if (!NAME.test(name)) throw new Error(`XmlWriter: "${name}" is not an XML name`);
  if (checkedNames.size < 4096) checkedNames.add(name);
  return name;
}

function attributesOf(attributes: Attributes): string {
  let written = "";
  for (const name in attributes) {
    const value = attributes[name];
    if (value === undefined) continue;
    written += ` ${checkedName(name)}="${typeof value === "number" ? String(value) : escapeValue(value)}"`;
  }
  return written;
}

/** Controls that act on a terminal or reorder text (C1, bidi, separators), as references in serialized
 * XML: for a part another library wrote, whose own line breaks are formatting and stay. */
export function inertReferences(xml: string): string {
  return xml.replace(
    /[\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (character) => `&#${character.charCodeAt(0)};`,
  );
}
