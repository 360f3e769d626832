// The ranking and the matrix as pure functions: each formula's priority, ties, unscored opportunities,
// settings checked; the matrix deterministic, every scored opportunity a dot, map text escaped.
import { describe, expect, it } from "vitest";
import { renderMatrix } from "../../src/render/backlog/matrix.js";
import { prioritySettings, rankOpportunities } from "../../src/backlog/priority.js";
import { madeUpOpportunities } from "../helpers/backlog-opportunities.js";
import { svgProblems } from "../helpers/oracles.js";

const scored = (id: string, value?: number, effort?: number, confidence?: number) => ({
  ...madeUpOpportunities(1)[0]!,
  id,
  title: id,
  ...(value !== undefined ? { value } : { value: undefined }),
  ...(effort !== undefined ? { effort } : { effort: undefined }),
  ...(confidence !== undefined ? { confidence } : { confidence: undefined }),
});

describe("rankOpportunities", () => {
  const opportunities = [
    scored("big", 5, 5),
    scored("cheap", 2, 1),
    scored("sure", 4, 2, 100),
    scored("unsure", 4, 2),
    scored("unscored", 5),
  ];

  it("ranks by rice (value × confidence ÷ effort), an absent confidence counting 80 %, ties by higher value", () => {
    const ranked = rankOpportunities(opportunities, prioritySettings());
    expect(ranked.map((opportunity) => [opportunity.rank, opportunity.id, opportunity.priority])).toEqual([
      [1, "sure", 2],
      [2, "unsure", 1.6],
      [3, "cheap", 1.6],
      [4, "big", 0.8],
      [5, "unscored", undefined],
    ]);
  });

  it("ranks by ice and value, and with another default confidence", () => {
    const ice = rankOpportunities(opportunities, prioritySettings({ formula: "ice" }));
    expect(ice.map((opportunity) => [opportunity.id, opportunity.priority])).toEqual([
      ["sure", 16],
      ["unsure", 12.8],
      ["cheap", 8],
      ["big", 4],
      ["unscored", undefined],
    ]);
    const value = rankOpportunities(opportunities, prioritySettings({ formula: "value", defaultConfidence: 100 }));
    // Equal priorities: the lower effort first, an unknown effort after every known one.
    expect(value.map((opportunity) => opportunity.id)).toEqual(["big", "unscored", "sure", "unsure", "cheap"]);
  });

  it("refuses a formula or a confidence it does not know", () => {
    expect(() => prioritySettings({ formula: "constructor" })).toThrow(
      'unknown priority formula "constructor": use one of rice, ice, value',
    );
    expect(() => prioritySettings({ defaultConfidence: 101 })).toThrow(
      "the default confidence must be a percent from 0 to 100 (got 101)",
    );
  });

  it("counts scores outside 1..5 as no score (a library caller's object, not a valid map)", () => {
    const ranked = rankOpportunities([scored("huge", 1e308, 1), scored("fine", 1, 5)], prioritySettings());
    expect(ranked.map((opportunity) => [opportunity.id, opportunity.priority])).toEqual([
      ["fine", 0.16],
      ["huge", undefined],
    ]);
  });
});

describe("renderMatrix", () => {
  it("is deterministic, well-formed, and draws a dot for every scored opportunity", () => {
    const ranked = rankOpportunities(madeUpOpportunities(200), prioritySettings());
    const svg = renderMatrix(ranked);
    expect(renderMatrix(ranked)).toBe(svg);
    expect(svgProblems(svg)).toEqual([]);
    const dots = svg.slice(svg.indexOf('<g class="dots">'), svg.indexOf('<g class="labels">')).match(/<circle/g);
    expect(dots).toHaveLength(ranked.filter((opportunity) => opportunity.value !== undefined).length);
  });

  it("shows a title's controls, bidi and markup as text", () => {
    const [opportunity] = madeUpOpportunities(1);
    const svg = renderMatrix(
      rankOpportunities(
        [{ ...opportunity!, title: "<b>\u001b[31m\u202eevil", value: 5, effort: 1 }],
        prioritySettings(),
      ),
    );
    expect(svgProblems(svg)).toEqual([]);
    expect(svg).toContain(">&lt;b&gt;\\x1b[31m\\u202eevil</text>");
  });
});
