// The lanes of the picture, one registry entry each, top to bottom: the touchpoint cards, then the lanes
// the field registry (src/journey/fields.ts) gives, in its order: a lane of bulleted cards for each list
// field with a lane (list-lane.ts: no code to write), and the lanes drawn by a module of their own
// (emotion.ts, metrics.ts), named here. Each lane's colours are in themes.ts; the compiler refuses a
// lane without its module or its colours (see test/render/svg/lanes.types.test.ts).
import { fieldLanes, type OwnLaneName } from "../../journey/fields.js";
import type { Touchpoint } from "../../journey/model.js";
import { BODY, BODY_BOLD, BULLET_INDENT, PAD, SLOT_MAX, SLOT_MIN } from "./column.js";
import { emotionLane } from "./emotion.js";
import type { LaneName } from "./geometry.js";
import type { Lane, LaneRegistry } from "./lane.js";
import { listLane } from "./list-lane.js";
import { funnelLane, metricsLane } from "./metrics.js";
import { measure } from "./text.js";
import { touchpointLane } from "./touchpoint-card.js";

export type { Column, Lane, LaneArea, LaneContext, LaneName, LaneRegistry, TouchpointSlot } from "./lane.js";

/** The lanes drawn by a module of their own, under the name the field registry gives them. */
const OWN_LANES = { emotion: emotionLane, metrics: metricsLane, funnel: funnelLane } satisfies Record<
  OwnLaneName,
  Lane
>;

/** Every lane, in the order the picture shows them top to bottom. */
export const LANES: LaneRegistry = Object.fromEntries([
  ["touchpoint", touchpointLane],
  ...fieldLanes().map(({ name, field }) => [
    name,
    typeof field.lane === "object" && "own" in field.lane ? OWN_LANES[name as OwnLaneName] : listLane(field),
  ]),
]) as LaneRegistry;

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
