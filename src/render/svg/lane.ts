// What a lane of the picture is and what it may read: the contract every lane module implements. A lane
// depends on this file, the layout primitives (geometry.ts, column.ts) and the marks' card columns
// (marks.ts), never on another lane or on the registry that orders them (lanes.ts).
import type { Journey, Stage, Touchpoint } from "../../journey/model.js";
import type { PersonaIndex } from "./cast.js";
import type { LaneName, Layout, MapLinker, PictureLaneName, PictureMarks, Surface, Tone } from "./geometry.js";
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
  /** The picture of a change only: what was added, changed or removed (marks.ts). */
  marks?: PictureMarks;
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
