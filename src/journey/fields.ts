// The fields of a touchpoint and of a stage, one registry entry each (as DEFINITION_KINDS is for shared
// definitions): what a value is, how `diff` compares it, its lane in the picture, its column on the
// Markdown page and in the workbook. The model keys, the diff's walk, the list lanes, the page's columns
// and the workbook's columns are read from here; ARCHITECTURE.md, "A field", says what else to touch.
import { entryText, type Stage, type Touchpoint } from "./model.js";

/** What a field holds: one line of text, a list of texts, emotion scores, metric values, or (a stage's
 * `touchpoints`) the touchpoints themselves. */
export type FieldKind = "text" | "list" | "emotion" | "metrics" | "touchpoints" | "lanes";

/** What a field's values name, when they name something defined elsewhere (lint checks the names). */
export type FieldReference = "personas" | "teams" | "maps";

/** How `diff` compares a field between two versions of a touchpoint or a stage. */
export type FieldDiff =
  /** What pairs the two versions (an id, a name): a different name is a rename, not a field change. */
  | { by: "identity" }
  /** Old value → new value; `notable` changes go in the pull-request comment's table. */
  | { by: "text"; notable?: boolean }
  /** Entries added and removed, matched by their text; `noun` names one entry in sentences. */
  | { by: "list"; noun: string; notable?: boolean }
  /** The personas involved, the emotion scores, the metric values: compared by their own code in src/diff. */
  | { by: "personas" | "emotion" | "metrics" | "touchpoints" | "lanes" }
  /** Not compared, and why: the registry says so rather than diff forgetting a field. */
  | { by: "ignored"; why: string };

/** How the picture shows a field: a line of the touchpoint's card, a lane of bulleted cards (entries
 * in quotes for `quoted`), or a lane drawn by its own module (src/render/svg/<lane>.ts) under `own`.
 * Lanes follow the fields' order, but a lane may go right `after` another one. */
export type FieldLane = "card" | { list: "plain" | "quoted"; after?: string } | { own: string; after?: string };

export interface FieldSpec {
  /** What people call the field: the lane's label, the page's and the workbook's column header. */
  label: string;
  kind: FieldKind;
  refers?: FieldReference;
  /** The schema requires it (the model's type agrees: model-keys.ts). */
  required: boolean;
  diff: FieldDiff;
  /** Absent: the picture does not show it. */
  lane?: FieldLane;
  /** Its column in the stage tables of the Markdown page: `true` under its label, or another header. */
  page?: true | string;
  /** Its column of the workbook's Touchpoints sheet: a header other than the label, and a width. */
  sheet?: { header?: string; width: number };
}

type Keys<T> = Exclude<keyof T, `x-${string}`>;
// `{}` is the point here: a key is optional exactly when an empty object is assignable to Pick<T, K>.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type IsRequired<T, K extends keyof T> = {} extends Pick<T, K> ? false : true;
/** One entry per key of the model's type, `required` as the type says: a key of model.ts without its
 * entry, or an entry for no key, does not compile. */
type FieldTable<T> = { [K in Keys<T>]-?: FieldSpec & { required: IsRequired<T, K> } };

const mapLink = "a link to another map (lint's repository rules check it); diff compares what the customer meets";

/** Every field of a touchpoint, in the order a map author writes them (journeymap import writes them so).
 * The picture's lanes, the page's columns and the diff's notes follow this order; the emotion curve
 * goes between what the customer thinks and what hurts, as journey maps draw it. */
export const TOUCHPOINT_FIELDS = {
  id: {
    label: "Id",
    kind: "text",
    required: false,
    diff: { by: "identity" },
    sheet: { header: "Touchpoint id", width: 18 },
  },
  name: {
    label: "Name",
    kind: "text",
    required: true,
    diff: { by: "identity" },
    lane: "card",
    page: "Touchpoint",
    sheet: { header: "Touchpoint", width: 30 },
  },
  description: {
    label: "Description",
    kind: "text",
    required: false,
    diff: { by: "text" },
    lane: "card",
    sheet: { width: 40 },
  },
  details: {
    label: "Details",
    kind: "text",
    refers: "maps",
    required: false,
    diff: { by: "ignored", why: mapLink },
    lane: "card",
    sheet: { width: 16 },
  },
  channel: {
    label: "Channel",
    kind: "text",
    required: false,
    diff: { by: "text", notable: true },
    lane: "card",
    page: true,
    sheet: { width: 14 },
  },
  owner: {
    label: "Owner",
    kind: "text",
    refers: "teams",
    required: false,
    diff: { by: "text", notable: true },
    lane: "card",
    page: true,
    sheet: { width: 14 },
  },
  personas: {
    label: "Personas",
    kind: "list",
    refers: "personas",
    required: false,
    diff: { by: "personas" },
    lane: "card",
    sheet: { width: 14 },
  },
  emotion: {
    label: "Emotion",
    kind: "emotion",
    refers: "personas",
    required: false,
    diff: { by: "emotion" },
    lane: { own: "emotion", after: "thoughts" },
    page: true,
    sheet: { width: 10 },
  },
  actions: {
    label: "Actions",
    kind: "list",
    required: false,
    diff: { by: "list", noun: "action" },
    lane: { list: "plain" },
    sheet: { width: 30 },
  },
  thoughts: {
    label: "Thoughts",
    kind: "list",
    required: false,
    diff: { by: "list", noun: "thought" },
    lane: { list: "quoted" },
    sheet: { width: 30 },
  },
  painPoints: {
    label: "Pain points",
    kind: "list",
    required: false,
    diff: { by: "list", noun: "pain point", notable: true },
    lane: { list: "plain" },
    page: true,
    sheet: { width: 36 },
  },
  opportunities: {
    label: "Opportunities",
    kind: "list",
    required: false,
    diff: { by: "list", noun: "opportunity" },
    lane: { list: "plain" },
    page: true,
    sheet: { width: 36 },
  },
  metrics: {
    label: "Metrics",
    kind: "metrics",
    required: false,
    diff: { by: "metrics" },
    lane: { own: "metrics" },
    sheet: { header: "Metric", width: 12 },
  },
  evidence: {
    label: "Evidence",
    kind: "list",
    required: false,
    diff: { by: "list", noun: "evidence" },
    sheet: { width: 24 },
  },
  lanes: {
    label: "Lanes",
    kind: "lanes",
    required: false,
    diff: { by: "lanes" },
  },
} as const satisfies FieldTable<Touchpoint>;

/** Every field of a stage. Its touchpoints' fields are above. */
export const STAGE_FIELDS = {
  id: { label: "Id", kind: "text", required: true, diff: { by: "identity" } },
  name: { label: "Name", kind: "text", required: true, diff: { by: "identity" } },
  description: {
    label: "Description",
    kind: "text",
    required: false,
    diff: { by: "ignored", why: "a stage is compared by its id and name, and its touchpoints one by one" },
  },
  details: {
    label: "Details",
    kind: "text",
    refers: "maps",
    required: false,
    diff: { by: "ignored", why: mapLink },
  },
  touchpoints: { label: "Touchpoints", kind: "touchpoints", required: false, diff: { by: "touchpoints" } },
  metrics: {
    label: "Metrics",
    kind: "metrics",
    required: false,
    diff: { by: "ignored", why: "a stage's counts are read from data pulls; diff compares touchpoints' values" },
    lane: { own: "funnel" },
  },
  lanes: {
    label: "Lanes",
    kind: "lanes",
    required: false,
    diff: { by: "lanes" },
  },
} as const satisfies FieldTable<Stage>;

type TouchpointFields = typeof TOUCHPOINT_FIELDS;
type StageFields = typeof STAGE_FIELDS;
export type TouchpointFieldKey = keyof TouchpointFields;

/** The keys of the fields a rule of the registry picks, as a type. */
type KeysWhere<R, Shape> = { [K in keyof R]: R[K] extends Shape ? K : never }[keyof R];

/** The touchpoint fields `diff` compares as text, and as lists of text. */
export type TextFieldKey = KeysWhere<TouchpointFields, { diff: { by: "text" } }>;
export type ListFieldKey = KeysWhere<TouchpointFields, { diff: { by: "list" } }>;
/** The touchpoint fields drawn as a lane of bulleted cards: the lane is named after the field. */
export type ListLaneName = KeysWhere<TouchpointFields, { lane: { list: string } }>;
type OwnLanes<R> = { [K in keyof R]: R[K] extends { lane: { own: infer Name } } ? Name : never }[keyof R];
/** The lanes drawn by a module of their own (emotion, metrics, funnel). */
export type OwnLaneName = OwnLanes<TouchpointFields> | OwnLanes<StageFields>;

/** A field's entry with its key, for the places that walk the registry. */
export type Field = FieldSpec & { key: string };

/** The registry's entries in order, read when called: a test may add a field to the registry. */
export function touchpointFields(): Field[] {
  return Object.entries(TOUCHPOINT_FIELDS as Record<string, FieldSpec>).map(([key, spec]) => ({ key, ...spec }));
}

export function stageFields(): Field[] {
  return Object.entries(STAGE_FIELDS as Record<string, FieldSpec>).map(([key, spec]) => ({ key, ...spec }));
}

/** The picture's lanes that fields give, top to bottom: the touchpoints' (in field order), then the stages'. */
export function fieldLanes(): Array<{ name: string; field: Field; on: "touchpoint" | "stage" }> {
  const lanes: Array<{ name: string; field: Field; on: "touchpoint" | "stage" }> = [];
  for (const [on, fields] of [
    ["touchpoint", touchpointFields()],
    ["stage", stageFields()],
  ] as const) {
    for (const field of fields) {
      const { lane } = field;
      if (lane === undefined || lane === "card") continue;
      lanes.push({ name: "own" in lane ? lane.own : field.key, field, on });
    }
  }
  for (const lane of [...lanes]) {
    const after = typeof lane.field.lane === "object" ? lane.field.lane.after : undefined;
    if (after === undefined || !lanes.some((other) => other.name === after)) continue;
    lanes.splice(lanes.indexOf(lane), 1);
    lanes.splice(lanes.findIndex((other) => other.name === after) + 1, 0, lane);
  }
  return lanes;
}

/** A touchpoint's value of a field, read by key (a list field as a list of texts, never undefined: an
 * entry written as an object, such as an opportunity tracked as work, reads as its text). */
export function listOf(touchpoint: Touchpoint, key: string): readonly string[] {
  const value = (touchpoint as unknown as Record<string, unknown>)[key];
  if (!Array.isArray(value)) return [];
  return value.every((entry) => typeof entry === "string")
    ? value
    : (value as Parameters<typeof entryText>[0][]).map(entryText);
}

export function textOf(touchpoint: Touchpoint, key: string): string | undefined {
  const value = (touchpoint as unknown as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}
