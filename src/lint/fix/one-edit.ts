// "Exactly one declared id is one edit away": a deletion-neighbourhood index (as SymSpell does), so
// a lookup costs O(length²) for bounded lengths, whatever the number of declared ids.

/** Longer references are left alone: no certain fix, and the lookup stays bounded. */
export const MAX_FIXABLE_LENGTH = 64;

/** The word and every word one deletion away from it (a plain loop: spreading a generator made the index
 * of 12,000 personas twice as slow to build). */
function withDeletions(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** Damerau-Levenshtein distance (optimal string alignment) at most 1, in O(length). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // one transposition
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i); // one insertion or deletion
}

export class OneEditIndex {
  readonly #byKey = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    const seen = new Set<string>();
    for (const word of words) {
      if (word.length > MAX_FIXABLE_LENGTH || seen.has(word)) continue;
      seen.add(word);
      for (const key of withDeletions(word)) {
        const list = this.#byKey.get(key);
        if (list) list.push(word);
        else this.#byKey.set(key, [word]);
      }
    }
  }

  /** The one indexed word, other than `word` itself, within one edit of it; undefined when there
   * is none or more than one (then no fix is certain). */
  unique(word: string): string | undefined {
    if (word.length > MAX_FIXABLE_LENGTH + 1) return undefined;
    let found: string | undefined;
    for (const key of withDeletions(word)) {
      for (const candidate of this.#byKey.get(key) ?? []) {
        if (candidate === word || candidate === found || !withinOneEdit(word, candidate)) continue;
        if (found !== undefined) return undefined;
        found = candidate;
      }
    }
    return found;
  }
}
