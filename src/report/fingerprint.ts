// What identifies a finding across runs (SARIF partialFingerprints, GitLab fingerprints): the rule,
// its subject and the file, never the line, so a finding keeps its identity when lines move.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostic.js";
import { MAX_MESSAGE } from "./shown.js";

/** One identity per finding, in order: a hash of rule id, subject (else the message) and file path.
 * Two findings with the same key (one rule reporting one subject twice) get an occurrence number,
 * so identities are always distinct within a file. Linear in findings: a subject or message over
 * MAX_MESSAGE characters counts by its length alone, never read (see textCutter in shown.ts). */
export function findingIdentities(findings: readonly Diagnostic[], filePath: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const what =
      finding.subject === undefined ? `message:${long(finding.message)}` : `subject:${long(finding.subject)}`;
    const key = [finding.ruleId, what, filePath].join("\0");
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 32);
    return occurrence === 0 ? hash : `${hash}:${occurrence + 1}`;
  });
}

function long(text: string): string {
  return text.length > MAX_MESSAGE ? `(${text.length} characters)` : text;
}
