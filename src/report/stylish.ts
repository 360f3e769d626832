// The stylish report, as ESLint prints it: findings grouped by file, a code frame under each, a summary.
import type { Diagnostic } from "../diagnostic.js";
import { countBySeverity, type Formatter } from "./types.js";
import { breakLogCommands, visible, visibleChar } from "./visible.js";
import { painter } from "./paint.js";

export const stylish: Formatter = (results, context) => {
  const paint = painter(context.color);
  const severityColor = { error: paint.red, warning: paint.yellow, info: paint.blue };
  const out: string[] = [];
  const all = results.flatMap((result) => result.messages);

  for (const result of results) {
    if (result.messages.length === 0) continue;
    out.push(paint.underline(visible(result.filePath)));
    // Lines as the loader counts them: LF, CRLF and CR alone all end a line.
    const lines = result.source?.split(/\r\n|\r|\n/);
    // A loop, not Math.max(...array): 100,000 findings would overflow the call stack.
    let width = 0;
    for (const m of result.messages) width = Math.max(width, `${m.line}:${m.column}`.length);
    for (const message of result.messages) {
      const position = `${message.line}:${message.column}`.padEnd(width);
      out.push(
        `  ${paint.dim(position)}  ${severityColor[message.severity](message.severity.padEnd(7))}  ${visible(message.message)}  ${paint.dim(visible(message.ruleId))}`,
      );
      if (lines) for (const line of codeFrame(lines, message, paint.red)) out.push(paint.dim(line));
    }
    out.push("");
  }

  const counts = countBySeverity(all);
  const problems = all.length;
  if (problems === 0) {
    const maps = results.length === 1 ? "1 map" : `${results.length} maps`;
    out.push(paint.green(`✔ ${maps} checked, no problems`));
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
 * window around the column with "…" where text is left out, control characters escaped. */
function codeFrame(lines: string[], message: Diagnostic, caretColor: (text: string) => string): string[] {
  const text = lines[message.line - 1];
  if (text === undefined) return [];
  const gutter = String(message.line);
  const start = Math.min(Math.max(0, message.column - 1), text.length);
  // A range over several lines is underlined to the end of its first line's content (not its comment).
  const firstLineEnd = text.replace(/\s+#.*$/, "").trimEnd().length;
  const rawEnd =
    message.endLine === message.line ? Math.max(start + 1, message.endColumn - 1) : Math.max(start + 1, firstLineEnd);
  const end = Math.min(rawEnd, Math.max(text.length, start + 1));
  const from = Math.max(0, start - WINDOW / 2);
  const to = Math.min(text.length, Math.max(from + WINDOW, Math.min(end, start + WINDOW)));
  let shown = from > 0 ? "…" : "";
  let caret = " ".repeat(shown.length);
  for (let i = from; i < to; i++) {
    const char = visibleChar(text[i]!);
    shown += char;
    caret += (i >= start && i < end ? "^" : " ").repeat(char.length);
  }
  if (end > text.length || start >= text.length) caret += "^";
  if (to < text.length) shown += "…";
  return [
    `    ${gutter} | ${breakLogCommands(shown)}`,
    `    ${" ".repeat(gutter.length)} | ${caretColor(caret.trimEnd())}`,
  ];
}
