// Map text and file names shown in a terminal or a CI log: control characters that could move the
// cursor, set a title, overwrite a line or reorder text (C0, DEL, C1, Unicode bidi controls, zero-width
// and line separators) are written as visible escapes (\x1b, \u202e) instead, whatever the colour
// setting, and nothing can be read as a GitHub Actions workflow command ("::" starting a line, "##["
// anywhere in one).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** One character as a visible escape: `\x1b`, `\u202e`. */
export function escapeControl(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** A zero-width space between the characters the Actions runner looks for: the text reads the same. */
const BREAK = "\u200b";

/** Breaks what the Actions runner reads as a command: "##[" anywhere (its legacy form) and "::" at the
 * start of a line after spaces (it trims them). For text that holds no line break. */
export function breakLogCommands(text: string): string {
  return text.replace(/##\[/g, `#${BREAK}#[`).replace(/^(\s*):(?=:)/, `$1:${BREAK}`);
}

/** Every control, bidi and separator character escaped but tab (for text whose tabs are content, such
 * as the lines of a diff). */
export function escapeInvisible(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

/** The text with every control character escaped (tab included in messages: it moves the cursor too),
 * as one line that starts no workflow command. */
export function visible(text: string): string {
  return breakLogCommands(escapeInvisible(text).replace(/\t/g, "\\t"));
}

/** A message of several lines (a configuration's problems, commander's usage errors): each line made
 * visible on its own. */
export function visibleLines(text: string): string {
  return text.split("\n").map(visible).join("\n");
}

/** One character as a code frame shows it: a tab as a space (keeps the caret aligned), controls escaped. */
export function visibleChar(char: string): string {
  if (char === "\t") return " ";
  CONTROL.lastIndex = 0;
  return CONTROL.test(char) ? escapeControl(char) : char;
}

/** Control, bidi and separator characters in JSON text (inside its strings, the only place they can be)
 * as \u escapes, and "##[" as "#\u0023[": the same value for a JSON parser, inert in a terminal or a
 * CI log when the report is printed rather than written to a file. */
export function inertJson(json: string): string {
  return json
    .replace(/[\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/g, (char) => {
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    })
    .replace(/##\[/g, "#\\u0023[");
}
