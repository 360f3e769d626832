// The servedBy findings of one lane entry, at most MAX_SERVED_BY_FINDINGS of them, then one finding that
// counts the rest (as ESLint's rules do for a flood): one servedBy of 120,000 unknown ids is 11 findings,
// not 120,000 lines in every report, in diff's findings and in the "did you mean" work behind them.

/** The findings a rule reports one by one about one entry's servedBy. */
export const MAX_SERVED_BY_FINDINGS = 10;

/** The id a finding that counts the rest is about: `+` is in no id, so it never meets a real one. */
export const MORE_SUBJECT = "servedBy:+more";

/**
 * Reports the places (indexes in servedBy) one by one up to the cap, and past it calls `rest` once with
 * the first place left out and how many were.
 */
export function reportServedBy(
  places: readonly number[],
  one: (index: number) => void,
  rest: (index: number, count: number) => void,
): void {
  const shown = Math.min(places.length, MAX_SERVED_BY_FINDINGS);
  for (let k = 0; k < shown; k++) one(places[k]!);
  if (places.length > shown) rest(places[shown]!, places.length - shown);
}

/** "1 more id", "29,990 more ids": grouped by hand, as toLocaleString's first call loads ICU (0.1 s). */
export function moreOf(count: number, one: string, many = `${one}s`): string {
  return `${String(count).replace(/\B(?=(\d{3})+$)/g, ",")} more ${count === 1 ? one : many}`;
}
