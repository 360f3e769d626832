// The aggregation catalog: how a source's rows become one value per touchpoint or stage (NPS, CSAT,
// CES, mean, median, sum, count, rate). One entry per name; the schema's enum must list the same names.
import type { AggregationName } from "../journey/model.js";

/** What the rows of one touchpoint or stage add up to, for every aggregation at once. */
export interface Tally {
  /** Rows routed to the element (in the window). */
  rows: number;
  /** Rows with a number in the metric's column. */
  answers: number;
  sum: number;
  /** Answers of 9-10 and of 0-6 (NPS), of 4 and more (CSAT). */
  promoters: number;
  detractors: number;
  satisfied: number;
  /** Every answer, kept only for the median. */
  values?: number[];
}

export function emptyTally(keepValues = false): Tally {
  return {
    rows: 0,
    answers: 0,
    sum: 0,
    promoters: 0,
    detractors: 0,
    satisfied: 0,
    ...(keepValues ? { values: [] } : {}),
  };
}

export interface Aggregation {
  description: string;
  /** Whether a metric names the column of numbers: required, or optional (then rows are counted). */
  column: "required" | "optional";
  /** Answers on a fixed scale: outside it, or not whole, they are bad data. */
  scale?: { min: number; max: number; what: string };
  /** Whether the result carries a sample size (n) worth writing. */
  sample: boolean;
  /** The value of a tally (for rate, over the tally of the element it is measured against). */
  result(tally: Tally, over?: Tally): number | undefined;
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  // Past 2^53 a number has no decimals left to round, and value * factor / factor would change it.
  if (Math.abs(value * factor) >= 2 ** 53) return value;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
};

const share = (part: number, whole: number): number | undefined =>
  whole > 0 ? round((part / whole) * 100, 1) : undefined;

/** The amount a tally counts: the sum of its column, else its rows. */
const amount = (tally: Tally, column: boolean): number => (column ? tally.sum : tally.rows);

function median(values: number[] | undefined): number | undefined {
  if (!values?.length) return undefined;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return round(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, 2);
}

const catalog = {
  nps: {
    description: "Net Promoter Score from 0-10 answers: % promoters (9-10) minus % detractors (0-6), from -100 to 100",
    column: "required",
    scale: { min: 0, max: 10, what: "a 0-10 recommendation answer" },
    sample: true,
    result: (tally) =>
      tally.answers > 0 ? round(((tally.promoters - tally.detractors) / tally.answers) * 100, 1) : undefined,
  },
  csat: {
    description: "customer satisfaction: the % of 4 and 5 answers on a 1-5 scale",
    column: "required",
    scale: { min: 1, max: 5, what: "a 1-5 satisfaction answer" },
    sample: true,
    result: (tally) => share(tally.satisfied, tally.answers),
  },
  ces: {
    description: "customer effort score: the mean of 1-7 answers (lower is less effort)",
    column: "required",
    scale: { min: 1, max: 7, what: "a 1-7 effort answer" },
    sample: true,
    result: (tally) => (tally.answers > 0 ? round(tally.sum / tally.answers, 2) : undefined),
  },
  mean: {
    description: "the mean of a column's numbers",
    column: "required",
    sample: true,
    result: (tally) => (tally.answers > 0 ? round(tally.sum / tally.answers, 2) : undefined),
  },
  median: {
    description: "the median of a column's numbers",
    column: "required",
    sample: true,
    result: (tally) => median(tally.values),
  },
  sum: {
    description: "the sum of a column's numbers (counts already aggregated by the export, amounts)",
    column: "required",
    sample: false,
    result: (tally) => (tally.answers > 0 ? round(tally.sum, 2) : undefined),
  },
  count: {
    description: "the number of rows (as docs/data.md says; a column, if named, must hold numbers)",
    column: "optional",
    sample: false,
    result: (tally) => tally.rows,
  },
  rate: {
    description: "rows (or a column's sum) here as a % of those at the element named by over (funnel conversion)",
    column: "optional",
    sample: true,
    result: () => undefined,
  },
} as const satisfies Record<AggregationName, Aggregation>;

export const aggregations: Readonly<Record<AggregationName, Aggregation>> = catalog;

/** The rate of one tally over another, as a percentage. */
export function rateOf(tally: Tally, over: Tally, column: boolean): number | undefined {
  return share(amount(tally, column), amount(over, column));
}

/** The aggregation names in catalog order, for messages and docs. */
export const AGGREGATION_NAMES = Object.keys(catalog) as AggregationName[];

/** Adds one row's answer (undefined: no column, or an empty cell) to a tally. The counts every
 * aggregation reads are all kept, so that one tally serves every metric reading a column. */
export function tallyAnswer(tally: Tally, answer: number | undefined): void {
  if (answer === undefined) return;
  tally.answers++;
  tally.sum += answer;
  // NPS: promoters 9-10, detractors 0-6; CSAT: satisfied 4-5.
  if (answer >= 9) tally.promoters++;
  else if (answer <= 6) tally.detractors++;
  if (answer >= 4) tally.satisfied++;
  tally.values?.push(answer);
}
