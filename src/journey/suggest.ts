// "Did you mean ...?": the closest known word to a misspelt one, for keys, rule ids, references and options.
// A run shares one budget of work among all its suggestions, so their total stays linear in the input
// however many unknown words meet however many candidates.

function normalize(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, "");
}

/** Longer words get no suggestion: nobody mistypes a 65-letter key. */
export const MAX_SUGGESTED_LENGTH = 64;

/** Steps every budget starts with (enough for dozens of suggestions among dozens of candidates). */
const BASE_STEPS = 20_000;
/** Steps added per character of the input the suggestions are for (a 1 MB map: about 8 million, a
 * tenth of a second; a lint --fix run lints the map a few times over). */
const STEPS_PER_CHARACTER = 8;
/** One suggestion asked for on its own (a configuration's key, an option): the old per-call bound,
 * 500 candidates of 64 letters. */
const SINGLE_CALL_STEPS = 500 * MAX_SUGGESTED_LENGTH * MAX_SUGGESTED_LENGTH;

/** The work "did you mean" may do for one input: each candidate looked at costs a step, and each cell
 * of an edit-distance table one more. Once it is spent, no more suggestions are made (the message
 * lists the known words instead): the same ones in every run, since the words are asked in input order. */
export class SuggestionBudget {
  #left: number;

  constructor(steps: number) {
    this.#left = steps;
  }

  /** A budget in proportion to an input of `characters` characters (a map's text, a repository's links). */
  static for(characters: number): SuggestionBudget {
    return new SuggestionBudget(BASE_STEPS + STEPS_PER_CHARACTER * characters);
  }

  /** Whether the budget is spent. */
  get spent(): boolean {
    return this.#left < 0;
  }

  /** @internal Takes `steps`; false once the budget is spent. */
  take(steps: number): boolean {
    this.#left -= steps;
    return this.#left >= 0;
  }
}

interface Candidate {
  word: string;
  normal: string;
  /** Its place among the candidates: of two as close, the first one given wins. */
  order: number;
}

// Three rows of the distance table, reused: words are at most MAX_SUGGESTED_LENGTH letters.
const rows = [0, 1, 2].map(() => new Int32Array(MAX_SUGGESTED_LENGTH + 2));

/** Edit distance where swapping two neighbouring letters counts as one edit ("titel" → "title"), or
 * `limit + 1` as soon as it is known to be more than `limit`: only the cells within `limit` of the
 * diagonal are computed (the others are more than `limit` already), and a row all past the limit stops.
 * Charges `budget` a step per cell; undefined when the budget runs out. */
function distanceWithin(a: string, b: string, limit: number, budget: SuggestionBudget): number | undefined {
  const over = limit + 1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    if (!budget.take(to - from + 1)) return undefined;
    current.fill(over, 0, b.length + 1);
    let least = i <= limit ? i : over;
    current[0] = least;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = Math.min(best, over);
      if (best < least) least = best;
    }
    if (least > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** "Did you mean" among one list of candidates: indexed by length once, each word answered once. */
export class Suggester {
  /** Candidates by the length of their normal form. */
  readonly #byLength = new Map<number, Candidate[]>();
  readonly #answers = new Map<string, string | undefined>();

  #candidates: Iterable<string> | undefined;

  /** `candidates` are read on the first suggestion asked for (most runs ask for none). */
  constructor(
    candidates: Iterable<string>,
    private readonly budget: SuggestionBudget,
  ) {
    this.#candidates = candidates;
  }

  #index(candidates: Iterable<string>): void {
    const seen = new Set<string>();
    let order = 0;
    for (const word of candidates) {
      if (!this.budget.take(1)) return;
      if (word.length > MAX_SUGGESTED_LENGTH) continue;
      const normal = normalize(word);
      if (seen.has(normal)) continue;
      seen.add(normal);
      const list = this.#byLength.get(normal.length);
      const candidate = { word, normal, order: order++ };
      if (list) list.push(candidate);
      else this.#byLength.set(normal.length, [candidate]);
    }
  }

  /** The candidate closest to `word`, when it is close enough to be a likely typo; undefined when none
   * is, or when the budget is spent. */
  closest(word: string): string | undefined {
    if (this.#answers.has(word)) return this.#answers.get(word);
    const answer = this.#find(word);
    this.#answers.set(word, answer);
    return answer;
  }

  #find(word: string): string | undefined {
    if (this.#candidates) {
      this.#index(this.#candidates);
      this.#candidates = undefined;
    }
    if (word.length > MAX_SUGGESTED_LENGTH || this.budget.spent) return undefined;
    const target = normalize(word);
    const allowed = Math.max(1, Math.floor(target.length / 3));
    let best: Candidate | undefined;
    let bestDistance = allowed + 1;
    // The distance is at least the difference in length: only lengths within `allowed` can be close enough.
    for (let length = target.length - allowed; length <= target.length + allowed; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        if (!this.budget.take(1)) return undefined;
        // A candidate can only win by being closer, or as close and given earlier.
        const limit = best && candidate.order < best.order ? bestDistance : bestDistance - 1;
        const d = distanceWithin(target, candidate.normal, limit, this.budget);
        if (d === undefined) return undefined;
        if (d < bestDistance || (d === bestDistance && best && candidate.order < best.order)) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return bestDistance <= allowed ? best?.word : undefined;
  }
}

/** The candidate closest to `word`, when it is close enough to be a likely typo: one suggestion on its
 * own, with a budget of its own (many suggestions share a Suggester and a run's budget instead). */
export function closest(
  word: string,
  candidates: Iterable<string>,
  budget: SuggestionBudget = new SuggestionBudget(SINGLE_CALL_STEPS),
): string | undefined {
  return new Suggester(candidates, budget).closest(word);
}
