// The workbook's Lane entries and Opportunities sheets read back (src/export/records.ts writes them): each
// row finds its stage and touchpoint, then the line of the lane's or the opportunities' cell it details,
// and makes that line the object it was. A row whose line is not there adds its entry at the end.
import { listOf, type CellValue } from "../render/export/layout.js";
import { ExtensionReader, extensionOfHeader, FAIL_PREFIX, MAX_EXTENSION_COLUMNS } from "../render/export/extensions.js";
import {
  LANE_ENTRY_COLUMNS,
  OPPORTUNITY_COLUMNS,
  RECORD_LIST_KEYS,
  RECORD_NUMBER_KEYS,
} from "../render/export/records.js";
import { laneValueOf } from "../journey/lanes.js";
import {
  OPPORTUNITY_STATUSES,
  type LaneEntry,
  type LaneEntryObject,
  type LaneKind,
  type LaneValue,
  type OpportunityObject,
  type OpportunityStatus,
  type Stage,
  type Touchpoint,
} from "../journey/model.js";
import { cellProblem, textAt, valueAt, widthOf, type Grid } from "./grid.js";
import { requiredNumber, textOf } from "./values.js";

/** Sets a lane's value by its author-chosen id: an own property even for `__proto__` (never the prototype). */
export function setLane(holder: Touchpoint | Stage, lane: string, value: LaneValue): void {
  holder.lanes ??= {};
  // Assigning makes an own key for any id but __proto__, Object.prototype's one accessor (and costs a
  // tenth of defining one: a workbook of 10,000 lanes sets 16,000).
  if (lane === "__proto__")
    Object.defineProperty(holder.lanes, lane, { value, enumerable: true, writable: true, configurable: true });
  else holder.lanes[lane] = value;
}

/** A lane's cell as its value: a text lane's cell is one text, any other lane's one entry per line. */
export function laneValueOfCell(value: CellValue, kind: LaneKind | undefined): LaneValue | undefined {
  if (kind === "text") return textOf(value);
  return listOf(value);
}

/** One row of a record sheet: the cells by key (a team's x- keys by their own), the column of each key,
 * and the x- keys whose cells are JSON. */
interface RecordRow {
  row: number;
  cells: Map<string, CellValue>;
  columns: Map<string, number>;
  json: ReadonlySet<string>;
}

function recordRows(grid: Grid, columns: ReadonlyArray<readonly [string, string]>): RecordRow[] {
  const keyColumns = new Map<string, number>();
  const json = new Set<string>();
  let extensions = 0;
  for (let column = 1, width = widthOf(grid); column <= width; column++) {
    const header = textAt(grid, 1, column);
    if (header === undefined) continue;
    let key = columns.find(([name]) => name.toLowerCase() === header.toLowerCase())?.[1];
    const failKey = header.slice(0, FAIL_PREFIX.length).toLowerCase() === FAIL_PREFIX.toLowerCase();
    const extension =
      key === undefined ? extensionOfHeader(failKey ? header.slice(FAIL_PREFIX.length) : header) : undefined;
    if (extension) {
      // A team's own key, as the export writes it: "x-<key>", or "x-<key> (JSON)" for JSON values; a
      // fail point's behind "Fail ", kept in the record as "fail:x-<key>".
      key = failKey ? `fail:${extension.key}` : extension.key;
      if (extension.json) json.add(key);
      if (++extensions > MAX_EXTENSION_COLUMNS)
        throw cellProblem(
          grid,
          1,
          column,
          `the ${grid.name} sheet has more than ${MAX_EXTENSION_COLUMNS} columns of x- keys: keep your own data under fewer x- keys (one key can hold an object)`,
        );
    }
    if (key === undefined)
      throw cellProblem(
        grid,
        1,
        column,
        `unknown column "${header}": the ${grid.name} sheet has ${columns.map(([name]) => name).join(", ")}, and x-<your key>`,
      );
    if (keyColumns.has(key)) throw cellProblem(grid, 1, column, `the column "${header}" is there twice: keep one`);
    keyColumns.set(key, column);
  }
  const rows: RecordRow[] = [];
  for (let row = 2; row <= grid.rows.length; row++) {
    const cells = new Map<string, CellValue>();
    for (const [key, column] of keyColumns) {
      const value = valueAt(grid, row, column);
      if (value !== undefined && String(value).trim() !== "") cells.set(key, value);
    }
    if (cells.size > 0) rows.push({ row, cells, columns: keyColumns, json });
  }
  return rows;
}

/** The column of a key, or the first column when the sheet has none (for messages). */
const columnOf = (record: RecordRow, key: string) => record.columns.get(key) ?? 1;

function required(grid: Grid, record: RecordRow, key: string, what: string): string {
  const value = record.cells.get(key);
  if (value === undefined)
    throw cellProblem(grid, record.row, columnOf(record, key), `this row has no ${what}: fill it, or delete the row`);
  return String(value);
}

/** A record's x- keys (those of its fail point with `prefix` "fail:") and their values: a text or a
 * number as the cell holds it, a JSON cell's value. */
function extensionsOf(reader: ExtensionReader, grid: Grid, record: RecordRow, prefix = ""): [string, unknown][] {
  const found: [string, unknown][] = [];
  for (const [key, value] of record.cells) {
    if (!key.startsWith(`${prefix}x-`)) continue;
    const name = key.slice(prefix.length);
    const read = reader.read(value!, record.json.has(key), `${prefix === "" ? "" : FAIL_PREFIX}${name}`);
    if ("problem" in read) throw cellProblem(grid, record.row, columnOf(record, key), read.problem);
    found.push([name, read.value]);
  }
  return found;
}

function text(record: RecordRow, key: string, trimmed = false): string | undefined {
  const value = textOf(record.cells.get(key));
  return trimmed ? value?.trim() : value;
}

/** The touchpoints of each stage by id and by name, indexed once a stage is named: each row is found in
 * constant time, so a sheet of many rows stays linear. */
type TouchpointIndex = Map<Stage, { byId: Map<string, Touchpoint[]>; byName: Map<string, Touchpoint[]> }>;

function indexed(
  index: TouchpointIndex,
  stage: Stage,
): { byId: Map<string, Touchpoint[]>; byName: Map<string, Touchpoint[]> } {
  let found = index.get(stage);
  if (found) return found;
  found = { byId: new Map(), byName: new Map() };
  for (const touchpoint of stage.touchpoints ?? []) {
    if (touchpoint.id !== undefined)
      found.byId.set(touchpoint.id, [...(found.byId.get(touchpoint.id) ?? []), touchpoint]);
    const named = found.byName.get(touchpoint.name);
    if (named) named.push(touchpoint);
    else found.byName.set(touchpoint.name, [touchpoint]);
  }
  index.set(stage, found);
  return found;
}

/** The stage and the touchpoints a row names (several when a stage repeats a name and no id tells them apart). */
function placeOf(
  grid: Grid,
  record: RecordRow,
  stages: ReadonlyMap<string, Stage>,
  index: TouchpointIndex,
): { stage: Stage; touchpoints?: Touchpoint[] } {
  const stageId = required(grid, record, "stage", "stage id").trim();
  const stage = stages.get(stageId);
  if (!stage)
    throw cellProblem(
      grid,
      record.row,
      columnOf(record, "stage"),
      `stage "${stageId.slice(0, 80)}" is not on the Touchpoints or Stages sheet: use the id of one of the map's stages`,
    );
  const id = text(record, "touchpointId", true);
  const name = text(record, "touchpoint");
  if (id === undefined && name === undefined) return { stage };
  const { byId, byName } = indexed(index, stage);
  const touchpoints = id !== undefined ? byId.get(id) : byName.get(name!);
  if (!touchpoints)
    throw cellProblem(
      grid,
      record.row,
      columnOf(record, id !== undefined ? "touchpointId" : "touchpoint"),
      `stage "${stageId.slice(0, 80)}" has no touchpoint ${JSON.stringify((id ?? name)!.slice(0, 80))}: name one of its touchpoints (by its id when it has one)`,
    );
  return { stage, touchpoints };
}

/** Where each text line of a list still is, in order, indexed once per list: a row finds its line in
 * constant time (a sheet of 20,000 rows on one touchpoint would otherwise cost their square). */
class Lines {
  private readonly lists = new WeakMap<readonly unknown[], Map<string, { at: number[]; next: number }>>();

  /** Replaces the first line `shown` of a list that is still text by `entry`; false when there is none. */
  replace<T>(list: Array<string | T>, shown: string, entry: T): boolean {
    let positions = this.lists.get(list);
    if (!positions) {
      positions = new Map();
      list.forEach((line, index) => {
        if (typeof line !== "string") return;
        const found = positions!.get(line);
        if (found) found.at.push(index);
        else positions!.set(line, { at: [index], next: 0 });
      });
      this.lists.set(list, positions);
    }
    const found = positions.get(shown);
    if (!found || found.next >= found.at.length) return false;
    list[found.at[found.next++]!] = entry;
    return true;
  }
}

/** Lane entries written as objects, put back in the lanes of the stages and touchpoints they name. */
export function applyLaneEntries(grid: Grid, stages: ReadonlyMap<string, Stage>, reader = new ExtensionReader()): void {
  const index: TouchpointIndex = new Map();
  const lines = new Lines();
  for (const record of recordRows(grid, LANE_ENTRY_COLUMNS)) {
    const { stage, touchpoints } = placeOf(grid, record, stages, index);
    const lane = required(grid, record, "lane", "lane id").trim();
    const id = text(record, "id", true);
    // The model's key order, as an author writes an entry.
    const entry: LaneEntryObject = {
      ...(id !== undefined ? { id } : {}),
      text: required(grid, record, "text", "text"),
    };
    const servedBy = listOf(record.cells.get("servedBy"))?.map((line) => line.trim());
    if (servedBy) entry.servedBy = servedBy;
    const fail = {
      risk: text(record, "failRisk"),
      owner: text(record, "failOwner", true),
      opportunity: text(record, "failOpportunity", true),
    };
    const failPoint = Object.fromEntries([
      ...Object.entries(fail).filter(([, value]) => value !== undefined),
      ...extensionsOf(reader, grid, record, "fail:"),
    ]);
    if (Object.keys(failPoint).length > 0) entry.fail = failPoint;
    const wait = text(record, "wait");
    if (wait !== undefined) entry.wait = wait;
    for (const [key, value] of extensionsOf(reader, grid, record)) entry[key as `x-${string}`] = value;
    const holders: Array<Touchpoint | Stage> = touchpoints ?? [stage];
    const placed = holders.some((holder) => {
      const value = laneValueOf(holder, lane);
      if (value === entry.text) {
        setLane(holder, lane, [entry]);
        return true;
      }
      return Array.isArray(value) && lines.replace<LaneEntry>(value, entry.text, entry);
    });
    if (placed) continue;
    const holder = holders[0]!;
    const value = laneValueOf(holder, lane);
    if (Array.isArray(value)) value.push(entry);
    else setLane(holder, lane, [...(value === undefined ? [] : [value]), entry]);
  }
}

/** Opportunities tracked as work, put back in the touchpoints they are on, where their title is. */
export function applyOpportunities(
  grid: Grid,
  stages: ReadonlyMap<string, Stage>,
  reader = new ExtensionReader(),
): void {
  const index: TouchpointIndex = new Map();
  const lines = new Lines();
  for (const record of recordRows(grid, OPPORTUNITY_COLUMNS)) {
    const { touchpoints } = placeOf(grid, record, stages, index);
    if (!touchpoints)
      throw cellProblem(
        grid,
        record.row,
        columnOf(record, "touchpoint"),
        "this opportunity names no touchpoint: fill its Touchpoint column (opportunities are on touchpoints)",
      );
    const opportunity: OpportunityObject = { id: required(grid, record, "id", "opportunity id").trim() };
    for (const [, key] of OPPORTUNITY_COLUMNS) {
      if (key === "id" || key === "stage" || key === "touchpointId" || key === "touchpoint" || key === "target")
        continue;
      const value = record.cells.get(key);
      if (value === undefined) continue;
      const column = columnOf(record, key);
      if (RECORD_NUMBER_KEYS.has(key)) {
        (opportunity as unknown as Record<string, unknown>)[key] = requiredNumber(grid, record.row, column, value, key);
      } else if (RECORD_LIST_KEYS.has(key)) {
        const items = listOf(value);
        if (items) opportunity.addresses = items;
      } else if (key === "status") {
        const status = String(value).trim();
        if (!(OPPORTUNITY_STATUSES as readonly string[]).includes(status))
          throw cellProblem(
            grid,
            record.row,
            column,
            `status ${JSON.stringify(status.slice(0, 40))} is not one of ${OPPORTUNITY_STATUSES.join(", ")}: pick one`,
          );
        opportunity.status = status as OpportunityStatus;
      } else if (key === "metric") {
        opportunity.metric = { id: String(value).trim() };
      } else {
        const read = key === "title" ? textOf(value) : String(value).trim();
        if (read !== undefined) (opportunity as unknown as Record<string, unknown>)[key] = read;
      }
    }
    const target = record.cells.get("target");
    if (target !== undefined) {
      if (!opportunity.metric)
        throw cellProblem(
          grid,
          record.row,
          columnOf(record, "target"),
          "this opportunity has a target but no metric: name the metric it should move in the Metric column",
        );
      opportunity.metric.target = requiredNumber(grid, record.row, columnOf(record, "target"), target, "target")!;
    }
    for (const [key, value] of extensionsOf(reader, grid, record)) opportunity[key as `x-${string}`] = value;
    const shown = opportunity.title ?? opportunity.id;
    const placed = touchpoints.some(
      (touchpoint) =>
        touchpoint.opportunities !== undefined && lines.replace(touchpoint.opportunities, shown, opportunity),
    );
    if (!placed) (touchpoints[0]!.opportunities ??= []).push(opportunity);
  }
}
