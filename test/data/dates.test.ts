// The date cells of a source: each format exports write, unpadded ISO days included, and days that do
// not exist refused in every format.
import { describe, expect, it } from "vitest";
import { dayOfCell } from "../../src/journey/dates.js";
import { dayNumber } from "../../src/journey/metrics.js";

describe("dayOfCell", () => {
  it("reads an ISO day with an unpadded month or day, as survey tools export it", () => {
    const day = dayNumber("2026-09-04");
    for (const cell of ["2026-9-04", "2026-09-4", "2026-9-4", " 2026-9-4 ", "2026-9-4T10:22:00Z", "2026-9-4 10:22"]) {
      expect(dayOfCell(cell), cell).toBe(day);
      expect(dayOfCell(cell, "YYYY-MM-DD"), cell).toBe(day);
    }
  });

  it("refuses days that do not exist, padded or not, in every format", () => {
    for (const cell of ["2026-2-30", "2026-02-30", "2026-13-1", "2026-0-10", "2026-9-0", "2026-9-31", "2026-009-04"])
      expect(dayOfCell(cell, "YYYY-MM-DD"), cell).toBeUndefined();
    expect(dayOfCell("2025-2-29")).toBeUndefined();
    expect(dayOfCell("2024-2-29")).toBe(dayNumber("2024-02-29"));
    expect(dayOfCell("20260230", "YYYYMMDD")).toBeUndefined();
    expect(dayOfCell("30/2/2026", "DD/MM/YYYY")).toBeUndefined();
    expect(dayOfCell("2/30/2026", "MM/DD/YYYY")).toBeUndefined();
    expect(dayOfCell("30.2.2026", "DD.MM.YYYY")).toBeUndefined();
    expect(dayOfCell("4.9.2026", "DD.MM.YYYY")).toBe(dayNumber("2026-09-04"));
  });
});
