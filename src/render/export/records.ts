// The workbook's sheets for what one cell of the Touchpoints sheet cannot hold: lane entries written as
// objects (id, servedBy, fail point, wait) and opportunities tracked as work (owner, status, scores...).
// Each row says where it is (stage id, touchpoint id or name) and the text it details, which the
// Touchpoints or Stages sheet shows as one line of the lane's or the opportunities' cell. Written by
// xlsx.ts, read back by src/import/records.ts.
import { entryObjectsOf } from "../../journey/lanes.js";
import type { Journey, OpportunityObject, Stage, Touchpoint } from "../../journey/model.js";
import { opportunityColumns, type OpportunityColumn } from "../../journey/opportunity-fields.js";
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

/** A row of the Lane entries sheet per entry written as an object, in the map's order. */
export function* laneEntryRows(journey: Journey): Generator<CellValue[]> {
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
    ];
  }
}

/** A row of the Opportunities sheet per opportunity written as an object, in the map's order. */
export function* opportunityRows(journey: Journey): Generator<CellValue[]> {
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? [])
      for (const opportunity of touchpoint.opportunities ?? []) {
        if (typeof opportunity === "string") continue;
        const cells = opportunityCells(opportunity);
        yield [
          ...whereCells(stage, touchpoint),
          ...OPPORTUNITY_COLUMNS.slice(WHERE_COLUMNS.length).map(([, key]) => cells[key as keyof typeof cells]),
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
