// The "Map" layout, as teams draw journey maps in a spreadsheet: column A names the lanes, the first row
// the stages (a stage's name over its first column, merged or followed by empty cells over the rest),
// one column per touchpoint. Ids are made from names where the workbook has no Personas or Metrics sheet
// to look them up in.
import { listOf } from "../render/export/layout.js";
import { MAP_LANES, STAGE_ROW_LABEL, type LaneKey } from "../render/export/table.js";
import type {
  MeasuredValue,
  MetricDefinition,
  MetricValue,
  Persona,
  Score,
  Stage,
  Touchpoint,
} from "../journey/model.js";
import { cellProblem, textAt, valueAt, widthOf, type Grid } from "./grid.js";
import { idFor, numberOf, scoreAt, textOf } from "./values.js";

/** What the Map sheet read gives back: the stages, and the personas and metrics it named. */
export interface MapLayout {
  stages: Stage[];
  personas: Persona[];
  metrics: MetricDefinition[];
}

/** Finds a definition by id or name, or makes one with an id from its name. */
class Names<T extends { id: string; name: string }> {
  private readonly byKey = new Map<string, T>();
  readonly made: T[] = [];
  private readonly taken = new Set<string>();
  constructor(
    known: readonly T[],
    private readonly fallback: string,
  ) {
    for (const definition of known) {
      this.taken.add(definition.id);
      this.byKey.set(definition.id.toLowerCase(), definition);
      this.byKey.set(definition.name.toLowerCase(), definition);
    }
  }
  get(name: string): T {
    const found = this.byKey.get(name.toLowerCase());
    if (found) return found;
    const made = { id: idFor(name, this.taken, this.fallback), name } as T;
    this.byKey.set(name.toLowerCase(), made);
    this.made.push(made);
    return made;
  }
}

/** "Name: 12 (target 10, 2025-03-01, survey, n=40)" back into a metric value. */
function metricOf(text: string): { name: string; value: MetricValue } | undefined {
  const match = /^(.+?): (.*?)(?: \(([^()]*)\))?$/.exec(text.trim());
  if (!match) return undefined;
  const raw = match[2]!;
  const number = numberOf(raw);
  if (match[3] === undefined || number === undefined) return { name: match[1]!, value: number ?? raw };
  const measured: MeasuredValue = { value: number };
  for (const part of match[3].split(", ")) {
    const target = /^target (.+)$/.exec(part);
    const n = /^n=(\d+)$/.exec(part);
    if (target && numberOf(target[1]) !== undefined) measured.target = numberOf(target[1])!;
    else if (n) measured.n = Number(n[1]);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(part)) measured.date = part;
    else measured.source = part;
  }
  return { name: match[1]!, value: measured };
}

const LANES_BY_LABEL = new Map(
  Object.entries(MAP_LANES).map(([key, lane]) => [lane.label.toLowerCase(), key as LaneKey]),
);

export function readMapLayout(
  grid: Grid,
  known: { personas?: readonly Persona[]; metrics?: readonly MetricDefinition[] },
): MapLayout {
  if (grid.rows.length === 0) throw cellProblem(grid, 1, 1, "the sheet is empty: nothing to import");
  if (textAt(grid, 1, 1)?.toLowerCase() !== STAGE_ROW_LABEL.toLowerCase())
    throw cellProblem(
      grid,
      1,
      1,
      `the Map layout starts with "${STAGE_ROW_LABEL}" here, the stages across the first row and the lanes down column A`,
    );
  const personas = new Names<Persona>(known.personas ?? [], "persona");
  const metrics = new Names<MetricDefinition>(known.metrics ?? [], "metric");
  const width = widthOf(grid);
  // The lanes, down column A.
  const lanes: { row: number; key: LaneKey; persona?: Persona }[] = [];
  for (let row = 2; row <= grid.rows.length; row++) {
    const label = textAt(grid, row, 1);
    if (label === undefined) continue;
    const emotion = /^emotion: ?(.+)$/i.exec(label);
    if (emotion) {
      lanes.push({ row, key: "emotion", persona: personas.get(emotion[1]!.trim()) });
      continue;
    }
    const key = LANES_BY_LABEL.get(label.toLowerCase());
    if (!key || key === "emotion")
      throw cellProblem(
        grid,
        row,
        1,
        `unknown lane "${label}": use ${Object.values(MAP_LANES)
          .map((lane) => (lane.label === "Emotion" ? "Emotion: <persona>" : lane.label))
          .join(", ")}`,
      );
    lanes.push({ row, key });
  }
  const nameLane = lanes.find((lane) => lane.key === "touchpoint");
  if (!nameLane)
    throw cellProblem(
      grid,
      2,
      1,
      `the sheet has no "Touchpoint" lane: name the row of touchpoint names "Touchpoint" in column A`,
    );

  // The filled lanes of each column, found in one pass over the lanes' filled cells (not every lane of
  // every column: a sheet may be 16,384 columns wide and 20,000 lanes long, and fill a few cells).
  const filledByColumn = new Map<number, typeof lanes>();
  for (const lane of lanes)
    (grid.rows[lane.row - 1] ?? []).forEach((_, index) => {
      if (index === 0 || textAt(grid, lane.row, index + 1) === undefined) return;
      const filled = filledByColumn.get(index + 1);
      if (filled) filled.push(lane);
      else filledByColumn.set(index + 1, [lane]);
    });
  const stages: Stage[] = [];
  const stageIds = new Set<string>();
  let stage: Stage | undefined;
  for (let column = 2; column <= width; column++) {
    const stageName = textOf(valueAt(grid, 1, column));
    if (stageName !== undefined) {
      stage = { id: idFor(stageName, stageIds, `stage-${stages.length + 1}`), name: stageName };
      stages.push(stage);
    }
    const filled = filledByColumn.get(column);
    if (!filled) continue;
    if (!stage)
      throw cellProblem(
        grid,
        1,
        column,
        "this column has a touchpoint but no stage above it: name its stage in the first row",
      );
    const name = textOf(valueAt(grid, nameLane.row, column));
    if (name === undefined)
      throw cellProblem(
        grid,
        nameLane.row,
        column,
        "this column has cells but no touchpoint name: name the touchpoint in this row",
      );
    const touchpoint: Touchpoint = { name };
    const scores: Record<string, Score> = {};
    for (const lane of filled) {
      const value = valueAt(grid, lane.row, column);
      switch (lane.key) {
        case "touchpoint":
          break;
        case "channel":
        case "owner":
          touchpoint[lane.key] = textOf(value)!;
          break;
        case "personas":
          touchpoint.personas = (listOf(value) ?? []).map((persona) => personas.get(persona.trim()).id);
          break;
        case "emotion": {
          const score = scoreAt(grid, lane.row, column, value);
          if (score !== undefined) scores[lane.persona!.id] = score;
          break;
        }
        case "metrics": {
          const values: Record<string, MetricValue> = {};
          for (const line of listOf(value) ?? []) {
            const read = metricOf(line);
            if (!read)
              throw cellProblem(
                grid,
                lane.row,
                column,
                `metric ${JSON.stringify(line.slice(0, 40))} is not "name: value": write one metric per line as "name: value"`,
              );
            values[metrics.get(read.name).id] = read.value;
          }
          touchpoint.metrics = values;
          break;
        }
        default:
          // Any other field, by its kind in the field registry: a list, one entry per line, or a text.
          (touchpoint as unknown as Record<string, unknown>)[lane.key] =
            MAP_LANES[lane.key].kind === "list" ? listOf(value)! : textOf(value)!;
      }
    }
    if (Object.keys(scores).length > 0) touchpoint.emotion = scores;
    (stage.touchpoints ??= []).push(touchpoint);
  }
  if (stages.length === 0)
    throw cellProblem(grid, 1, 2, "the first row names no stage: write each stage's name above its first column");
  return {
    stages,
    personas: [...(known.personas ?? []), ...personas.made],
    metrics: [...(known.metrics ?? []), ...metrics.made],
  };
}
