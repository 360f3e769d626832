// The workbook's tables, named once for the writer (src/render/export/xlsx.ts) and the reader (src/import/):
// sheet names, one column per field of a touchpoint, a stage, a persona, a team and a metric, how a
// value becomes a cell and how a cell becomes a value again. The touchpoint columns come from the field
// registry: a field gets its column without an edit here.
import { listOf as entriesOf, touchpointFields, type TouchpointFieldKey } from "../../journey/fields.js";
import { declaredLanes, filledLanes, laneTexts, laneValueOf } from "../../journey/lanes.js";
import type { Journey, LaneValue, MeasuredValue, MetricValue, Stage, Touchpoint } from "../../journey/model.js";
import { extensionCell, extensionColumns, extensionOfHeader, JSON_COLUMN_SUFFIX } from "./extensions.js";

export const SHEETS = {
  map: "Map",
  touchpoints: "Touchpoints",
  stages: "Stages",
  personas: "Personas",
  teams: "Teams",
  metrics: "Metrics",
  lanes: "Lanes",
  laneEntries: "Lane entries",
  opportunities: "Opportunities",
  info: "Map info",
} as const;

/** What a cell holds: text, a number, or nothing. */
export type CellValue = string | number | undefined;

/** List items share a cell, one per line. */
export const listCell = (items: readonly string[] | undefined): CellValue =>
  items && items.length > 0 ? items.join("\n") : undefined;

/** The items of a list cell: one per non-blank line. */
export function listOf(cell: CellValue): string[] | undefined {
  if (cell === undefined) return undefined;
  const items = String(cell)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== "");
  return items.length > 0 ? items : undefined;
}

type FieldKind = "text" | "list" | "emotion" | "metrics" | "lanes";

/** A touchpoint field's column: its kind and header. Emotion and metrics take one column per persona and
 * per metric part. */
export interface SheetField {
  kind: FieldKind;
  header: string;
  width: number;
}

/** The Touchpoints sheet's columns in the order of the first workbooks (the spreadsheets teams keep
 * are read back by header, and people find their columns where they were). A field the registry gains
 * goes after these, in the registry's order; metric columns go last. */
const SHEET_ORDER: readonly TouchpointFieldKey[] = [
  "id",
  "name",
  "channel",
  "owner",
  "personas",
  "emotion",
  "description",
  "details",
  "actions",
  "thoughts",
  "painPoints",
  "opportunities",
  "evidence",
];

/** Each touchpoint field's column, from the field registry (src/journey/fields.ts): its label as the
 * header unless it names another, 24 characters wide unless it says. */
export const TOUCHPOINT_FIELDS: Readonly<Record<TouchpointFieldKey, SheetField>> = (() => {
  const fields = touchpointFields();
  const rank = (key: string, kind: string) =>
    kind === "metrics"
      ? Infinity
      : SHEET_ORDER.includes(key as TouchpointFieldKey)
        ? SHEET_ORDER.indexOf(key as TouchpointFieldKey)
        : SHEET_ORDER.length;
  const ordered = fields
    .map((field, position) => ({ field, position }))
    .sort((a, b) => rank(a.field.key, a.field.kind) - rank(b.field.key, b.field.kind) || a.position - b.position);
  return Object.fromEntries(
    ordered.map(({ field }) => [
      field.key,
      { kind: field.kind as FieldKind, header: field.sheet?.header ?? field.label, width: field.sheet?.width ?? 24 },
    ]),
  ) as Record<TouchpointFieldKey, SheetField>;
})();

export type TouchpointField = TouchpointFieldKey;

/** The parts of a measured value that get a column of their own when a map uses them. */
export const METRIC_PARTS = ["target", "date", "source", "n"] as const;
export type MetricPart = "value" | (typeof METRIC_PARTS)[number];

/** What a column of the Touchpoints or Stages sheet holds. */
export type ColumnMeaning =
  | { field: "stage id" | "stage" | "stage description" | "stage details" }
  | { field: Exclude<TouchpointField, "emotion" | "metrics" | "lanes"> }
  | { field: "emotion"; persona?: string }
  | { field: "lanes"; lane: string }
  | { field: "metrics"; metric: string; part: MetricPart }
  /** A team's own key (extensions.ts): its value as it is, or as JSON. */
  | { field: "extension"; key: string; json: boolean };

export interface Column {
  header: string;
  width: number;
  meaning: ColumnMeaning;
}

export const STAGE_HEADERS = {
  "stage id": "Stage id",
  stage: "Stage",
  "stage description": "Stage description",
  "stage details": "Stage details",
} as const;

/** The header of a column: "Emotion: parent", "Metric: nps", "Metric target: nps". */
export function headerOf(meaning: ColumnMeaning): string {
  if (meaning.field === "emotion") return meaning.persona === undefined ? "Emotion" : `Emotion: ${meaning.persona}`;
  if (meaning.field === "lanes") return `${LANE_PREFIX}${meaning.lane}`;
  if (meaning.field === "extension") return `${meaning.key}${meaning.json ? JSON_COLUMN_SUFFIX : ""}`;
  // The part goes before the colon: a metric id may be any text, spaces and colons included.
  if (meaning.field === "metrics")
    return `Metric${meaning.part === "value" ? "" : ` ${meaning.part}`}: ${meaning.metric}`;
  if (meaning.field in STAGE_HEADERS) return STAGE_HEADERS[meaning.field as keyof typeof STAGE_HEADERS];
  return TOUCHPOINT_FIELDS[meaning.field as TouchpointField].header;
}

/** What a header names, or undefined for a header journeymap does not know. Case and spaces around
 * the words do not matter. */
export function meaningOf(header: string): ColumnMeaning | undefined {
  const extension = extensionOfHeader(header);
  if (extension) return { field: "extension", ...extension };
  const wanted = header.trim().replace(/\s+/g, " ").toLowerCase();
  for (const [field, name] of Object.entries(STAGE_HEADERS))
    if (name.toLowerCase() === wanted) return { field: field as keyof typeof STAGE_HEADERS };
  for (const [field, spec] of Object.entries(TOUCHPOINT_FIELDS)) {
    if (spec.kind === "emotion" || spec.kind === "metrics" || spec.kind === "lanes") continue;
    if (spec.header.toLowerCase() === wanted) return { field } as ColumnMeaning;
  }
  if (wanted === "emotion") return { field: "emotion" };
  // Ids keep their case and spaces: only the words before the colon are matched loosely.
  const emotion = /^emotion\s*:\s*([^]+)$/i.exec(header.trim());
  if (emotion) return { field: "emotion", persona: emotion[1]! };
  const lane = /^lane\s*:\s*([^]+)$/i.exec(header.trim());
  if (lane) return { field: "lanes", lane: lane[1]! };
  const metric = /^metric(?:\s+(target|date|source|n))?\s*:\s*([^]+)$/i.exec(header.trim());
  if (metric)
    return {
      field: "metrics",
      metric: metric[2]!,
      part: (metric[1]?.toLowerCase() as MetricPart | undefined) ?? "value",
    };
  return undefined;
}

function isMeasured(value: MetricValue | undefined): value is MeasuredValue {
  return typeof value === "object" && value !== null;
}

/** A metric value's part, as a cell. */
export function metricCell(value: MetricValue | undefined, part: MetricPart): CellValue {
  if (value === undefined) return undefined;
  if (!isMeasured(value)) return part === "value" ? value : undefined;
  return value[part];
}

/** The metric columns that `holders` need: a value column per metric, and a part's column when a value uses it. */
function metricColumns(journey: Journey, holders: ReadonlyArray<{ metrics?: Record<string, MetricValue> }>): Column[] {
  const order = new Map<string, Set<MetricPart>>();
  for (const definition of journey.metrics ?? []) order.set(definition.id, new Set());
  let used = false;
  for (const holder of holders) {
    for (const [id, value] of Object.entries(holder.metrics ?? {})) {
      used = true;
      const parts = order.get(id) ?? new Set<MetricPart>();
      order.set(id, parts);
      parts.add("value");
      if (isMeasured(value)) for (const part of METRIC_PARTS) if (value[part] !== undefined) parts.add(part);
    }
  }
  if (!used) return [];
  return [...order].flatMap(([metric, parts]) =>
    (["value", ...METRIC_PARTS] as const)
      .filter((part) => parts.has(part))
      .map((part) => {
        const meaning: ColumnMeaning = { field: "metrics", metric, part };
        return { header: headerOf(meaning), width: part === "source" ? 16 : 12, meaning };
      }),
  );
}

/** A declared lane's column: "Lane: <lane id>" (the id, as emotion columns name a persona's). */
export const LANE_PREFIX = "Lane: ";

/** A lane value as a cell: one text as it is, a list's entries one per line (an entry object by its text). */
export function laneCell(value: LaneValue | undefined): CellValue {
  if (typeof value === "string") return value === "" ? undefined : value;
  return listCell(laneTexts(value));
}

/** A column per declared lane, in drawing order, then one per lane that `holders` fill without declaring it
 * (lint reports those; the workbook keeps them so that the import gives the map back). */
function laneColumns(journey: Journey, holders: Iterable<Pick<Touchpoint | Stage, "lanes">>): Column[] {
  const ids = new Set(declaredLanes(journey).map((lane) => lane.id));
  for (const holder of holders) for (const [id] of filledLanes(holder)) ids.add(id);
  return [...ids].map((lane) => {
    const meaning: ColumnMeaning = { field: "lanes", lane };
    return { header: headerOf(meaning), width: 30, meaning };
  });
}

/** The persona ids that touchpoints score one by one, in the map's order, then any others. */
function scoredPersonas(journey: Journey): string[] {
  const ids = new Set<string>();
  const scored = new Set<string>();
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      if (typeof touchpoint.emotion === "object") for (const id of Object.keys(touchpoint.emotion)) scored.add(id);
  for (const persona of journey.personas) if (scored.has(persona.id)) ids.add(persona.id);
  for (const id of scored) ids.add(id);
  return [...ids];
}

/** A column per x- key that `holders` have, after the fields: the sheet's own keys of a team. */
function extensionColumnsOf(holders: Iterable<object>, sheet: string): Column[] {
  return extensionColumns(holders, sheet).map(({ key, json, header }) => ({
    header,
    width: 16,
    meaning: { field: "extension", key, json },
  }));
}

/** The Touchpoints sheet's columns for a map: every field, emotion per persona, each metric's parts,
 * then the touchpoints' x- keys. */
export function touchpointColumns(journey: Journey): Column[] {
  const touchpoints = journey.stages.flatMap((stage) => stage.touchpoints ?? []);
  const columns: Column[] = [
    { header: STAGE_HEADERS["stage id"], width: 16, meaning: { field: "stage id" } },
    { header: STAGE_HEADERS.stage, width: 22, meaning: { field: "stage" } },
  ];
  for (const [field, spec] of Object.entries(TOUCHPOINT_FIELDS) as [TouchpointField, SheetField][]) {
    if (field === "metrics") columns.push(...metricColumns(journey, touchpoints));
    else if (field === "lanes") columns.push(...laneColumns(journey, touchpoints));
    else if (field === "emotion") {
      columns.push({ header: spec.header, width: spec.width, meaning: { field } });
      for (const persona of scoredPersonas(journey)) {
        const meaning: ColumnMeaning = { field, persona };
        columns.push({ header: headerOf(meaning), width: 12, meaning });
      }
    } else columns.push({ header: spec.header, width: spec.width, meaning: { field } });
  }
  columns.push(...extensionColumnsOf(touchpoints, SHEETS.touchpoints));
  return columns;
}

/** The Stages sheet's columns: id, name, description, details, each metric's parts, the lanes, the
 * stages' x- keys. */
export function stageColumns(journey: Journey): Column[] {
  return [
    { header: STAGE_HEADERS["stage id"], width: 16, meaning: { field: "stage id" } },
    { header: STAGE_HEADERS.stage, width: 24, meaning: { field: "stage" } },
    { header: STAGE_HEADERS["stage description"], width: 40, meaning: { field: "stage description" } },
    { header: STAGE_HEADERS["stage details"], width: 16, meaning: { field: "stage details" } },
    ...metricColumns(journey, journey.stages),
    ...laneColumns(journey, journey.stages),
    ...extensionColumnsOf(journey.stages, SHEETS.stages),
  ];
}

/** A column's cell for a stage, or a touchpoint of it. */
export function cellOf(column: Column, stage: Stage, touchpoint?: Touchpoint): CellValue {
  const { meaning } = column;
  switch (meaning.field) {
    case "stage id":
      return stage.id;
    case "stage":
      return stage.name;
    case "stage description":
      return stage.description;
    case "stage details":
      return stage.details;
    case "emotion": {
      const emotion = touchpoint?.emotion;
      if (meaning.persona === undefined) return typeof emotion === "number" ? emotion : undefined;
      return typeof emotion === "object" && Object.hasOwn(emotion, meaning.persona)
        ? emotion[meaning.persona]
        : undefined;
    }
    case "metrics":
      return metricCell((touchpoint ?? stage).metrics?.[meaning.metric], meaning.part);
    case "lanes":
      return laneCell(laneValueOf(touchpoint ?? stage, meaning.lane));
    case "extension":
      return extensionCell(touchpoint ?? stage, meaning);
    default: {
      if (!touchpoint) return undefined;
      const value = touchpoint[meaning.field];
      if (Array.isArray(value)) return listCell(entriesOf(touchpoint, meaning.field));
      return typeof value === "string" ? value : undefined;
    }
  }
}

/** The columns of the small sheets: a header and the key it holds. */
export const DEFINITION_COLUMNS = {
  personas: [
    ["Id", "id"],
    ["Name", "name"],
    ["Description", "description"],
    ["Goals", "goals"],
    ["Frustrations", "frustrations"],
    ["Color", "color"],
  ],
  teams: [
    ["Id", "id"],
    ["Name", "name"],
    ["Description", "description"],
  ],
  metrics: [
    ["Id", "id"],
    ["Name", "name"],
    ["Description", "description"],
    ["Unit", "unit"],
    ["Currency", "currency"],
    ["Better", "better"],
    ["Target", "target"],
    ["Warning", "warning"],
  ],
  lanes: [
    ["Id", "id"],
    ["Label", "label"],
    ["Description", "description"],
    ["Kind", "kind"],
    ["Layer", "layer"],
    ["Order", "order"],
  ],
} as const;

/** The keys whose values are lists (one item per line) in the small sheets. */
export const LIST_KEYS: ReadonlySet<string> = new Set(["goals", "frustrations", "tags"]);

/** The Map info sheet's rows: a label and the map key it holds. */
export const INFO_ROWS = [
  ["Title", "title"],
  ["Id", "id"],
  ["Description", "description"],
  ["Owner", "owner"],
  ["Tags", "tags"],
  ["Type", "type"],
  ["Status", "status"],
  ["Reviewed", "reviewed"],
] as const;

/** The Map info rows written only when the map has a value (workbooks of maps without them are unchanged). */
export const OPTIONAL_INFO_KEYS: ReadonlySet<string> = new Set(["type", "status", "reviewed"]);

export const VERSION_LABEL = "Written by journeymap";
