// Map text cut to a length an output can afford to repeat, with "…" where it stops.

/** The first `max` characters of `text` and "…", never cutting a surrogate pair in two. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)}…`;
}

/** Text for a message: cut to 60 characters and JSON-escaped (control characters shown as `\u…`, never raw),
 * without the quotes. */
export function printable(text: string): string {
  return JSON.stringify(shorten(text, 60)).slice(1, -1);
}
