// What the hostile-input suites ask of every output, answered by real parsers: an SVG that
// fast-xml-parser reads as well-formed with no script, event or external reference; a Markdown page in
// which markdown-it finds no raw HTML, and the tables it reads; text for terminals and CI logs.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { expect } from "vitest";
import { BREAK } from "../../src/render/markdown.js";
import { INVISIBLE, escapeControl } from "../../src/text/visible.js";

/** Characters that steer a terminal or a log viewer: C0 controls but tab and line feed, DEL, C1, line
 * separators, bidi controls. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** What a terminal or a CI log must never get from map text, when an output is printed: a raw control
 * character, the runner's legacy "##[" command, or a line that starts (after spaces) with "::". */
export function expectInertInLog(output: string): void {
  expect(output).not.toMatch(CONTROL);
  expect(output).not.toContain("##[");
  expect(output.split("\n").filter((line) => line.trimStart().startsWith("::"))).toEqual([]);
}

/** C0 (but tab and line feed) and C1 controls, and every bidi control and default-ignorable character
 * (src/text/visible.ts's INVISIBLE: Unicode's own lists, checked there). */
const SHOWN_ESCAPED = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]|${INVISIBLE}`, "gu");

/** What a reader sees of map text in a Markdown page's table cell: trimmed, runs of spaces as one,
 * line breaks kept, every control, bidi or separator character as a visible escape (\x1b, \u202e). */
export function shownInCell(text: string): string {
  return (
    text
      .trim()
      .replace(/[ \t]{2,}/g, " ")
      .replace(/\r\n?/g, "\n")
      .replace(SHOWN_ESCAPED, escapeControl)
      // "{{" and "{%" with a zero-width space between: no site generator runs them as a template.
      .replace(/\{(?=\{|%)/g, "{\u200b")
  );
}

/** Characters XML 1.0 forbids (an SVG with one is not well-formed, whatever a lenient parser says). */
export const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true });

/** What is wrong with an SVG as a picture from hostile text: empty when it is well-formed and holds no
 * script, foreign object, frame, image, event attribute or external reference. */
export function svgProblems(svg: string): string[] {
  const validation = XMLValidator.validate(svg);
  if (validation !== true) return [`not well-formed: ${validation.err.msg}`];
  const problems: string[] = [];
  if (NOT_XML.test(svg)) problems.push("a character XML 1.0 forbids");
  const visit = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<Record<string, unknown>>) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ":@") {
          for (const [attribute, attributeValue] of Object.entries(value as Record<string, string>)) {
            if (/^@on/i.test(attribute)) problems.push(`event attribute ${attribute}`);
            if (/href$/i.test(attribute) && !String(attributeValue).startsWith("#"))
              problems.push(`external reference ${String(attributeValue)}`);
          }
          continue;
        }
        if (/^(script|foreignObject|iframe|image)$/i.test(key)) problems.push(`element ${key}`);
        visit(value);
      }
    }
  };
  visit(xml.parse(svg));
  return problems;
}

const markdownIt = new MarkdownIt({ html: true });
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

function tokensOf(markdown: string): Token[] {
  return markdownIt.parse(markdown, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** The raw HTML markdown-it finds on a page (blocks and inline tags), trimmed. */
export function rawHtml(markdown: string): string[] {
  return tokensOf(markdown)
    .filter((token) => token.type === "html_block" || token.type === "html_inline")
    .map((token) => token.content.trim());
}

/** The text a reader sees in a cell: the renderer's line breaks as "\n", markup as {type}. */
function cellText(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      if (child.type === "html_inline") return child.content === BREAK ? "\n" : `{html ${child.content}}`;
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return "\n";
      return `{${child.type}}`;
    })
    .join("");
}

/** Every table markdown-it reads on a page, as rows of cell texts (the header row first). */
export function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let table: string[][] | undefined;
  for (const token of markdownIt.parse(markdown, {})) {
    if (token.type === "table_open") tables.push((table = []));
    else if (token.type === "table_close") table = undefined;
    else if (table && token.type === "tr_open") table.push([]);
    else if (table && token.type === "inline") table[table.length - 1]!.push(cellText(token));
  }
  return tables;
}
