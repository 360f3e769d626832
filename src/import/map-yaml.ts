// The imported map written as YAML in one pass: block mappings and sequences indented as yaml writes them,
// a text plain when nothing in it could read as anything else, a block literal (|-) when it spans lines,
// else double-quoted with JSON's escapes. yaml's Document writer took 11 µs a value (a 1 MB CSV of 500,000
// cells: 7.7 s); this takes well under 1 µs. The import reads what it wrote back through the map loader,
// so a text this writer got wrong would fail the import, never reach a file.

/** What a YAML 1.2 core schema, or a YAML 1.1 tool (PyYAML, js-yaml's dates), would read as other than text:
 * null, booleans (yes, no, on, off too; not YAML 1.1's y and n, which no common tool reads as booleans, and
 * "n" is a metric's sample size), any one word that starts like a number (12, 0x1F, 1:30, .5, .inf), dates. */
const NOT_TEXT =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$|^[-+]?[0-9.][\w.:+-]*$|^\d{4}-\d\d?-\d\d?/;
/** Characters that YAML does not allow as they are, or that a reader could take for a line break or a mark. */
const ESCAPED =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A first character that starts something other than a plain text (an indicator, or white space). */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

/** Most texts of a map: words, digits and common punctuation, no colon, hash, quote-like start or line. */
const SIMPLE = /^[A-Za-z0-9_=+(/][\w ,.=+()/'!?&;$%~-]*$/;

function isPlain(text: string): boolean {
  if (SIMPLE.test(text)) return !text.endsWith(" ") && !NOT_TEXT.test(text);
  return (
    text !== "" &&
    !INDICATOR_FIRST.test(text) &&
    !/\s$/.test(text) &&
    !text.includes(": ") &&
    !text.includes(" #") &&
    !text.endsWith(":") &&
    !text.includes("\n") &&
    !text.includes("\t") &&
    !text.startsWith("<<") &&
    !NOT_TEXT.test(text) &&
    !ESCAPED.test(text)
  );
}

/** JSON's string, which YAML reads as a double-quoted text, with what JSON leaves as it is but YAML may not
 * escaped; single quotes (as yaml writes it) for a line with double quotes and nothing to escape. */
function quoted(text: string): string {
  if (text.includes('"') && !text.includes("'") && !/[\n\t\\]/.test(text) && !ESCAPED.test(text)) return `'${text}'`;
  return JSON.stringify(text).replace(
    /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A text of several lines as a block literal, or undefined when one cannot hold it exactly (a line with
 * trailing spaces, a first line indented, a tab or a character that needs escaping). */
function literal(text: string, indent: string): string | undefined {
  if (!text.includes("\n") || ESCAPED.test(text) || text.includes("\t") || text.includes("\r")) return undefined;
  if (/ (\n|$)/.test(text) || /^\n*$/.test(text) || /^\n* /.test(text)) return undefined;
  const body = text.replace(/\n+$/, "");
  const trailing = text.length - body.length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const lines = text.slice(0, trailing > 1 ? text.length - 1 : body.length).split("\n");
  return `|${chomp}\n${lines.map((line) => (line === "" ? "" : indent + line)).join("\n")}`;
}

function scalar(value: unknown, indent: string): string {
  if (typeof value === "string") return isPlain(value) ? value : (literal(value, indent) ?? quoted(value));
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
  if (typeof value === "boolean") return String(value);
  return "null";
}

const key = (text: string) => (isPlain(text) ? text : quoted(text));
/** The longest key written on its value's line (YAML allows 1,024 characters before the colon). */
const MAX_IMPLICIT_KEY = 1_000;

function isCollection(value: unknown): value is object {
  return typeof value === "object" && value !== null && (!Array.isArray(value) || value.length > 0);
}

/** Thrown when the text would be longer than the writer was allowed. */
export class YamlTooLong extends Error {}

/** The lines written so far, and their length: the writer stops past `maxLength`. */
class Lines {
  readonly lines: string[] = [];
  private length = 0;
  constructor(private readonly maxLength: number) {}
  push(line: string): void {
    this.length += line.length + 1;
    if (this.length > this.maxLength) throw new YamlTooLong();
    this.lines.push(line);
  }
  /** Puts the dash of a sequence item in front of its first line. */
  dash(at: number, indent: string, inner: string): void {
    this.lines[at] = `${indent}- ${this.lines[at]!.slice(inner.length)}`;
  }
}

/** The lines of a value that goes below its key or dash, each starting with `indent`. */
function block(value: object, indent: string, out: Lines): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && Object.keys(item).length > 0) {
        // The item's first line goes after the dash: "- id: x", its other lines below it.
        const first = out.lines.length;
        block(item, inner, out);
        out.dash(first, indent, inner);
      } else out.push(`${indent}- ${inline(item, inner)}`);
    }
    return;
  }
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    let written = key(name);
    if (written.length > MAX_IMPLICIT_KEY) {
      // YAML reads a key of more than 1,024 characters only after "? ", its value after ": ".
      out.push(`${indent}? ${written}`);
      written = "";
    }
    if (isCollection(item) && Object.keys(item).length > 0) {
      out.push(`${indent}${written}:`);
      // Sequences are indented below their key, as yaml writes them (indentSeq).
      block(item, inner, out);
    } else out.push(`${indent}${written}: ${inline(item, inner)}`);
  }
}

/** A value on its key's or dash's line: a scalar, or an empty collection. */
function inline(value: unknown, indent: string): string {
  if (Array.isArray(value)) return "[]";
  if (typeof value === "object" && value !== null) return "{}";
  return scalar(value, indent);
}

/** A map (a plain object of texts, numbers, lists and objects) as a YAML document, ending with a line
 * break; YamlTooLong past `maxLength` characters (written up to there, not further). */
export function mapYaml(map: object, maxLength = Infinity): string {
  const out = new Lines(maxLength);
  if (isCollection(map) && Object.keys(map).length > 0) block(map, "", out);
  else out.push(inline(map, ""));
  return `${out.lines.join("\n")}\n`;
}
