// The repository's opportunities as the issue-tracker sync reads them: a typed list, independent of how
// the maps write them, so the sync engine can be wired to the format when it lands.

import type { OpportunityStatus } from "../journey/model.js";

/** Where an opportunity stands: idea, planned and in-progress keep its issue open; done and dropped close it. */
export { OPPORTUNITY_STATUSES, type OpportunityStatus } from "../journey/model.js";

/** The map an opportunity comes from: its title, its file (relative to the repository) and its page on the docs site. */
export interface OpportunityMap {
  title: string;
  path: string;
  /** The map's page (an http or https URL), linked from the issue. */
  page?: string;
}

/** One opportunity of the repository; its id is unique across the repository. */
export interface Opportunity {
  id: string;
  title: string;
  status: OpportunityStatus;
  /** The team that owns it. */
  owner?: string;
  /** The URL of the issue or ticket that carries it: an opportunity with one gets no new issue. */
  issue?: string;
  map: OpportunityMap;
  /** The pain points it addresses, as the map words them. */
  painPoints: string[];
  value?: number;
  effort?: number;
  confidence?: number;
  /** A date, as the map writes it (YYYY-MM-DD). */
  due?: string;
}

/** A status that an issue's state brought back into the maps by `pull`. */
export interface StatusChange {
  id: string;
  from: OpportunityStatus;
  to: OpportunityStatus;
  /** The issue whose state it comes from. */
  issue: string;
}
