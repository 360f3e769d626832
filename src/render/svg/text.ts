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

function tableOf(runs: WidthRuns): Float32Array {
  const table = new Float32Array(TABLE_END).fill(-1);
  for (const [start, widths] of runs) {
    widths.forEach((width, i) => {
      const codePoint = start + i;
      const factor = codePoint >= 0x600 && codePoint <= 0x6ff ? ARABIC_SHAPING : 1;
      table[codePoint] = width < 0 ? -1 : (width / 1000) * factor;
    });
  }
  return table;
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
  return 1;
}

export interface Font {
  size: number;
  bold?: boolean;
}

/** The width in px a string takes in the font stack at this size (a conservative estimate). */
export function measure(text: string, font: Font): number {
  const table = font.bold ? BOLD : REGULAR;
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
    const known = codePoint < TABLE_END ? table[codePoint]! : -1;
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
  return text.replace(NOT_XML, "\ufffd").replace(/\t/g, " ");
}

/** The first `max` characters of a name and an ellipsis, never cutting a surrogate pair in two. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max)}…`;
}

export interface WrappedLine {
  text: string;
  width: number;
}

let graphemes: Intl.Segmenter | undefined;

/** Characters below the combining marks (U+0300): each one is a grapheme of its own. */
const SIMPLE = /^[\u0020-\u02ff]*$/;

/** breakWord for a word of SIMPLE characters: by character and by index, no segmenter and no piece strings to grow. */
function breakSimpleWord(word: string, font: Font, maxWidth: number): WrappedLine[] {
  const pieces: WrappedLine[] = [];
  let start = 0;
  let width = 0;
  for (let i = 0; i < word.length; i++) {
    const characterWidth = measure(word[i]!, font);
    if (i > start && width + characterWidth > maxWidth) {
      pieces.push({ text: word.slice(start, i), width });
      start = i;
      width = 0;
    }
    width += characterWidth;
  }
  if (start < word.length) pieces.push({ text: word.slice(start), width });
  return pieces;
}

/** Splits a word wider than the box into pieces that fit, between graphemes (never inside an emoji). */
function breakWord(word: string, font: Font, maxWidth: number): WrappedLine[] {
  if (SIMPLE.test(word)) return breakSimpleWord(word, font, maxWidth);
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  const pieces: WrappedLine[] = [];
  let piece = "";
  let width = 0;
  for (const { segment } of graphemes.segment(word)) {
    const segmentWidth = measure(segment, font);
    if (piece && width + segmentWidth > maxWidth) {
      pieces.push({ text: piece, width });
      piece = "";
      width = 0;
    }
    piece += segment;
    width += segmentWidth;
  }
  if (piece) pieces.push({ text: piece, width });
  return pieces;
}

/**
 * Wraps text into lines no wider than maxWidth: greedy by words, explicit line breaks kept, a word
 * longer than a line broken between graphemes. Empty text gives no lines.
 */
export function wrap(text: string, font: Font, maxWidth: number): WrappedLine[] {
  const lines: WrappedLine[] = [];
  const space = measure(" ", font);
  for (const paragraph of cleanText(text).split(/\r\n|\r|\n/)) {
    let line = "";
    let width = 0;
    for (const word of paragraph.split(" ")) {
      if (!word) continue;
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
  return lines;
}
