// map-owner: a map that takes part in reviews (status, reviewed, or review.every) with no owner; maps
// that use none of these lint as before.
import { describe, expect, it } from "vitest";
import { lintOnly } from "./opportunity-helpers.js";

const map = (head: string) =>
  `journeymap: 1\ntitle: FreshCart\n${head}personas: [{id: parent, name: Dana}]\nstages:\n  - id: decision\n    name: First order\n`;
const finding = {
  line: 2,
  column: 1,
  message: 'map "FreshCart" has no owner: add "owner: <team>" naming the team that keeps it current',
  subject: "map",
};

describe("map-owner", () => {
  it("reports a map with a status or a review date and no owner, at its title", () => {
    expect(lintOnly("map-owner", map("status: current\n"))).toEqual([finding]);
    expect(lintOnly("map-owner", map("reviewed: 2025-06-02\n"))).toEqual([finding]);
  });

  it("reports every map once the configuration sets review.every", () => {
    expect(lintOnly("map-owner", map(""), { config: { review: { every: 180 } } })).toEqual([finding]);
  });

  it("leaves alone a map with an owner, an archived map, and a map that uses no review key", () => {
    expect(lintOnly("map-owner", map("owner: cx\nstatus: current\n"))).toEqual([]);
    expect(lintOnly("map-owner", map("status: archived\n"), { config: { review: { every: 180 } } })).toEqual([]);
    expect(lintOnly("map-owner", map(""))).toEqual([]);
  });
});
