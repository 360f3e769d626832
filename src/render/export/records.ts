// The workbook's sheets for what one cell of the Touchpoints sheet cannot hold: lane entries written as
// objects (id, servedBy, fail point, wait) and opportunities tracked as work (owner, status, scores...).
// Each row says where it is (stage id, touchpoint id or name) and the text it details, which the
// Touchpoints or Stages sheet shows as one line of the lane's or the opportunities' cell. A team's own
// `x-` keys get a column each after the others, headed by the key (extensions.ts). Written by
// xlsx.ts, read back by src/import/records.ts.
import { entryObjectsOf } from "../../journey/lanes.js";
import type { Journey, LaneEntryObject, OpportunityObject, Stage, Touchpoint } from "../../journey/model.js";
import { opportunityColumns, type OpportunityColumn } from "../../journey/opportunity-fields.js";
import { extensionCell, extensionColumns, type ExtensionColumn } from "./extensions.js";
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

/** A record's cells of its x- keys: a text or a number as it is, in a JSON column the value's JSON. */
function extensionCells(record: object, columns: readonly ExtensionColumn[]): CellValue[] {
  return columns.map((column) => extensionCell(column.fail ? (record as LaneEntryObject).fail : record, column));
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
