// missing-review-date: a map with a status, or any map once review.every is set, and no reviewed date;
// never an archived map, nor a map that uses no review key.
import { describe, expect, it } from "vitest";
import { lintOnly } from "./opportunity-helpers.js";

const map = (head: string) =>
  `journeymap: 1\ntitle: FreshCart\n${head}personas: [{id: parent, name: Dana}]\nstages:\n  - id: decision\n    name: First order\n`;

describe("missing-review-date", () => {
  it("reports a map with a status and no reviewed date at its owner key", () => {
    expect(lintOnly("missing-review-date", map("owner: cx\nstatus: current\n"))).toEqual([
      {
        line: 3,
        column: 1,
        message:
          'the map has no review date: add "reviewed: YYYY-MM-DD" with the day "cx" last checked it against the journey',
        subject: "map",
      },
    ]);
  });

  it("asks every map once the configuration sets a review period, and none that uses no review key", () => {
    expect(lintOnly("missing-review-date", map("owner: cx\n"))).toEqual([]);
    expect(lintOnly("missing-review-date", map(""), { config: { review: { every: 90 } } })).toEqual([
      {
        line: 2,
        column: 1,
        message:
          'the map has no review date: add "reviewed: YYYY-MM-DD" with the day its owner last checked it against the journey',
        subject: "map",
      },
    ]);
  });

  it("passes a reviewed map and an archived one", () => {
    expect(lintOnly("missing-review-date", map("owner: cx\nstatus: current\nreviewed: 2025-06-02\n"))).toEqual([]);
    expect(
      lintOnly("missing-review-date", map("owner: cx\nstatus: archived\n"), { config: { review: { every: 90 } } }),
    ).toEqual([]);
  });
});
