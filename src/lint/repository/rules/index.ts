// Every repository rule by id: the rules that look across maps (links, map ids, shared definitions).
import type { RepositoryRule } from "../types.js";
import { duplicateMapId } from "./duplicate-map-id.js";
import { duplicateSharedDefinition } from "./duplicate-shared-definition.js";
import { linkCycle } from "./link-cycle.js";
import { teamOwnsNothing } from "./team-owns-nothing.js";
import { unknownMapLink } from "./unknown-map-link.js";
import { unusedSharedDefinition } from "./unused-shared-definition.js";
// Opportunities as tracked work (issue 24).
import { duplicateOpportunityId } from "./duplicate-opportunity-id.js";
import { unknownOpportunity } from "./unknown-opportunity.js";

const catalog = {
  "unknown-map-link": unknownMapLink,
  "duplicate-map-id": duplicateMapId,
  "link-cycle": linkCycle,
  "duplicate-shared-definition": duplicateSharedDefinition,
  "unused-shared-definition": unusedSharedDefinition,
  "team-owns-nothing": teamOwnsNothing,
  // Opportunities as tracked work (issue 24).
  "duplicate-opportunity-id": duplicateOpportunityId,
  "unknown-opportunity": unknownOpportunity,
} satisfies Record<string, RepositoryRule>;

export const repositoryRules: Record<string, RepositoryRule> = catalog;

export const repositoryRuleIds: readonly string[] = Object.keys(repositoryRules);
