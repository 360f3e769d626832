// The gitlab report: GitLab Code Quality (a subset of Code Climate's JSON), shown on merge requests.
import { createHash } from "node:crypto";
import type { Severity } from "../diagnostic.js";
import { findingIdentities } from "./fingerprint.js";
import { cutNote, overflowNote, textCutter, shownFindings } from "./shown.js";
import { repoRelativePath, type Formatter } from "./types.js";
import { inertJson } from "../text/visible.js";

/** Code Quality's scale is info, minor, major, critical, blocker: an error blocks nothing by itself. */
const SEVERITY: Record<Severity, "info" | "minor" | "major"> = { error: "major", warning: "minor", info: "info" };

/** The check name of an issue that is about the run, not a map: it could not run, or left findings out. */
const RUN = "journeymap";

export const gitlab: Formatter = (results, context) => {
  const cut = textCutter();
  const issues: object[] = [];
  const note = (description: string, path: string, checkName = RUN, severity = "info") =>
    issues.push({
      description,
      check_name: checkName,
      fingerprint: createHash("sha256").update([checkName, description, path].join("\0")).digest("hex").slice(0, 32),
      severity,
      location: { path, lines: { begin: 1 } },
    });
  // A run that could not finish (exit 2) still writes its report, with the reason as a blocking issue.
  if (context.failure !== undefined) note(`journeymap could not run: ${cut(context.failure)}`, ".", RUN, "blocker");
  const shown = shownFindings(results);
  let firstOverflow: string | undefined;
  for (const { result, findings, cuts, overflow } of shown.files) {
    const path = repoRelativePath(result.filePath, context) ?? result.filePath;
    // The same identity as SARIF's fingerprint (kept findings come first there too), so the two agree.
    const identities = findingIdentities(findings, path);
    findings.forEach((message, i) => {
      issues.push({
        description: cut(message.message),
        check_name: message.ruleId,
        fingerprint: identities[i]!,
        severity: SEVERITY[message.severity],
        location: { path, lines: { begin: message.line } },
      });
    });
    for (const ruleCut of cuts) note(cutNote(ruleCut), path, ruleCut.ruleId);
    if (overflow > 0) firstOverflow ??= path;
  }
  if (firstOverflow !== undefined) note(overflowNote(shown), firstOverflow);
  return `${inertJson(JSON.stringify(issues, null, 2))}\n`;
};
