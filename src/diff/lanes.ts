// Declared lanes in a diff: the values a touchpoint or a stage gives the lanes a team declares, compared
// entry by entry (matched by id, else by text), and the declarations themselves. Lane ids are the
// author's: they are read through src/journey/lanes.ts and kept in Maps, never as a plain object's keys.
import { declaredLanes, filledLanes, laneEntries } from "../journey/lanes.js";
import type { FailPoint, Journey, LaneEntryObject, LaneValue, Stage, Touchpoint } from "../journey/model.js";
import { shortName } from "./shown.js";
import type { FailPointChange, LaneChange, LaneEntryChange, ListChange } from "./types.js";

/** Each journey's lane labels by id, built once per journey (a lookup per touchpoint would be touchpoints × lanes). */
const labelsByJourney = new WeakMap<Journey, Map<string, string>>();

export function laneLabels(journey: Journey): Map<string, string> {
  let labels = labelsByJourney.get(journey);
  if (!labels) {
    labels = new Map(declaredLanes(journey).map((lane) => [lane.id, lane.label]));
    labelsByJourney.set(journey, labels);
  }
  return labels;
}

/** What changed in the declared lanes a touchpoint or a stage fills, lane by lane in the new version's
 * written order, then the lanes only the old version fills; empty when nothing did. The positions are
 * the new version's entries added or changed, per lane id, for the picture. */
export function diffLanes(
  o: Pick<Touchpoint | Stage, "lanes">,
  n: Pick<Touchpoint | Stage, "lanes">,
  oldLabels: ReadonlyMap<string, string>,
  newLabels: ReadonlyMap<string, string>,
): { changes: LaneChange[]; positions: Map<string, Set<number>> } {
  const changes: LaneChange[] = [];
  const positions = new Map<string, Set<number>>();
  if (o.lanes === undefined && n.lanes === undefined) return { changes, positions };
  const olds = new Map(filledLanes(o));
  const news = new Map(filledLanes(n));
  const ids = [...news.keys(), ...[...olds.keys()].filter((id) => !news.has(id))];
  for (const id of ids) {
    const compared = diffLaneValue(olds.get(id), news.get(id));
    if (!compared) continue;
    const label = shortName(newLabels.get(id) ?? oldLabels.get(id) ?? id);
    changes.push({ lane: id, label, ...compared.change });
    if (compared.positions.size) positions.set(id, compared.positions);
  }
  return { changes, positions };
}

/** One lane's value old → new: entries with an id paired by id, the others by their text (each as often
 * as written); one text on both sides is that text old → new. */
function diffLaneValue(
  before: LaneValue | undefined,
  after: LaneValue | undefined,
): { change: Omit<LaneChange, "lane" | "label">; positions: Set<number> } | undefined {
  const change: Omit<LaneChange, "lane" | "label"> = { added: [], removed: [], changed: [] };
  const positions = new Set<number>();
  if (typeof before === "string" && typeof after === "string") {
    if (before === after) return undefined;
    change.changed.push({ text: after, oldText: before });
    positions.add(0);
    return { change, positions };
  }
  const olds = laneEntries(before);
  const news = laneEntries(after);
  const pairs = pairEntries(olds, news);
  const pairedOld = new Set<number>();
  news.forEach((entry, position) => {
    const old = pairs.get(position);
    if (old === undefined) {
      change.added.push(entry.text);
      positions.add(position);
      return;
    }
    pairedOld.add(old);
    const changed = diffEntry(olds[old]!, entry);
    if (changed) {
      change.changed.push(changed);
      positions.add(position);
    }
  });
  olds.forEach((entry, position) => {
    if (!pairedOld.has(position)) change.removed.push(entry.text);
  });
  return change.added.length + change.removed.length + change.changed.length ? { change, positions } : undefined;
}

/** The old entry each new entry is paired with (by position): by id first, then by text among the rest. */
function pairEntries(olds: readonly LaneEntryObject[], news: readonly LaneEntryObject[]): Map<number, number> {
  const pairs = new Map<number, number>();
  // By id, a repeated id (a lint error) paired in order, as often as both versions write it.
  const oldById = new Map<string, { positions: number[]; head: number }>();
  olds.forEach((entry, position) => {
    if (entry.id === undefined) return;
    const queue = oldById.get(entry.id);
    if (queue) queue.positions.push(position);
    else oldById.set(entry.id, { positions: [position], head: 0 });
  });
  const taken = new Set<number>();
  news.forEach((entry, position) => {
    const queue = entry.id === undefined ? undefined : oldById.get(entry.id);
    const old = queue?.positions[queue.head];
    if (old === undefined) return;
    queue!.head++;
    pairs.set(position, old);
    taken.add(old);
  });
  // The rest by text, in order; two entries with different ids are two entries, whatever they say. Per
  // text, a queue of the old entries without an id and one of those with an id, each read from its head.
  const byText = new Map<string, { plain: Queue; named: Queue }>();
  olds.forEach((entry, position) => {
    if (taken.has(position)) return;
    let queues = byText.get(entry.text);
    if (!queues)
      byText.set(entry.text, (queues = { plain: { positions: [], head: 0 }, named: { positions: [], head: 0 } }));
    (entry.id === undefined ? queues.plain : queues.named).positions.push(position);
  });
  news.forEach((entry, position) => {
    if (pairs.has(position)) return;
    const queues = byText.get(entry.text);
    if (!queues) return;
    const plain = queues.plain.positions[queues.plain.head];
    const named = entry.id === undefined ? queues.named.positions[queues.named.head] : undefined;
    if (plain !== undefined && (named === undefined || plain < named)) {
      pairs.set(position, plain);
      queues.plain.head++;
    } else if (named !== undefined) {
      pairs.set(position, named);
      queues.named.head++;
    }
  });
  return pairs;
}

/** Positions waiting to be paired, the next at `head`. */
interface Queue {
  positions: number[];
  head: number;
}

function diffEntry(o: LaneEntryObject, n: LaneEntryObject): LaneEntryChange | undefined {
  const change: LaneEntryChange = { ...(n.id !== undefined ? { id: n.id } : {}), text: n.text };
  let changed = false;
  if (o.text !== n.text) {
    change.oldText = o.text;
    changed = true;
  }
  const servedBy = diffIds(o.servedBy ?? [], n.servedBy ?? []);
  if (servedBy) {
    change.servedBy = servedBy;
    changed = true;
  }
  const fail = diffFail(o.fail, n.fail);
  if (fail) {
    change.fail = fail;
    changed = true;
  }
  if (o.wait !== n.wait) {
    change.wait = {
      ...(o.wait !== undefined ? { old: o.wait } : {}),
      ...(n.wait !== undefined ? { new: n.wait } : {}),
    };
    changed = true;
  }
  return changed ? change : undefined;
}

/** Ids added and removed (a set: order and repeats say nothing about what serves an action). */
function diffIds(olds: readonly string[], news: readonly string[]): ListChange | undefined {
  const oldSet = new Set(olds);
  const newSet = new Set(news);
  const added = [...newSet].filter((id) => !oldSet.has(id));
  const removed = [...oldSet].filter((id) => !newSet.has(id));
  return added.length + removed.length ? { added, removed } : undefined;
}

const FAIL_KEYS = ["risk", "owner", "opportunity"] as const;

function diffFail(o: FailPoint | undefined, n: FailPoint | undefined): FailPointChange | undefined {
  if (o === undefined && n === undefined) return undefined;
  if (o !== undefined && n !== undefined && FAIL_KEYS.every((key) => o[key] === n[key])) return undefined;
  return { ...(o !== undefined ? { old: failOf(o) } : {}), ...(n !== undefined ? { new: failOf(n) } : {}) };
}

/** A fail point's risk, owner and opportunity (its x- keys are the team's own and not compared). */
function failOf(fail: FailPoint): Pick<FailPoint, (typeof FAIL_KEYS)[number]> {
  const copy: Pick<FailPoint, (typeof FAIL_KEYS)[number]> = {};
  for (const key of FAIL_KEYS) if (fail[key] !== undefined) copy[key] = fail[key];
  return copy;
}
