// The workbook's sheets for what one cell of the Touchpoints sheet cannot hold: lane entries written as
// objects (id, servedBy, fail point, wait) and opportunities tracked as work (owner, status, scores...).
// Each row says where it is (stage id, touchpoint id or name) and the text it details, which the
// Touchpoints or Stages sheet shows as one line of the lane's or the opportunities' cell. A team's own
// `x-` keys get a column each after the others, headed by the key (see extensionColumns). Written by
// xlsx.ts, read back by src/import/records.ts.
import { JourneymapError } from "../../errors.js";
import { entryObjectsOf } from "../../journey/lanes.js";
import type { Journey, LaneEntryObject, OpportunityObject, Stage, Touchpoint } from "../../journey/model.js";
import { opportunityColumns, type OpportunityColumn } from "../../journey/opportunity-fields.js";
import { cellText, MAX_CELL_TEXT } from "./cells.js";
import { listCell, type CellValue } from "./layout.js";

/** Where a row is: a stage, and a touchpoint of it (by id when it has one, and by name). */
export const WHERE_COLUMNS = [
  ["Stage id", "stage"],
  ["Touchpoint id", "touchpointId"],
  ["Touchpoint", "touchpoint"],
] as const;

export const LANE_ENTRY_COLUMNS = [
  ...WHERE_COLUMNS,
  ["Lane", "lane"],
  ["Text", "text"],
  ["Id", "id"],
  ["Served by", "servedBy"],
  ["Wait", "wait"],
  ["Fail risk", "failRisk"],
  ["Fail owner", "failOwner"],
  ["Fail opportunity", "failOpportunity"],
] as const;

/** The Opportunities sheet's columns: where, then the opportunity's fields (src/journey/opportunity-fields.ts). */
export const OPPORTUNITY_COLUMNS: ReadonlyArray<
  readonly [string, (typeof WHERE_COLUMNS)[number][1] | OpportunityColumn["key"]]
> = [...WHERE_COLUMNS, ...opportunityColumns().map(({ header, key }) => [header, key] as const)];

export type LaneEntryKey = (typeof LANE_ENTRY_COLUMNS)[number][1];

/** The keys whose cells are lists, one item per line. */
export const RECORD_LIST_KEYS: ReadonlySet<string> = new Set(["servedBy", "addresses"]);
/** The keys whose cells are numbers. */
export const RECORD_NUMBER_KEYS: ReadonlySet<string> = new Set(["value", "effort", "confidence", "target"]);

function whereCells(stage: Stage, touchpoint: Touchpoint | undefined): CellValue[] {
  return [stage.id, touchpoint?.id, touchpoint?.name];
}

/** The header of an x- key's column whose cells are JSON (a value that is not a text or a number). */
export const JSON_COLUMN_SUFFIX = " (JSON)";
/** The header of a fail point's x- key's column starts with it: "Fail x-incident". */
export const FAIL_PREFIX = "Fail ";

/** An x- key's column: headed by the key, or by "<key> (JSON)" when one of its values is not a text or a
 * number (true, null, a list, an object; or a text a cell would not give back: empty, or only spaces). */
export interface ExtensionColumn {
  key: string;
  json: boolean;
  header: string;
  /** A key of the lane entry's fail point ("Fail x-<key>"), not of the entry. */
  fail?: boolean;
}

/** A value a cell gives back as it is: a finite number, or a text with something besides spaces and no
 * character a cell drops (control characters, a carriage return; JSON escapes them). A text longer than
 * a cell holds is cut with a note either way. */
const isCellValue = (value: unknown) =>
  (typeof value === "string" && value.trim() !== "" && (value.length > MAX_CELL_TEXT || cellText(value) === value)) ||
  (typeof value === "number" && Number.isFinite(value));

/** The most x- columns a sheet has: a team keeps a few keys of its own, and each row is as wide as
 * the sheet (10,000 entries with a key each would make 100,000,000 empty cells to walk). */
export const MAX_EXTENSION_COLUMNS = 100;

/** The x- keys of these records, in order of first appearance. */
export function extensionColumns(records: Iterable<object>, sheet: string, fail = false): ExtensionColumn[] {
  const json = new Map<string, boolean>();
  for (const record of records)
    for (const [key, value] of Object.entries(record)) {
      if (!key.startsWith("x-")) continue;
      json.set(key, (json.get(key) ?? false) || !isCellValue(value));
      if (json.size > MAX_EXTENSION_COLUMNS)
        throw new JourneymapError(
          `the ${sheet} sheet would need more than ${MAX_EXTENSION_COLUMNS} columns of x- keys: keep your own data under fewer x- keys (one key can hold an object)`,
        );
    }
  return [...json].map(([key, asJson]) => ({
    key,
    json: asJson,
    header: `${fail ? FAIL_PREFIX : ""}${key}${asJson ? JSON_COLUMN_SUFFIX : ""}`,
    ...(fail ? { fail } : {}),
  }));
}

/** A record's cells of its x- keys: a text or a number as it is, in a JSON column the value's JSON. */
function extensionCells(record: object, columns: readonly ExtensionColumn[]): CellValue[] {
  return columns.map(({ key, json, fail }) => {
    const holder = fail ? (record as LaneEntryObject).fail : record;
    if (holder === undefined || !Object.hasOwn(holder, key)) return undefined;
    const value = (holder as Record<string, unknown>)[key];
    if (!json || (typeof value === "number" && Number.isFinite(value))) return value as CellValue;
    return JSON.stringify(value) ?? "null";
  });
}

/** The x- columns of the Lane entries sheet and of the Opportunities sheet. */
export const laneEntryExtensions = (journey: Journey) => [
  ...extensionColumns(
    (function* () {
      for (const { entry } of entryObjectsOf(journey)) yield entry;
    })(),
    "Lane entries",
  ),
  ...extensionColumns(
    (function* () {
      for (const { entry } of entryObjectsOf(journey)) if (entry.fail) yield entry.fail;
    })(),
    "Lane entries",
    true,
  ),
];

export const opportunityExtensions = (journey: Journey) =>
  extensionColumns(opportunityObjects(journey), "Opportunities");

function* opportunityObjects(journey: Journey): Generator<OpportunityObject> {
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      for (const opportunity of touchpoint.opportunities ?? []) if (typeof opportunity !== "string") yield opportunity;
}

/** A row of the Lane entries sheet per entry written as an object, in the map's order. */
export function* laneEntryRows(journey: Journey, extensions: readonly ExtensionColumn[] = []): Generator<CellValue[]> {
  for (const { entry, lane, stage, touchpoint } of entryObjectsOf(journey)) {
    const cells: Record<Exclude<LaneEntryKey, (typeof WHERE_COLUMNS)[number][1]>, CellValue> = {
      lane,
      text: entry.text,
      id: entry.id,
      servedBy: listCell(entry.servedBy),
      wait: entry.wait,
      failRisk: entry.fail?.risk,
      failOwner: entry.fail?.owner,
      failOpportunity: entry.fail?.opportunity,
    };
    yield [
      ...whereCells(stage, touchpoint),
      ...LANE_ENTRY_COLUMNS.slice(WHERE_COLUMNS.length).map(([, key]) => cells[key as keyof typeof cells]),
      ...extensionCells(entry, extensions),
    ];
  }
}

/** A row of the Opportunities sheet per opportunity written as an object, in the map's order. */
export function* opportunityRows(
  journey: Journey,
  extensions: readonly ExtensionColumn[] = [],
): Generator<CellValue[]> {
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      for (const opportunity of touchpoint.opportunities ?? []) {
        if (typeof opportunity === "string") continue;
        const cells = opportunityCells(opportunity);
        yield [
          ...whereCells(stage, touchpoint),
          ...OPPORTUNITY_COLUMNS.slice(WHERE_COLUMNS.length).map(([, key]) => cells[key as keyof typeof cells]),
          ...extensionCells(opportunity, extensions),
        ];
      }
}

function opportunityCells(opportunity: OpportunityObject): Record<string, CellValue> {
  return {
    id: opportunity.id,
    title: opportunity.title,
    owner: opportunity.owner,
    status: opportunity.status,
    value: opportunity.value,
    effort: opportunity.effort,
    confidence: opportunity.confidence,
    issue: opportunity.issue,
    metric: opportunity.metric?.id,
    target: opportunity.metric?.target,
    due: opportunity.due,
    addresses: listCell(opportunity.addresses),
  };
}

/** Whether a map has rows for these sheets (a map without them gets no such sheet). */
export function hasEntryObjects(journey: Journey): boolean {
  return !entryObjectsOf(journey).next().done;
}

export function hasOpportunityObjects(journey: Journey): boolean {
  return journey.stages.some((stage) =>
    (stage.touchpoints ?? []).some((touchpoint) =>
      (touchpoint.opportunities ?? []).some((opportunity) => typeof opportunity !== "string"),
    ),
  );
}
