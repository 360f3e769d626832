// What every report format takes: the findings per file, and what it needs to know to print them.
import type { Diagnostic, Severity } from "../diagnostic.js";

export interface FileResult {
  /** The file's name as shown (relative to the working directory, with "/"). */
  filePath: string;
  /** The file's text, for code frames; absent when it could not be read as text. */
  source?: string;
  messages: Diagnostic[];
}

/** What a report knows of a rule (lint fills this in; validate's findings have none). */
export interface RuleDescriptor {
  id: string;
  description: string;
  defaultSeverity: Severity | "off";
  docsUrl?: string;
}

export interface ReportContext {
  /** Use ANSI colours (stylish only). */
  color: boolean;
  /** Which command produced the findings, for reports that name it (junit, sarif). */
  command: "validate" | "lint" | "render";
  /** The rules that ran, for reports that describe them (sarif, junit). */
  rules: RuleDescriptor[];
}

export type Formatter = (results: FileResult[], context: ReportContext) => string;

export function countBySeverity(messages: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const message of messages) counts[message.severity]++;
  return counts;
}
