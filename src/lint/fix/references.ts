// unknown-owner and unknown-persona fixes: a reference that is one edit (a typo) away from exactly
// one declared id, and from no other, is corrected in place; anything less certain is left alone.
import { isMap, isSeq, type Scalar } from "yaml";
import type { Diagnostic } from "../../diagnostic.js";
import { OneEditIndex } from "./one-edit.js";
import { plainOrQuoted } from "./touchpoint-ids.js";
import { flowScalar, pairOf, touchpointNodes } from "./touchpoint-nodes.js";
import type { FixContext, ProposedFix } from "./types.js";

type Written = Scalar & { range: [number, number, number] };

/** The scalar rewritten to `id`, in the quoting style it was written in. */
function rewrite(scalar: Written, id: string): string {
  if (scalar.type === "QUOTE_SINGLE") return `'${id}'`;
  if (scalar.type === "QUOTE_DOUBLE") return JSON.stringify(id);
  return plainOrQuoted(id);
}

/** Positions ("line:column") where the rule reported a finding that no comment suppressed. */
function reportedAt(findings: readonly Diagnostic[], ruleId: string): Set<string> {
  return new Set(findings.filter((finding) => finding.ruleId === ruleId).map((f) => `${f.line}:${f.column}`));
}

function correction(
  context: FixContext,
  scalar: Written | undefined,
  index: OneEditIndex,
  reported: Set<string>,
  describe: (from: string, to: string) => string,
  taken: (to: string) => boolean = () => false,
): (ProposedFix & { to: string }) | undefined {
  if (!scalar || typeof scalar.value !== "string") return undefined;
  const { line, column } = context.lines.position(scalar.range[0]);
  if (!reported.has(`${line}:${column}`)) return undefined;
  const to = index.unique(scalar.value);
  if (to === undefined || taken(to)) return undefined;
  return {
    edit: { start: scalar.range[0], end: scalar.range[1], replacement: rewrite(scalar, to) },
    message: describe(scalar.value, to),
    to,
  };
}

export function unknownOwnerFixes(context: FixContext): ProposedFix[] {
  const { teams } = context.loaded.journey;
  if (!teams) return [];
  const reported = reportedAt(context.findings, "unknown-owner");
  if (reported.size === 0) return [];
  const index = new OneEditIndex(teams.map((team) => team.id));
  const fixes: ProposedFix[] = [];
  for (const { node } of touchpointNodes(context.document)) {
    const fix = correction(
      context,
      flowScalar(pairOf(node, "owner")?.value),
      index,
      reported,
      (from, to) => `owner "${from}" → "${to}", the declared team one edit away`,
    );
    if (fix) fixes.push({ edit: fix.edit, message: fix.message });
  }
  return fixes;
}

export function unknownPersonaFixes(context: FixContext): ProposedFix[] {
  const reported = reportedAt(context.findings, "unknown-persona");
  if (reported.size === 0) return [];
  // Indexed only when there is something to fix: every pass asks, and 12,000 personas take a while.
  const index = new OneEditIndex(context.loaded.journey.personas.map((persona) => persona.id));
  const fixes: ProposedFix[] = [];
  const describe = (from: string, to: string) => `persona "${from}" → "${to}", the declared persona one edit away`;
  for (const { node } of touchpointNodes(context.document)) {
    const personas = pairOf(node, "personas")?.value;
    if (isSeq(personas)) {
      // A list that already names the corrected persona would name it twice.
      const named = new Set(personas.items.map((item) => flowScalar(item)?.value));
      for (const item of personas.items) {
        const fix = correction(context, flowScalar(item), index, reported, describe, (to) => named.has(to));
        if (fix) fixes.push({ edit: fix.edit, message: fix.message });
        if (fix) named.add(fix.to);
      }
    }
    const emotion = pairOf(node, "emotion")?.value;
    if (isMap(emotion)) {
      // A mapping that already scores the corrected persona would get the key twice: not certain.
      const keys = new Set(emotion.items.map((pair) => flowScalar(pair.key)?.value));
      for (const pair of emotion.items) {
        const fix = correction(context, flowScalar(pair.key), index, reported, describe, (to) => keys.has(to));
        if (fix) fixes.push({ edit: fix.edit, message: fix.message });
        if (fix) keys.add(fix.to);
      }
    }
  }
  return fixes;
}
