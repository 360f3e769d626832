// A card's text column, as every lane and the stage headers fill one: it tells the layers drawn over the
// picture (lane.ts, PictureLayer) where the card opens and closes and where each of its lines is, and
// never knows what they draw. With no layers it writes exactly what a TextColumn writes.
import { PAD, TextColumn } from "./column.js";
import type { Box, Layout, Tone } from "./geometry.js";
import type { CardLine, CardRef, Column, LaneContext, PictureLayer, TouchpointSlot } from "./lane.js";
import type { Font } from "./text.js";

const NO_LAYERS: readonly PictureLayer[] = [];

/** Whether any layer draws the touchpoint at `index` as a ghost (not part of the map drawn). */
export function isGhost(context: LaneContext, index: number): boolean {
  return context.layers?.some((layer) => layer.ghost?.(index) === true) === true;
}

/** Fills one card top to bottom, telling the layers about it. */
export class CardColumn extends TextColumn {
  private readonly layers: readonly PictureLayer[];

  constructor(
    private readonly target: Layout,
    private readonly card: CardRef,
    layers: readonly PictureLayer[] | undefined,
    y: number,
    /** Room between the card's sides and its text (a chip has less). */
    inset = PAD,
  ) {
    super(target, card.id, card.x + inset, card.width - 2 * inset, y);
    this.layers = layers ?? NO_LAYERS;
  }

  /** Opens the card: the layers' lines at its top. */
  open(): this {
    for (const layer of this.layers) layer.open?.(this.card, this);
    return this;
  }

  /** A line of the card that shows `field`. */
  field(field: string, text: string, font: Font, tone: Tone = "text"): void {
    let shown = tone;
    for (const layer of this.layers) shown = layer.tone?.(this.card, shown) ?? shown;
    this.line({ key: field, field }, () => this.paragraph(text, font, shown));
  }

  /** The entry at `position` of a lane of the field registry, as a bullet. */
  entry(lane: string, position: number, text: string, font: Font): void {
    this.entryLines(lane, position, () => this.bullet(text, font));
  }

  /** The entry at `position` of a lane written as several lines (a metric: its value, status and small print). */
  entryLines(lane: string, position: number, write: () => void): void {
    this.line({ key: `${lane}#${position + 1}`, lane, position }, write);
  }

  /** The entry at `position` of a lane a team declares (by the lane's id), written by `write`. */
  declaredEntry(laneId: string, position: number, write: () => void): void {
    this.line({ key: `lane:${laneId}#${position + 1}`, lane: laneId, declared: true, position }, write);
  }

  /** Closes the card: the layers' lines at its bottom, then their say on its box. */
  close(box: Box): void {
    for (const layer of this.layers) layer.close?.(this.card, this);
    for (const layer of this.layers) layer.box?.(this.card, box);
  }

  private line(line: Omit<CardLine, "top" | "bottom">, write: () => void): void {
    const from = this.target.texts.length;
    const top = this.y;
    write();
    if (!this.layers.length || this.target.texts.length === from) return;
    for (const layer of this.layers) layer.line?.(this.card, { ...line, top, bottom: this.y });
  }
}

/** The column of a touchpoint's card in a lane (`role` "header" for the card that names it). */
export function touchpointCard(
  layout: Layout,
  context: LaneContext,
  slot: TouchpointSlot,
  id: string,
  top: number,
  role: CardRef["role"] = "lane",
): CardColumn {
  const card: CardRef = { on: "touchpoint", index: slot.index, role, id, x: slot.x, width: slot.width };
  return new CardColumn(layout, card, context.layers, top + PAD).open();
}

/** The column of a stage's card in a lane (what the stage itself fills, such as its declared lanes). */
export function stageCard(
  layout: Layout,
  context: LaneContext,
  column: Column,
  stage: number,
  id: string,
  top: number,
): CardColumn {
  const card: CardRef = { on: "stage", index: stage, role: "lane", id, x: column.x, width: column.width };
  return new CardColumn(layout, card, context.layers, top + PAD).open();
}
