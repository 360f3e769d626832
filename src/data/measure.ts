// Measuring a map from its sources: checks each source against the map (ids, metrics, columns), reads
// its CSV rows once, routes each row to a touchpoint or stage, keeps the rows in the date window and
// aggregates them. Every problem is a Diagnostic at the map's or the CSV file's line and column.
import type { Diagnostic, Range } from "../diagnostic.js";
import { touchpointName, stageName } from "../lint/names.js";
import type { LoadedJourney } from "../journey/load.js";
import {
  dayNumber,
  dayOf,
  dayText,
  declaredMetricIds,
  metricDefinitionsFor,
  type Measurement,
} from "../journey/metrics.js";
import type { DateFormat, Journey, Source, SourceMetric, Stage, Touchpoint } from "../journey/model.js";
import { closest } from "../journey/suggest.js";
import { printable } from "../text/shorten.js";
import { aggregations, emptyTally, rateOf, tallyAnswer, type Aggregation, type Tally } from "./aggregations.js";
import { CsvProblem, explainCsv } from "./csv.js";
import { readTable, SourceTables, type Column, type SourceTable } from "./table.js";
import { dayOfCell } from "../journey/dates.js";

/** The rule id of every data-source problem, in every report. */
export const DATA_SOURCE = "data-source";

export interface MeasureOptions {
  /** The day the run measures as of (YYYY-MM-DD): rows after it are left out; without a date column
   * it is the values' date. */
  asOf: string;
  /** Only rows dated within this many days up to asOf count (needs a date column). */
  windowDays?: number;
  /** The tables of the CSV files read in this run (a new set when not given). */
  tables?: SourceTables;
}

/** A source's CSV file, opened by the caller (the I/O edge), or the reason it may not be read. */
export type OpenedSource =
  { shown: string; read: () => AsyncIterable<Uint8Array>; identity?: FileIdentity } | { refused: string };

/** Which file a source read (device, inode, size and times) and its size: the key of its table. */
export interface FileIdentity {
  key: string;
  size: number;
}

/** Problems in CSV files after which a map's other sources are not read. */
const MAX_CSV_PROBLEMS = 20;

/** "Did you mean" suggestions a map's sources make in all (each compares up to 500 candidates). */
const MAX_SUGGESTIONS = 50;

/** Where a value goes: a stage, or a touchpoint of a stage (indexes in the map). */
export interface MetricHolder {
  stage: number;
  touchpoint?: number;
}

export interface MetricUpdate {
  holder: MetricHolder;
  metric: string;
  measurement: Measurement;
}

export interface MeasureResult {
  updates: MetricUpdate[];
  problems: Diagnostic[];
  /** What the sources could not measure (no rows in the window, no answers), for the user to read. */
  notes: string[];
}

/** Text from a map or a CSV file in a message: escaped and cut short. */
function quoted(text: string): string {
  return `"${printable(text)}"`;
}

interface Element {
  holder: MetricHolder;
  key: string;
  name: string;
}

/** The touchpoints (by id) and stages of a map, with their journey order for rate's "previous". */
class Elements {
  readonly stages = new Map<string, Element>();
  readonly touchpoints = new Map<string, Element>();
  readonly order = new Map<string, string>();

  constructor(journey: Journey) {
    let previousTouchpoint: string | undefined;
    journey.stages.forEach((stage: Stage, s) => {
      const key = `stage:${s}`;
      if (!this.stages.has(stage.id)) {
        const previous = s > 0 ? `stage:${s - 1}` : undefined;
        if (previous) this.order.set(key, previous);
        this.stages.set(stage.id, { holder: { stage: s }, key, name: stageName(stage) });
      }
      (stage.touchpoints ?? []).forEach((touchpoint: Touchpoint, t) => {
        const touchpointKey = `touchpoint:${s}/${t}`;
        if (previousTouchpoint) this.order.set(touchpointKey, previousTouchpoint);
        previousTouchpoint = touchpointKey;
        if (touchpoint.id !== undefined && !this.touchpoints.has(touchpoint.id))
          this.touchpoints.set(touchpoint.id, {
            holder: { stage: s, touchpoint: t },
            key: touchpointKey,
            name: touchpointName(touchpoint),
          });
      });
    });
  }

  of(kind: "stage" | "touchpoint"): Map<string, Element> {
    return kind === "stage" ? this.stages : this.touchpoints;
  }
}

/** A source checked against the map, ready to read. */
interface Plan {
  source: Source;
  kind: "stage" | "touchpoint";
  elements: Map<string, Element>;
  fixed?: Element;
  metrics: SourceMetric[];
}

/** At most this many rows are visited by a map's sources in all (a row is visited by each source that
 * reads it, after where's index): a 1,000,000-row export read by 20 sources. Past it, the rest of the
 * map's sources are refused: thousands of sources over one export are a map that costs minutes. */
export const MAX_ROW_VISITS = 20_000_000;

/** Measures every source of a map. Reads each CSV file once per run (SourceTables; twice when it has
 * a problem, for its position); never throws for bad data, only for files that cannot be read at all. */
export async function measureMap(
  loaded: LoadedJourney & { journey: Journey },
  open: (source: Source) => OpenedSource,
  options: MeasureOptions,
): Promise<MeasureResult> {
  const { journey, source: sourceMap, file } = loaded;
  const result: MeasureResult = { updates: [], problems: [], notes: [] };
  const mapProblem = (message: string, range: Range | undefined) =>
    result.problems.push({
      file,
      ruleId: DATA_SOURCE,
      severity: "error",
      message,
      ...(range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }),
    });
  const elements = new Elements(journey);
  // The metrics a source may fill: the map's own, and every one shared in its scope (the loader has
  // already put the shared ones its sources name into its list).
  const declared = declaredMetricIds(metricDefinitionsFor(journey), loaded.definitions?.scope);
  const shared = (loaded.definitions?.scope?.byKind.metric.size ?? 0) > 0;
  const written = new Map<string, SourceMetric>();
  const run: Run = { tables: options.tables ?? new SourceTables(), counted: new Map(), visits: 0, problems: 0 };
  const suggestions = { left: MAX_SUGGESTIONS };
  const dayTexts = new Map<number, string>();
  const dayTextOf = (day: number): string => {
    let text = dayTexts.get(day);
    if (text === undefined) dayTexts.set(day, (text = dayText(day)));
    return text;
  };
  // Each tally's value per aggregation, once: sources that count alike share tallies (a median sorts).
  const results = new Map<Tally, Map<string, number | undefined>>();
  const resultOf = (aggregation: Aggregation, name: string, tally: Tally) => {
    let byName = results.get(tally);
    if (!byName) results.set(tally, (byName = new Map<string, number | undefined>()));
    if (!byName.has(name)) byName.set(name, aggregation.result(tally));
    return byName.get(name);
  };
  for (const source of journey.sources ?? []) {
    const plan = planOf(source, elements, { declared, shared }, mapProblem, sourceMap, suggestions);
    if (!plan) continue;
    const opened = open(source);
    if ("refused" in opened) {
      mapProblem(opened.refused, sourceMap.valueRangeOf(source, "file"));
      continue;
    }
    const counted = await countSource(plan, opened, options, run, result, suggestions);
    if (counted === "refused") {
      mapProblem(
        `the sources before this one read ${run.visits.toLocaleString("en")} rows in all, and a map's sources may read at most ${MAX_ROW_VISITS.toLocaleString("en")}: name each export in fewer sources (a source takes many metrics), or filter it with "where"`,
        sourceMap.rangeOf(source),
      );
      break;
    }
    if (!counted) {
      // Each problem in a CSV file costs a second pass over it for its position: past a few, the
      // rest of the map's sources wait for the next run (nothing is written anyway).
      if (++run.problems >= MAX_CSV_PROBLEMS) {
        const left = (journey.sources?.length ?? 0) - (journey.sources?.indexOf(source) ?? 0) - 1;
        if (left > 0)
          result.notes.push(
            `${file}: ${left} more source${left === 1 ? " was" : "s were"} not read after ${MAX_CSV_PROBLEMS} problems in data files: fix these first`,
          );
        break;
      }
      continue;
    }
    const idle = idleNote(counted, options);
    if (idle) {
      result.notes.push(`${opened.shown}: ${idle}`);
      continue;
    }
    for (const metric of plan.metrics) {
      const aggregation = aggregations[metric.aggregate];
      /** Elements that already have this metric from an earlier mapping: one problem names them. */
      const twice: Element[] = [];
      for (const element of counted.elements) {
        const tally = counted.tallyOf(metric, element)!;
        const newest = counted.newest.get(element);
        let value = resultOf(aggregation, metric.aggregate, tally);
        let n = tally.answers;
        if (metric.aggregate === "rate") {
          const overKey =
            metric.over === "previous" ? elements.order.get(element.key) : plan.elements.get(metric.over!)?.key;
          if (overKey === element.key) continue;
          const overElement = overKey === undefined ? undefined : counted.byKey.get(overKey);
          const over = overElement && counted.tallyOf(metric, overElement);
          value = over ? rateOf(tally, over, metric.column !== undefined) : undefined;
          n = over ? over.rows : 0;
          if (!over) {
            if (metric.over !== "previous" || overKey !== undefined)
              result.notes.push(
                `${opened.shown}: no rate for ${metric.metric} at ${element.name}: no rows for ${metric.over} to divide by`,
              );
            continue;
          }
        }
        if (value !== undefined && !Number.isFinite(value)) {
          mapProblem(
            `${metric.metric} at ${element.name} adds up to more than a number can hold: check the column ${quoted(metric.column ?? "")}`,
            sourceMap.rangeOf(metric),
          );
          continue;
        }
        if (value === undefined) {
          result.notes.push(
            `${opened.shown}: no value for ${metric.metric} at ${element.name}: no answers in its rows`,
          );
          continue;
        }
        const slot = `${element.key}#${metric.metric}`;
        if (written.has(slot)) {
          twice.push(element);
          continue;
        }
        written.set(slot, metric);
        const measurement: Measurement = {
          value,
          date: newest === undefined ? options.asOf : dayTextOf(newest),
          source: source.file,
          ...(aggregation.sample ? { n } : {}),
        };
        result.updates.push({ holder: element.holder, metric: metric.metric, measurement });
      }
      if (twice.length > 0) {
        const more =
          twice.length > 1 ? ` (and ${twice.length - 1} more ${plan.kind}${twice.length > 2 ? "s" : ""})` : "";
        mapProblem(
          `${twice[0]!.name}${more} gets ${metric.metric} from two sources: keep one mapping per metric and element`,
          sourceMap.rangeOf(metric),
        );
      }
    }
  }
  return result;
}

/** The note for a source none of whose rows counted (undefined when some did): which rows it read,
 * and what to change, so that "nothing to write" is never taken for "up to date". */
function idleNote(counted: Counted, options: MeasureOptions): string | undefined {
  if (counted.inWindow > 0) return undefined;
  const rows = `${counted.rows.toLocaleString("en")} row${counted.rows === 1 ? "" : "s"}`;
  if (counted.routed === 0)
    return `none of its ${rows} is about a ${counted.kind} of the map (where and skip leave every row out): check the source's "where" and "skip"`;
  const dated =
    counted.firstDay === undefined
      ? ""
      : counted.firstDay === counted.lastDay
        ? `; its rows are dated ${dayText(counted.firstDay)}`
        : `; its rows are dated ${dayText(counted.firstDay)} to ${dayText(counted.lastDay!)}`;
  const where =
    options.windowDays === undefined
      ? `no row is dated on or before --as-of ${options.asOf}${dated}`
      : `no row falls in the window of ${options.windowDays} days up to ${options.asOf} (${dayText(dayNumber(options.asOf)! - options.windowDays + 1)} to ${options.asOf})${dated}`;
  const what =
    options.windowDays === undefined
      ? "set --as-of to a day the export covers"
      : "export the rows of the window, or set --as-of and --window to the export's days";
  return `${where}: nothing is measured from it; ${what}`;
}

function planOf(
  source: Source,
  elements: Elements,
  metrics: { declared: ReadonlySet<string>; shared: boolean },
  problem: (message: string, range: Range | undefined) => void,
  sourceMap: LoadedJourney["source"],
  suggestions: { left: number },
): Plan | undefined {
  const before = { count: 0 };
  const fail = (message: string, range: Range | undefined) => {
    before.count++;
    problem(message, range);
  };
  const kinds = (["touchpoint", "stage"] as const).filter((kind) => source[kind] !== undefined);
  if (kinds.length !== 1) {
    fail(
      kinds.length === 0
        ? `source ${quoted(source.file)} says neither "touchpoint" nor "stage": add touchpoint: {column: ...} (or stage:) to say which element each row is about`
        : `source ${quoted(source.file)} has both "touchpoint" and "stage": a source's rows are about one kind of element`,
      sourceMap.rangeOf(source),
    );
    return undefined;
  }
  const kind = kinds[0]!;
  const selector = source[kind]!;
  const known = elements.of(kind);
  const unknownId = (id: string) => {
    const guess = suggestions.left-- > 0 ? closest(id, known.keys()) : undefined;
    const hint = guess ? ` (did you mean "${guess}"?)` : "";
    return `no ${kind} has the id ${quoted(id)}${hint}${kind === "touchpoint" ? ": sources name touchpoints by their id" : ""}`;
  };
  if ((selector.column === undefined) === (selector.id === undefined))
    fail(
      `"${kind}" needs either column (the column naming each row's ${kind}) or id (one ${kind} for every row)`,
      sourceMap.rangeOf(selector),
    );
  if (selector.id !== undefined && !known.has(selector.id))
    fail(unknownId(selector.id), sourceMap.valueRangeOf(selector, "id"));
  for (const [label, id] of Object.entries(selector.ids ?? {}))
    if (!known.has(id)) fail(unknownId(id), sourceMap.valueRangeOf(selector.ids!, label));
  for (const metric of source.metrics) {
    const aggregation = aggregations[metric.aggregate];
    const range = sourceMap.rangeOf(metric);
    if (metrics.declared.size > 0 && !metrics.declared.has(metric.metric)) {
      const guess = suggestions.left-- > 0 ? closest(metric.metric, metrics.declared) : undefined;
      const declared = metrics.shared ? 'is neither declared in "metrics" nor shared' : 'is not declared in "metrics"';
      fail(
        `metric ${quoted(metric.metric)} ${declared}${guess ? ` (did you mean "${guess}"?)` : ""}: declare it, or name a declared metric`,
        sourceMap.valueRangeOf(metric, "metric"),
      );
    }
    if (aggregation.column === "required" && metric.column === undefined)
      fail(`${metric.aggregate} needs the column that holds the numbers: add column: "<header>"`, range);
    if (metric.aggregate === "rate") {
      if (metric.over === undefined) fail(`rate needs "over": the ${kind} id whose rows divide, or previous`, range);
      else if (metric.over !== "previous" && !known.has(metric.over))
        fail(unknownId(metric.over), sourceMap.valueRangeOf(metric, "over"));
      if (selector.column === undefined)
        fail(
          `rate compares ${kind}s: the source needs ${kind}: {column: ...}, not one id`,
          sourceMap.rangeOf(selector),
        );
    } else if (metric.over !== undefined) {
      fail(
        `"over" is for rate only (this metric is ${metric.aggregate}): remove it`,
        sourceMap.keyRangeOf(metric, "over"),
      );
    }
  }
  if (before.count > 0) return undefined;
  return {
    source,
    kind,
    elements: known,
    ...(selector.id !== undefined ? { fixed: known.get(selector.id)! } : {}),
    metrics: source.metrics,
  };
}

/** Day numbers of date cells, remembered by their day part: a million rows name a few hundred days. */
class DayCache {
  readonly #days = new Map<string, number | undefined>();
  /** ISO days by YYYYMMDD as a number: no string is cut from a cell to look it up. */
  readonly #isoDays = new Map<number, number | undefined>();
  readonly #iso: boolean;
  constructor(private readonly format: DateFormat | undefined) {
    this.#iso = (format ?? "auto") === "auto" || format === "YYYY-MM-DD";
  }

  of(cell: string): number | undefined {
    if (this.#iso) {
      // "2025-06-28" and "2025-06-28T10:22:00Z": the day part is looked up, the rest only checked.
      const key = isoKey(cell);
      if (key !== -1 && (cell.length === 10 || ((TIME_AFTER_DAY.lastIndex = 10), TIME_AFTER_DAY.test(cell)))) {
        if (this.#isoDays.has(key)) return this.#isoDays.get(key);
        const day = dayOf(Math.floor(key / 10_000), Math.floor(key / 100) % 100, key % 100);
        if (this.#isoDays.size < 100_000) this.#isoDays.set(key, day);
        return day;
      }
    }
    if (this.#days.has(cell)) return this.#days.get(cell);
    const day = dayOfCell(cell, this.format);
    if (this.#days.size < 100_000) this.#days.set(cell, day);
    return day;
  }
}

const TIME_AFTER_DAY = /[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?$/y;

/** YYYYMMDD as a number when a cell starts with a day written YYYY-MM-DD, else -1. */
function isoKey(cell: string): number {
  if (cell.length < 10 || cell.charCodeAt(4) !== 45 || cell.charCodeAt(7) !== 45) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}

const NUMBER = { ".": /^[+-]?(\d+(\.\d*)?|\.\d+)$/, ",": /^[+-]?(\d+(,\d*)?|,\d+)$/ } as const;

/** A cell's number (NUMBER's syntax, with `decimal` as the decimal mark), or undefined when it holds
 * none. Whole numbers, most answers, are read without a regular expression or a new string. */
function numberOf(cell: string, decimal: "." | ","): number | undefined {
  const length = cell.length;
  let i = 0;
  const sign = cell.charCodeAt(0);
  if (sign === 43 || sign === 45) i++;
  let whole = 0;
  const digitsFrom = i;
  for (; i < length; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === length && i > digitsFrom && i - digitsFrom <= 15) return sign === 45 ? -whole : whole;
  if (!NUMBER[decimal].test(cell)) return undefined;
  return Number(decimal === "," ? cell.replace(",", ".") : cell);
}

/** The cell without surrounding white space; a cell that has none (most) is not copied. */
function trimmed(cell: string): string {
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? cell : cell.trim();
}

/** A source's rows added up: the elements they count for (in the order of their first row), each
 * element's rows and newest day, and a tally per element for each column the metrics read. */
interface Counted {
  kind: "stage" | "touchpoint";
  elements: Element[];
  byKey: Map<string, Element>;
  newest: Map<Element, number>;
  /** The tally of a metric at an element (its column's; rows only, for a metric without one). */
  tallyOf(metric: SourceMetric, element: Element): Tally | undefined;
  /** Data rows in the file; rows about an element of the map; of those, rows in the window. */
  rows: number;
  routed: number;
  inWindow: number;
  /** The oldest and newest day of the routed rows, in the window or not. */
  firstDay?: number;
  lastDay?: number;
}

/** What a run keeps across sources: the tables read, the counts of sources that read the same rows
 * the same way (a map naming one export many times alike), and the rows visited so far. */
interface Run {
  tables: SourceTables;
  counted: Map<string, Counted | "failed">;
  visits: number;
  /** Sources whose CSV file had a problem. */
  problems: number;
}

/** A cache of one value per code of a column, for a source's pass: a typed array when the pass
 * visits many rows for the column's size, else a Map (thousands of sources each visiting a few rows
 * of a column of 60,000 distinct cells must not each allocate and clear an array of 60,000). */
class PerCode {
  readonly #array: Float64Array | undefined;
  readonly #map: Map<number, number> | undefined;
  constructor(size: number, visits: number) {
    if (size <= 4 * visits + 64) this.#array = new Float64Array(size).fill(NaN);
    else this.#map = new Map();
  }
  /** NaN when not set yet. */
  get(code: number): number {
    return this.#array ? this.#array[code]! : (this.#map!.get(code) ?? NaN);
  }
  set(code: number, value: number): void {
    if (this.#array) this.#array[code] = value;
    else this.#map!.set(code, value);
  }
}

/** A cell with no answer (a skipped question), among the numbers a PerCode holds. */
const EMPTY = Infinity;

/** Adds up one source's rows; undefined (with a problem) when the file's content is bad, "refused"
 * when the map's sources would visit more than MAX_ROW_VISITS rows. */
async function countSource(
  plan: Plan,
  opened: { shown: string; read: () => AsyncIterable<Uint8Array>; identity?: FileIdentity },
  options: MeasureOptions,
  run: Run,
  result: MeasureResult,
  suggestions: { left: number },
): Promise<Counted | undefined | "refused"> {
  const { source } = plan;
  const selector = source[plan.kind]!;
  const csvOptions = source.delimiter ? { delimiter: source.delimiter } : {};
  // Sources that read the same file the same way (routing and columns) count the same rows.
  const routing = JSON.stringify([
    opened.identity?.key ?? opened.shown,
    plan.kind,
    selector,
    source.skip ?? [],
    source.where ?? {},
    source.date ?? {},
    source.delimiter ?? "",
    source.decimal ?? "",
    plan.metrics.map((metric) => [metric.column ?? null, metric.aggregate]),
  ]);
  const known = run.counted.get(routing);
  if (known !== undefined) return known === "failed" ? undefined : known;
  const read = () => readTable(opened.read(), csvOptions);
  let table: SourceTable;
  const kept = run.tables.get(opened.identity, csvOptions, read);
  if (kept) table = await kept;
  else {
    // Not kept (a big export): read with only the columns this source needs.
    const names = new Set([
      selector.column,
      source.date?.column,
      ...Object.keys(source.where ?? {}),
      ...plan.metrics.map((metric) => metric.column),
    ]);
    table = await readTable(opened.read(), csvOptions, (header) => {
      const wanted = new Set<number>();
      header.forEach((cell, index) => {
        if (names.has(cell.trim())) wanted.add(index);
      });
      return wanted;
    });
  }
  try {
    const counted = countRows(plan, table, options, run, suggestions);
    if (counted !== "refused") run.counted.set(routing, counted);
    return counted;
  } catch (error) {
    if (!(error instanceof CsvProblem)) throw error;
    run.counted.set(routing, "failed");
    const { message, line, column } = await explainCsv(opened.read, csvOptions, error);
    result.problems.push({
      file: opened.shown,
      ruleId: DATA_SOURCE,
      severity: "error",
      message,
      line,
      column,
      endLine: line,
      endColumn: column + 1,
    });
    return undefined;
  }
}

/** One source's pass over a table's rows (those its first where condition selects, by index):
 * each distinct cell is looked up once (its element, day, number); a problem throws a CsvProblem at
 * its record. The work is the rows visited times the columns read, plus the distinct cells. */
function countRows(
  plan: Plan,
  table: SourceTable,
  options: MeasureOptions,
  run: Run,
  suggestions: { left: number },
): Counted | "refused" {
  const { source } = plan;
  const selector = source[plan.kind]!;
  const header = table.header;
  const asOf = dayNumber(options.asOf)!;
  const from = options.windowDays === undefined ? -Infinity : asOf - options.windowDays;
  const counted: Counted = {
    kind: plan.kind,
    elements: [],
    byKey: new Map(),
    newest: new Map(),
    tallyOf: () => undefined,
    rows: table.rows,
    routed: 0,
    inWindow: 0,
  };
  if (!header) {
    if (table.problem) throw table.problem;
    throw new CsvProblem("the file is empty: export it again with its header row", { line: 1, column: 1 });
  }
  const columnIndex = (name: string, what: string): number => {
    const index = header.findIndex((cell) => cell.trim() === name);
    if (index !== -1) return index;
    const guess =
      suggestions.left-- > 0
        ? closest(
            name,
            header.map((cell) => cell.trim()),
          )
        : undefined;
    // The header is not listed: a file that is not an export (a config, a key) has its first line
    // there, and a message quotes no more of a source than one cell.
    const columns = `${header.length} column${header.length === 1 ? "" : "s"}`;
    throw new CsvProblem(
      `no column ${quoted(name)} (${what}) in the header${guess ? ` (did you mean ${quoted(guess)}?)` : ""}: its ${columns} are named on this line; name one of them`,
      { record: table.headerRecord },
    );
  };
  const column = (index: number): Column => table.columns.get(index)!;
  const keyIndex = selector.column === undefined ? -1 : columnIndex(selector.column, plan.kind);
  const dateIndex = source.date ? columnIndex(source.date.column, "date") : -1;
  const where = Object.entries(source.where ?? {}).map(([name, value]) => {
    const index = columnIndex(name, "where");
    return { index, codes: new Set(table.codesOf(index, value)) };
  });
  // Metrics read columns: one tally per column and element serves every metric reading it (15,000
  // metrics over one column are one tally per row, not 15,000); each scale is checked once per cell.
  const columns = new Map<
    number,
    { name: string; scales: Array<NonNullable<Aggregation["scale"]>>; median: boolean }
  >();
  for (const metric of plan.metrics) {
    if (metric.column === undefined) continue;
    const index = columnIndex(metric.column, metric.metric);
    const entry = columns.get(index) ?? { name: metric.column, scales: [], median: false };
    const scale = aggregations[metric.aggregate].scale;
    if (scale && !entry.scales.includes(scale)) entry.scales.push(scale);
    if (metric.aggregate === "median") entry.median = true;
    columns.set(index, entry);
  }
  // The rows to visit: those the first where condition keeps, in file order, by the column's index.
  let visit: Int32Array | undefined;
  if (where.length > 0) {
    const postings = table.postings(where[0]!.index);
    const parts = [...where[0]!.codes].map((code) =>
      postings.rows.subarray(postings.starts[code], postings.starts[code + 1]),
    );
    visit = parts.length === 1 ? parts[0]! : Int32Array.from(parts.flatMap((part) => [...part])).sort();
  }
  const visits = visit ? visit.length : table.rows;
  if (run.visits + visits > MAX_ROW_VISITS) return "refused";
  run.visits += visits;

  const skip = new Set(source.skip ?? []);
  const ids = selector.ids ?? {};
  const SKIPPED = -1;
  const keyColumn = keyIndex === -1 ? undefined : column(keyIndex);
  const elementCodes = keyColumn ? new PerCode(keyColumn.values.length, visits) : undefined;
  /** Elements by position; rows, answers and tallies are arrays by the same position. */
  const elements: Element[] = [];
  const positionOf = new Map<Element, number>();
  const elementAt = (cell: string, record: number): number => {
    const trimmedCell = cell.trim();
    if (skip.has(trimmedCell)) return SKIPPED;
    const id = Object.prototype.hasOwnProperty.call(ids, trimmedCell) ? ids[trimmedCell]! : trimmedCell;
    const element = plan.elements.get(id);
    if (!element) {
      const guess =
        suggestions.left-- > 0 ? closest(trimmedCell, [...plan.elements.keys(), ...Object.keys(ids)]) : undefined;
      throw new CsvProblem(
        trimmedCell === ""
          ? `no ${plan.kind} in column ${quoted(selector.column!)}: fill it, or add "" to skip if such rows are totals`
          : `no ${plan.kind} ${quoted(trimmedCell)} in the map${guess ? ` (did you mean ${quoted(guess)}?)` : ""}: name a ${plan.kind} id, map the label with ids, or add it to skip`,
        { record, field: keyIndex },
      );
    }
    return positionFor(element);
  };
  const positionFor = (element: Element): number => {
    let position = positionOf.get(element);
    if (position === undefined) {
      position = elements.length;
      elements.push(element);
      positionOf.set(element, position);
    }
    return position;
  };
  const fixed = plan.fixed ? positionFor(plan.fixed) : SKIPPED;
  const dateColumn = dateIndex === -1 ? undefined : column(dateIndex);
  const dayCodes = dateColumn ? new PerCode(dateColumn.values.length, visits) : undefined;
  const days = new DayCache(source.date?.format);
  const decimal: "." | "," = source.decimal ?? (table.delimiter === ";" ? "," : ".");
  const reads = [...columns].map(([index, { name, scales, median }]) => {
    const read = column(index);
    return {
      index,
      name,
      scales,
      median,
      read,
      numbers: new PerCode(read.values.length, visits),
      // Each scale's verdict per code: 0 not checked, 1 on the scale.
      fits: scales.map(() => new PerCode(read.values.length, visits)),
      tallies: [] as Tally[],
    };
  });
  // By position: at most one per element of the map (and the fixed one).
  const rowsAt = new Int32Array(plan.elements.size + 1);
  const newestAt = new Float64Array(plan.elements.size + 1).fill(-Infinity);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let k = 0; k < visits; k++) {
    const row = visit ? visit[k]! : k;
    const record = table.records[row]!;
    let matches = true;
    for (let w = where.length > 0 ? 1 : 0; w < where.length; w++)
      if (!where[w]!.codes.has(column(where[w]!.index).codes[row]!)) matches = false;
    if (!matches) continue;
    let position = fixed;
    if (keyColumn) {
      const code = keyColumn.codes[row]!;
      position = elementCodes!.get(code);
      if (Number.isNaN(position)) {
        position = elementAt(keyColumn.values[code]!, record);
        elementCodes!.set(code, position);
      }
    }
    if (position === SKIPPED) continue;
    counted.routed++;
    let day: number | undefined;
    if (dateColumn) {
      const code = dateColumn.codes[row]!;
      day = dayCodes!.get(code);
      if (Number.isNaN(day)) {
        const cell = dateColumn.values[code]!;
        day = days.of(cell);
        if (day === undefined)
          throw new CsvProblem(
            `${quoted(cell.trim())} is not a date in ${source.date!.format ?? "YYYY-MM-DD or YYYYMMDD"}: set the source's date format`,
            { record, field: dateIndex },
          );
        dayCodes!.set(code, day);
      }
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
      if (day > asOf || day <= from) continue;
    }
    counted.inWindow++;
    rowsAt[position]!++;
    if (day !== undefined && day > newestAt[position]!) newestAt[position] = day;
    for (const entry of reads) {
      const code = entry.read.codes[row]!;
      let answer = entry.numbers.get(code);
      if (Number.isNaN(answer)) {
        const cell = trimmed(entry.read.values[code]!);
        answer = cell === "" ? EMPTY : numberCell(cell, entry.name, decimal, record, entry.index);
        entry.numbers.set(code, answer);
      }
      if (answer === EMPTY) continue; // a question the respondent skipped
      for (let s = 0; s < entry.scales.length; s++) {
        if (entry.fits[s]!.get(code) === 1) continue;
        const scale = entry.scales[s]!;
        if (!Number.isInteger(answer) || answer < scale.min || answer > scale.max)
          throw new CsvProblem(
            `${quoted(trimmed(entry.read.values[code]!))} is not ${scale.what} (a whole number from ${scale.min} to ${scale.max})`,
            { record, field: entry.index },
          );
        entry.fits[s]!.set(code, 1);
      }
      const tally = (entry.tallies[position] ??= emptyTally(entry.median));
      tallyAnswer(tally, answer);
    }
  }
  if (table.problem) throw table.problem;
  if (table.rows === 0)
    throw new CsvProblem("the file has a header and no rows: export it again with its data", {
      record: table.headerRecord,
    });
  if (firstDay <= lastDay) {
    counted.firstDay = firstDay;
    counted.lastDay = lastDay;
  }
  const bare = new Map<number, Tally>();
  for (let position = 0; position < elements.length; position++) {
    if (rowsAt[position] === 0) continue;
    const element = elements[position]!;
    counted.elements.push(element);
    counted.byKey.set(element.key, element);
    if (newestAt[position]! > -Infinity) counted.newest.set(element, newestAt[position]!);
    for (const entry of reads) (entry.tallies[position] ??= emptyTally(entry.median)).rows = rowsAt[position]!;
    bare.set(position, { ...emptyTally(), rows: rowsAt[position]! });
  }
  const byColumn = new Map(reads.map((entry) => [entry.name, entry.tallies]));
  // By the column's name: sources that count alike share this (their metrics are other objects).
  counted.tallyOf = (metric, element) => {
    const position = positionOf.get(element);
    if (position === undefined || rowsAt[position] === 0) return undefined;
    return metric.column === undefined ? bare.get(position) : byColumn.get(metric.column)![position];
  };
  return counted;
}

/** A metric cell's number, or a CsvProblem at its record and field. */
function numberCell(cell: string, name: string, decimal: "." | ",", record: number, field: number): number {
  const answer = numberOf(cell, decimal);
  if (answer === undefined) {
    const other = decimal === "." ? "," : ".";
    throw new CsvProblem(
      `${quoted(cell)} in column ${quoted(name)} is not a number${NUMBER[other].test(cell) ? ` with "${decimal}" as decimal mark: set decimal: "${other}" on the source` : ""}`,
      { record, field },
    );
  }
  if (!Number.isFinite(answer))
    throw new CsvProblem(`${quoted(cell)} in column ${quoted(name)} is too large a number`, { record, field });
  return answer;
}
