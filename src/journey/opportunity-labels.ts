// How an opportunity tracked as work is labelled wherever a map is shown: its status in words and its
// owner, the same on the picture and the page ("in progress · app"), never colour alone.
import type { Opportunity, OpportunityStatus } from "./model.js";

const OPPORTUNITY_STATUS_WORDS: Record<OpportunityStatus, string> = {
  idea: "idea",
  planned: "planned",
  "in-progress": "in progress",
  done: "done",
  dropped: "dropped",
};

/** The status and owner of an opportunity written as tracked work (with its title); undefined for text,
 * and for an id alone (its status and owner are written where its title is). */
export function trackedLabel(
  opportunity: Opportunity,
): { status: OpportunityStatus; words: string; owner?: string } | undefined {
  if (typeof opportunity === "string" || opportunity.title === undefined) return undefined;
  const status = opportunity.status ?? "idea";
  return {
    status,
    words: OPPORTUNITY_STATUS_WORDS[status],
    ...(opportunity.owner !== undefined ? { owner: opportunity.owner } : {}),
  };
}
