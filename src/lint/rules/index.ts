// Every lint rule by id: an explicit map, so the catalog order and the set of rules are plain to see.
import type { Rule } from "../types.js";
import { duplicateId } from "./duplicate-id.js";
import { emotionDip } from "./emotion-dip.js";
import { emptyStage } from "./empty-stage.js";
import { missingChannel } from "./missing-channel.js";
import { missingEmotion } from "./missing-emotion.js";
import { metricOffTarget } from "./metric-off-target.js";
import { metricWithoutSource } from "./metric-without-source.js";
import { missingPersona } from "./missing-persona.js";
import { missingStage } from "./missing-stage.js";
import { painWithoutOpportunity } from "./pain-without-opportunity.js";
import { personaStageGap } from "./persona-stage-gap.js";
import { shadowedDefinition } from "./shadowed-definition.js";
import { stageOrder } from "./stage-order.js";
import { staleMetric } from "./stale-metric.js";
import { touchpointOwner } from "./touchpoint-owner.js";
import { unknownMetric } from "./unknown-metric.js";
import { unknownOwner } from "./unknown-owner.js";
import { unknownPersona } from "./unknown-persona.js";
import { unusedDisable } from "./unused-disable.js";
import { unusedPersona } from "./unused-persona.js";
import { unusedTeam } from "./unused-team.js";
// Declared lanes and service blueprints (issue 22).
import { failPointUnowned } from "./fail-point-unowned.js";
import { idleSupport } from "./idle-support.js";
import { missingEvidence } from "./missing-evidence.js";
import { servedByDirection } from "./served-by-direction.js";
import { unknownLane } from "./unknown-lane.js";
import { unknownServedBy } from "./unknown-served-by.js";
import { unservedFrontstage } from "./unserved-frontstage.js";
import { unusedLane } from "./unused-lane.js";
// Owners, reviews and opportunities as tracked work (issue 24).
import { mapOwner } from "./map-owner.js";
import { missingReviewDate } from "./missing-review-date.js";
import { opportunityDone } from "./opportunity-done.js";
import { opportunityMetric } from "./opportunity-metric.js";
import { opportunityOverdue } from "./opportunity-overdue.js";
import { opportunityOwner } from "./opportunity-owner.js";
import { reviewOverdue } from "./review-overdue.js";

const catalog = {
  "missing-stage": missingStage,
  "stage-order": stageOrder,
  "empty-stage": emptyStage,
  "touchpoint-owner": touchpointOwner,
  "unknown-owner": unknownOwner,
  "unknown-persona": unknownPersona,
  "unused-persona": unusedPersona,
  "unused-team": unusedTeam,
  "persona-stage-gap": personaStageGap,
  "missing-emotion": missingEmotion,
  "missing-channel": missingChannel,
  "duplicate-id": duplicateId,
  "pain-without-opportunity": painWithoutOpportunity,
  "emotion-dip": emotionDip,
  "unknown-metric": unknownMetric,
  "metric-off-target": metricOffTarget,
  "stale-metric": staleMetric,
  "metric-without-source": metricWithoutSource,
  "missing-persona": missingPersona,
  "shadowed-definition": shadowedDefinition,
  // Declared lanes and service blueprints (issue 22).
  "unknown-lane": unknownLane,
  "unused-lane": unusedLane,
  "unknown-served-by": unknownServedBy,
  "served-by-direction": servedByDirection,
  "unserved-frontstage": unservedFrontstage,
  "fail-point-unowned": failPointUnowned,
  "missing-evidence": missingEvidence,
  "idle-support": idleSupport,
  // Owners, reviews and opportunities as tracked work (issue 24).
  "map-owner": mapOwner,
  "review-overdue": reviewOverdue,
  "missing-review-date": missingReviewDate,
  "opportunity-owner": opportunityOwner,
  "opportunity-done": opportunityDone,
  "opportunity-overdue": opportunityOverdue,
  "opportunity-metric": opportunityMetric,
  "unused-disable": unusedDisable,
} satisfies Record<string, Rule>;

/** A rule id that exists: registries keyed by rule (such as src/lint/fix/fixers.ts) use it so a typo fails to compile. */
export type RuleId = keyof typeof catalog;

export const rules: Record<string, Rule> = catalog;

export const ruleIds: readonly string[] = Object.keys(rules);
