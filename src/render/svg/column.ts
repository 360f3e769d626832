// Sizes, fonts and the text column every part of the layout fills: one box's wrapped lines and bullets.
import type { Box, Layout, Tone } from "./geometry.js";
import { BASELINE, LINE_HEIGHT, cleanText, wrap, type Font } from "./text.js";

// Sizes in px. Generous padding keeps text clear of borders even where a real font is a bit wider.
export const MARGIN = 24;
export const GAP = 12;
export const PAD = 10;
export const LABEL_WIDTH = 136;
export const SLOT_MIN = 176;
export const SLOT_MAX = 256;
export const BULLET_INDENT = 12;

export const TITLE: Font = { size: 22, bold: true };
export const DESCRIPTION: Font = { size: 13 };
export const NAME: Font = { size: 13, bold: true };
export const STAGE: Font = { size: 14, bold: true };
export const LABEL: Font = { size: 12, bold: true };
export const BODY: Font = { size: 12 };
export const BODY_BOLD: Font = { size: 12, bold: true };
export const SMALL: Font = { size: 11 };
export const SMALL_BOLD: Font = { size: 11, bold: true };
export const SCALE: Font = { size: 10 };

export const lineHeight = (font: Font): number => font.size * LINE_HEIGHT;

/** The largest of some numbers, or `floor` when there are none; a loop, as a spread of 50,000 cards could overflow the stack. */
export function largest(values: Iterable<number>, floor = -Infinity): number {
  let result = floor;
  for (const value of values) if (value > result) result = value;
  return result;
}

/** Cards in a row all grow to the tallest, so a lane reads as a lane. Returns the row's height. */
export function evenRow(cards: Box[], minHeight: number): number {
  const height = largest(
    cards.map((card) => card.height),
    minHeight,
  );
  for (const card of cards) card.height = height;
  return height;
}

/** Fills one box top to bottom with wrapped text, recording every line in the layout. */
export class TextColumn {
  constructor(
    private readonly layout: Layout,
    private readonly box: string,
    private readonly x: number,
    private readonly width: number,
    public y: number,
  ) {}

  paragraph(text: string, font: Font, tone: Tone = "text", indent = 0): void {
    for (const line of wrap(text, font, this.width - indent)) {
      const height = lineHeight(font);
      this.layout.texts.push({
        box: this.box,
        text: line.text,
        x: this.x + indent,
        y: this.y + BASELINE * font.size,
        top: this.y,
        width: line.width,
        height,
        size: font.size,
        bold: font.bold === true,
        tone,
      });
      this.y += height;
    }
  }

  bullet(text: string, font: Font, tone: Tone = "text"): void {
    if (!cleanText(text).trim()) return;
    this.layout.bullets.push({ box: this.box, x: this.x + 4, y: this.y + lineHeight(font) / 2 });
    this.paragraph(text, font, tone, BULLET_INDENT);
  }

  space(px: number): void {
    this.y += px;
  }
}
