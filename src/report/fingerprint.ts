// What identifies a finding across runs (SARIF partialFingerprints, GitLab fingerprints): the rule,
// its subject and the file, never the line, so a finding keeps its identity when lines move.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostic.js";
import { shortMessage } from "./shown.js";

/** One identity per finding, in order: a hash of rule id, subject (else the message) and file path.
 * Two findings with the same key (one rule reporting one subject twice) get an occurrence number,
 * so identities are always distinct within a file. Linear in findings; a message over MAX_MESSAGE counts
 * as reports write it (shortMessage), so a huge one costs no more to hash than a short one. */
export function findingIdentities(findings: readonly Diagnostic[], filePath: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const what =
      finding.subject === undefined ? `message:${shortMessage(finding.message)}` : `subject:${finding.subject}`;
    const key = [finding.ruleId, what, filePath].join("\0");
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 32);
    return occurrence === 0 ? hash : `${hash}:${occurrence + 1}`;
  });
}
