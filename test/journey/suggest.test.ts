// "Did you mean": likely typos get the known word, unrelated words get nothing.
import { describe, expect, it } from "vitest";
import { closest } from "../../src/journey/suggest.js";

const TOUCHPOINT_KEYS = [
  "id",
  "name",
  "channel",
  "owner",
  "personas",
  "emotion",
  "painPoints",
  "opportunities",
  "metrics",
];

describe("closest", () => {
  it.each([
    ["ownr", "owner"],
    ["titel", "title"],
    ["pain_points", "painPoints"],
    ["PainPoints", "painPoints"],
    ["emotions", "emotion"],
    ["chanel", "channel"],
  ])("%s → %s", (typo, expected) => {
    expect(closest(typo, [...TOUCHPOINT_KEYS, "title"])).toBe(expected);
  });

  it("suggests nothing for a word unlike every candidate", () => {
    expect(closest("banana", TOUCHPOINT_KEYS)).toBeUndefined();
    expect(closest("x", TOUCHPOINT_KEYS)).toBeUndefined();
  });
});
