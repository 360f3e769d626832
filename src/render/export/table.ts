// The map as rows, laid out as teams draw journey maps in a spreadsheet or a slide: stages as columns
// (one column per touchpoint under its stage, a stage without touchpoints keeps one empty column), lanes
// as rows, one per field of the field registry. Shared by the Excel "Map" sheet and its import, and by
// any export that draws the same grid.
import { emotionOf, type Journey, type MetricValue, type Stage, type Touchpoint } from "../../journey/model.js";
import { listOf, textOf, touchpointFields, type FieldKind, type TouchpointFieldKey } from "../../journey/fields.js";
import { listCell, type CellValue } from "./layout.js";

/** The fields the grid leaves to the Touchpoints sheet: the id, the long description, the map link. */
const NOT_IN_GRID = ["id", "description", "details"] as const;

/** Each lane of the grid, in the field registry's order (src/journey/fields.ts): the touchpoint's name,
 * then a lane per field but those above, under its label (column A), with its kind. */
export type LaneKey = "touchpoint" | Exclude<TouchpointFieldKey, "name" | (typeof NOT_IN_GRID)[number]>;
export const MAP_LANES: Readonly<Record<LaneKey, { label: string; kind: FieldKind }>> = Object.fromEntries(
  touchpointFields()
    .filter((field) => !(NOT_IN_GRID as readonly string[]).includes(field.key))
    .map((field) =>
      field.key === "name"
        ? ["touchpoint", { label: "Touchpoint", kind: field.kind }]
        : [field.key, { label: field.label, kind: field.kind }],
    ),
) as Record<LaneKey, { label: string; kind: FieldKind }>;

/** The Map sheet scores at most this many personas, one lane each (the Touchpoints sheet has them all):
 * a grid of every persona by every touchpoint would grow as their product. */
export const MAX_EMOTION_LANES = 20;

/** The label of the stage row, above the lanes. */
export const STAGE_ROW_LABEL = "Stage";

export interface MapColumn {
  stage: Stage;
  /** Absent for the one column of a stage without touchpoints. */
  touchpoint?: Touchpoint;
  /** The first column of its stage, and how many columns the stage spans (on the first only). */
  span?: number;
}

export interface MapLane {
  key: LaneKey;
  label: string;
  /** For an emotion lane: the persona it scores. */
  persona?: string;
  cells: CellValue[];
}

export interface MapTable {
  columns: MapColumn[];
  lanes: MapLane[];
}

/** "Name: value (target 50, 2025-03-01, survey, n=120)": one line per metric of a touchpoint. */
export function metricLine(name: string, value: MetricValue): string {
  if (typeof value !== "object") return `${name}: ${value}`;
  const extra = [
    value.target !== undefined ? `target ${value.target}` : undefined,
    value.date,
    value.source,
    value.n !== undefined ? `n=${value.n}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return `${name}: ${value.value}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}

/** The grid of a map. Lanes that no touchpoint fills are left out, except the touchpoint names and
 * one emotion lane per persona (the numbers a team scores). */
export function mapTable(journey: Journey): MapTable {
  const columns: MapColumn[] = [];
  for (const stage of journey.stages) {
    const touchpoints = stage.touchpoints ?? [];
    if (touchpoints.length === 0) columns.push({ stage, span: 1 });
    touchpoints.forEach((touchpoint, index) =>
      columns.push({ stage, touchpoint, ...(index === 0 ? { span: touchpoints.length } : {}) }),
    );
  }
  const metricNames = new Map((journey.metrics ?? []).map((metric) => [metric.id, metric.name]));
  const personaNames = new Map(journey.personas.map((persona) => [persona.id, persona.name]));
  const lane = (key: LaneKey, cell: (touchpoint: Touchpoint) => CellValue): MapLane => ({
    key,
    label: MAP_LANES[key].label,
    cells: columns.map((column) => (column.touchpoint ? cell(column.touchpoint) : undefined)),
  });
  // The personas each touchpoint names, looked up once: a touchpoint naming none involves every persona.
  const named = columns.map(({ touchpoint }) => (touchpoint?.personas ? new Set(touchpoint.personas) : undefined));
  const lanes: MapLane[] = [];
  for (const [key, { kind }] of Object.entries(MAP_LANES) as Array<[LaneKey, (typeof MAP_LANES)[LaneKey]]>) {
    if (key === "touchpoint") lanes.push(lane(key, (touchpoint) => touchpoint.name));
    else if (key === "personas")
      lanes.push(lane(key, (touchpoint) => listCell(touchpoint.personas?.map((id) => personaNames.get(id) ?? id))));
    else if (key === "emotion")
      for (const persona of journey.personas.slice(0, MAX_EMOTION_LANES)) {
        lanes.push({
          key: "emotion",
          label: `${MAP_LANES.emotion.label}: ${persona.name}`,
          persona: persona.id,
          cells: columns.map(({ touchpoint }, index) =>
            touchpoint && (named[index]?.has(persona.id) ?? true) ? emotionOf(touchpoint, persona.id) : undefined,
          ),
        });
      }
    else if (key === "metrics")
      lanes.push(
        lane(key, (touchpoint) =>
          listCell(
            Object.entries(touchpoint.metrics ?? {}).map(([id, value]) => metricLine(metricNames.get(id) ?? id, value)),
          ),
        ),
      );
    else if (kind === "list") lanes.push(lane(key, (touchpoint) => listCell(listOf(touchpoint, key))));
    else lanes.push(lane(key, (touchpoint) => textOf(touchpoint, key)));
  }
  return {
    columns,
    lanes: lanes.filter(
      (candidate) =>
        candidate.key === "touchpoint" ||
        candidate.key === "emotion" ||
        candidate.cells.some((cell) => cell !== undefined),
    ),
  };
}
