// The map as rows, laid out as teams draw journey maps in a spreadsheet or a slide: stages as columns
// (one column per touchpoint under its stage, a stage without touchpoints keeps one empty column), lanes
// as rows. Shared by the Excel "Map" sheet and its import, and by any export that draws the same grid.
import { emotionOf, type Journey, type MetricValue, type Stage, type Touchpoint } from "../journey/model.js";
import { listCell, type CellValue } from "./layout.js";

/** Each lane of the grid: its label (column A) and what it shows of a touchpoint. */
export const MAP_LANES = {
  touchpoint: { label: "Touchpoint" },
  channel: { label: "Channel" },
  owner: { label: "Owner" },
  personas: { label: "Personas" },
  emotion: { label: "Emotion" },
  actions: { label: "Actions" },
  thoughts: { label: "Thoughts" },
  painPoints: { label: "Pain points" },
  opportunities: { label: "Opportunities" },
  metrics: { label: "Metrics" },
  evidence: { label: "Evidence" },
} as const;

export type LaneKey = keyof typeof MAP_LANES;

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
  const lanes: MapLane[] = [
    lane("touchpoint", (touchpoint) => touchpoint.name),
    lane("channel", (touchpoint) => touchpoint.channel),
    lane("owner", (touchpoint) => touchpoint.owner),
    lane("personas", (touchpoint) => listCell(touchpoint.personas?.map((id) => personaNames.get(id) ?? id))),
  ];
  // The personas each touchpoint names, looked up once: a touchpoint naming none involves every persona.
  const named = columns.map(({ touchpoint }) => (touchpoint?.personas ? new Set(touchpoint.personas) : undefined));
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
  lanes.push(
    lane("actions", (touchpoint) => listCell(touchpoint.actions)),
    lane("thoughts", (touchpoint) => listCell(touchpoint.thoughts)),
    lane("painPoints", (touchpoint) => listCell(touchpoint.painPoints)),
    lane("opportunities", (touchpoint) => listCell(touchpoint.opportunities)),
    lane("metrics", (touchpoint) =>
      listCell(
        Object.entries(touchpoint.metrics ?? {}).map(([id, value]) => metricLine(metricNames.get(id) ?? id, value)),
      ),
    ),
    lane("evidence", (touchpoint) => listCell(touchpoint.evidence)),
  );
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
