// The lane registry refuses a half-added lane at compile time: tsc -p tsconfig.test.json checks the
// expected errors below, and fails on an unused one if a half-added lane ever compiled. At run time,
// every lane has its label, its layout function and its colours in both themes.
import { describe, expect, it } from "vitest";
import { LANE_NAMES, LANES, type Lane, type LaneName, type LaneRegistry } from "../../../src/render/svg/lanes.js";
import { THEMES, type Surface } from "../../../src/render/svg/themes.js";

type WithJourneyTime = LaneName | "journeyTime";
const journeyTime: Lane = { label: "Journey time", filled: () => false, layout: () => 0 };

// A lane name without a layout function: the registry does not compile.
// @ts-expect-error: property 'journeyTime' is missing
export const withoutLayout = { ...LANES } satisfies LaneRegistry<WithJourneyTime>;
export const withLayout = { ...LANES, journeyTime } satisfies LaneRegistry<WithJourneyTime>;

// A lane name without theme colours: the theme's surfaces do not compile.
// @ts-expect-error: property 'journeyTime' is missing
export const withoutColours: Record<Surface<WithJourneyTime>, string> = { ...THEMES.light.surfaces };
export const withColours: Record<Surface<WithJourneyTime>, string> = {
  ...THEMES.light.surfaces,
  journeyTime: "#ffffff",
};

// A lane in the registry under a name that is not a lane name: an excess property.
// @ts-expect-error: object literal may only specify known properties
export const strayLane = { ...LANES, journeyTime } satisfies LaneRegistry;

describe("the lane registry", () => {
  it("lists the lanes top to bottom, each with a label, a layout function and colours in every theme", () => {
    expect(LANE_NAMES).toEqual([
      "touchpoint",
      "actions",
      "thoughts",
      "emotion",
      "painPoints",
      "opportunities",
      "metrics",
      "funnel",
    ]);
    for (const name of LANE_NAMES) {
      const lane: Lane = LANES[name];
      expect(lane.label).not.toBe("");
      expect(typeof lane.layout).toBe("function");
      for (const theme of Object.values(THEMES)) expect(theme.surfaces[name]).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
