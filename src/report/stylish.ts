// The stylish report, as ESLint prints it: findings grouped by file, a code frame under each, a summary.
import type { Diagnostic } from "../diagnostic.js";
import { cutNote, overflowNote, textCutter, shownFindings } from "./shown.js";
import type { Formatter } from "./types.js";
import { breakLogCommands, visible, visibleChar } from "../text/visible.js";
import { painter } from "./paint.js";

export const stylish: Formatter = (results, context) => {
  const paint = painter(context.color);
  const severityColor = { error: paint.red, warning: paint.yellow, info: paint.blue };
  // Looked up once: a report lists up to 25,000 findings, and each would repeat the same work.
  const dim = paint.dim;
  const severityText = {
    error: severityColor.error("error".padEnd(7)),
    warning: severityColor.warning("warning".padEnd(7)),
    info: severityColor.info("info".padEnd(7)),
  };
  const ruleText = new Map<string, string>();
  const cut = textCutter();
  const out: string[] = [];
  if (context.failure !== undefined)
    out.push(paint.red(`journeymap could not run: ${visible(cut(context.failure))}`), "");
  const shown = shownFindings(results);
  const ruleTextOf = (ruleId: string) => {
    const text = dim(visible(ruleId));
    ruleText.set(ruleId, text);
    return text;
  };

  for (const { result, findings, cuts } of shown.files) {
    if (findings.length === 0 && cuts.length === 0) continue;
    out.push(paint.underline(visible(result.filePath)));
    // Lines as the loader counts them: LF, CRLF and CR alone all end a line.
    const lines = result.source?.split(/\r\n|\r|\n/);
    // A loop, not Math.max(...array): 100,000 findings would overflow the call stack.
    let width = 0;
    for (const m of findings) width = Math.max(width, `${m.line}:${m.column}`.length);
    for (const message of findings) {
      const position = `${message.line}:${message.column}`.padEnd(width);
      out.push(
        `  ${dim(position)}  ${severityText[message.severity]}  ${visible(cut(message.message))}  ${ruleText.get(message.ruleId) ?? ruleTextOf(message.ruleId)}`,
      );
      if (lines) for (const line of codeFrame(lines, message, paint.red)) out.push(dim(line));
    }
    for (const ruleCut of cuts) out.push(`  ${paint.yellow(`… ${cutNote(ruleCut)}`)}`);
    out.push("");
  }

  // The counts are the run's, also of findings the report does not list.
  const counts = { error: 0, warning: 0, info: 0 };
  for (const result of results) for (const message of result.messages) counts[message.severity]++;
  const problems = counts.error + counts.warning + counts.info;
  if (shown.overflow > 0) out.push(paint.yellow(`… ${overflowNote(shown)}`), "");
  if (problems === 0) {
    const maps = results.length === 1 ? "1 map" : `${results.length} maps`;
    if (context.failure === undefined) out.push(paint.green(`✔ ${maps} checked, no problems`));
  } else {
    const info = counts.info ? `, ${counts.info} info` : "";
    const summary = `✖ ${problems} problem${problems === 1 ? "" : "s"} (${counts.error} error${counts.error === 1 ? "" : "s"}, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}${info})`;
    out.push((counts.error ? paint.red : counts.warning ? paint.yellow : paint.blue).bold(summary));
  }
  return `${out.join("\n")}\n`;
};

/** Characters of the source line shown either side of the finding: a 110 KB one-line map prints a
 * window, not the whole line per finding, so the report stays linear in the findings. */
const WINDOW = 80;

/** The offending line with a caret under the range (first line of a multi-line range), cut to a
 * window around the column with "…" where text is left out, control characters escaped. Only the
 * window's characters are read: a line of 100,000 spaces costs no more than a short one. */
function codeFrame(lines: string[], message: Diagnostic, caretColor: (text: string) => string): string[] {
  const text = lines[message.line - 1];
  if (text === undefined) return [];
  const gutter = String(message.line);
  const start = Math.min(Math.max(0, message.column - 1), text.length);
  const rawEnd =
    message.endLine === message.line
      ? Math.max(start + 1, message.endColumn - 1)
      : Math.max(start + 1, contentEnd(text, start, start + WINDOW));
  const end = Math.min(rawEnd, Math.max(text.length, start + 1));
  const from = Math.max(0, start - WINDOW / 2);
  const to = Math.min(text.length, Math.max(from + WINDOW, Math.min(end, start + WINDOW)));
  let shown = from > 0 ? "…" : "";
  let caret = " ".repeat(shown.length);
  const window = text.slice(from, to);
  if (!NEEDS_ESCAPE.test(window)) {
    // Most lines: every character shows as itself, one column each.
    shown += window;
    const underlined = Math.max(0, Math.min(end, to) - Math.max(start, from));
    caret += " ".repeat(Math.max(0, start - from)) + "^".repeat(underlined);
  } else {
    for (let i = from; i < to; i++) {
      const char = visibleChar(text[i]!);
      shown += char;
      caret += (i >= start && i < end ? "^" : " ").repeat(char.length);
    }
  }
  if (end > text.length || start >= text.length) caret += "^";
  if (to < text.length) shown += "…";
  return [
    `    ${gutter} | ${breakLogCommands(shown)}`,
    `    ${" ".repeat(gutter.length)} | ${caretColor(caret.trimEnd())}`,
  ];
}

/** Anything but printable ASCII: a tab (shown as a space), or a character visibleChar may escape
 * (visible.ts's CONTROL: every bidi and invisible character, U+061C and the tags among them). */
const NEEDS_ESCAPE = /[^\x20-\x7e]/;

const isSpace = (char: string) => char === " " || char === "\t";

/** Where a range over several lines stops being underlined on its first line: after the last character
 * of content from `start` on, before a comment (" #") and trailing blanks; looked for up to `limit` only. */
function contentEnd(text: string, start: number, limit: number): number {
  let end = start;
  const stop = Math.min(text.length, limit);
  for (let i = start; i < stop; i++) {
    const char = text[i]!;
    if (char === "#" && i > 0 && isSpace(text[i - 1]!)) return end;
    if (!isSpace(char)) end = i + 1;
  }
  // Content past the window is not looked for: the caret runs to the last content the window shows.
  return end;
}
