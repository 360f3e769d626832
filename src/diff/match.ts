// Touchpoint identity across two versions of a map: by id, then by name, then by similarity (a guess).
// Every step treats the two versions alike, so matching B against A pairs what matching A against B pairs.
import { touchpointFields } from "../journey/fields.js";
import type { Touchpoint } from "../journey/model.js";

/** A touchpoint where one version has it: its stage id, position in the stage, and journey order. */
export interface Located {
  touchpoint: Touchpoint;
  stage: string;
  stageName: string;
  index: number;
  order: number;
}

export interface TouchpointPair {
  old: Located;
  new: Located;
  matchedBy: "id" | "name" | "similarity";
}

/**
 * The similarity guess compares every unmatched old touchpoint of a stage with every unmatched new one
 * of that stage. This many comparisons in all, for the whole map, are the budget: stages are guessed in
 * the order of their ids while their pairs fit in what is left, and a stage that does not fit is left
 * unguessed (its touchpoints are added and removed). Each comparison is 11 small-integer compares (the
 * fields are interned once, linear in the map's text), so the guess costs at most a few milliseconds
 * whatever the map: 30,000 unmatched touchpoints against 1 is 30,000 comparisons, 1,000 stages of
 * 200 × 200 stop after the first.
 */
export const MAX_SIMILARITY_COMPARISONS = 40_000;

/** Fields compared by the similarity guess: every field the registry has diff compare (not the name: a
 * guess is for a renamed touchpoint). */
const COMPARED = touchpointFields()
  .filter((field) => field.diff.by !== "identity" && field.diff.by !== "ignored")
  .map((field) => field.key as keyof Touchpoint);

export function matchTouchpoints(
  olds: Located[],
  news: Located[],
): { pairs: TouchpointPair[]; added: Located[]; removed: Located[] } {
  const pairs: TouchpointPair[] = [];
  const oldTaken = new Set<Located>();
  const newTaken = new Set<Located>();
  const pair = (o: Located, n: Located, matchedBy: TouchpointPair["matchedBy"]) => {
    pairs.push({ old: o, new: n, matchedBy });
    oldTaken.add(o);
    newTaken.add(n);
  };

  // 1. Ids: certain, wherever the touchpoint went in the map. A duplicated id (a lint error) pairs in order.
  pairInOrder(
    olds.filter((o) => o.touchpoint.id !== undefined),
    news.filter((n) => n.touchpoint.id !== undefined),
    (located) => located.touchpoint.id!,
    (o, n) => pair(o, n, "id"),
  );

  // 2. Names, when at most one of the two has an id (two different ids say two different touchpoints).
  const free = (list: Located[], taken: Set<Located>, withId: boolean) =>
    list.filter((located) => !taken.has(located) && (located.touchpoint.id !== undefined) === withId);
  const byName = (located: Located) => located.touchpoint.name;
  pairInOrder(free(olds, oldTaken, false), free(news, newTaken, false), byName, (o, n) => pair(o, n, "name"));
  pairInOrder(free(olds, oldTaken, false), free(news, newTaken, true), byName, (o, n) => pair(o, n, "name"));
  pairInOrder(free(olds, oldTaken, true), free(news, newTaken, false), byName, (o, n) => pair(o, n, "name"));

  // 3. Similarity, within one stage: a renamed touchpoint keeps most of its fields.
  const oldByStage = groupBy(
    olds.filter((o) => !oldTaken.has(o)),
    (o) => o.stage,
  );
  const newByStage = groupBy(
    news.filter((n) => !newTaken.has(n)),
    (n) => n.stage,
  );
  let budget = MAX_SIMILARITY_COMPARISONS;
  const interned = new Map<string, number>();
  // Stages by id, so that comparing B with A guesses in the same stages as A with B.
  for (const stage of [...newByStage.keys()].sort()) {
    const stageNews = newByStage.get(stage)!;
    const stageOlds = oldByStage.get(stage);
    if (!stageOlds || stageOlds.length * stageNews.length > budget) continue;
    budget -= stageOlds.length * stageNews.length;
    for (const [o, n] of similarPairs(stageOlds, stageNews, interned)) pair(o, n, "similarity");
  }

  return {
    pairs,
    added: news.filter((n) => !newTaken.has(n)),
    removed: olds.filter((o) => !oldTaken.has(o)),
  };
}

/** Pairs the k-th old with the k-th new of each key, in journey order. */
function pairInOrder(
  olds: Located[],
  news: Located[],
  keyOf: (located: Located) => string,
  onPair: (o: Located, n: Located) => void,
): void {
  const waiting = groupBy(news, keyOf);
  const next = new Map<string, number>();
  for (const o of olds) {
    const key = keyOf(o);
    const candidates = waiting.get(key);
    const at = next.get(key) ?? 0;
    if (!candidates || at >= candidates.length) continue;
    next.set(key, at + 1);
    onPair(o, candidates[at]!);
  }
}

/** Pairs that are each other's single best candidate, with most compared fields equal. Two different
 * ids never pair. Mutual best choice is the same whichever version is called old. One pass over the
 * olds × news scores, keeping each row's and each column's best (olds × news steps, no more). */
function similarPairs(olds: Located[], news: Located[], interned: Map<string, number>): Array<[Located, Located]> {
  const oldKeys = olds.map((o) => fieldKeys(o, interned));
  const newKeys = news.map((n) => fieldKeys(n, interned));
  const rows = olds.map(() => ({ best: -1, at: -1, tied: false }));
  const columns = news.map(() => ({ best: -1, at: -1, tied: false }));
  const consider = (best: { best: number; at: number; tied: boolean }, value: number, index: number) => {
    if (value > best.best) [best.best, best.at, best.tied] = [value, index, false];
    else if (value === best.best) best.tied = true;
  };
  for (let i = 0; i < olds.length; i++) {
    for (let j = 0; j < news.length; j++) {
      const value =
        olds[i]!.touchpoint.id !== undefined && news[j]!.touchpoint.id !== undefined
          ? -1
          : similarity(oldKeys[i]!, newKeys[j]!);
      consider(rows[i]!, value, j);
      consider(columns[j]!, value, i);
    }
  }
  const single = (best: { best: number; at: number; tied: boolean }) => (best.best > 0 && !best.tied ? best.at : -1);
  const result: Array<[Located, Located]> = [];
  olds.forEach((o, i) => {
    const j = single(rows[i]!);
    if (j !== -1 && single(columns[j]!) === i) result.push([o, news[j]!]);
  });
  return result;
}

/** Each compared field as a small integer (equal integers, equal canonical text), or -1 when the
 * touchpoint does not set it. */
function fieldKeys(located: Located, interned: Map<string, number>): number[] {
  const touchpoint = located.touchpoint as unknown as Record<string, unknown>;
  return COMPARED.map((field) => {
    if (touchpoint[field] === undefined) return -1;
    const text = canonical(touchpoint[field]);
    let key = interned.get(text);
    if (key === undefined) interned.set(text, (key = interned.size));
    return key;
  });
}

/** 2·equal − set: positive when more than half of the fields set on either side are equal; needs two equal. */
function similarity(a: number[], b: number[]): number {
  let set = 0;
  let equal = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === -1 && b[k] === -1) continue;
    set++;
    if (a[k] === b[k]) equal++;
  }
  return equal >= 2 ? 2 * equal - set : -1;
}

/** JSON with sorted keys: the same value written in another key order gives the same text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function groupBy<T>(list: T[], keyOf: (element: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const element of list) {
    const key = keyOf(element);
    const group = groups.get(key);
    if (group) group.push(element);
    else groups.set(key, [element]);
  }
  return groups;
}

/** Indexes of a longest increasing subsequence (O(n log n)): the touchpoints that stayed in order. */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < values[i]!) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) kept.add(i);
  return kept;
}
