// Opportunities in a diff: those tracked as work (objects) are matched by id, the others by their text,
// so a status move, a new owner or a new score is one change, and an opportunity written as text that
// became tracked work with the same title is one change too, never a removal and an addition.
import { entryText, type Opportunity, type OpportunityObject } from "../journey/model.js";
import { opportunityColumnsOf } from "../journey/opportunity-fields.js";
import type { ListChange, OpportunityChange, OpportunityField, OpportunityValue } from "./types.js";

/** The properties compared, in the order the outputs name them (the metric's id and its target apart):
 * those the registry of opportunity fields marks for the diff. */
const COMPARED_FIELDS: readonly OpportunityField[] = opportunityColumnsOf("diff").map(
  ({ key }) => key as OpportunityField,
);

export interface ComparedOpportunities {
  /** Opportunities added and removed, by their text (as the list of any other field). */
  list?: ListChange;
  /** Opportunities in both versions whose properties changed. */
  changed: OpportunityChange[];
  /** The new version's positions of the opportunities added or changed, for the picture. */
  positions: number[];
}

/** Whether a list holds an opportunity written as an object: a list of text alone is compared as any list. */
export function tracksWork(opportunities: readonly Opportunity[] | undefined): boolean {
  return opportunities?.some((opportunity) => typeof opportunity !== "string") === true;
}

/** Compares a touchpoint's opportunities: objects paired by id, then the rest by their text (a text and
 * an object with that title are one opportunity; two objects with different ids are two). */
export function diffOpportunities(olds: readonly Opportunity[], news: readonly Opportunity[]): ComparedOpportunities {
  const pairs = new Map<number, number>();
  // By id, a repeated id (a lint error) paired in order, as often as both versions write it.
  const oldById = new Map<string, { positions: number[]; head: number }>();
  olds.forEach((opportunity, position) => {
    const id = idOf(opportunity);
    if (id === undefined) return;
    const queue = oldById.get(id);
    if (queue) queue.positions.push(position);
    else oldById.set(id, { positions: [position], head: 0 });
  });
  const taken = new Set<number>();
  news.forEach((opportunity, position) => {
    const id = idOf(opportunity);
    const queue = id === undefined ? undefined : oldById.get(id);
    const old = queue?.positions[queue.head];
    if (old === undefined) return;
    queue!.head++;
    pairs.set(position, old);
    taken.add(old);
  });
  // By text: old texts first in line for any new one; old objects only for a new text.
  const byText = new Map<string, { plain: number[]; named: number[]; heads: [number, number] }>();
  olds.forEach((opportunity, position) => {
    if (taken.has(position)) return;
    const text = entryText(opportunity);
    let queues = byText.get(text);
    if (!queues) byText.set(text, (queues = { plain: [], named: [], heads: [0, 0] }));
    (typeof opportunity === "string" ? queues.plain : queues.named).push(position);
  });
  news.forEach((opportunity, position) => {
    if (pairs.has(position)) return;
    const queues = byText.get(entryText(opportunity));
    if (!queues) return;
    const plain = queues.plain[queues.heads[0]];
    const named = typeof opportunity === "string" ? queues.named[queues.heads[1]] : undefined;
    if (plain !== undefined && (named === undefined || plain < named)) {
      pairs.set(position, plain);
      queues.heads[0]++;
    } else if (named !== undefined) {
      pairs.set(position, named);
      queues.heads[1]++;
    }
  });

  const added: string[] = [];
  const changed: OpportunityChange[] = [];
  const positions: number[] = [];
  const pairedOld = new Set<number>();
  news.forEach((opportunity, position) => {
    const old = pairs.get(position);
    if (old === undefined) {
      added.push(entryText(opportunity));
      positions.push(position);
      return;
    }
    pairedOld.add(old);
    const change = diffOpportunity(olds[old]!, opportunity);
    if (change) {
      changed.push(change);
      positions.push(position);
    }
  });
  const removed = olds.flatMap((opportunity, position) => (pairedOld.has(position) ? [] : [entryText(opportunity)]));
  return { ...(added.length + removed.length ? { list: { added, removed } } : {}), changed, positions };
}

function diffOpportunity(o: Opportunity, n: Opportunity): OpportunityChange | undefined {
  const id = idOf(n) ?? idOf(o);
  const base = { ...(id !== undefined ? { id } : {}), title: entryText(n) };
  if (typeof o === "string" && typeof n === "string") return undefined;
  if (typeof o === "string" || typeof n === "string") {
    // Text became tracked work (or the reverse): one change, with what the object says.
    const object = (typeof n === "string" ? o : n) as OpportunityObject;
    const fields: OpportunityChange["fields"] = {};
    for (const field of COMPARED_FIELDS) {
      const value = propertyOf(object, field);
      if (value === undefined || field === "title") continue;
      fields[field] = typeof n === "string" ? { old: value } : { new: value };
    }
    return { ...base, became: typeof n === "string" ? "text" : "tracked", fields };
  }
  const fields: OpportunityChange["fields"] = {};
  for (const field of COMPARED_FIELDS) {
    const before = propertyOf(o, field);
    const after = propertyOf(n, field);
    if (same(before, after)) continue;
    fields[field] = {
      ...(before !== undefined ? { old: before } : {}),
      ...(after !== undefined ? { new: after } : {}),
    };
  }
  return Object.keys(fields).length ? { ...base, fields } : undefined;
}

function idOf(opportunity: Opportunity): string | undefined {
  return typeof opportunity === "string" ? undefined : opportunity.id;
}

/** A property as the diff compares it: the metric by its id, its target apart; a status as written;
 * the pain points it addresses as a list (absent: all of the touchpoint's). */
function propertyOf(opportunity: OpportunityObject, field: OpportunityField): OpportunityValue | undefined {
  switch (field) {
    case "metric":
      return opportunity.metric?.id;
    case "target":
      return opportunity.metric?.target;
    default:
      return opportunity[field];
  }
}

/** Whether two values of a property are the same: the pain points addressed in any order. */
function same(before: OpportunityValue | undefined, after: OpportunityValue | undefined): boolean {
  if (!Array.isArray(before) || !Array.isArray(after)) return before === after;
  if (before.length !== after.length) return false;
  const sorted = (list: readonly string[]) => [...list].sort();
  const other = sorted(after);
  return sorted(before).every((text, index) => text === other[index]);
}
