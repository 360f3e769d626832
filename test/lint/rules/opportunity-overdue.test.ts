// opportunity-overdue: past its due date at the as-of day and not done or dropped; impossible dates;
// no as-of day, no lateness.
import { describe, expect, it } from "vitest";
import { lintOnly, OPPORTUNITY_HEAD } from "./opportunity-helpers.js";

const code = `${OPPORTUNITY_HEAD}        opportunities:
          - {id: late, title: Late work, owner: app, status: in-progress, due: 2025-06-29}
          - {id: idea, title: An idea, owner: app, due: 2025-06-29}
          - {id: shipped, title: Shipped, owner: app, status: done, due: 2025-01-01}
          - {id: gone, title: Gone, owner: app, status: dropped, due: 2025-01-01}
          - {id: today, title: Due today, owner: app, due: 2025-06-30}
          - {id: odd, title: Odd date, owner: app, due: 2025-02-30}
`;

describe("opportunity-overdue", () => {
  it("reports open work past its due date at the date, and a date that is no day", () => {
    expect(lintOnly("opportunity-overdue", code, { asOf: "2025-06-30" })).toEqual([
      {
        line: 11,
        column: 80,
        message:
          'opportunity "late" at touchpoint "Picks a slot" was due on 2025-06-29, 1 day before 2025-06-30, and is in-progress: mark it done or dropped, or set a new "due" date',
        subject: "touchpoint:decision/Picks a slot:opportunity:late",
      },
      {
        line: 12,
        column: 57,
        message:
          'opportunity "idea" at touchpoint "Picks a slot" was due on 2025-06-29, 1 day before 2025-06-30, and is idea: mark it done or dropped, or set a new "due" date',
        subject: "touchpoint:decision/Picks a slot:opportunity:idea",
      },
      {
        line: 16,
        column: 57,
        message:
          'opportunity "odd" at touchpoint "Picks a slot" is due on 2025-02-30, which is not a day of the calendar: write the day it should be done by',
        subject: "touchpoint:decision/Picks a slot:opportunity:odd",
      },
    ]);
  });

  it("reads no clock: without an as-of day only the impossible date", () => {
    expect(lintOnly("opportunity-overdue", code).map((finding) => finding.line)).toEqual([16]);
  });
});
