// Map text cut to a length that an output can repeat: a diff names a touchpoint's stage and its
// personas at every change, so a long name written once in the map must not be written in full each time.
import { MAX_SHOWN_NAME } from "./types.js";

/** Text in a note (a description, a list item, a lint message): long enough to read a paragraph. */
export const MAX_SHOWN_TEXT = 500;

/** The first `max` characters of `text` and "…", never cutting a surrogate pair in two. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)}…`;
}

/** A name the diff repeats (a stage's, a persona's), cut at MAX_SHOWN_NAME. */
export function shortName(name: string): string {
  return cut(name, MAX_SHOWN_NAME);
}
