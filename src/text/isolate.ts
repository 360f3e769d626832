// An author's text isolated when it holds a bidi control: an override or embedding it leaves open (U+202E
// "‮" and friends) ends at the isolate's close, so it cannot reverse what journeymap writes after it on
// the same line (a fail point's owner, an opportunity's status). Text without one is returned as it is.

/** The embeddings, overrides and isolates an author's text could leave open (U+202A–U+202E, U+2066–U+2068). */
const OPENS = /[\u202a-\u202e\u2066-\u2068]/;

/** `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069) when it holds a bidi
 * control that could stay open, else `text` unchanged. */
export function isolated(text: string): string {
  return OPENS.test(text) ? `\u2068${text}\u2069` : text;
}
