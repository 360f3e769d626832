// The gitlab report: GitLab Code Quality (a subset of Code Climate's JSON), shown on merge requests.
import type { Severity } from "../diagnostic.js";
import { findingIdentities } from "./fingerprint.js";
import { repoRelativePath, type Formatter } from "./types.js";
import { inertJson } from "./visible.js";

/** Code Quality's scale is info, minor, major, critical, blocker: an error blocks nothing by itself. */
const SEVERITY: Record<Severity, "info" | "minor" | "major"> = { error: "major", warning: "minor", info: "info" };

export const gitlab: Formatter = (results, context) => {
  const issues: object[] = [];
  for (const result of results) {
    const path = repoRelativePath(result.filePath, context) ?? result.filePath;
    // The same identity as SARIF's fingerprint, over kept and silenced findings alike, so the two agree.
    const identities = findingIdentities([...result.messages, ...(result.suppressed ?? [])], path);
    result.messages.forEach((message, i) => {
      issues.push({
        description: message.message,
        check_name: message.ruleId,
        fingerprint: identities[i]!,
        severity: SEVERITY[message.severity],
        location: { path, lines: { begin: message.line } },
      });
    });
  }
  return `${inertJson(JSON.stringify(issues, null, 2))}\n`;
};
