// The native picture as editable shapes, for the diagram exports (draw.io, Visio): the picture's own
// layout (src/render/svg/layout.ts) regrouped into the header, persona cards, stage headers, one
// container per lane with its cards, and the emotion curves, each shape with its text and colours.
import type { Journey } from "../../journey/model.js";
import { PAD } from "../svg/column.js";
import { layoutJourney, type Box, type Layout, type Rect, type TextLine } from "../svg/layout.js";
import { personaColor, personaDash, themeNamed, type Theme } from "../svg/themes.js";

/** A box of the picture with its text: the picture's wrapped lines joined back into paragraphs. */
export interface Shape extends Rect {
  id: string;
  text: string;
  fill: string;
  stroke: string;
  /** The first paragraph when the picture draws it bold (a stage's or a card's name), else "". */
  heading: string;
  /** The paragraphs after the heading. */
  body: string;
  /** The whole text is the heading. */
  bold: boolean;
  /** The largest font size in the box, in points (the picture's px). */
  size: number;
  /** Drawn with a dashed warning border: no owner, or one that is not a declared team. */
  warning: boolean;
}

/** A lane: its label on the left and its cards, inside one container across the picture. */
export interface LaneShapes {
  name: string;
  /** The lane's whole row, from the label's left edge to the last card's right edge. */
  area: Rect;
  label: Shape;
  cards: Shape[];
}

export interface CurveShape {
  /** The persona's name, for the line's label. */
  name: string;
  color: string;
  /** A dash pattern in px ("6 4"), or "" for a solid line. */
  dash: string;
  /** Runs of points joined by a line (a touchpoint without a score breaks the line). */
  segments: Array<Array<{ x: number; y: number }>>;
}

/** Cards and stage headers a diagram holds at most: a Visio or draw.io page of more is not one anybody
 * edits, and each costs about 0.1 ms to write (a 1,000-touchpoint map has about 6,000). Past it, the
 * header says how many are left out. */
export const MAX_CARDS = 8_000;

export interface PictureShapes {
  /** Cards and stage headers past MAX_CARDS, not in the diagram. */
  leftOut: number;
  width: number;
  height: number;
  title: string;
  /** The title and description, then the persona cards. */
  header: Shape[];
  stages: Shape[];
  lanes: LaneShapes[];
  curves: CurveShape[];
  theme: Theme;
}

/** The picture of a map as shapes, in the picture's coordinates (px, y down). Linear in the layout. */
export function pictureShapes(journey: Journey, options: { theme?: "light" | "dark" } = {}): PictureShapes {
  return shapesOfLayout(layoutJourney(journey), options);
}

/** The shapes of a picture already laid out (the .drawio.svg draws its picture from the same layout). */
export function shapesOfLayout(layout: Layout, options: { theme?: "light" | "dark" } = {}): PictureShapes {
  const theme = themeNamed(options.theme);
  const texts = textsByBox(layout);
  // A list entry starts where the picture drew its bullet.
  const bullets = new Map<string, number[]>();
  for (const bullet of layout.bullets) {
    const rows = bullets.get(bullet.box);
    if (rows) rows.push(bullet.y);
    else bullets.set(bullet.box, [bullet.y]);
  }
  const shape = (box: Box): Shape => {
    const lines = texts.get(box.id) ?? [];
    const warning = box.missingOwner === true || box.unknownOwner === true;
    const paragraphs = paragraphsOf(box, lines, bullets);
    const heading = lines[0]?.bold ? paragraphs[0]! : "";
    const body = (heading ? paragraphs.slice(1) : paragraphs).join("\n");
    return {
      id: box.id,
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      text: paragraphs.join("\n"),
      heading,
      body,
      fill: box.invisible ? "none" : theme.surfaces[box.surface],
      stroke: warning ? theme.tones.warning : box.invisible ? "none" : theme.border,
      bold: heading !== "" && body === "",
      size: lines.reduce((largest, line) => Math.max(largest, line.size), 0) || 12,
      warning,
    };
  };
  const shapes: PictureShapes = {
    leftOut: 0,
    width: layout.width,
    height: layout.height,
    title: layout.title,
    header: [],
    stages: [],
    lanes: [],
    curves: [],
    theme,
  };
  // Boxes come lane by lane: a lane's label, then its cards (layout.ts pushes them in that order).
  let lane: LaneShapes | undefined;
  let cards = 0;
  for (const box of layout.boxes) {
    if (box.id.startsWith("lane-")) {
      lane = { name: box.id.slice("lane-".length), area: { ...rectOf(box) }, label: shape(box), cards: [] };
      shapes.lanes.push(lane);
    } else if (lane && /^t\d+-/.test(box.id)) {
      if (cards++ >= MAX_CARDS) {
        shapes.leftOut++;
        continue;
      }
      lane.cards.push(shape(box));
      lane.area.width = Math.max(lane.area.width, box.x + box.width - lane.area.x);
      lane.area.height = Math.max(lane.area.height, box.y + box.height - lane.area.y);
    } else if (box.id.startsWith("stage-")) {
      if (cards++ >= MAX_CARDS) {
        shapes.leftOut++;
        continue;
      }
      shapes.stages.push(shape(box));
    } else {
      shapes.header.push(shape(box));
    }
  }
  if (shapes.leftOut > 0) {
    const title = shapes.header.find((shape) => shape.id === "header");
    const note = `${shapes.leftOut} cards and stage headers are left out of this diagram (it holds ${MAX_CARDS}): the picture (render -o map.svg) shows them all`;
    if (title) {
      title.text = title.text ? `${title.text}\n${note}` : note;
      title.body = title.body ? `${title.body}\n${note}` : note;
      title.bold = false;
    }
  }
  for (const curve of layout.curves) {
    shapes.curves.push({
      name: curve.name,
      color: personaColor(theme, curve.persona, curve.ownColor),
      dash: personaDash(curve.persona),
      segments: curve.segments.filter((segment) => segment.length >= 2).map((segment) => segment.map(pointOf)),
    });
  }
  return shapes;
}

function rectOf(box: Rect): Rect {
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}

function pointOf(point: { x: number; y: number }): { x: number; y: number } {
  return { x: point.x, y: point.y };
}

function textsByBox(layout: Layout): Map<string, TextLine[]> {
  const byBox = new Map<string, TextLine[]>();
  for (const line of layout.texts) {
    const lines = byBox.get(line.box);
    if (lines) lines.push(line);
    else byBox.set(line.box, [line]);
  }
  return byBox;
}

/** The picture's wrapped lines joined back into paragraphs, so a diagram program can wrap the text to
 * its own box: a line continues the one before it when it has the same style and indent, no bullet of
 * its own, and its first word would not have fitted on the line before (the picture wrapped there).
 * The layout does not record where its paragraphs start, so this is an estimate; a wrong guess only
 * joins or splits lines of one box. */
function paragraphsOf(box: Box, lines: TextLine[], bullets: Map<string, number[]>): string[] {
  const paragraphs: string[] = [];
  let previous: TextLine | undefined;
  // Lines and bullets both come top to bottom: one pass over each.
  const rows = bullets.get(box.id) ?? [];
  let next = 0;
  for (const line of lines) {
    while (next < rows.length && rows[next]! < line.top) next++;
    const bulleted = next < rows.length && rows[next]! <= line.top + line.height;
    const continues =
      previous !== undefined &&
      !bulleted &&
      previous.size === line.size &&
      previous.bold === line.bold &&
      previous.tone === line.tone &&
      Math.abs(previous.x - line.x) < 0.5 &&
      wrappedBefore(box, previous, line);
    const text = bulleted ? `• ${line.text}` : line.text;
    if (continues) paragraphs[paragraphs.length - 1] += ` ${line.text}`;
    else paragraphs.push(text);
    previous = line;
  }
  return paragraphs;
}

function wrappedBefore(box: Box, previous: TextLine, line: TextLine): boolean {
  const room = box.x + box.width - PAD - previous.x;
  const firstWord = /^\S*/.exec(line.text)![0];
  const wordWidth = line.text.length > 0 ? (line.width * firstWord.length) / line.text.length : 0;
  // Bold lines in a row are one name (the picture may wrap it narrower than the box); other lines
  // join when the word would have made the line before reach most of its room.
  return previous.bold || previous.width + line.size * 0.3 + wordWidth > room * 0.8;
}
