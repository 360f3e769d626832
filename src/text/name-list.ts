// How a list of names is joined where a name may itself hold a comma ("Dana, working parent").

/** Between the names of a list (personas of a card, of a change): a comma would make two names of
 * "Dana, working parent" and "Sam, student" read as four. */
export const NAME_SEPARATOR = " · ";

/** `names` joined with NAME_SEPARATOR. */
export function nameList(names: readonly string[]): string {
  return names.join(NAME_SEPARATOR);
}
