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
  "unused-disable": unusedDisable,
} satisfies Record<string, Rule>;

/** A rule id that exists: registries keyed by rule (such as src/lint/fix/fixers.ts) use it so a typo fails to compile. */
export type RuleId = keyof typeof catalog;

export const rules: Record<string, Rule> = catalog;

export const ruleIds: readonly string[] = Object.keys(rules);
