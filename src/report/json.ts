// The json report: one entry per file, ESLint's shape, for scripts and other tools.
import { textCutter, shownFindings } from "./shown.js";
import { countBySeverity, type Formatter } from "./types.js";
import { inertJson } from "../text/visible.js";

export const json: Formatter = (results, context) => {
  const cut = textCutter();
  const shown = shownFindings(results);
  const files = shown.files.map(({ result, findings, cuts }) => {
    // The map's real counts, also when the list is cut (see shown.ts); leftOut says how many are not listed.
    const counts = countBySeverity(result.messages);
    const leftOut = result.messages.length - findings.length;
    return {
      filePath: result.filePath,
      errorCount: counts.error,
      warningCount: counts.warning,
      messages: findings.map(({ ruleId, severity, message, line, column, endLine, endColumn, subject }) => ({
        ruleId,
        severity,
        message: cut(message),
        line,
        column,
        endLine,
        endColumn,
        // What the finding is about, stable when lines move: scripts can match findings across runs.
        ...(subject === undefined ? {} : { subject: cut(subject) }),
      })),
      // Not listed: cut at the limit per rule (leftOutByRule), or because the report was full.
      ...(leftOut === 0 ? {} : { leftOut }),
      ...(cuts.length === 0 ? {} : { leftOutByRule: Object.fromEntries(cuts.map((cut) => [cut.ruleId, cut.count])) }),
    };
  });
  // A run that could not finish (exit 2): ESLint's shape for a fatal error, about the run rather than a map.
  const failure =
    context.failure === undefined
      ? []
      : [
          {
            filePath: ".",
            errorCount: 1,
            warningCount: 0,
            messages: [{ ruleId: null, fatal: true, severity: "error", message: cut(context.failure) }],
          },
        ];
  return `${inertJson(JSON.stringify([...failure, ...files]))}\n`;
};
