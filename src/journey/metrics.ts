// Questions about metric values that rules, renderers and data sources all ask, answered once: which
// definitions apply, what a value reads as, whether it is on target, how old it is and how it is shown.
import type { SharedScope } from "./definitions.js";
import type { Journey, MeasuredValue, MetricDefinition, MetricValue, Stage, Touchpoint } from "./model.js";

/** Definitions by id: the map's own and the shared ones it uses, as the loader resolved them (a shared
 * metric that a value or a source names is in the map's list). The first definition of an id wins. */
export function metricDefinitionsFor(journey: Pick<Journey, "metrics">): Map<string, MetricDefinition> {
  const definitions = new Map<string, MetricDefinition>();
  for (const definition of journey.metrics ?? [])
    if (!definitions.has(definition.id)) definitions.set(definition.id, definition);
  return definitions;
}

/** The metric ids a map's values and sources may name: its definitions, then every metric shared in its
 * scope. Empty when none is declared anywhere: the map's values are then free-form and unchecked. */
export function declaredMetricIds(
  definitions: ReadonlyMap<string, MetricDefinition>,
  scope: SharedScope | undefined,
): Set<string> {
  const ids = new Set(definitions.keys());
  for (const id of scope?.byKind.metric.keys() ?? []) ids.add(id);
  return ids;
}

/** A metric value as every reader sees it: a number (with what it was measured from) or text. */
export interface MetricReading {
  value?: number;
  /** Text values are shown as written and never judged. */
  text?: string;
  target?: number;
  date?: string;
  source?: string;
  n?: number;
}

export function readingOf(value: MetricValue): MetricReading {
  if (typeof value === "number") return { value };
  if (typeof value === "string") return { text: value };
  const { value: number, target, date, source, n } = value;
  return {
    value: number,
    ...(target !== undefined ? { target } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(n !== undefined ? { n } : {}),
  };
}

/** Where a metric value sits: on a stage, or on a touchpoint of a stage. */
export interface MetricPlace {
  stage: Stage;
  touchpoint?: Touchpoint;
  /** The element that holds the value (the touchpoint, else the stage). */
  holder: Stage | Touchpoint;
  metrics: Record<string, MetricValue>;
  id: string;
  value: MetricValue;
}

/** The metric entries of one element, own keys only, in the map's order. */
export function metricEntries(holder: Stage | Touchpoint): Array<[string, MetricValue]> {
  return holder.metrics ? Object.entries(holder.metrics) : [];
}

/** Every metric value of the map, stage by stage: the stage's own values, then its touchpoints'. */
export function* metricValuesOf(journey: Journey): Generator<MetricPlace> {
  for (const stage of journey.stages) {
    for (const [id, value] of metricEntries(stage)) yield { stage, holder: stage, metrics: stage.metrics!, id, value };
    for (const touchpoint of stage.touchpoints ?? [])
      for (const [id, value] of metricEntries(touchpoint))
        yield { stage, touchpoint, holder: touchpoint, metrics: touchpoint.metrics!, id, value };
  }
}

export type MetricStatus = "on" | "near" | "off";

/** The target a reading is judged against: its own, else its definition's. */
export function targetOf(reading: MetricReading, definition: MetricDefinition | undefined): number | undefined {
  return reading.target ?? definition?.target;
}

/** On target (meets it), near target (worse, but not past the warning threshold) or off target.
 * Undefined when there is nothing to judge: text, no target, or no definition saying which way is better. */
export function metricStatus(
  reading: MetricReading,
  definition: MetricDefinition | undefined,
): MetricStatus | undefined {
  const target = targetOf(reading, definition);
  if (reading.value === undefined || target === undefined || !definition?.better) return undefined;
  const sign = definition.better === "higher" ? 1 : -1;
  const gap = sign * (reading.value - target);
  if (gap >= 0) return "on";
  const warning = definition.warning;
  if (warning !== undefined && sign * (reading.value - warning) >= 0) return "near";
  return "off";
}

/** The words and icon for a status, the same in the picture and on the page (never colour alone). */
export const STATUS_LABELS: Record<MetricStatus, string> = {
  on: "✓ on target",
  near: "▲ near target",
  off: "✗ off target",
};

/** Days since 1970-01-01 of a YYYY-MM-DD day, or undefined when it is not a day of the calendar. */
export function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Days since 1970-01-01 of a year, month and day, or undefined when there is no such day. */
export function dayOf(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round(time / 86_400_000);
}

/** YYYY-MM-DD of a day number. */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The age in days of a reading's date at `asOf` (both YYYY-MM-DD), or undefined when either is missing or not a day. */
export function ageInDays(reading: MetricReading, asOf: string | undefined): number | undefined {
  if (reading.date === undefined || asOf === undefined) return undefined;
  const date = dayNumber(reading.date);
  const today = dayNumber(asOf);
  return date === undefined || today === undefined ? undefined : today - date;
}

/** The default for stale-metric and for dates shown in the picture: 90 days. */
export const DEFAULT_MAX_AGE_DAYS = 90;

/** A count with thousands separators, the same on every machine (no locale). */
function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number's shortest digits that read back as it (JavaScript's), written out without an exponent:
 * 1e21 is "1000000000000000000000", 1e-7 "0.0000001", -0 "0" (at most 330 characters). For YAML a
 * map reads back, and for text a person reads: "1e+21" is neither. NaN and the infinities as words. */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = "", exponent] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A number with at most `decimals` decimals, grouped, never "-0" nor an exponent: 1e21 is
 * "1,000,000,000,000,000,000,000"; a number too small for the decimals (but some) keeps two
 * significant digits (0.00012, not 0); NaN is "NaN", the infinities "∞" and "-∞". */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
  // toFixed writes an exponent from 1e21 on: such numbers are whole, their digits are written out.
  const fixed = Math.abs(value) < 1e21 ? value.toFixed(decimals) : plainNumber(value);
  const [integer, fraction = ""] = fixed.replace(/^-/, "").split(".");
  const trimmed = fraction.replace(/0+$/, "");
  if (decimals > 0 && value !== 0 && Number(integer) === 0 && trimmed === "") {
    const small = plainNumber(Math.abs(Number(value.toPrecision(2))));
    return `${value < 0 ? "-" : ""}${small}`;
  }
  const sign = value < 0 && (Number(integer) !== 0 || trimmed !== "") ? "-" : "";
  return `${sign}${grouped(integer!)}${trimmed ? `.${trimmed}` : ""}`;
}

/** A number in its metric's unit: "72.5%", "12,400", "1 min 35 s", "12,500 EUR", "0.31". */
export function formatMetricNumber(value: number, definition: MetricDefinition | undefined): string {
  switch (definition?.unit) {
    case "percent":
      return `${formatNumber(value, 1)}%`;
    case "count":
      return formatNumber(value, 0);
    case "currency":
      return `${formatNumber(value, 2)}${definition.currency ? ` ${definition.currency}` : ""}`;
    case "seconds": {
      if (Math.abs(value) < 60) return `${formatNumber(value, 1)} s`;
      const minutes = Math.trunc(value / 60);
      return `${formatNumber(minutes, 0)} min ${formatNumber(Math.abs(value - minutes * 60), 0)} s`;
    }
    case "ratio":
      return formatNumber(value, 3);
    case undefined:
      // A value of no defined metric is shown as written, as it always was.
      return definition === undefined ? plainNumber(value) : formatNumber(value, 2);
    default:
      return formatNumber(value, 2);
  }
}

/** A reading as shown: its number in the unit, or its text as written. */
export function formatReading(reading: MetricReading, definition: MetricDefinition | undefined): string {
  return reading.value !== undefined ? formatMetricNumber(reading.value, definition) : (reading.text ?? "");
}

/** What a metric is called: its definition's name, else its id. */
export function metricLabel(id: string, definition: MetricDefinition | undefined): string {
  return definition?.name ?? id;
}

/** Stage counts draw the funnel: values of metrics whose unit is count. */
export function isFunnelMetric(definition: MetricDefinition | undefined): boolean {
  return definition?.unit === "count";
}

/** The measured value a data source writes: the number with its date, source and sample size. */
export type Measurement = Pick<MeasuredValue, "value" | "date" | "source" | "n">;

/** What a finding about one metric value is about: its element's subject and the metric id. */
export function metricSubject(elementSubject: string, id: string): string {
  return `${elementSubject}:metric:${id}`;
}
