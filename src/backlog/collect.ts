// The repository's opportunities tracked as work, read from its maps: each id once, from the touchpoint
// that writes it with a title, with the pain points it addresses wherever it is named. The backlog
// ranks them and the issue-tracker sync carries them. Linear in the maps' size.
import { entryText, touchpointsOf, type Journey, type OpportunityObject } from "../journey/model.js";
import { touchpointKey } from "../journey/queries.js";
import type { Opportunity, OpportunityMap } from "./types.js";

/** One map as the collector reads it: the map, its file relative to the repository, its page's URL. */
export interface CollectedMap {
  journey: Journey;
  path: string;
  page?: string;
}

/** Where an opportunity object is written: a map file, a stage id and a touchpoint's key. */
export interface OpportunityPlace {
  map: string;
  stage: string;
  touchpoint: string;
  /** Whether it is written with its title here (the definition) or named by id alone. */
  defines: boolean;
}

export interface CollectedOpportunity extends Opportunity {
  /** Every place the id is written, in repository order (the definition first among them). */
  places: OpportunityPlace[];
  /** The object as written where it is defined. */
  written: OpportunityObject;
}

export interface Collected {
  /** Defined opportunities, in the order their definitions come in the repository. */
  opportunities: CollectedOpportunity[];
  /** An id written with a title more than once: every place after the first. */
  duplicates: Array<{ id: string; place: OpportunityPlace; first: OpportunityPlace }>;
  /** An id named alone that no touchpoint writes with a title. */
  unknown: Array<{ id: string; place: OpportunityPlace }>;
  /** Opportunities written as text: not tracked, counted so a report can say so. */
  untracked: number;
}

/** The opportunities of these maps (in the order given: pass them in path order for stable output). */
export function collectOpportunities(maps: readonly CollectedMap[]): Collected {
  const byId = new Map<string, CollectedOpportunity>();
  const references: Array<{ id: string; place: OpportunityPlace; pains: string[] }> = [];
  const duplicates: Collected["duplicates"] = [];
  let untracked = 0;
  for (const { journey, path, page } of maps) {
    const map: OpportunityMap = { title: journey.title, path, ...(page !== undefined ? { page } : {}) };
    for (const { stage, touchpoint } of touchpointsOf(journey)) {
      const pains = touchpoint.painPoints ?? [];
      for (const entry of touchpoint.opportunities ?? []) {
        if (typeof entry === "string") {
          untracked++;
          continue;
        }
        const named = entry.addresses ? new Set(entry.addresses) : undefined;
        const addressed = named ? pains.filter((pain) => named.has(pain)) : pains;
        const place = {
          map: path,
          stage: stage.id,
          touchpoint: touchpointKey(touchpoint),
          defines: entry.title !== undefined,
        };
        if (entry.title === undefined) {
          references.push({ id: entry.id, place, pains: addressed });
          continue;
        }
        const first = byId.get(entry.id);
        if (first) {
          duplicates.push({ id: entry.id, place, first: first.places[0]! });
          continue;
        }
        byId.set(entry.id, {
          id: entry.id,
          title: entryText(entry),
          status: entry.status ?? "idea",
          ...(entry.owner !== undefined ? { owner: entry.owner } : {}),
          ...(entry.issue !== undefined ? { issue: entry.issue } : {}),
          ...(entry.value !== undefined ? { value: entry.value } : {}),
          ...(entry.effort !== undefined ? { effort: entry.effort } : {}),
          ...(entry.confidence !== undefined ? { confidence: entry.confidence } : {}),
          ...(entry.due !== undefined ? { due: entry.due } : {}),
          map,
          painPoints: [...addressed],
          places: [place],
          written: entry,
        });
      }
    }
  }
  const unknown: Collected["unknown"] = [];
  for (const { id, place, pains } of references) {
    const opportunity = byId.get(id);
    if (!opportunity) {
      unknown.push({ id, place });
      continue;
    }
    opportunity.places.push(place);
    const known = new Set(opportunity.painPoints);
    for (const pain of pains) {
      if (known.has(pain)) continue;
      known.add(pain);
      opportunity.painPoints.push(pain);
    }
  }
  return { opportunities: [...byId.values()], duplicates, unknown, untracked };
}
