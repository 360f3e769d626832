// The lanes of the picture, one registry entry each, top to bottom: a lane is its label, whether the
// map fills it, and its layout function. Adding a lane is one entry here plus its colours in themes.ts;
// the compiler refuses a lane name without either (see test/render/svg/lanes.types.test.ts).
import type { Journey, Stage, Touchpoint } from "../../journey/model.js";
import { ownerLabel, ownershipOf } from "../../journey/queries.js";
import type { PersonaIndex } from "./cast.js";
import {
  BODY,
  BODY_BOLD,
  BULLET_INDENT,
  PAD,
  SLOT_MAX,
  SLOT_MIN,
  SMALL,
  SMALL_BOLD,
  TextColumn,
  evenRow,
} from "./column.js";
import { emotionFilled, emotionNote, layoutEmotion } from "./emotion.js";
import { funnelLane, metricsLane } from "./metrics.js";
import type { Box, Layout } from "./layout.js";
import { measure } from "./text.js";

export type LaneName =
  "touchpoint" | "actions" | "thoughts" | "emotion" | "painPoints" | "opportunities" | "metrics" | "funnel";

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
  /** The day metric ages are measured at (none: no date is shown), and the window past which a
   * value's date is shown. */
  asOf?: string;
  windowDays: number;
}

/** Where a lane goes: its top, the bottom of its label's text, and the label's height (the least it takes). */
export interface LaneArea {
  name: LaneName;
  top: number;
  labelBottom: number;
  minHeight: number;
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

/** A lane of bulleted lists, one card per touchpoint that has entries. */
function listLane(label: string, entries: (touchpoint: Touchpoint) => string[]): Lane {
  return {
    label,
    entries,
    filled: ({ touchpoints }) => touchpoints.some(({ touchpoint }) => entries(touchpoint).length > 0),
    layout(layout, { touchpoints }, { name, top, minHeight }) {
      const cards: Box[] = [];
      for (const slot of touchpoints) {
        const lines = entries(slot.touchpoint);
        if (!lines.length) continue;
        const id = `t${slot.index + 1}-${name}`;
        const text = new TextColumn(layout, id, slot.x + PAD, slot.width - 2 * PAD, top + PAD);
        lines.forEach((line, i) => {
          if (i) text.space(3);
          text.bullet(line, BODY);
        });
        const card: Box = { id, surface: name, x: slot.x, y: top, width: slot.width, height: text.y + PAD - top };
        cards.push(card);
        layout.boxes.push(card);
      }
      return evenRow(cards, minHeight);
    },
  };
}

/** The touchpoint cards: name, description, channel, owner (flagged when missing or not a declared team), personas. */
const touchpointLane: Lane = {
  label: "Touchpoints",
  filled: ({ touchpoints }) => touchpoints.length > 0,
  layout(layout, { journey, touchpoints }, { name, top, minHeight }) {
    const personas = journey.personas;
    const cards: Box[] = [];
    for (const slot of touchpoints) {
      const id = `t${slot.index + 1}-${name}`;
      const { touchpoint, members } = slot;
      const text = new TextColumn(layout, id, slot.x + PAD, slot.width - 2 * PAD, top + PAD);
      text.paragraph(touchpoint.name, BODY_BOLD);
      if (touchpoint.description) text.paragraph(touchpoint.description, SMALL, "muted");
      text.space(4);
      if (touchpoint.channel) text.paragraph(`Channel: ${touchpoint.channel}`, SMALL, "muted");
      const card: Box = { id, surface: name, x: slot.x, y: top, width: slot.width, height: 0 };
      const ownership = ownershipOf(journey, touchpoint);
      if (ownership.status === "owned") {
        text.paragraph(`Owner: ${ownerLabel(ownership)!}`, SMALL, "muted");
      } else if (ownership.status === "unknown") {
        // As lint's unknown-owner rule: an owner nobody declared is as much a gap as no owner.
        card.unknownOwner = true;
        text.paragraph(`⚠ Owner ${ownership.owner} is not a declared team`, SMALL_BOLD, "warning");
      } else {
        card.missingOwner = true;
        text.paragraph("⚠ No owner", SMALL_BOLD, "warning");
      }
      if (members && personas.length > 1) {
        const names = members.map((p) => personas[p]!.name).join(", ");
        text.paragraph(`For: ${names || "no known persona"}`, SMALL, "muted");
      }
      card.height = text.y + PAD - top;
      cards.push(card);
      layout.boxes.push(card);
    }
    return evenRow(cards, minHeight);
  },
};

const emotionLane: Lane = { label: "Emotion", filled: emotionFilled, note: emotionNote, layout: layoutEmotion };

/** Every lane, in the order the picture shows them top to bottom. */
export const LANES = {
  touchpoint: touchpointLane,
  actions: listLane("Actions", (touchpoint) => touchpoint.actions ?? []),
  thoughts: listLane("Thoughts", (touchpoint) => (touchpoint.thoughts ?? []).map((thought) => `“${thought}”`)),
  emotion: emotionLane,
  painPoints: listLane("Pain points", (touchpoint) => touchpoint.painPoints ?? []),
  opportunities: listLane("Opportunities", (touchpoint) => touchpoint.opportunities ?? []),
  metrics: metricsLane,
  funnel: funnelLane,
} satisfies LaneRegistry;

export const LANE_NAMES = Object.keys(LANES) as LaneName[];

/** How wide a touchpoint's slot wants to be: its longest line unwrapped, within SLOT_MIN..SLOT_MAX. */
export function slotWidth(touchpoint: Touchpoint): number {
  let widest = measure(touchpoint.name, BODY_BOLD);
  for (const name of LANE_NAMES) {
    const lane: Lane = LANES[name];
    for (const entry of lane.entries?.(touchpoint) ?? [])
      widest = Math.max(widest, measure(entry, BODY) + BULLET_INDENT);
  }
  return Math.min(SLOT_MAX, Math.max(SLOT_MIN, Math.ceil(widest) + 2 * PAD));
}
