// The one finding type that every stage of the pipeline reports: YAML syntax, schema, lint rules.

export type Severity = "error" | "warning" | "info";

/** A 1-based source range; the end is exclusive (the column after the last character), as in SARIF. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic extends Range {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
}

/** Sorts diagnostics by position, then rule id, so every report lists them in the same order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
