// Measured values into a map: in memory (render --data, lint --data), and into the map's text by
// source offset (data pull), keeping every other byte: comments, key order, quoting, line endings.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";
import { LineIndex, applyEdits } from "../lint/fix/edits.js";
import { flowScalar, pairOf } from "../lint/fix/touchpoint-nodes.js";
import type { Edit } from "../lint/fix/types.js";
import type { SharedScope } from "../journey/definitions.js";
import { loadJourney } from "../journey/load.js";
import { plainNumber, readingOf, type Measurement } from "../journey/metrics.js";
import type { Journey, MeasuredValue, MetricValue, Stage, Touchpoint } from "../journey/model.js";
import type { MetricHolder, MetricUpdate } from "./measure.js";

function holderOf(journey: Journey, holder: MetricHolder): Stage | Touchpoint {
  const stage = journey.stages[holder.stage]!;
  return holder.touchpoint === undefined ? stage : stage.touchpoints![holder.touchpoint]!;
}

/** The value a measurement makes of what was there: the measurement's fields over a measured
 * value's own (its target and x- keys stay), or the measurement alone over a number or text. */
export function mergedValue(old: MetricValue | undefined, measurement: Measurement): MeasuredValue {
  return { ...(typeof old === "object" ? old : {}), ...measurement };
}

/** Sets each update's value on the map's touchpoints and stages, in place: the loaded map's source
 * ranges keep pointing at every element that was there (lint --data reports at them). */
export function applyUpdates(journey: Journey, updates: readonly MetricUpdate[]): void {
  for (const update of updates) {
    const holder = holderOf(journey, update.holder);
    const metrics = (holder.metrics ??= {});
    const old = Object.prototype.hasOwnProperty.call(metrics, update.metric) ? metrics[update.metric] : undefined;
    Object.defineProperty(metrics, update.metric, {
      value: mergedValue(old, update.measurement),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A string as a YAML flow scalar that reads back as the same string. */
export function yamlString(text: string): string {
  // A day stays plain: YAML 1.2 (the loader's) reads 2025-06-28 as text.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const plain =
    /^[A-Za-z0-9_][A-Za-z0-9_./ ()-]*$/.test(text) &&
    !text.endsWith(" ") &&
    !YAML_WORDS.test(text) &&
    !/^[-+]?(\d|\.\d)/.test(text);
  return plain ? text : JSON.stringify(text);
}

const FIELDS = ["value", "date", "source", "n"] as const;

function scalarText(field: (typeof FIELDS)[number], measurement: Measurement): string | undefined {
  const value = measurement[field];
  if (value === undefined) return undefined;
  // Digits, never an exponent (String(1e21) is "1e+21"): the map shows the number as people write it.
  return typeof value === "number" ? plainNumber(value) : yamlString(value);
}

/** `{value: 72.5, date: 2025-06-28, source: data/survey.csv, n: 412}` */
export function flowMeasurement(measurement: Measurement): string {
  const parts = FIELDS.flatMap((field) => {
    const text = scalarText(field, measurement);
    return text === undefined ? [] : [`${field}: ${text}`];
  });
  return `{${parts.join(", ")}}`;
}

/** A map's text could not take the values; the message says where and why. */
export class EditProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A problem at a pair's key: the place in the map the user has to change. */
function atKey(pair: Pair, message: string): EditProblem {
  return new EditProblem(message, (pair.key as Node | null)?.range?.[0] ?? 0);
}

function resolved(document: Document.Parsed, node: unknown): unknown {
  if (isAlias(node))
    throw new EditProblem(
      "this element is written with a YAML alias: write it out to fill its metrics",
      node.range?.[0] ?? 0,
    );
  return node;
}

function holderNode(document: Document.Parsed, holder: MetricHolder): YAMLMap {
  const root = resolved(document, document.contents);
  const stages = isMap(root) ? resolved(document, pairOf(root, "stages")?.value) : undefined;
  const stage = isSeq(stages) ? resolved(document, stages.items[holder.stage]) : undefined;
  let node = stage;
  if (holder.touchpoint !== undefined && isMap(stage)) {
    const touchpoints = resolved(document, pairOf(stage, "touchpoints")?.value);
    node = isSeq(touchpoints) ? resolved(document, touchpoints.items[holder.touchpoint]) : undefined;
  }
  if (!isMap(node)) throw new EditProblem("this element is not a mapping the values can be written into", 0);
  return node;
}

/** Collects edits: replacements, and insertions at an offset (several at one offset keep their order). */
class Edits {
  readonly replacements: Edit[] = [];
  readonly #insertions = new Map<number, string[]>();

  replace(node: Node, text: string): void {
    this.replacements.push({ start: node.range![0], end: node.range![1], replacement: text });
  }

  insert(offset: number, text: string): void {
    const list = this.#insertions.get(offset);
    if (list) list.push(text);
    else this.#insertions.set(offset, [text]);
  }

  all(): Edit[] {
    const insertions = [...this.#insertions].map(([offset, texts]) => ({
      start: offset,
      end: offset,
      replacement: texts.join(""),
    }));
    return [...this.replacements, ...insertions].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** Where a block mapping's content ends: the end of the line of its last character. */
function blockEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1]!)) end--;
  const newline = text.indexOf("\n", end);
  return newline === -1 ? text.length : newline + 1;
}

/** The column (0-based) of a block mapping's keys. */
function keyIndent(lines: LineIndex, map: YAMLMap): number {
  const key = map.items[0]?.key as Node | undefined;
  const start = key?.range?.[0] ?? map.range![0];
  return start - lines.starts[lines.lineAt(start)]!;
}

/** The offset right after a flow mapping's last pair (or its "{" when it is empty). */
function flowEnd(map: YAMLMap): { offset: number; empty: boolean } {
  const last = map.items[map.items.length - 1];
  const end = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
  return end === undefined ? { offset: map.range![0] + 1, empty: true } : { offset: end, empty: false };
}

/** Adds `key: text` pairs to a mapping: inside the braces of a flow mapping, as lines of a block one. */
function addPairs(edits: Edits, text: string, lines: LineIndex, map: YAMLMap, pairs: string[]): void {
  if (map.flow) {
    const { offset, empty } = flowEnd(map);
    edits.insert(offset, (empty ? "" : ", ") + pairs.join(", "));
    return;
  }
  const at = blockEnd(text, map);
  const ending = lines.endingAt(Math.max(0, lines.lineAt(Math.max(0, at - 1))));
  const indent = " ".repeat(keyIndent(lines, map));
  const before = at === text.length && !text.endsWith("\n") ? ending : "";
  edits.insert(at, before + pairs.map((pair) => `${indent}${pair}${ending}`).join(""));
}

function updateValue(edits: Edits, text: string, lines: LineIndex, pair: Pair, measurement: Measurement): void {
  const node = pair.value as Node | null;
  if (isScalar(node) && flowScalar(node)) {
    edits.replace(node, flowMeasurement(measurement));
    return;
  }
  if (!isMap(node)) throw atKey(pair, "this metric's value is neither a number nor a mapping: write it as one");
  const missing: string[] = [];
  for (const field of FIELDS) {
    const value = scalarText(field, measurement);
    if (value === undefined) continue;
    const existing = pairOf(node, field);
    const scalar = flowScalar(existing?.value);
    if (existing && scalar) edits.replace(scalar, value);
    else if (existing) throw atKey(existing, `"${field}" here is not a plain value: write it as one`);
    else missing.push(`${field}: ${value}`);
  }
  if (missing.length > 0) addPairs(edits, text, lines, node, missing);
}

/**
 * The map's text with the updates written in. Values keep their place; a measured value keeps its
 * other keys (target, x-...); new metrics and `metrics:` mappings go after the last key of their
 * element. Throws EditProblem when a value cannot be written safely (an alias, a block scalar).
 * `loaded` is the map as the loader read it (its journey), if at hand.
 */
export function writeUpdates(
  text: string,
  updates: readonly MetricUpdate[],
  loaded: { journey?: Journey; definitions?: { scope?: SharedScope } } = {},
): string {
  if (updates.length === 0) return text;
  const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const body = bom ? text.slice(1) : text;
  // Parsed here, only for a map that changes (the loader reads maps without yaml's Document); key
  // uniqueness is the loader's to check, and yaml's check compares every key with every other.
  const document = parseDocument(body, { uniqueKeys: false });
  const lines = new LineIndex(body);
  const edits = new Edits();
  const byHolder = new Map<string, { holder: MetricHolder; updates: MetricUpdate[] }>();
  for (const update of updates) {
    const key = `${update.holder.stage}/${update.holder.touchpoint ?? ""}`;
    const entry = byHolder.get(key) ?? { holder: update.holder, updates: [] };
    entry.updates.push(update);
    byHolder.set(key, entry);
  }
  for (const { holder, updates: own } of byHolder.values()) {
    const node = holderNode(document, holder);
    const metricsPair = pairOf(node, "metrics");
    const metrics = metricsPair?.value;
    if (!metricsPair) {
      if (node.flow)
        addPairs(edits, body, lines, node, [
          `metrics: {${own.map((u) => `${u.metric}: ${flowMeasurement(u.measurement)}`).join(", ")}}`,
        ]);
      else {
        const indent = " ".repeat(keyIndent(lines, node) + 2);
        const ending = lines.endingAt(lines.lineAt(node.range![0]));
        const nested = own.map((u) => `${ending}${indent}${u.metric}: ${flowMeasurement(u.measurement)}`).join("");
        addPairs(edits, body, lines, node, [`metrics:${nested}`]);
      }
      continue;
    }
    if (!isMap(metrics)) throw atKey(metricsPair, '"metrics" here is not a mapping: write it as one');
    // The metrics' pairs by key, looked up once each: many values into one element stay linear.
    const pairs = new Map<unknown, Pair>();
    for (const pair of metrics.items)
      if (isScalar(pair.key) && !pairs.has(pair.key.value)) pairs.set(pair.key.value, pair);
    const added: string[] = [];
    for (const update of own) {
      const pair = pairs.get(update.metric);
      if (pair) updateValue(edits, body, lines, pair, update.measurement);
      else added.push(`${update.metric}: ${flowMeasurement(update.measurement)}`);
    }
    if (added.length > 0) addPairs(edits, body, lines, metrics, added);
  }
  const after = applyEdits(body, edits.all());
  // Read back with the map's shared definitions, as it was loaded: the map it was is the resolved one.
  const shared = loaded.definitions?.scope;
  const expected = loaded.journey ?? loadJourney(body, shared ? { shared } : {}).journey;
  if (!expected) throw new EditProblem("the map does not load: fix it before its values are written", 0);
  verify(after, updates, expected, shared);
  return bom + after;
}

/** The written text must load as a valid map that is the map it was, with the measured values in it
 * and nothing else changed: else nothing is written. */
function verify(text: string, updates: readonly MetricUpdate[], before: Journey, shared?: SharedScope): void {
  const loaded = loadJourney(text, shared ? { shared } : {});
  if (!loaded.journey)
    throw new EditProblem(
      `the values could not be written without breaking the map (${loaded.diagnostics[0]?.message ?? "it no longer loads"})`,
      0,
    );
  for (const update of updates) {
    const metrics = holderOf(loaded.journey, update.holder).metrics;
    const value =
      metrics && Object.prototype.hasOwnProperty.call(metrics, update.metric) ? metrics[update.metric] : undefined;
    const reading = value === undefined ? undefined : readingOf(value);
    if (
      !reading ||
      reading.value !== update.measurement.value ||
      reading.date !== update.measurement.date ||
      reading.source !== update.measurement.source ||
      reading.n !== update.measurement.n
    )
      throw new EditProblem(`${update.metric} could not be written where it reads back as measured`, 0);
  }
  const expected = structuredClone(before);
  applyUpdates(expected, updates);
  if (JSON.stringify(loaded.journey) !== JSON.stringify(expected))
    throw new EditProblem(
      "the values could not be written without changing another part of the map (a merge key, an anchor?): write the element out",
      0,
    );
}
