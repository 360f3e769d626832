// The metrics lane (each value against its target: an icon and a label as well as a colour, the sample
// size in small print, the date when it is older than the window) and the funnel lane (the count per
// stage as a bar, and the conversion between neighbouring stages).
import {
  STATUS_LABELS,
  ageInDays,
  formatMetricNumber,
  formatReading,
  isFunnelMetric,
  metricDefinitionsFor,
  metricEntries,
  metricLabel,
  metricStatus,
  readingOf,
  targetOf,
  type MetricStatus,
} from "../../journey/metrics.js";
import type { MetricDefinition, Stage, Touchpoint } from "../../journey/model.js";
import { BODY, BODY_BOLD, PAD, SMALL, SMALL_BOLD, TextColumn, evenRow, largest } from "./column.js";
import type { Box, Layout, Tone } from "./geometry.js";
import type { Lane, LaneContext } from "./lane.js";
import { touchpointCard } from "./card.js";

const STATUS_TONES: Record<MetricStatus, Tone> = { on: "good", near: "caution", off: "warning" };

/** Definitions per map, computed once per layout. */
const definitionsCache = new WeakMap<object, Map<string, MetricDefinition>>();

function definitionsOf(context: LaneContext): Map<string, MetricDefinition> {
  let definitions = definitionsCache.get(context.journey);
  if (!definitions) {
    definitions = metricDefinitionsFor(context.journey);
    definitionsCache.set(context.journey, definitions);
  }
  return definitions;
}

/** A stage's values that the funnel lane draws (counts), or the metrics lane (the rest). */
function stageEntries(stage: Stage, definitions: Map<string, MetricDefinition>, funnel: boolean) {
  return metricEntries(stage).filter(
    ([id, value]) =>
      isFunnelMetric(definitions.get(id)) === funnel && (!funnel || typeof readingOf(value).value === "number"),
  );
}

/** The first line of a value: what it is and how much, as the slot's width is measured from. */
function mainLine(id: string, text: string, definition: MetricDefinition | undefined): string {
  return `${metricLabel(id, definition)}: ${text}`;
}

/** Each touchpoint's first lines, for its slot's width (entries without definitions read as before). */
export function metricEntriesOf(touchpoint: Touchpoint, definitions?: Map<string, MetricDefinition>): string[] {
  return metricEntries(touchpoint).map(([id, value]) =>
    mainLine(id, formatReading(readingOf(value), definitions?.get(id)), definitions?.get(id)),
  );
}

/** Writes one value into a card: its line, its status with icon and word, and its small print. */
function writeValue(text: TextColumn, context: LaneContext, id: string, value: Parameters<typeof readingOf>[0]): void {
  const definition = definitionsOf(context).get(id);
  const reading = readingOf(value);
  text.bullet(mainLine(id, formatReading(reading, definition), definition), BODY);
  const status = metricStatus(reading, definition);
  if (status) {
    const target = formatMetricNumber(targetOf(reading, definition)!, definition);
    text.paragraph(`${STATUS_LABELS[status]} (target ${target})`, SMALL_BOLD, STATUS_TONES[status], 12);
  }
  const small: string[] = [];
  if (reading.n !== undefined) small.push(`n = ${formatMetricNumber(reading.n, { id, name: id, unit: "count" })}`);
  const age = ageInDays(reading, context.asOf);
  if (age !== undefined && age > context.windowDays) small.push(`measured ${reading.date}`);
  if (small.length) text.paragraph(small.join(" · "), SMALL, "muted", 12);
}

/** Stage values (not counts) on a card across the stage's column, then a card per touchpoint. */
export const metricsLane: Lane = {
  label: "Metrics",
  entries: (touchpoint) => metricEntriesOf(touchpoint),
  filled: (context) =>
    context.touchpoints.some(({ touchpoint }) => metricEntries(touchpoint).length > 0) ||
    context.journey.stages.some((stage) => stageEntries(stage, definitionsOf(context), false).length > 0),
  layout(layout: Layout, context, { name, surface, top, minHeight }) {
    const definitions = definitionsOf(context);
    const stageCards: Box[] = [];
    context.columns.forEach((column, s) => {
      const entries = stageEntries(column.stage, definitions, false);
      if (!entries.length) return;
      const id = `stage-${s + 1}-${name}`;
      const text = new TextColumn(layout, id, column.x + PAD, column.width - 2 * PAD, top + PAD);
      text.paragraph("Whole stage", SMALL, "muted");
      entries.forEach(([metric, value], i) => {
        if (i) text.space(3);
        writeValue(text, context, metric, value);
      });
      const card: Box = { id, surface, x: column.x, y: top, width: column.width, height: text.y + PAD - top };
      stageCards.push(card);
      layout.boxes.push(card);
    });
    const stageRow = stageCards.length ? evenRow(stageCards, 0) + 8 : 0;
    const cards: Box[] = [];
    for (const slot of context.touchpoints) {
      const entries = metricEntries(slot.touchpoint);
      if (!entries.length) continue;
      const id = `t${slot.index + 1}-${name}`;
      const y = top + stageRow;
      const text = touchpointCard(layout, context, slot, id, y);
      entries.forEach(([metric, value], i) => {
        if (i) text.space(3);
        text.entryLines(name, i, () => writeValue(text, context, metric, value));
      });
      const card: Box = { id, surface, x: slot.x, y, width: slot.width, height: 0 };
      text.close(card);
      card.height = text.y + PAD - y;
      cards.push(card);
      layout.boxes.push(card);
    }
    return stageRow + (cards.length ? evenRow(cards, Math.max(0, minHeight - stageRow)) : 0);
  },
};

const BAR_HEIGHT = 8;

/** The count metrics some stage carries, in definition order. */
function funnelMetrics(context: LaneContext): MetricDefinition[] {
  const definitions = definitionsOf(context);
  const carried = new Set(
    context.journey.stages.flatMap((stage) => stageEntries(stage, definitions, true).map(([id]) => id)),
  );
  return [...definitions.values()].filter((definition) => carried.has(definition.id));
}

/** A bar per stage for each count, as long as the count against the largest, and the share of the
 * stage before (conversion between neighbours). */
export const funnelLane: Lane = {
  label: "Funnel",
  filled: (context) => funnelMetrics(context).length > 0,
  layout(layout, context, { name, surface, top, minHeight }) {
    const metrics = funnelMetrics(context);
    const counts = metrics.map((definition) =>
      context.columns.map((column) => {
        const entry = metricEntries(column.stage).find(([id]) => id === definition.id);
        return entry ? readingOf(entry[1]).value : undefined;
      }),
    );
    const cards: Box[] = [];
    context.columns.forEach((column, s) => {
      const id = `stage-${s + 1}-${name}`;
      const text = new TextColumn(layout, id, column.x + PAD, column.width - 2 * PAD, top + PAD);
      metrics.forEach((definition, m) => {
        if (m) text.space(6);
        const count = counts[m]![s];
        text.paragraph(definition.name, SMALL, "muted");
        if (count === undefined) {
          text.paragraph("not counted", SMALL, "muted");
          return;
        }
        text.paragraph(formatMetricNumber(count, definition), BODY_BOLD);
        const largestCount = largest(
          counts[m]!.map((value) => value ?? 0),
          0,
        );
        const width = column.width - 2 * PAD;
        layout.bars.push({
          box: id,
          x: column.x + PAD,
          y: text.y + 2,
          width: largestCount > 0 ? Math.max(2, (width * Math.max(0, count)) / largestCount) : 2,
          height: BAR_HEIGHT,
        });
        text.space(BAR_HEIGHT + 4);
        const before = s > 0 ? counts[m]![s - 1] : undefined;
        if (before !== undefined && before > 0)
          text.paragraph(
            `${formatMetricNumber((count / before) * 100, { id: "", name: "", unit: "percent" })} of the stage before`,
            SMALL,
            "muted",
          );
      });
      const card: Box = { id, surface, x: column.x, y: top, width: column.width, height: text.y + PAD - top };
      cards.push(card);
      layout.boxes.push(card);
    });
    return evenRow(cards, minHeight);
  },
};
