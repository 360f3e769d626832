// Map text and file names shown in a terminal or a CI log: control characters that could move the
// cursor, set a title, overwrite a line or reorder text (C0, DEL, C1, Unicode bidi controls) are
// written as visible escapes (\x1b, \u202e) instead, whatever the colour setting.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** The text with every control character escaped (tab included in messages: it moves the cursor too). */
export function visible(text: string): string {
  return text.replace(CONTROL, escapeControl).replace(/\t/g, "\\t");
}

/** One character as a code frame shows it: a tab as a space (keeps the caret aligned), controls escaped. */
export function visibleChar(char: string): string {
  if (char === "\t") return " ";
  CONTROL.lastIndex = 0;
  return CONTROL.test(char) ? escapeControl(char) : char;
}
