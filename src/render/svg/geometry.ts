// The picture's layout primitives: the boxes, texts and curves a layout produces, the colours' names,
// and the marks of a change it may be given. Types only, so that every part of the picture (the lanes,
// the header, the marks, the drawing) imports them and none imports another part to get them.
import type { ListLaneName, OwnLaneName, TextFieldKey } from "../../journey/fields.js";
import type { Score } from "../../journey/model.js";

/** The lanes of the picture, top to bottom as src/render/svg/lanes.ts orders them: the touchpoint cards,
 * a lane per list field of the field registry (src/journey/fields.ts), and the lanes drawn by a module
 * of their own. */
export type LaneName = "touchpoint" | ListLaneName | OwnLaneName;

/** A lane the map declares (`lanes:`), named by its place among the map's declared lanes (1-based), never
 * by its author-chosen id: names become element ids of the picture. */
export type DeclaredLaneName = `declared-${number}`;

/** Any lane of a map's picture: a built-in one or one the map declares. */
export type PictureLaneName = LaneName | DeclaredLaneName;

/**
 * What a box is, which decides its fill: the page, a persona card, a stage header, a lane label, or a
 * card of one of the lanes. Every lane is a surface, so a theme without colours for a new lane does not compile.
 */
export type Surface<Lanes extends string = LaneName> =
  "page" | "persona" | "stage" | "lane" | "declared" | "chip" | Lanes;

/** How a text is drawn: body text, secondary text, a gap the reader should notice (no owner, a metric
 * off target), or a metric on target (good) or near it (caution). */
export type Tone = "text" | "muted" | "warning" | "good" | "caution" | "accent";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box of the picture (a card, a header, a lane label); every text names the box it sits in. */
export interface Box extends Rect {
  id: string;
  surface: Surface;
  /** A touchpoint card whose touchpoint has no owner: drawn with a warning border. */
  missingOwner?: boolean;
  /** A touchpoint card whose owner is not a declared team: drawn like one with no owner. */
  unknownOwner?: boolean;
  /** Boxes with nothing to fill (the header area) are kept for containment checks but not painted. */
  invisible?: boolean;
  /** In the picture of a change: the card's touchpoint or stage was added, changed or removed. */
  mark?: MarkKind;
}

export interface TextLine {
  box: string;
  text: string;
  /** Left edge and baseline, as SVG wants them; top and height are the line's box. */
  x: number;
  y: number;
  top: number;
  width: number;
  height: number;
  size: number;
  bold: boolean;
  tone: Tone;
}

/** The dot before a list entry (actions, thoughts, pain points, goals...). */
export interface Bullet {
  box: string;
  x: number;
  y: number;
}

export interface CurvePoint {
  x: number;
  y: number;
  score: Score;
  /** The touchpoint's name, cleaned and cut short for the face's tooltip. */
  touchpoint: string;
}

/** One persona's emotion curve: its points and the runs of consecutive points joined by a line. */
export interface PersonaCurve {
  persona: number;
  /** The persona's name, cleaned and cut short for tooltips. */
  name: string;
  /** The persona's own `color` from the map, if any; the theme decides whether it is usable. */
  ownColor?: string | undefined;
  points: CurvePoint[];
  segments: CurvePoint[][];
}

/** A persona's key in its header card: a piece of its curve with a face, in its colour and dash. */
export interface Swatch {
  persona: number;
  ownColor?: string | undefined;
  x1: number;
  x2: number;
  y: number;
}

/** A bar of the funnel lane, inside the card it belongs to. */
export interface Bar extends Rect {
  box: string;
}

export interface GridLine {
  score: Score;
  x1: number;
  x2: number;
  y: number;
}

/** A card or stage header that details another map: drawn as a link to that map's page. */
export interface LinkArea {
  box: string;
  /** A relative href the caller built for a known map (never text from the map). */
  href: string;
}

/** Turns a map id into the page of that map, for the maps a portfolio knows (undefined otherwise). */
export type MapLinker = (mapId: string) => { href: string; title: string } | undefined;

/** Everything draw.ts needs: it never reads the map itself. */
export interface Layout {
  /** The picture's size in px (whole numbers): PNG output can refuse a huge picture before drawing it. */
  width: number;
  height: number;
  /** The map's title, for the SVG's <title>; the summary sentence, for its <desc>. */
  title: string;
  summary: string;
  boxes: Box[];
  texts: TextLine[];
  bullets: Bullet[];
  /** Faint bands behind every other stage column. */
  bands: Rect[];
  grid: GridLine[];
  curves: PersonaCurve[];
  swatches: Swatch[];
  bars: Bar[];
  faceRadius: number;
  /** The picture of a change only: highlights, the old curves and the legend's samples (marks.ts). */
  marks?: MarksLayout;
  links: LinkArea[];
}

export type MarkKind = "added" | "changed" | "removed";

/** The lines of a touchpoint card that can be highlighted as changed. */
export type CardField = "name" | "personas" | TextFieldKey;

export interface TouchpointMarks {
  kind: MarkKind;
  /** Short lines at the end of the card saying what it was ("Owner was “care”"). Raw map text. */
  notes?: readonly string[];
  fields?: ReadonlySet<CardField>;
  /** Per list lane, the positions (in the lane's entries) of the entries that are new or changed. */
  entries?: Partial<Record<LaneName, ReadonlySet<number>>>;
  /** Per declared lane (by its id: a Map, as the author chose it), the positions of the entries that are
   * new or changed in the value the touchpoint or stage gives it. */
  lanes?: ReadonlyMap<string, ReadonlySet<number>>;
  /** The scores of the old version by persona id, when they differ from the new ones (or the
   * touchpoint is removed). Absent on a touchpoint that is not added: the old scores are the new ones. */
  oldEmotion?: Readonly<Record<string, Score>>;
}

export type StageMarks = Pick<TouchpointMarks, "kind" | "notes" | "lanes">;

/** Everything the picture draws about a change. Keys are positions in the map drawn: touchpoints in
 * journey order (0-based, as slots count them), stages in map order. */
export interface PictureMarks {
  touchpoints: ReadonlyMap<number, TouchpointMarks>;
  stages: ReadonlyMap<number, StageMarks>;
  /** Ids of the personas the old version has: only they get an old curve. */
  oldPersonas: ReadonlySet<string>;
  /** The names of the two versions, for the legend and tooltips. Raw map text. */
  labels: { old: string; new: string };
  /** Marked cards the picture left out (it draws a journey of thousands of changes only up to a cut):
   * the legend counts them and names the outputs that list them all. */
  notDrawn?: number;
}

/** What the drawing needs besides the plain picture. */
export interface MarksLayout {
  labels: { old: string; new: string };
  notDrawn?: number;
  /** Changed lines: a tinted band with a bar at its left edge (the bar is the signal without colour). */
  highlights: Array<Rect & { box: string; field: string }>;
  /** The old version's curves, one per persona drawn; `points` holds only where the old score differs. */
  oldCurves: PersonaCurve[];
  samples: Array<Rect & { sample: Sample }>;
}

export type Sample = MarkKind | "highlight" | "new-curve" | "old-curve";
