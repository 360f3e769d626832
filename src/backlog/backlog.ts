// The ranked backlog: the repository's opportunities with a priority, filtered by status and grouped by
// owner or status, as every backlog format (src/backlog/formats.ts) and the docs site read it.
import { JourneymapError } from "../errors.js";
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from "../journey/model.js";
import type { Collected } from "./collect.js";
import { rankOpportunities, type PrioritySettings, type RankedOpportunity } from "./priority.js";

export const GROUPINGS = ["none", "owner", "status"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** The statuses shown unless --status says otherwise: the work still to do. */
export const OPEN_STATUSES: readonly OpportunityStatus[] = ["idea", "planned", "in-progress"];

export interface BacklogGroup {
  /** The owner or status; undefined for opportunities without an owner. */
  name?: string;
  opportunities: RankedOpportunity[];
}

export interface Backlog {
  settings: PrioritySettings;
  statuses: readonly OpportunityStatus[];
  groupBy: Grouping;
  /** The opportunities shown, ranked (rank 1 first). */
  opportunities: RankedOpportunity[];
  /** One group of everything for `none`; owners by name (no owner last), or statuses in their order. */
  groups: BacklogGroup[];
  /** Maps read. */
  maps: number;
  /** Tracked opportunities of those maps, shown or not. */
  total: number;
  /** Opportunities written as text (not tracked, not ranked). */
  untracked: number;
  duplicates: Collected["duplicates"];
  unknown: Collected["unknown"];
}

export interface BacklogOptions {
  settings: PrioritySettings;
  statuses?: readonly OpportunityStatus[];
  groupBy?: Grouping;
}

export function buildBacklog(collected: Collected, maps: number, options: BacklogOptions): Backlog {
  const statuses = options.statuses ?? OPEN_STATUSES;
  const groupBy = options.groupBy ?? "none";
  const wanted = new Set(statuses);
  const shown = rankOpportunities(
    collected.opportunities.filter((opportunity) => wanted.has(opportunity.status)),
    options.settings,
  );
  return {
    settings: options.settings,
    statuses,
    groupBy,
    opportunities: shown,
    groups: groupsOf(shown, groupBy),
    maps,
    total: collected.opportunities.length,
    untracked: collected.untracked,
    duplicates: collected.duplicates,
    unknown: collected.unknown,
  };
}

function groupsOf(ranked: RankedOpportunity[], groupBy: Grouping): BacklogGroup[] {
  if (groupBy === "none") return [{ opportunities: ranked }];
  if (groupBy === "status")
    return OPPORTUNITY_STATUSES.map((status) => ({
      name: status,
      opportunities: ranked.filter((opportunity) => opportunity.status === status),
    })).filter((group) => group.opportunities.length > 0);
  // Owner names are map text: kept in a Map, sorted by code point so the order is the same everywhere.
  const byOwner = new Map<string | undefined, RankedOpportunity[]>();
  for (const opportunity of ranked) {
    const list = byOwner.get(opportunity.owner);
    if (list) list.push(opportunity);
    else byOwner.set(opportunity.owner, [opportunity]);
  }
  const owners = [...byOwner.keys()].filter((owner): owner is string => owner !== undefined).sort(byCodePoint);
  const groups: BacklogGroup[] = owners.map((name) => ({ name, opportunities: byOwner.get(name)! }));
  const none = byOwner.get(undefined);
  if (none) groups.push({ opportunities: none });
  return groups;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** --status: a comma-separated list of statuses, "open" (idea, planned, in-progress) or "all". */
export function parseStatuses(option: string): OpportunityStatus[] {
  const statuses = new Set<OpportunityStatus>();
  for (const word of option.split(",").map((part) => part.trim())) {
    if (word === "all") OPPORTUNITY_STATUSES.forEach((status) => statuses.add(status));
    else if (word === "open") OPEN_STATUSES.forEach((status) => statuses.add(status));
    else if ((OPPORTUNITY_STATUSES as readonly string[]).includes(word)) statuses.add(word as OpportunityStatus);
    else
      throw new JourneymapError(
        `unknown status "${word}" in --status: use ${OPPORTUNITY_STATUSES.join(", ")}, open or all, separated by commas`,
      );
  }
  return OPPORTUNITY_STATUSES.filter((status) => statuses.has(status));
}

export function parseGrouping(option: string): Grouping {
  if ((GROUPINGS as readonly string[]).includes(option)) return option as Grouping;
  throw new JourneymapError(`unknown grouping "${option}" in --group-by: use ${GROUPINGS.join(", ")}`);
}
