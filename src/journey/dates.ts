// Dates of data sources: each row's date cell in the formats exports write, and the window of days a
// run counts (`--as-of DATE`, `--window 90d`), so that the same files give the same values in CI.
import { JourneymapError } from "../errors.js";
import type { DateFormat } from "./model.js";
import { dayNumber, dayOf } from "./metrics.js";

/** The day (days since 1970-01-01) a date cell names in `format`, or undefined when it names none. */
export function dayOfCell(cell: string, format: DateFormat = "auto"): number | undefined {
  const text = cell.trim();
  let match: RegExpExecArray | null;
  switch (format) {
    case "auto":
      return dayOfCell(text, "YYYY-MM-DD") ?? dayOfCell(text, "YYYYMMDD");
    case "YYYY-MM-DD":
      // A time after the day (ISO "T10:22:00Z", HubSpot's "2025-03-14 10:22") is left aside: the day counts.
      // Month and day may be unpadded ("2026-9-4", as survey tools export); dayOf checks their ranges.
      match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
      return match ? dayOf(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    case "YYYYMMDD":
      match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      return match ? dayOf(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    case "DD/MM/YYYY":
    case "MM/DD/YYYY":
    case "DD.MM.YYYY": {
      const separator = format === "DD.MM.YYYY" ? "\\." : "/";
      match = new RegExp(`^(\\d{1,2})${separator}(\\d{1,2})${separator}(\\d{4})(?: [0-9:.]+)?$`).exec(text);
      if (!match) return undefined;
      const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
      return format === "MM/DD/YYYY" ? dayOf(year, first, second) : dayOf(year, second, first);
    }
  }
}

/** Parses `--as-of`: a day written YYYY-MM-DD. */
export function parseAsOf(value: string): string {
  if (dayNumber(value.trim()) === undefined)
    throw new JourneymapError(`--as-of needs a day written YYYY-MM-DD, such as 2025-06-30 (got "${value}")`);
  return value.trim();
}

/** Parses a window or an age: a whole number of days ("90d") or weeks ("12w"). */
export function parseDays(value: string, option = "--window"): number {
  const match = /^\s*(\d{1,5})\s*([dw])\s*$/i.exec(value);
  const days = match ? Number(match[1]) * (match[2]!.toLowerCase() === "w" ? 7 : 1) : NaN;
  if (!Number.isSafeInteger(days) || days <= 0)
    throw new JourneymapError(`${option} needs a number of days or weeks, such as 90d or 12w (got "${value}")`);
  return days;
}
