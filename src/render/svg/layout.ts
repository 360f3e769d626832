// Geometry of the native journey-map picture: where every box, line of text and curve point goes.
// Pure numbers, no SVG and no colours (draw.ts turns a Layout into markup), so tests can check
// widths, wrapping and overlaps on the layout itself.
import {
  EMOTION_WORDS,
  emotionOf,
  personasAt,
  type Journey,
  type Score,
  type Touchpoint,
} from "../../journey/model.js";
import type { Surface, Tone } from "./themes.js";
import { BASELINE, LINE_HEIGHT, measure, wrap, cleanText, type Font } from "./text.js";

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
  /** Boxes with nothing to fill (the header area) are kept for containment checks but not painted. */
  invisible?: boolean;
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
  touchpoint: string;
}

/** One persona's emotion curve: its points and the runs of consecutive points joined by a line. */
export interface PersonaCurve {
  persona: number;
  name: string;
  points: CurvePoint[];
  segments: CurvePoint[][];
}

/** A persona's key in its header card: a piece of its curve with a face, in its colour and dash. */
export interface Swatch {
  persona: number;
  x1: number;
  x2: number;
  y: number;
}

export interface GridLine {
  score: Score;
  x1: number;
  x2: number;
  y: number;
}

export interface Layout {
  width: number;
  height: number;
  boxes: Box[];
  texts: TextLine[];
  bullets: Bullet[];
  /** Faint bands behind every other stage column. */
  bands: Rect[];
  grid: GridLine[];
  curves: PersonaCurve[];
  swatches: Swatch[];
  faceRadius: number;
}

// Sizes in px. Generous padding keeps text clear of borders even where a real font is a bit wider.
const MARGIN = 24;
const GAP = 12;
const PAD = 10;
const LABEL_WIDTH = 136;
const SLOT_MIN = 176;
const SLOT_MAX = 256;
const PERSONA_WIDTH = 300;
const MIN_CONTENT_WIDTH = 640;
const BULLET_INDENT = 12;
const SWATCH_WIDTH = 44;
const STEP = 30;
const FACE_RADIUS = 8;

const TITLE: Font = { size: 22, bold: true };
const DESCRIPTION: Font = { size: 13 };
const NAME: Font = { size: 13, bold: true };
const STAGE: Font = { size: 14, bold: true };
const LABEL: Font = { size: 12, bold: true };
const BODY: Font = { size: 12 };
const BODY_BOLD: Font = { size: 12, bold: true };
const SMALL: Font = { size: 11 };
const SMALL_BOLD: Font = { size: 11, bold: true };
const SCALE: Font = { size: 10 };

/** The lanes of the grid, top to bottom, with their labels; the emotion lane is drawn as a curve. */
export const LANES = [
  { kind: "touchpoint", label: "Touchpoints" },
  { kind: "actions", label: "Actions" },
  { kind: "thoughts", label: "Thoughts" },
  { kind: "emotion", label: "Emotion" },
  { kind: "painPoints", label: "Pain points" },
  { kind: "opportunities", label: "Opportunities" },
  { kind: "metrics", label: "Metrics" },
] as const;

export type LaneKind = (typeof LANES)[number]["kind"];

const lineHeight = (font: Font) => font.size * LINE_HEIGHT;

/** Fills one box top to bottom with wrapped text, recording every line in the layout. */
class TextColumn {
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

interface Slot {
  touchpoint?: Touchpoint;
  /** Index among all touchpoints of the map, in journey order. */
  index: number;
  x: number;
  width: number;
}

function metricLines(touchpoint: Touchpoint): string[] {
  return Object.entries(touchpoint.metrics ?? {}).map(([name, value]) => `${name}: ${String(value)}`);
}

function thoughtLines(touchpoint: Touchpoint): string[] {
  return (touchpoint.thoughts ?? []).map((thought) => `“${thought}”`);
}

const listOf: Record<Exclude<LaneKind, "touchpoint" | "emotion">, (touchpoint: Touchpoint) => string[]> = {
  actions: (touchpoint) => touchpoint.actions ?? [],
  thoughts: thoughtLines,
  painPoints: (touchpoint) => touchpoint.painPoints ?? [],
  opportunities: (touchpoint) => touchpoint.opportunities ?? [],
  metrics: metricLines,
};

/** How wide a touchpoint's slot wants to be: its longest line unwrapped, within SLOT_MIN..SLOT_MAX. */
function slotWidth(touchpoint: Touchpoint): number {
  let widest = measure(touchpoint.name, BODY_BOLD);
  for (const list of Object.values(listOf)) {
    for (const entry of list(touchpoint)) widest = Math.max(widest, measure(entry, BODY) + BULLET_INDENT);
  }
  return Math.min(SLOT_MAX, Math.max(SLOT_MIN, Math.ceil(widest) + 2 * PAD));
}

export function layoutJourney(journey: Journey): Layout {
  const layout: Layout = {
    width: 0,
    height: 0,
    boxes: [],
    texts: [],
    bullets: [],
    bands: [],
    grid: [],
    curves: [],
    swatches: [],
    faceRadius: FACE_RADIUS,
  };
  const personas = journey.personas;
  const teamNames = new Map((journey.teams ?? []).map((team) => [team.id, team.name ?? team.id]));

  // Columns first: their widths decide the picture's width, which the header wraps into.
  const gridLeft = MARGIN + LABEL_WIDTH + GAP;
  let x = gridLeft;
  let index = 0;
  const columns = journey.stages.map((stage) => {
    const slots: Slot[] = [];
    const start = x;
    for (const touchpoint of stage.touchpoints ?? []) {
      const width = slotWidth(touchpoint);
      slots.push({ touchpoint, index: index++, x, width });
      x += width + GAP;
    }
    if (!slots.length) {
      slots.push({ index: -1, x, width: SLOT_MIN });
      x += SLOT_MIN + GAP;
    }
    const column = { stage, x: start, width: x - GAP - start, slots };
    return column;
  });
  const gridRight = x - GAP;
  const personaRowWidth = Math.min(personas.length, 3) * (PERSONA_WIDTH + GAP) - GAP;
  const contentWidth = Math.max(gridRight - MARGIN, personaRowWidth, MIN_CONTENT_WIDTH);

  // Header: title, description, then the persona cards in rows.
  let y = MARGIN;
  const header = new TextColumn(layout, "header", MARGIN, contentWidth, y);
  header.paragraph(journey.title, TITLE);
  if (journey.description) {
    header.space(4);
    header.paragraph(journey.description, DESCRIPTION, "muted");
  }
  // The header box is invisible; padding it like a card keeps its texts as clear of its edge as any card's.
  layout.boxes.push({
    id: "header",
    surface: "page",
    x: MARGIN - PAD,
    y: y - PAD,
    width: contentWidth + 2 * PAD,
    height: header.y - y + 2 * PAD,
    invisible: true,
  });
  y = header.y + PAD + 12;

  const perRow = Math.max(1, Math.floor((contentWidth + GAP) / (PERSONA_WIDTH + GAP)));
  for (let first = 0; first < personas.length; first += perRow) {
    const row = personas.slice(first, first + perRow).map((persona, offset) => {
      const p = first + offset;
      const id = `persona-${p + 1}`;
      const cardX = MARGIN + offset * (PERSONA_WIDTH + GAP);
      const inner = PERSONA_WIDTH - 2 * PAD;
      const name = new TextColumn(layout, id, cardX + PAD + SWATCH_WIDTH, inner - SWATCH_WIDTH, y + PAD);
      name.paragraph(persona.name, NAME);
      layout.swatches.push({
        persona: p,
        x1: cardX + PAD,
        x2: cardX + PAD + SWATCH_WIDTH - 8,
        y: y + PAD + Math.max(lineHeight(NAME), 2 * FACE_RADIUS + 2) / 2,
      });
      const body = new TextColumn(layout, id, cardX + PAD, inner, Math.max(name.y, y + PAD + 2 * FACE_RADIUS + 2));
      if (persona.description) {
        body.space(2);
        body.paragraph(persona.description, BODY, "muted");
      }
      for (const [heading, entries] of [
        ["Goals", persona.goals],
        ["Frustrations", persona.frustrations],
      ] as const) {
        if (!entries?.length) continue;
        body.space(6);
        body.paragraph(heading, SMALL_BOLD, "muted");
        for (const entry of entries) body.bullet(entry, BODY);
      }
      const box: Box = { id, surface: "persona", x: cardX, y, width: PERSONA_WIDTH, height: body.y + PAD - y };
      layout.boxes.push(box);
      return box;
    });
    const height = Math.max(...row.map((box) => box.height));
    for (const box of row) box.height = height;
    y += height + GAP;
  }
  y += 12;

  // Stage headers, then the lanes; every box in a row grows to the row's tallest.
  const gridTop = y;
  const stageBoxes = columns.map((column, s) => {
    const id = `stage-${s + 1}`;
    const text = new TextColumn(layout, id, column.x + PAD, column.width - 2 * PAD, y + PAD);
    text.paragraph(column.stage.name, STAGE);
    if (column.stage.description) text.paragraph(column.stage.description, SMALL, "muted");
    const box: Box = { id, surface: "stage", x: column.x, y, width: column.width, height: text.y + PAD - y };
    layout.boxes.push(box);
    return box;
  });
  const stageHeight = Math.max(0, ...stageBoxes.map((box) => box.height));
  for (const box of stageBoxes) box.height = stageHeight;
  y += stageHeight + GAP;

  const slots = columns.flatMap((column) => column.slots);
  const touchpointSlots = slots.filter(
    (slot): slot is Slot & { touchpoint: Touchpoint } => slot.touchpoint !== undefined,
  );
  const scoreOf = (touchpoint: Touchpoint, p: number): Score | undefined => {
    const persona = personas[p]!;
    if (!personasAt(journey, touchpoint).includes(persona)) return undefined;
    return emotionOf(touchpoint, persona.id);
  };

  for (const lane of LANES) {
    const filled =
      lane.kind === "touchpoint"
        ? touchpointSlots.length > 0
        : lane.kind === "emotion"
          ? touchpointSlots.some((slot) => personas.some((_, p) => scoreOf(slot.touchpoint, p) !== undefined))
          : touchpointSlots.some((slot) => listOf[lane.kind](slot.touchpoint).length > 0);
    if (!filled) continue;

    const labelId = `lane-${lane.kind}`;
    const label = new TextColumn(layout, labelId, MARGIN + PAD, LABEL_WIDTH - 2 * PAD, y + PAD);
    label.paragraph(lane.label, LABEL);
    const labelBox: Box = { id: labelId, surface: "lane", x: MARGIN, y, width: LABEL_WIDTH, height: 0 };
    layout.boxes.push(labelBox);
    let height = label.y + PAD - y;

    if (lane.kind === "emotion") {
      height = Math.max(height, layoutCurve(layout, journey, columns, touchpointSlots, scoreOf, label.y, y));
    } else {
      const cards: Box[] = [];
      for (const slot of touchpointSlots) {
        const id = `t${slot.index + 1}-${lane.kind}`;
        const text = new TextColumn(layout, id, slot.x + PAD, slot.width - 2 * PAD, y + PAD);
        const touchpoint = slot.touchpoint;
        let missingOwner = false;
        if (lane.kind === "touchpoint") {
          text.paragraph(touchpoint.name, BODY_BOLD);
          if (touchpoint.description) text.paragraph(touchpoint.description, SMALL, "muted");
          text.space(4);
          if (touchpoint.channel) text.paragraph(`Channel: ${touchpoint.channel}`, SMALL, "muted");
          if (touchpoint.owner)
            text.paragraph(`Owner: ${teamNames.get(touchpoint.owner) ?? touchpoint.owner}`, SMALL, "muted");
          else {
            missingOwner = true;
            text.paragraph("⚠ No owner", SMALL_BOLD, "warning");
          }
          if (touchpoint.personas && personas.length > 1) {
            text.paragraph(
              `For: ${
                personasAt(journey, touchpoint)
                  .map((persona) => persona.name)
                  .join(", ") || "no known persona"
              }`,
              SMALL,
              "muted",
            );
          }
        } else {
          const entries = listOf[lane.kind](touchpoint);
          if (!entries.length) continue;
          entries.forEach((entry, i) => {
            if (i) text.space(3);
            text.bullet(entry, BODY);
          });
        }
        const card: Box = { id, surface: lane.kind, x: slot.x, y, width: slot.width, height: text.y + PAD - y };
        if (missingOwner) card.missingOwner = true;
        cards.push(card);
        layout.boxes.push(card);
      }
      height = Math.max(height, ...cards.map((card) => card.height));
      for (const card of cards) card.height = height;
    }
    labelBox.height = height;
    y += height + GAP;
  }

  const gridBottom = y - GAP;
  columns.forEach((column, s) => {
    if (s % 2 === 1)
      layout.bands.push({
        x: column.x - GAP / 2,
        y: gridTop - GAP / 2,
        width: column.width + GAP,
        height: gridBottom - gridTop + GAP,
      });
  });
  layout.width = MARGIN + contentWidth + MARGIN;
  layout.height = Math.ceil(gridBottom + MARGIN);
  return layout;
}

/**
 * The emotion lane: a box per stage column with grid lines for scores 1..5, scale words in the lane
 * label, and per persona a point at each touchpoint it scores. Points of different personas sit side
 * by side in a slot so equal scores do not hide each other. Returns the lane's height.
 */
function layoutCurve(
  layout: Layout,
  journey: Journey,
  columns: Array<{ x: number; width: number; slots: Slot[] }>,
  touchpointSlots: Array<Slot & { touchpoint: Touchpoint }>,
  scoreOf: (touchpoint: Touchpoint, p: number) => Score | undefined,
  labelBottom: number,
  top: number,
): number {
  const personas = journey.personas;
  const spacing = SLOT_MIN / (personas.length + 1);
  layout.faceRadius = Math.max(3, Math.min(FACE_RADIUS, spacing / 2 - 1));
  const scaleLine = lineHeight(SCALE);
  const padTop = Math.max(labelBottom - top + 4 + scaleLine / 2, PAD + FACE_RADIUS + 4);
  const padBottom = Math.max(PAD + scaleLine / 2, FACE_RADIUS + 8);
  const levelY = (score: number) => top + padTop + (5 - score) * STEP;
  const height = padTop + 4 * STEP + padBottom;

  for (const score of [5, 4, 3, 2, 1] as const) {
    const scale = new TextColumn(
      layout,
      "lane-emotion",
      MARGIN + PAD,
      LABEL_WIDTH - 2 * PAD,
      levelY(score) - scaleLine / 2,
    );
    scale.paragraph(`${score} ${EMOTION_WORDS[score]}`, SCALE, "muted");
  }
  columns.forEach((column, s) => {
    layout.boxes.push({ id: `emotion-${s + 1}`, surface: "emotion", x: column.x, y: top, width: column.width, height });
    for (const score of [5, 4, 3, 2, 1] as const)
      layout.grid.push({ score, x1: column.x, x2: column.x + column.width, y: levelY(score) });
  });

  personas.forEach((persona, p) => {
    const curve: PersonaCurve = { persona: p, name: cleanText(persona.name), points: [], segments: [] };
    let run: CurvePoint[] = [];
    let previous = -2;
    for (const slot of touchpointSlots) {
      const score = scoreOf(slot.touchpoint, p);
      if (score === undefined) continue;
      const point: CurvePoint = {
        x: slot.x + (slot.width * (p + 1)) / (personas.length + 1),
        y: levelY(score),
        score,
        touchpoint: cleanText(slot.touchpoint.name),
      };
      curve.points.push(point);
      // A touchpoint without a score for this persona breaks the line: the gap shows, nothing is invented.
      if (slot.index !== previous + 1 && run.length) {
        curve.segments.push(run);
        run = [];
      }
      run.push(point);
      previous = slot.index;
    }
    if (run.length) curve.segments.push(run);
    layout.curves.push(curve);
  });
  return height;
}
