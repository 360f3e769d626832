// What a lane of the picture is and what it may read: the contract every lane module implements, and the
// contract of a layer drawn over the lanes (the marks of a change: marks-layer.ts). A lane depends on
// this file and the layout primitives (geometry.ts, column.ts, card.ts), never on another lane, on a
// layer, or on the registry that orders them (lanes.ts).
import type { Journey, Score, Stage, Touchpoint } from "../../journey/model.js";
import type { PersonaIndex } from "./cast.js";
import type { TextColumn } from "./column.js";
import type { Box, LaneName, Layout, MapLinker, PersonaCurve, PictureLaneName, Surface, Tone } from "./geometry.js";
import type { Font } from "./text.js";

export type { DeclaredLaneName, LaneName, PictureLaneName } from "./geometry.js";

/** A touchpoint's place in the grid. */
export interface TouchpointSlot {
  touchpoint: Touchpoint;
  /** Index among all touchpoints of the map, in journey order. */
  index: number;
  x: number;
  width: number;
  /** Positions of the personas at this touchpoint, in map order; undefined means every persona. */
  members: number[] | undefined;
}

/** A stage's column: as wide as its touchpoints' slots, or one empty slot. */
export interface Column {
  stage: Stage;
  x: number;
  width: number;
}

/** What every lane may read: the map and the grid's columns and slots, computed once. */
export interface LaneContext {
  journey: Journey;
  columns: Column[];
  touchpoints: TouchpointSlot[];
  index: PersonaIndex;
  /** Layers drawn over the lanes (the picture of a change has one: its marks). */
  layers?: readonly PictureLayer[];
  /** The pages of the maps that touchpoints detail, when the picture is part of a portfolio. */
  linker?: MapLinker;
  /** The day metric ages are measured at (none: no date is shown), and the window past which a
   * value's date is shown. */
  asOf?: string;
  windowDays: number;
}

/** Where a lane goes: its top, the bottom of its label's text, and the label's height (the least it takes). */
export interface LaneArea {
  name: PictureLaneName;
  /** The fill of the lane's cards: a built-in lane's own, the neutral one of every declared lane. */
  surface: Surface;
  top: number;
  labelBottom: number;
  minHeight: number;
}

/** One entry of a lane's card, and the small lines under it (a declared lane's fail point, a wait). */
export interface LaneLine {
  text: string;
  /** The entry's own tone (a chip of a step that can fail); absent: body text. */
  tone?: Tone;
  notes?: Array<{ text: string; font: Font; tone: Tone }>;
}

export interface Lane {
  label: string;
  /** Whether any touchpoint has something for the lane: a lane nobody fills is left out. */
  filled(context: LaneContext): boolean;
  /** A line under the label, when the lane shows less than the map holds. */
  note?(context: LaneContext): string | undefined;
  /** Lays the lane out in `area` and returns its height. */
  layout(layout: Layout, context: LaneContext, area: LaneArea): number;
  /** A list lane's lines for a touchpoint; they also decide how wide the touchpoint's slot is. */
  entries?(touchpoint: Touchpoint): string[];
}

export type LaneRegistry<Name extends string = LaneName> = Record<Name, Lane>;

/** A card as the layers see it. A "header" card names its touchpoint or stage (the touchpoint lane's
 * card, a stage's header); the other cards hold one lane's entries for a touchpoint or a stage (a chip of
 * a declared lane is a card of its own, holding one entry). */
export interface CardRef {
  on: "touchpoint" | "stage";
  /** The touchpoint's index in journey order (as slots count), or the stage's in map order. */
  index: number;
  role: "header" | "lane";
  /** The card's box id. */
  id: string;
  x: number;
  width: number;
}

/** One line of a card as a lane wrote it, from `top` to `bottom`: a field of the card, or the entry at
 * `position` of a lane (`declared` for a lane a team declares, named by its id). */
export interface CardLine {
  /** What the picture calls the line: "owner", "painPoints#2" (position + 1). */
  key: string;
  field?: string;
  lane?: string;
  declared?: boolean;
  position?: number;
  top: number;
  bottom: number;
}

/** How a curve is traced through one version of the touchpoints: which slots are in it, and (for a
 * version other than the one drawn) each persona's score there. */
export interface CurveVersion {
  inVersion(slot: TouchpointSlot): boolean;
  scoreAt?(slot: TouchpointSlot, personaId: string, current: () => Score | undefined): Score | undefined;
}

/** The emotion lane's curves as a layer sees them: those drawn, and a way to trace another version's. */
export interface CurveFrame {
  curves: PersonaCurve[];
  trace(version: CurveVersion): PersonaCurve[];
}

/** What a layer over the picture may add to the cards and lanes the lanes lay out; every hook optional. */
export interface PictureLayer {
  /** Lines at the top of a card, before its content (the card grows by them). */
  open?(card: CardRef, column: TextColumn): void;
  /** The tone a card's field is written in. */
  tone?(card: CardRef, tone: Tone): Tone;
  /** A line the lane wrote (only when it wrote some text). */
  line?(card: CardRef, line: CardLine): void;
  /** Lines at the bottom of a card, after its content. */
  close?(card: CardRef, column: TextColumn): void;
  /** The card's box, as the lane made it (its height is set after). */
  box?(card: CardRef, box: Box): void;
  /** Whether a touchpoint is drawn where it was but is not part of the map drawn: no owner to check, no
   * point on the curve. */
  ghost?(index: number): boolean;
  /** Whether the layer draws in a lane, which then stays even when no touchpoint fills it. */
  fills?(lane: LaneName, context: LaneContext): boolean;
  /** The emotion lane's curves, once traced. */
  curves?(frame: CurveFrame): void;
  /** Lays out what goes under the grid (a legend); returns its bottom. */
  below?(layout: Layout, top: number, contentWidth: number): number;
}
