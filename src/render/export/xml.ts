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
  /** One growing string: V8 joins the pieces once, at the end, with less garbage than an array of them. */
  private out = "";
  private readonly open: string[] = [];

  constructor(options: { declaration?: boolean } = {}) {
    if (options.declaration !== false) this.out += '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  }

  /** Opens an element; close it with end(). */
  start(name: string, attributes: Attributes = {}): this {
    this.out += `<${checkedName(name)}${attributesOf(attributes)}>`;
    this.open.push(name);
    return this;
  }

  /** An element with no content. */
  leaf(name: string, attributes: Attributes = {}): this {
    this.out += `<${checkedName(name)}${attributesOf(attributes)}/>`;
    return this;
  }

  /** An element holding only text. */
  element(name: string, attributes: Attributes, text: string): this {
    return this.start(name, attributes).text(text).end();
  }

  text(text: string): this {
    this.out += escapeValue(text);
    return this;
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
    return this.out;
  }
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
