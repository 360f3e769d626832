// The fix module's public face: fixMap (what `lint --fix` writes), formatFixDiff (what
// `lint --fix-dry-run` prints) and the catalog of what can be fixed.
export { fixMap, type FixOptions, type FixResult } from "./fix-map.js";
export { formatFixDiff } from "./diff.js";
export { FIX_STEPS, fixableRules, fixers, type FixId, type FixableRuleId } from "./fixers.js";
export { TOUCHPOINT_ID, idFromName } from "./touchpoint-ids.js";
export type { AppliedFix } from "./types.js";
