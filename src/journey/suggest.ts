// "Did you mean ...?": the closest known word to a misspelt one, for keys, rule ids and options.

function normalize(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, "");
}

/** Edit distance where swapping two neighbouring letters counts as one edit ("titel" → "title"). */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Longer words get no suggestion: nobody mistypes a 65-letter key, and the distance is quadratic. */
export const MAX_SUGGESTED_LENGTH = 64;
/** Past this many candidates, no suggestion either (the work is candidates × length²). */
export const MAX_CANDIDATES = 500;

/** The candidate closest to `word`, when it is close enough to be a likely typo. Bounded work: at most
 * MAX_CANDIDATES × MAX_SUGGESTED_LENGTH² steps, whatever the input. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const target = normalize(word);
  const allowed = Math.max(1, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  let count = 0;
  for (const candidate of candidates) {
    if (++count > MAX_CANDIDATES) return undefined;
    if (candidate.length > MAX_SUGGESTED_LENGTH) continue;
    const normal = normalize(candidate);
    // The distance is at least the difference in length: skip the matrix when that is already too far.
    if (Math.abs(normal.length - target.length) > allowed) continue;
    const d = distance(target, normal);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}
