// The github report: workflow commands that GitHub Actions shows as annotations on the pull request.
import type { Severity } from "../diagnostic.js";
import { cutNote, overflowNote, textCutter, shownFindings } from "./shown.js";
import { repoRelativePath, type Formatter } from "./types.js";
import { escapeControl, INVISIBLE } from "../text/visible.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/** Message text: %, CR and LF would end or corrupt the command; other control characters are shown
 * escaped (an ESC sequence would colour or rewrite the log); "##[" is broken with a zero-width space,
 * as the runner reads it as a command anywhere in a line. */
export function escapeData(text: string): string {
  return text
    .replace(/%/g, "%25")
    .replace(CONTROL_OR_BREAK, (char) =>
      char === "\r" ? "%0D" : char === "\n" ? "%0A" : char === "\t" ? "\\t" : escapeControl(char),
    )
    .replace(/##\[/g, "#\u200b#[");
}

// Every invisible and bidi character the terminal reports escape (visible.ts), U+061C among them.
const CONTROL_OR_BREAK = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f]|${INVISIBLE}`, "gu");

/** Property values: also ":" and ",", which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const github: Formatter = (results, context) => {
  const cut = textCutter();
  const lines: string[] = [];
  const title = (ruleId: string) => `title=${escapeProperty(`journeymap (${ruleId})`)}`;
  if (context.failure !== undefined)
    lines.push(`::error title=journeymap::${escapeData(`journeymap could not run: ${cut(context.failure)}`)}`);
  const shown = shownFindings(results);
  for (const { result, findings, cuts } of shown.files) {
    const file = `file=${escapeProperty(repoRelativePath(result.filePath, context) ?? result.filePath)}`;
    for (const message of findings) {
      const properties = [
        file,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        title(message.ruleId),
      ];
      lines.push(`::${COMMAND[message.severity]} ${properties.join(",")}::${escapeData(cut(message.message))}`);
    }
    for (const ruleCut of cuts)
      lines.push(`::warning ${file},${title(ruleCut.ruleId)}::${escapeData(cutNote(ruleCut))}`);
  }
  if (shown.overflow > 0) lines.push(`::warning title=journeymap::${escapeData(overflowNote(shown))}`);
  return lines.length ? `${lines.join("\n")}\n` : "";
};
