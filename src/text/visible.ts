// Map text and file names shown in a terminal or a CI log: control characters that could move the
// cursor, set a title, overwrite a line or reorder text (C0, DEL, C1, Unicode bidi controls, zero-width
// and line separators) and characters that show nothing (fillers, tags, invisible operators) are written
// as visible escapes (\x1b, \u202e, \u{e0041}) instead, whatever the colour setting, and nothing can be
// read as a GitHub Actions workflow command ("::" starting a line, "##[" anywhere in one).

/** Every Bidi_Control and Default_Ignorable_Code_Point of Unicode 15 (PropList.txt and
 * DerivedCoreProperties.txt), and the interlinear annotation marks, but for the joiners (U+200C, U+200D)
 * and the variation selectors (U+180B–U+180D, U+180F, U+FE00–U+FE0F, U+E0100–U+E01EF) that emoji and
 * scripts are written with: a pattern for a regular expression with the "u" flag. The three combining
 * ones (U+034F, U+17B4, U+17B5) are alternatives of their own, as a class would join them to the
 * character before. */
export const INVISIBLE =
  "[\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\uffa0\\ufeff" +
  "\\ufff0-\\ufffb\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e00ff}\\u{e01f0}-\\u{e0fff}]|\\u034f|\\u17b4|\\u17b5";

const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f]|${INVISIBLE}`, "gu");

/** One character as a visible escape: `\x1b`, `\u202e`, `\u{e0041}`. */
export function escapeControl(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
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

/** One character as a code frame shows it: a tab as a space (keeps the caret aligned), controls escaped.
 * Given half of a surrogate pair, the high half of the tags (U+E0000–U+E03FF) is escaped, so a tag is
 * never shown whole (its low half alone prints as U+FFFD). */
export function visibleChar(char: string): string {
  if (char === "\t") return " ";
  if (char === "\udb40") return "\\udb40";
  CONTROL.lastIndex = 0;
  return CONTROL.test(char) ? escapeControl(char) : char;
}

/** Control, bidi and separator characters in JSON text (inside its strings, the only place they can be)
 * as \u escapes, and "##[" as "#\u0023[": the same value for a JSON parser, inert in a terminal or a
 * CI log when the report is printed rather than written to a file. */
const JSON_INVISIBLE = new RegExp(`[\\u007f-\\u009f\\ufffe\\uffff]|${INVISIBLE}`, "gu");

export function inertJson(json: string): string {
  return json
    .replace(JSON_INVISIBLE, (char) => {
      let escaped = "";
      for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`;
      return escaped;
    })
    .replace(/##\[/g, "#\\u0023[");
}
