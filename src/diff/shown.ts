// Map text cut to a length that an output can repeat: a diff names a touchpoint's stage and its
// personas at every change, so a long name written once in the map must not be written in full each time.
import { shorten } from "../text/shorten.js";
import { MAX_SHOWN_NAME } from "./types.js";

/** Text in a note (a description, a list item, a lint message): long enough to read a paragraph. */
export const MAX_SHOWN_TEXT = 500;

/** A name the diff repeats (a stage's, a persona's), cut at MAX_SHOWN_NAME. */
export function shortName(name: string): string {
  return shorten(name, MAX_SHOWN_NAME);
}
