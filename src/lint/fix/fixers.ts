// The fix catalog: rule id → fixer (only real rule ids compile as keys), plus the touchpoint-id fix
// that --fix always applies; FIX_STEPS is the order fixMap runs them in.
import type { RuleId } from "../rules/index.js";
import { unknownOwnerFixes, unknownPersonaFixes } from "./references.js";
import { TOUCHPOINT_ID, touchpointIds } from "./touchpoint-ids.js";
import type { Fixer } from "./types.js";
import { unusedDisableFixes } from "./unused-disable.js";

export const fixers = {
  "unknown-owner": unknownOwnerFixes,
  "unknown-persona": unknownPersonaFixes,
  "unused-disable": unusedDisableFixes,
} satisfies Partial<Record<RuleId, Fixer>>;

export type FixableRuleId = keyof typeof fixers;

/** What a fix is named by: a fixable rule, or the touchpoint ids. */
export type FixId = FixableRuleId | typeof TOUCHPOINT_ID;

/** The rules whose findings --fix resolves (when the fix is certain), for docs and `journeymap rules`. */
export const fixableRules = Object.keys(fixers) as FixableRuleId[];

export interface FixStep {
  id: FixId;
  fixer: Fixer;
  /** Runs only when this rule is not "off": fixing follows the configuration. Absent: always runs. */
  rule?: FixableRuleId;
  /** A step whose result may not raise the count of any other rule's findings (it moves nothing
   * the rules look at). Reference corrections may: a persona now involved can show a real gap. */
  strict: boolean;
}

/** unused-disable runs last: the corrections before it can leave a comment with nothing to suppress. */
export const FIX_STEPS: readonly FixStep[] = [
  { id: TOUCHPOINT_ID, fixer: touchpointIds, strict: true },
  { id: "unknown-owner", fixer: fixers["unknown-owner"], rule: "unknown-owner", strict: false },
  { id: "unknown-persona", fixer: fixers["unknown-persona"], rule: "unknown-persona", strict: false },
  { id: "unused-disable", fixer: fixers["unused-disable"], rule: "unused-disable", strict: true },
];
