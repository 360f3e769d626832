// The report catalog: every output format of validate and lint by name, with the one line that the
// help text, the README and `--format` errors show. Adding a format is one entry plus its formatter.
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export interface ReportFormat {
  /** One line for --help and the README: who reads this format. */
  description: string;
  formatter: Formatter;
}

export const reportFormats = {
  stylish: { description: "for people at a terminal: findings by file with a code frame", formatter: stylish },
  json: { description: "for scripts: ESLint's shape, one entry per file", formatter: json },
  sarif: { description: "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers", formatter: sarif },
  github: { description: "GitHub Actions workflow annotations on the pull request", formatter: github },
  junit: { description: "JUnit XML, for CI test-report views (Jenkins, GitLab, Azure)", formatter: junit },
  gitlab: { description: "GitLab Code Quality JSON, for merge request widgets", formatter: gitlab },
} as const satisfies Record<string, ReportFormat>;

export type ReportFormatName = keyof typeof reportFormats;

export const reportFormatNames = Object.keys(reportFormats) as ReportFormatName[];

/** The catalog entry for a name typed by a user, or undefined (never an inherited property). */
export function reportFormatOf(name: string): ReportFormat | undefined {
  return Object.prototype.hasOwnProperty.call(reportFormats, name)
    ? reportFormats[name as ReportFormatName]
    : undefined;
}

/** The formatters by name (the public API's view of the catalog). */
export const formatters = Object.fromEntries(
  reportFormatNames.map((name) => [name, reportFormats[name].formatter]),
) as Record<ReportFormatName, Formatter>;

export type { FileResult, Formatter, ReportContext, RuleDescriptor, SuppressedDiagnostic } from "./types.js";
