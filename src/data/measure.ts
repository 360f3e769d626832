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
import { aggregations, emptyTally, rateOf, tallyAnswer, type Aggregation, type Tally } from "./aggregations.js";
import { CsvProblem, explainCsv, readCsv } from "./csv.js";
import { dayOfCell } from "./dates.js";

/** The rule id of every data-source problem, in every report. */
export const DATA_SOURCE = "data-source";

export interface MeasureOptions {
  /** The day the run measures as of (YYYY-MM-DD): rows after it are left out; without a date column
   * it is the values' date. */
  asOf: string;
  /** Only rows dated within this many days up to asOf count (needs a date column). */
  windowDays?: number;
}

/** A source's CSV file, opened by the caller (the I/O edge), or the reason it may not be read. */
export type OpenedSource = { shown: string; read: () => AsyncIterable<Uint8Array> } | { refused: string };

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
export function quoted(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(short);
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

/** Measures every source of a map. Reads each CSV file once (twice when it has a problem, for its
 * position); never throws for bad data, only for files that cannot be read at all. */
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
  for (const source of journey.sources ?? []) {
    const plan = planOf(source, elements, { declared, shared }, mapProblem, sourceMap);
    if (!plan) continue;
    const opened = open(source);
    if ("refused" in opened) {
      mapProblem(opened.refused, sourceMap.valueRangeOf(source, "file"));
      continue;
    }
    const tallies = await tallySource(plan, opened, options, result);
    if (!tallies) continue;
    for (const metric of plan.metrics) {
      const aggregation = aggregations[metric.aggregate];
      const byElement = tallies.get(metric)!;
      for (const [key, { element, tally, newest }] of byElement) {
        let value = aggregation.result(tally);
        let n = tally.answers;
        if (metric.aggregate === "rate") {
          const overKey = metric.over === "previous" ? elements.order.get(key) : plan.elements.get(metric.over!)?.key;
          if (overKey === key) continue;
          const over = overKey === undefined ? undefined : byElement.get(overKey)?.tally;
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
        const slot = `${key}#${metric.metric}`;
        const earlier = written.get(slot);
        if (earlier) {
          mapProblem(
            `${element.name} gets ${metric.metric} from two sources: keep one mapping per metric and element`,
            sourceMap.rangeOf(metric),
          );
          continue;
        }
        written.set(slot, metric);
        const measurement: Measurement = {
          value,
          date: newest === undefined ? options.asOf : dayText(newest),
          source: source.file,
          ...(aggregation.sample ? { n } : {}),
        };
        result.updates.push({ holder: element.holder, metric: metric.metric, measurement });
      }
    }
  }
  return result;
}

function planOf(
  source: Source,
  elements: Elements,
  metrics: { declared: ReadonlySet<string>; shared: boolean },
  problem: (message: string, range: Range | undefined) => void,
  sourceMap: LoadedJourney["source"],
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
    const guess = closest(id, known.keys());
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
      const guess = closest(metric.metric, metrics.declared);
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

interface Group {
  element: Element;
  tally: Tally;
  newest?: number;
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

/** Reads one source's rows into tallies per metric and element; undefined (with a problem) when the
 * file's content is bad. */
async function tallySource(
  plan: Plan,
  opened: { shown: string; read: () => AsyncIterable<Uint8Array> },
  options: MeasureOptions,
  result: MeasureResult,
): Promise<Map<SourceMetric, Map<string, Group>> | undefined> {
  const { source } = plan;
  const selector = source[plan.kind]!;
  const tallies = new Map<SourceMetric, Map<string, Group>>(plan.metrics.map((metric) => [metric, new Map()]));
  const asOf = dayNumber(options.asOf)!;
  const from = options.windowDays === undefined ? -Infinity : asOf - options.windowDays;
  const skip = new Set(source.skip ?? []);
  const ids = selector.ids ?? {};
  let header: string[] | undefined;
  let headerRecord = 0;
  let keyIndex = -1;
  let dateIndex = -1;
  let columns: Array<{ metric: SourceMetric; index: number; scale: Aggregation["scale"] }> = [];
  let where: Array<{ index: number; value: string }> = [];
  let rows = 0;
  let decimal: "." | "," = source.decimal ?? ".";
  const csvOptions = source.delimiter ? { delimiter: source.delimiter } : {};
  const columnIndex = (name: string, what: string): number => {
    const index = header!.findIndex((cell) => cell.trim() === name);
    if (index !== -1) return index;
    const guess = closest(
      name,
      header!.map((cell) => cell.trim()),
    );
    // The header is not listed: a file that is not an export (a config, a key) has its first line
    // there, and a message quotes no more of a source than one cell.
    const columns = `${header!.length} column${header!.length === 1 ? "" : "s"}`;
    throw new CsvProblem(
      `no column ${quoted(name)} (${what}) in the header${guess ? ` (did you mean ${quoted(guess)}?)` : ""}: its ${columns} are named on this line; name one of them`,
      { record: headerRecord },
    );
  };
  const days = new DayCache(source.date?.format);
  /** The element of each touchpoint or stage cell seen (null: a row to skip), so that a million rows
   * naming a few elements look each up once; bounded, as cells are hostile. */
  const elementOfCell = new Map<string, Element | null>();
  const elementOf = (raw: string, record: number): Element | null => {
    const known = elementOfCell.get(raw);
    if (known !== undefined) return known;
    const cell = raw.trim();
    let element: Element | null = null;
    if (!skip.has(cell)) {
      const id = Object.prototype.hasOwnProperty.call(ids, cell) ? ids[cell]! : cell;
      element = plan.elements.get(id) ?? null;
      if (!element) {
        const guess = closest(cell, [...plan.elements.keys(), ...Object.keys(ids)]);
        throw new CsvProblem(
          cell === ""
            ? `no ${plan.kind} in column ${quoted(selector.column!)}: fill it, or add "" to skip if such rows are totals`
            : `no ${plan.kind} ${quoted(cell)} in the map${guess ? ` (did you mean "${guess}"?)` : ""}: name a ${plan.kind} id, map the label with ids, or add it to skip`,
          { record, field: keyIndex },
        );
      }
    }
    if (elementOfCell.size < 10_000) elementOfCell.set(raw, element);
    return element;
  };
  /** Each element's groups, one per metric in plan order. */
  const groupsOf = new Map<Element, Group[]>();
  const groupsFor = (element: Element): Group[] => {
    let groups = groupsOf.get(element);
    if (!groups) {
      groups = plan.metrics.map((metric) => {
        const group: Group = { element, tally: emptyTally(metric.aggregate === "median") };
        tallies.get(metric)!.set(element.key, group);
        return group;
      });
      groupsOf.set(element, groups);
    }
    return groups;
  };
  const onRow = (cells: string[], record: number) => {
    if (cells[0]!.trim() === "" && cells.every((cell) => cell.trim() === "")) return;
    if (!header) {
      header = cells;
      headerRecord = record;
      if (selector.column !== undefined) keyIndex = columnIndex(selector.column, plan.kind);
      if (source.date) dateIndex = columnIndex(source.date.column, "date");
      where = Object.entries(source.where ?? {}).map(([column, value]) => ({
        index: columnIndex(column, "where"),
        value,
      }));
      columns = plan.metrics.map((metric) => ({
        metric,
        index: metric.column === undefined ? -1 : columnIndex(metric.column, metric.metric),
        scale: aggregations[metric.aggregate].scale,
      }));
      return;
    }
    rows++;
    if (cells.length !== header.length)
      throw new CsvProblem(
        `this row has ${cells.length} field${cells.length === 1 ? "" : "s"} and the header ${header.length}: a delimiter too many or too few?`,
        { record },
      );
    for (const condition of where) if (cells[condition.index]!.trim() !== condition.value) return;
    const element = keyIndex === -1 ? plan.fixed! : elementOf(cells[keyIndex]!, record);
    if (!element) return;
    let day: number | undefined;
    if (dateIndex !== -1) {
      day = days.of(cells[dateIndex]!);
      if (day === undefined)
        throw new CsvProblem(
          `${quoted(cells[dateIndex]!.trim())} is not a date in ${source.date!.format ?? "YYYY-MM-DD or YYYYMMDD"}: set the source's date format`,
          { record, field: dateIndex },
        );
      if (day > asOf || day <= from) return;
    }
    const groups = groupsFor(element);
    for (let c = 0; c < columns.length; c++) {
      const { metric, index, scale } = columns[c]!;
      const group = groups[c]!;
      group.tally.rows++;
      if (day !== undefined && (group.newest === undefined || day > group.newest)) group.newest = day;
      if (index === -1) continue;
      const cell = trimmed(cells[index]!);
      if (cell === "") continue; // a question the respondent skipped
      const answer = numberOf(cell, decimal);
      if (answer === undefined) {
        const other = decimal === "." ? "," : ".";
        throw new CsvProblem(
          `${quoted(cell)} in column ${quoted(metric.column!)} is not a number${NUMBER[other].test(cell) ? ` with "${decimal}" as decimal mark: set decimal: "${other}" on the source` : ""}`,
          { record, field: index },
        );
      }
      if (!Number.isFinite(answer))
        throw new CsvProblem(`${quoted(cell)} in column ${quoted(metric.column!)} is too large a number`, {
          record,
          field: index,
        });
      if (scale && (!Number.isInteger(answer) || answer < scale.min || answer > scale.max))
        throw new CsvProblem(
          `${quoted(cell)} is not ${scale.what} (a whole number from ${scale.min} to ${scale.max})`,
          { record, field: index },
        );
      tallyAnswer(group.tally, metric.aggregate, answer);
    }
  };
  try {
    await readCsv(opened.read(), csvOptions, onRow, (delimiter) => {
      // European Excel writes ";" between fields because "," is its decimal mark.
      if (source.decimal === undefined) decimal = delimiter === ";" ? "," : ".";
    });
    if (!header) throw new CsvProblem("the file is empty: export it again with its header row", { line: 1, column: 1 });
    if (rows === 0)
      throw new CsvProblem("the file has a header and no rows: export it again with its data", {
        record: headerRecord,
      });
  } catch (error) {
    if (!(error instanceof CsvProblem)) throw error;
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
  return tallies;
}
