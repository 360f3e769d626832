// The lanes of the picture, one registry entry each, top to bottom: a lane is its label, whether the
// map fills it, and its layout function. Adding a lane is one entry here plus its colours in themes.ts;
// the compiler refuses a lane name without either (see test/render/svg/lanes.types.test.ts).
import type { Journey, Stage, Touchpoint } from "../../journey/model.js";
import { ownerLabel, ownershipOf } from "../../journey/queries.js";
import { nameList } from "../../text/name-list.js";
import type { PersonaIndex } from "./cast.js";
import { BODY, BODY_BOLD, BULLET_INDENT, PAD, SLOT_MAX, SLOT_MIN, SMALL, SMALL_BOLD, evenRow } from "./column.js";
import { emotionFilled, emotionNote, layoutEmotion } from "./emotion.js";
import type { Box, Layout, MapLinker } from "./layout.js";
import { oldEmotionFilled, touchpointColumn, type PictureMarks } from "./marks.js";
import { funnelLane, metricsLane } from "./metrics.js";
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
    layout(layout, context, { name, top, minHeight }) {
      const cards: Box[] = [];
      for (const slot of context.touchpoints) {
        const lines = entries(slot.touchpoint);
        if (!lines.length) continue;
        const id = `t${slot.index + 1}-${name}`;
        const text = touchpointColumn(layout, context, slot, id, top);
        lines.forEach((line, i) => {
          if (i) text.space(3);
          text.entry(name, i, line, BODY);
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
  layout(layout, context, { name, top, minHeight }) {
    const { journey, linker } = context;
    const personas = journey.personas;
    const cards: Box[] = [];
    for (const slot of context.touchpoints) {
      const id = `t${slot.index + 1}-${name}`;
      const { touchpoint, members } = slot;
      const text = touchpointColumn(layout, context, slot, id, top);
      text.heading();
      text.field("name", touchpoint.name, BODY_BOLD);
      if (touchpoint.description) text.field("description", touchpoint.description, SMALL, "muted");
      text.space(4);
      if (touchpoint.channel) text.field("channel", `Channel: ${touchpoint.channel}`, SMALL, "muted");
      const card: Box = { id, surface: name, x: slot.x, y: top, width: slot.width, height: 0 };
      // A removed touchpoint, drawn where it was, has no owner to check in this version.
      const ownership = text.kind === "removed" ? undefined : ownershipOf(journey, touchpoint);
      if (ownership?.status === "owned") {
        text.field("owner", `Owner: ${ownerLabel(ownership)!}`, SMALL, "muted");
      } else if (ownership?.status === "unknown") {
        // As lint's unknown-owner rule: an owner nobody declared is as much a gap as no owner.
        card.unknownOwner = true;
        text.field("owner", `⚠ Owner ${ownership.owner} is not a declared team`, SMALL_BOLD, "warning");
      } else if (ownership) {
        card.missingOwner = true;
        text.field("owner", "⚠ No owner", SMALL_BOLD, "warning");
      }
      if (members && personas.length > 1) {
        const names = nameList(members.map((p) => personas[p]!.name));
        text.field("personas", `For: ${names || "no known persona"}`, SMALL, "muted");
      }
      const detail = touchpoint.details === undefined ? undefined : linker?.(touchpoint.details);
      if (detail) {
        text.paragraph(`→ ${detail.title}`, SMALL_BOLD, "muted");
        layout.links.push({ box: id, href: detail.href });
      }
      text.notes();
      text.markBox(card);
      card.height = text.y + PAD - top;
      cards.push(card);
      layout.boxes.push(card);
    }
    return evenRow(cards, minHeight);
  },
};

const emotionLane: Lane = {
  label: "Emotion",
  // The picture of a change keeps the lane for the old curve when the new version scores nothing.
  filled: (context) => emotionFilled(context) || oldEmotionFilled(context),
  note: emotionNote,
  layout: layoutEmotion,
};

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
