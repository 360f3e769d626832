// The repository pass of lint: every repository rule over the facts of a run's maps and shared files,
// after the per-map pass. Takes facts, not maps, so it costs memory per map in bytes, not models.
import { resolve } from "node:path";
import { compareDiagnostics, type Diagnostic, type Range } from "../../diagnostic.js";
import { isInside } from "../../io/repository.js";
import type { RepositoryFacts } from "../../workspace/facts.js";
import { buildGraph } from "../../workspace/graph.js";
import type { RuleSeverity } from "../types.js";
import { repositoryRules } from "./rules/index.js";
import type { RepositoryContext, SharedFileFacts } from "./types.js";

export interface RepositoryInput {
  maps: readonly RepositoryFacts[];
  shared: readonly SharedFileFacts[];
  /** The folders the run linted whole (absolute); none: map files named one by one. */
  folders: readonly string[];
  /** A rule's severity for a file (as shown): from the configuration of the file's folder. */
  severity(ruleId: string, file: string): RuleSeverity;
}

const START_OF_FILE: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The findings of every enabled repository rule, in file order then source order. */
export function lintRepository(input: RepositoryInput): Diagnostic[] {
  const graph = buildGraph(input.maps);
  const folders = input.folders.map((folder) => resolve(folder));
  const findings: Diagnostic[] = [];
  for (const [id, rule] of Object.entries(repositoryRules)) {
    const context: RepositoryContext = {
      maps: input.maps,
      shared: input.shared,
      graph,
      portfolio: folders.length > 0,
      covers: (folder) => folders.some((root) => isInside(resolve(folder), root)),
      report(file, message, range, subject) {
        const severity = input.severity(id, file);
        if (severity === "off") return;
        findings.push({ file, ruleId: id, severity, message, ...(range ?? START_OF_FILE), subject });
      },
    };
    rule.check(context);
  }
  return findings.sort((a, b) => (a.file === b.file ? compareDiagnostics(a, b) : a.file < b.file ? -1 : 1));
}
