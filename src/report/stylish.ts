// The stylish report, as ESLint prints it: findings grouped by file, a code frame under each, a summary.
import { Chalk } from "chalk";
import type { Diagnostic } from "../diagnostic.js";
import { countBySeverity, type FileResult, type Formatter } from "./types.js";

export const stylish: Formatter = (results, context) => {
  const paint = new Chalk({ level: context.color ? 1 : 0 });
  const severityColor = { error: paint.red, warning: paint.yellow, info: paint.blue };
  const out: string[] = [];
  const all = results.flatMap((result) => result.messages);

  for (const result of results) {
    if (result.messages.length === 0) continue;
    out.push(paint.underline(result.filePath));
    const lines = result.source?.split(/\r?\n/);
    const width = Math.max(...result.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const message of result.messages) {
      const position = `${message.line}:${message.column}`.padEnd(width);
      out.push(
        `  ${paint.dim(position)}  ${severityColor[message.severity](message.severity.padEnd(7))}  ${message.message}  ${paint.dim(message.ruleId)}`,
      );
      if (lines) out.push(...codeFrame(lines, message, paint.red).map((line) => paint.dim(line)));
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

/** The offending line with a caret under the range (first line of a multi-line range). */
function codeFrame(lines: string[], message: Diagnostic, caretColor: (text: string) => string): string[] {
  const text = lines[message.line - 1];
  if (text === undefined) return [];
  const gutter = String(message.line);
  const shown = text.replace(/\t/g, " ");
  const start = Math.max(0, message.column - 1);
  // A range over several lines is underlined to the end of its first line's content (not its comment).
  const firstLineEnd = shown.replace(/\s+#.*$/, "").trimEnd().length;
  const end =
    message.endLine === message.line ? Math.max(start + 1, message.endColumn - 1) : Math.max(start + 1, firstLineEnd);
  const caret = " ".repeat(start) + "^".repeat(Math.min(end, Math.max(shown.length, start + 1)) - start);
  return [`    ${gutter} | ${shown}`, `    ${" ".repeat(gutter.length)} | ${caretColor(caret)}`];
}
