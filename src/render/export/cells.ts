// Map text made safe for a spreadsheet cell: only characters XML 1.0 allows, at most Excel's 32,767
// characters, literal `_xHHHH_` runs kept literal, and the texts a spreadsheet would take for a formula
// on re-entry recognised (the writer gives them the Text number format; no cell is ever a formula).

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** What a text cut at MAX_CELL_TEXT ends with. */
export const CUT_NOTE = " … [cut by journeymap: Excel holds at most 32,767 characters in a cell]";

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** OOXML reads `_x0041_` in a string as "A": a map's literal run is written with its underscore escaped. */
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** What a cell holds once written: the text a reader gets back, and whether it was cut. */
export function cellText(text: string): string {
  let safe = text.replace(/\r\n?/g, "\n").replace(FORBIDDEN, "").replace(LONE_SURROGATE, "\uFFFD");
  if (safe.length > MAX_CELL_TEXT) {
    const keep = MAX_CELL_TEXT - CUT_NOTE.length;
    const code = safe.charCodeAt(keep - 1);
    safe = safe.slice(0, code >= 0xd800 && code <= 0xdbff ? keep - 1 : keep) + CUT_NOTE;
  }
  return safe;
}

/** The text as stored in the package, where `_xHHHH_` would otherwise be read as an escape. */
export function storedText(text: string): string {
  return text.replace(ESCAPE_LIKE, "_x005F_$1");
}

/** A text that Excel, LibreOffice or Google Sheets would evaluate if a user re-entered the cell
 * (OWASP's CSV-injection list: = + - @, tab and carriage return at the start). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
