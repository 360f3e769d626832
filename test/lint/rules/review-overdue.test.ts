// review-overdue: a map's reviewed date older than the review period at the run's as-of day; archived
// maps never; impossible and future dates are reported; no as-of day, no age.
import { describe, expect, it } from "vitest";
import { lintOnly } from "./opportunity-helpers.js";

const map = (head: string) =>
  `journeymap: 1\ntitle: FreshCart\n${head}personas: [{id: parent, name: Dana}]\nstages:\n  - id: decision\n    name: First order\n`;

describe("review-overdue", () => {
  const code = map("owner: cx\nreviewed: 2025-01-01\n");

  it("180 days is not overdue, 181 is, reported at the reviewed value, naming the owner", () => {
    expect(lintOnly("review-overdue", code, { asOf: "2025-06-30" })).toEqual([]);
    expect(lintOnly("review-overdue", code, { asOf: "2025-07-01" })).toEqual([
      {
        line: 4,
        column: 11,
        message:
          'the map was last reviewed on 2025-01-01, 181 days before 2025-07-01 (more than 180): ask "cx" to check it against the journey today and update "reviewed"',
        subject: "map",
      },
    ]);
  });

  it("reads the period from review.every, in days or weeks", () => {
    expect(lintOnly("review-overdue", code, { asOf: "2025-04-02", config: { review: { every: 90 } } })).toHaveLength(1);
    expect(lintOnly("review-overdue", code, { asOf: "2025-04-01", config: { review: { every: 90 } } })).toEqual([]);
    expect(lintOnly("review-overdue", code, { asOf: "2025-04-02", config: { review: { every: "13w" } } })).toEqual([]);
  });

  it("never reports an archived map", () => {
    const archived = map("owner: cx\nstatus: archived\nreviewed: 2020-01-01\n");
    expect(lintOnly("review-overdue", archived, { asOf: "2025-07-01" })).toEqual([]);
  });

  it("reports a date that is no day, and a review after the as-of day; without an as-of day only the first", () => {
    const impossible = map("reviewed: 2025-02-30\n");
    const future = map("reviewed: 9999-12-31\n");
    expect(lintOnly("review-overdue", impossible)).toEqual([
      {
        line: 3,
        column: 11,
        message:
          "the map was reviewed on 2025-02-30, which is not a day of the calendar: write the day it was last reviewed",
        subject: "map",
      },
    ]);
    expect(lintOnly("review-overdue", future, { asOf: "2025-07-01" })).toEqual([
      {
        line: 3,
        column: 11,
        message:
          "the map was reviewed on 9999-12-31, 2912626 days after 2025-07-01: a review date is a day that has come, write the day it was last reviewed",
        subject: "map",
      },
    ]);
    expect(lintOnly("review-overdue", future)).toEqual([]);
  });
});
