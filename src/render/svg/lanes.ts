// The lanes of the picture, one registry entry each, top to bottom: the touchpoint cards, then the lanes
// the field registry (src/journey/fields.ts) gives, in its order: a lane of bulleted cards for each list
// field with a lane (list-lane.ts: no code to write), and the lanes drawn by a module of their own
// (emotion.ts, metrics.ts), named here. Each lane's colours are in themes.ts; the compiler refuses a
// lane without its module or its colours (see test/render/svg/lanes.types.test.ts). A map's picture
// adds the lanes the map declares (lanesOf), before the funnel.
import { fieldLanes, type OwnLaneName } from "../../journey/fields.js";
import { declaredLanes, filledLanes, laneEntries, laneValueOf, type DeclaredLane } from "../../journey/lanes.js";
import type { Journey, LaneEntryObject, LaneValue, Stage, Touchpoint } from "../../journey/model.js";
import { chipLane } from "./chip-lane.js";
import { BODY, BODY_BOLD, BULLET_INDENT, PAD, SLOT_MAX, SLOT_MIN, SMALL } from "./column.js";
import { emotionLane } from "./emotion.js";
import type { LaneName, PictureLaneName, Surface } from "./geometry.js";
import type { Lane, LaneLine, LaneRegistry } from "./lane.js";
import { listLane, listLaneOf } from "./list-lane.js";
import { funnelLane, metricsLane } from "./metrics.js";
import { measure } from "./text.js";
import type { Filling } from "./stage-span.js";
import { touchpointLane } from "./touchpoint-card.js";

export type {
  Column,
  DeclaredLaneName,
  Lane,
  LaneArea,
  LaneContext,
  LaneName,
  LaneRegistry,
  PictureLaneName,
  TouchpointSlot,
} from "./lane.js";

/** The lanes drawn by a module of their own, under the name the field registry gives them. */
const OWN_LANES = { emotion: emotionLane, metrics: metricsLane, funnel: funnelLane } satisfies Record<
  OwnLaneName,
  Lane
>;

/** Every built-in lane, in the order the picture shows them top to bottom. */
export const LANES: LaneRegistry = Object.fromEntries([
  ["touchpoint", touchpointLane],
  ...fieldLanes().map(({ name, field }) => [
    name,
    typeof field.lane === "object" && "own" in field.lane ? OWN_LANES[name as OwnLaneName] : listLane(field),
  ]),
]) as LaneRegistry;

export const LANE_NAMES = Object.keys(LANES) as LaneName[];

/** The declared lanes' cards and chips a picture draws, at most: past it the lanes left are not drawn and a
 * row says how many (the Markdown page lists them all). A map declaring a thousand lanes that every
 * touchpoint fills is about 80,000 cards from 1 MB; the cut keeps its picture within the hostile-input
 * budget (test/security/lanes-hostile.test.ts). */
export const DECLARED_BOXES_MAX = 20_000;

/** A lane of one map's picture, under the name its boxes' ids use. */
export interface PictureLane {
  name: PictureLaneName;
  lane: Lane;
  surface: Surface;
  /** A declared lane's id (a touchpoint's values for it are under this key). */
  id?: string;
}

/** A map's lanes top to bottom: the built-in ones, with the lanes the map declares (in their order)
 * after every touchpoint lane and before the funnel, the stage-level summary that closes the grid. */
export function lanesOf(journey: Pick<Journey, "lanes" | "stages">): PictureLane[] {
  const builtIn = LANE_NAMES.map((name): PictureLane => ({ name, lane: LANES[name], surface: name }));
  const lanes = declaredLanes(journey);
  const filling = fillingOf(journey, lanes);
  const declared = lanes.map((lane, k): PictureLane => ({
    name: `declared-${k + 1}`,
    lane: declaredLane(lane, filling.get(lane.id)!),
    surface: "declared",
    id: lane.id,
  }));
  if (!declared.length) return builtIn;
  const funnel = builtIn.findIndex(({ name }) => name === "funnel");
  const at = funnel < 0 ? builtIn.length : funnel;
  return [...builtIn.slice(0, at), ...declared, ...builtIn.slice(at)];
}

/** The stages and touchpoints that fill each declared lane, by lane id: one pass over the values
 * written, so a lane visits only its own (a thousand lanes over thousands of touchpoints stay linear). */
function fillingOf(journey: Pick<Journey, "stages">, lanes: readonly DeclaredLane[]) {
  const filling = new Map<string, { stages: Stage[]; touchpoints: Touchpoint[] }>(
    lanes.map((lane) => [lane.id, { stages: [], touchpoints: [] }]),
  );
  if (!lanes.length) return filling;
  for (const stage of journey.stages) {
    for (const [id] of filledLanes(stage)) filling.get(id)?.stages.push(stage);
    for (const touchpoint of stage.touchpoints ?? [])
      for (const [id] of filledLanes(touchpoint)) filling.get(id)?.touchpoints.push(touchpoint);
  }
  return filling;
}

/** A declared lane's entry as a bullet, its fail point and wait as small lines under it. */
function listLine(entry: LaneEntryObject): LaneLine {
  const notes: NonNullable<LaneLine["notes"]> = [];
  if (entry.fail)
    notes.push({
      text: entry.fail.risk ? `⚠ Can fail: ${entry.fail.risk}` : "⚠ Can fail",
      font: SMALL,
      tone: "warning",
    });
  if (entry.wait !== undefined) notes.push({ text: `Wait: ${entry.wait}`, font: SMALL, tone: "muted" });
  return notes.length ? { text: entry.text, notes } : { text: entry.text };
}

/** A declared lane's entry as a chip: ⚠ before a step that can fail, its wait after it. */
function chipLine(entry: LaneEntryObject): LaneLine {
  const text = `${entry.fail ? "⚠ " : ""}${entry.text}${entry.wait !== undefined ? ` · wait ${entry.wait}` : ""}`;
  return entry.fail ? { text, tone: "warning" } : { text };
}

/** The lane a map declares: bulleted cards for a list or free text, chips for tags, people and systems. */
function declaredLane(lane: DeclaredLane, filling: Filling): Lane {
  const chips = lane.kind === "tags" || lane.kind === "people" || lane.kind === "systems";
  const toLines = (value: LaneValue | undefined) => laneEntries(value).map(chips ? chipLine : listLine);
  const lines = (touchpoint: Touchpoint) => toLines(laneValueOf(touchpoint, lane.id));
  const stageLines = (stage: Stage) => toLines(laneValueOf(stage, lane.id));
  if (chips) return chipLane({ label: lane.label, id: lane.id, lines, stageLines, filling });
  return listLaneOf({
    label: lane.label,
    id: lane.id,
    surface: "declared",
    plain: lane.kind === "text",
    lines,
    stageLines,
    filling,
  });
}

/** How wide a touchpoint's slot wants to be with these lanes: its longest line unwrapped, within
 * SLOT_MIN..SLOT_MAX. A declared lane is asked only about the touchpoints that fill it. */
export function slotWidthOf(lanes: readonly PictureLane[]): (touchpoint: Touchpoint) => number {
  const builtIn = lanes.filter((lane) => lane.id === undefined);
  const declared = new Map(lanes.flatMap(({ id, lane }) => (id === undefined ? [] : [[id, lane] as const])));
  return (touchpoint) => {
    let widest = measure(touchpoint.name, BODY_BOLD);
    const widen = (lane: Lane) => {
      for (const entry of lane.entries?.(touchpoint) ?? [])
        widest = Math.max(widest, measure(entry, BODY) + BULLET_INDENT);
    };
    for (const { lane } of builtIn) widen(lane);
    if (declared.size)
      for (const [id] of filledLanes(touchpoint)) {
        const lane = declared.get(id);
        if (lane) widen(lane);
      }
    return Math.min(SLOT_MAX, Math.max(SLOT_MIN, Math.ceil(widest) + 2 * PAD));
  };
}
