// The json report: one entry per file, ESLint's shape, for scripts and other tools.
import { countBySeverity, type Formatter } from "./types.js";
import { inertJson } from "./visible.js";

export const json: Formatter = (results) => {
  const files = results.map(({ filePath, messages }) => {
    const counts = countBySeverity(messages);
    return {
      filePath,
      errorCount: counts.error,
      warningCount: counts.warning,
      messages: messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, subject }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
        // What the finding is about, stable when lines move: scripts can match findings across runs.
        ...(subject === undefined ? {} : { subject }),
      })),
    };
  });
  return `${inertJson(JSON.stringify(files))}\n`;
};
