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
  /** What the finding is about, as a key that survives edits elsewhere in the file (see
   * journey/queries.ts: `stage:decision`, `touchpoint:decision/picks-slot`, `persona:parent`).
   * SARIF fingerprints and `diff` match findings by rule and subject, never by line. */
  subject?: string;
}

/** What a report knows of a check or rule (lint fills this in from its catalog). */
export interface RuleDescriptor {
  id: string;
  /** A name beside the id, for reports that show one (SARIF's name); without it, the id in PascalCase. */
  name?: string;
  description: string;
  defaultSeverity: Severity | "off";
  docsUrl?: string;
  /** Why the rule matters (SARIF's full description). */
  rationale?: string;
}

/** Sorts diagnostics by position, then rule id, so every report lists them in the same order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** The findings of one map, as a run gives them to the reports. */
export interface FileResult {
  /** The file's name as shown (relative to the working directory, with "/"). */
  filePath: string;
  /** The file's text, for code frames; absent when it could not be read as text. */
  source?: string;
  messages: Diagnostic[];
  /** The ids of the checks run on this file (junit's test cases); absent: every rule in the context. */
  checks?: string[];
  /** Findings that an in-file journeymap-disable comment silenced (SARIF reports them as suppressed). */
  suppressed?: SuppressedDiagnostic[];
}

/** A finding silenced in the map itself, with the comment's reason (`-- reason`) when it gives one. */
export interface SuppressedDiagnostic extends Diagnostic {
  justification?: string;
}

export function countBySeverity(messages: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const message of messages) counts[message.severity]++;
  return counts;
}
