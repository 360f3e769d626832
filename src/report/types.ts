// What every report format takes: the findings per file, and what it needs to know to print them.
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { FileResult, RuleDescriptor } from "../diagnostic.js";

export { countBySeverity, type FileResult, type RuleDescriptor, type SuppressedDiagnostic } from "../diagnostic.js";

export interface ReportContext {
  /** Use ANSI colours (stylish only). */
  color: boolean;
  /** Which command produced the findings, for reports that name it (junit, sarif). */
  command: "validate" | "lint" | "render" | "data" | "backlog";
  /** The rules that ran, for reports that describe them (sarif, junit). */
  rules: RuleDescriptor[];
  /** The working directory that file paths are relative to (with `root`, turns them into repo-relative paths). */
  cwd?: string;
  /** The repository root (the folder with .git), for repo-relative paths in sarif and github reports. */
  root?: string;
  /** journeymap's version, for reports that name the tool (sarif). */
  version?: string;
  /** Set when the run itself failed (usage, configuration or I/O error, exit 2): reports that can
   * say so (sarif's invocation) still produce a valid file with this message. */
  failure?: string;
}

export type Formatter = (results: FileResult[], context: ReportContext) => string;

/** A file's path relative to the repository root with "/" separators (as code scanning and workflow
 * annotations expect), or undefined when the file lies outside the root. Without a root or working
 * directory in the context, the shown path as it is. */
export function repoRelativePath(filePath: string, context: Pick<ReportContext, "cwd" | "root">): string | undefined {
  if (!context.root || !context.cwd) return filePath.split(sep).join("/");
  const path = relative(context.root, resolve(context.cwd, filePath));
  if (path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return path.split(sep).join("/");
}
