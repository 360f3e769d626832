// Text measuring and wrapping for the native picture, from a table of character widths for its font
// stack (no browser, no font files at run time). Measures err on the wide side so real fonts never overflow.
import { BOLD_WIDTHS, REGULAR_WIDTHS, type WidthRuns } from "./font-widths.js";

/** The font stack the picture asks for; font-widths.ts holds the widest advances over its first two. */
export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** Line height as a multiple of the font size: taller than DejaVu's ascent + descent (1.164 em). */
export const LINE_HEIGHT = 1.35;
/** Where the baseline sits below a line's top, in em: centres the font's 1.164 em box in the line. */
export const BASELINE = (LINE_HEIGHT - 1.164) / 2 + 0.928;

/**
 * Headroom for hinting: a browser that rounds each advance to whole pixels can add up to half a pixel
 * per character, so every character counts a little wider than its advance.
 */
const PER_CHARACTER_SLACK_EM = 0.05;
const SLACK_FACTOR = 1.03;

const TABLE_END = 0x20c0;

/** Arabic letters join: their medial and final forms are up to a fifth wider than the isolated form in the table. */
const ARABIC_SHAPING = 1.25;

/** Code points per block of the width tables. A block is filled the first time one of its characters is
 * measured (its entries are NaN until then), so a map in English fills two or three of the 33: filling
 * them all took ~0.3 ms of every start. */
const BLOCK_BITS = 8;

/** A font's widths in em by code point below TABLE_END: -1 where no font of the stack has the character. */
interface WidthTable {
  widths: Float32Array;
  runs: WidthRuns;
}

function tableOf(runs: WidthRuns): WidthTable {
  return { widths: new Float32Array(TABLE_END).fill(NaN), runs };
}

/** Fills the block of `codePoint` from the table's runs; the character's width. */
function fillBlock(table: WidthTable, codePoint: number): number {
  const first = (codePoint >> BLOCK_BITS) << BLOCK_BITS;
  const end = Math.min(first + (1 << BLOCK_BITS), TABLE_END);
  table.widths.fill(-1, first, end);
  for (const [start, widths] of table.runs) {
    for (let at = Math.max(first, start); at < Math.min(end, start + widths.length); at++) {
      const width = widths[at - start]!;
      const factor = at >= 0x600 && at <= 0x6ff ? ARABIC_SHAPING : 1;
      table.widths[at] = width < 0 ? -1 : (width / 1000) * factor;
    }
  }
  return table.widths[codePoint]!;
}

const REGULAR = tableOf(REGULAR_WIDTHS);
const BOLD = tableOf(BOLD_WIDTHS);

/** Width in em of a character outside the table: zero-width marks, wide East Asian, emoji, the rest. */
function fallbackWidth(codePoint: number): number {
  if (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  )
    return 0;
  if (
    codePoint >= 0x1f000 ||
    (codePoint >= 0x2600 && codePoint <= 0x27bf) ||
    (codePoint >= 0x2b00 && codePoint <= 0x2bff)
  )
    return 1.3;
  // Arabic presentation forms, as the Noto Arabic faces draw them (their widest, bold): word ligatures
  // such as U+FDFA up to 2.8 em, the Basmala U+FDFD nearly 8 em, the other forms up to 2.5 and 1.4 em.
  if (codePoint === 0xfdfd) return 8;
  if (codePoint >= 0xfdf0 && codePoint <= 0xfdfb) return 2.9;
  if (codePoint >= 0xfb50 && codePoint <= 0xfdff) return 2.5;
  if (codePoint >= 0xfe70 && codePoint <= 0xfeff) return 1.5;
  return 1;
}

export interface Font {
  size: number;
  bold?: boolean;
}

/** The width in px a string takes in the font stack at this size (a conservative estimate). */
export function measure(text: string, font: Font): number {
  const table = font.bold ? BOLD : REGULAR;
  const widths = table.widths;
  let em = 0;
  let characters = 0;
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    let known = codePoint < TABLE_END ? widths[codePoint]! : -1;
    if (known !== known) known = fillBlock(table, codePoint); // NaN: the block is not filled yet
    const width = known >= 0 ? known : fallbackWidth(codePoint);
    if (width > 0) characters++;
    em += width;
  }
  return (em * SLACK_FACTOR + characters * PER_CHARACTER_SLACK_EM) * font.size;
}

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF) would make the SVG unreadable. */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A map string made safe to place in XML text: forbidden characters become U+FFFD, tabs spaces. */
export function cleanText(text: string): string {
  // Most texts have none: a plain class tells, and the pattern with look-arounds is compiled only for the rest.
  const cleaned = MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, "\ufffd") : text;
  return cleaned.includes("\t") ? cleaned.replaceAll("\t", " ") : cleaned;
}

/** Every character NOT_XML can match: its controls, any surrogate, U+FFFE and U+FFFF. */
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export interface WrappedLine {
  text: string;
  width: number;
}

/**
 * How much of one text the picture lays out. Past either bound the text is cut and its last line ends
 * in an ellipsis (the map keeps it whole; the Markdown page shows all of it): wrapping then costs at
 * most a few thousand characters per text, and a card grows at most TEXT_MAX_LINES lines per text.
 * Ordinary maps are far inside both (the examples' longest text takes 3 lines).
 */
export const TEXT_MAX_CHARACTERS = 2000;
export const TEXT_MAX_LINES = 16;

/**
 * Combining marks (and other characters that extend the character before them: joiners, variation
 * selectors, skin tones, tags, conjoining jamo) drawn on one base character at most: Unicode's
 * stream-safe text format allows 30. Past it a rasterizer shapes one ever-growing cluster ("Zalgo"
 * text; 100,000 marks took resvg 20 s), and a chain of emoji joined by ZWJ is one grapheme a line
 * cannot break.
 */
export const MAX_MARKS_PER_CHARACTER = 30;

/** At most this many emoji joined by ZWJ in one grapheme (a family or a couple with skin tones has 4). */
const MAX_JOINS = 4;

/** Characters that always extend the one before them: marks, ZWNJ, skin tones, tags, and the vowel
 * and final conjoining jamo. ZWJ and leading jamo are handled on their own below. */
const EXTENDS = /[\u{1f3fb}-\u{1f3ff}\p{M}\u200c\u1160-\u11ff\ud7b0-\ud7ff\u{e0000}-\u{e0fff}]/u;
const LEADING_JAMO = /[\u1100-\u115f\ua960-\ua97f]/;
/** The blocks that hold every character MAYBE_EXTENDS matches (none before U+0300, and none of general
 * punctuation but the two joiners, nor of the arrows, symbols and dingbats up to U+2BFF): a class this small
 * compiles at once, the one of all marks below takes a while, and a map in English, curly quotes and
 * dashes included, never needs it. */
const MAYBE_EXTENDING_BLOCKS = /[\u0300-\u1fff\u20c0-\u20ff\u2c00-\uffff]|\u200c|\u200d/;
const MAYBE_EXTENDS =
  /[\u{1f3fb}-\u{1f3ff}\p{M}\u200c\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{e0000}-\u{e0fff}\u200d]/u;

/**
 * `text` with at most MAX_MARKS_PER_CHARACTER characters extending any one base character, and at most
 * MAX_JOINS joiners in a row of emoji: the extra ones are left out. One pass; unchanged when there are none.
 */
export function boundMarks(text: string): string {
  if (!MAYBE_EXTENDING_BLOCKS.test(text) || !MAYBE_EXTENDS.test(text)) return text;
  let out = "";
  let run = 0;
  let joins = 0;
  let previous = "";
  for (const character of text) {
    const joiner = character === "\u200d";
    const extending =
      joiner ||
      previous === "\u200d" ||
      EXTENDS.test(character) ||
      (LEADING_JAMO.test(character) && LEADING_JAMO.test(previous));
    if (!extending) {
      run = 0;
      joins = 0;
    } else if (run >= MAX_MARKS_PER_CHARACTER || (joiner && joins >= MAX_JOINS)) {
      continue;
    } else {
      run++;
      if (joiner) joins++;
    }
    out += character;
    previous = character;
  }
  return out;
}

/** Cut to TEXT_MAX_CHARACTERS (never inside a surrogate pair); `cut` says whether anything was left out. */
function withinBudget(text: string): { text: string; cut: boolean } {
  if (text.length <= TEXT_MAX_CHARACTERS) return { text, cut: false };
  const code = text.charCodeAt(TEXT_MAX_CHARACTERS - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? TEXT_MAX_CHARACTERS - 1 : TEXT_MAX_CHARACTERS;
  return { text: text.slice(0, end), cut: true };
}

let graphemes: Intl.Segmenter | undefined;

/**
 * Words without a character that joins the one before it (combining marks, joiners, variation
 * selectors, skin tones, flags, tags, conjoining jamo, prepended signs): each code point is a grapheme
 * of its own, so such a word breaks by code point without a segmenter (Latin, Greek, Cyrillic, CJK,
 * kana, Hangul syllables, single emoji).
 */
const NOT_SIMPLE =
  /[\u{1f3fb}-\u{1f3ff}\p{M}\p{Cf}\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}]/u;

/** Splits a word wider than the box into pieces that fit: by code point for a simple word, else between
 * graphemes (never inside an emoji). Each grapheme is measured once; the word is at most TEXT_MAX_CHARACTERS
 * long, as V8's segmenter slows down more than linearly on long runs of non-ASCII text. */
function breakWord(word: string, font: Font, maxWidth: number): WrappedLine[] {
  const pieces: WrappedLine[] = [];
  let start = 0;
  let width = 0;
  const add = (end: number, characterWidth: number) => {
    if (end > start && width + characterWidth > maxWidth) {
      pieces.push({ text: word.slice(start, end), width });
      start = end;
      width = 0;
    }
    width += characterWidth;
  };
  if (!NOT_SIMPLE.test(word)) {
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < word.length ? 2 : 1;
      add(i, measure(word.slice(i, i + pair), font));
      i += pair - 1;
    }
  } else {
    graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
    for (const { segment, index } of graphemes.segment(word)) add(index, measure(segment, font));
  }
  if (start < word.length) pieces.push({ text: word.slice(start), width });
  return pieces;
}

/** The last line of a cut text: as much of it as fits with an ellipsis after it. */
function withEllipsis(line: WrappedLine, font: Font, maxWidth: number): WrappedLine {
  const ellipsis = measure("…", font);
  let { text, width } = line;
  while (text && width + ellipsis > maxWidth) {
    const code = text.charCodeAt(text.length - 1);
    const cut = code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? 2 : 1;
    width -= measure(text.slice(-cut), font);
    text = text.slice(0, -cut);
  }
  text = text.trimEnd();
  return { text: `${text}…`, width: measure(text, font) + ellipsis };
}

/**
 * Wraps text into lines no wider than maxWidth: greedy by words, explicit line breaks kept, a word
 * longer than a line broken between graphemes. Empty text gives no lines. Within the budget above:
 * a text cut short ends in "…" on its last line.
 */
export function wrap(text: string, font: Font, maxWidth: number): WrappedLine[] {
  const budget = withinBudget(text);
  const lines: WrappedLine[] = [];
  const space = measure(" ", font);
  let cut = budget.cut;
  paragraphs: for (const paragraph of boundMarks(cleanText(budget.text)).split(/\r\n|\r|\n/)) {
    let line = "";
    let width = 0;
    for (const word of paragraph.split(" ")) {
      if (!word) continue;
      if (lines.length >= TEXT_MAX_LINES) {
        cut = true;
        break paragraphs;
      }
      const wordWidth = measure(word, font);
      if (line && width + space + wordWidth <= maxWidth) {
        line += ` ${word}`;
        width += space + wordWidth;
        continue;
      }
      if (line) lines.push({ text: line, width });
      if (wordWidth <= maxWidth) {
        line = word;
        width = wordWidth;
        continue;
      }
      const pieces = breakWord(word, font, maxWidth);
      const last = pieces.pop()!;
      lines.push(...pieces);
      line = last.text;
      width = last.width;
    }
    if (line) lines.push({ text: line, width });
  }
  if (lines.length > TEXT_MAX_LINES) {
    lines.length = TEXT_MAX_LINES;
    cut = true;
  }
  if (cut && lines.length) lines[lines.length - 1] = withEllipsis(lines[lines.length - 1]!, font, maxWidth);
  return lines;
}
