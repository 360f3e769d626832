// The "Touchpoints" layout: one row per touchpoint, one column per field (the headers of
// src/render/export/layout.ts), stages grouped by their id in order of first appearance; the "Stages" sheet,
// when there is one, gives the stages' order, descriptions and metrics (and the stages without touchpoints).
import {
  listOf,
  meaningOf,
  STAGE_HEADERS,
  TOUCHPOINT_FIELDS,
  type ColumnMeaning,
  type MetricPart,
} from "../render/export/layout.js";
import { ExtensionReader, MAX_EXTENSION_COLUMNS } from "../render/export/extensions.js";
import { MODEL_KEYS } from "../journey/model-keys.js";
import type { LaneKind, MeasuredValue, MetricValue, Score, Stage, Touchpoint } from "../journey/model.js";
import { cellProblem, textAt, valueAt, widthOf, type Grid } from "./grid.js";
import { laneValueOfCell, setLane } from "./records.js";
import { idFor, numberOf, requiredNumber, scoreAt, textOf } from "./values.js";

/** The columns that have a value below the header row, found in one pass over the filled cells. */
function filledColumns(grid: Grid): Set<number> {
  const filled = new Set<number>();
  for (let row = 2; row <= grid.rows.length; row++)
    (grid.rows[row - 1] ?? []).forEach((_, index) => {
      if (!filled.has(index + 1) && textAt(grid, row, index + 1) !== undefined) filled.add(index + 1);
    });
  return filled;
}

/** What tells two columns' meanings apart, cheaper than their JSON for a sheet of 10,000 lane columns. */
function meaningKey(meaning: ColumnMeaning): string {
  const { field } = meaning;
  if (field === "lanes") return `lanes\u0000${meaning.lane}`;
  if (field === "emotion") return meaning.persona === undefined ? "emotion" : `emotion\u0000${meaning.persona}`;
  if (field === "metrics") return `metrics\u0000${meaning.part}\u0000${meaning.metric}`;
  if (field === "extension") return `extension\u0000${meaning.key}`;
  return field;
}

/** The columns of a header row, checked: known, unmerged, each once. */
export function headerColumns(grid: Grid): Map<number, ColumnMeaning> {
  const columns = new Map<number, ColumnMeaning>();
  const seen = new Map<string, number>();
  const width = widthOf(grid);
  const filled = filledColumns(grid);
  let extensions = 0;
  for (let column = 1; column <= width; column++) {
    const header = textAt(grid, 1, column);
    if (header === undefined) {
      if (grid.covered.has(`1:${column}`)) continue;
      if (filled.has(column))
        throw cellProblem(grid, 1, column, "this column has values but no header: name it in the first row");
      continue;
    }
    if (grid.covered.has(`1:${column + 1}`))
      throw cellProblem(
        grid,
        1,
        column,
        `the header "${header}" is merged over several columns: unmerge it so that each column has its own header`,
      );
    const meaning = meaningOf(header);
    if (!meaning) {
      const known = [
        ...Object.values(STAGE_HEADERS),
        ...Object.values(TOUCHPOINT_FIELDS)
          .filter((spec) => spec.kind !== "metrics")
          .map((spec) => spec.header),
        "Emotion: <persona id>",
        "Metric: <metric id>",
        "Metric target|date|source|n: <metric id>",
        "Lane: <lane id>",
        "x-<your key>",
      ];
      throw cellProblem(grid, 1, column, `unknown column "${header}": use ${known.join(", ")}`);
    }
    if (meaning.field === "extension" && ++extensions > MAX_EXTENSION_COLUMNS)
      throw cellProblem(
        grid,
        1,
        column,
        `the ${grid.name} sheet has more than ${MAX_EXTENSION_COLUMNS} columns of x- keys: keep your own data under fewer x- keys (one key can hold an object)`,
      );
    const key = meaningKey(meaning);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw cellProblem(grid, 1, column, `the column "${header}" is there twice: keep one`);
    seen.set(key, column);
    columns.set(column, meaning);
  }
  return columns;
}

/** Calls `visit` with each filled cell of a row that has a column meaning, in column order. A row is
 * read by its filled cells, not by the sheet's columns: a sheet of 10,000 lane columns fills a few on
 * each row, and reading every column of every row cost the square of a 1 MB workbook's size. */
function eachFilledCell(
  grid: Grid,
  row: number,
  columns: ReadonlyMap<number, ColumnMeaning>,
  visit: (column: number, meaning: ColumnMeaning, value: string | number) => void,
): void {
  // forEach skips the holes of a sparse row (a workbook's rows hold only their filled cells).
  (grid.rows[row - 1] ?? []).forEach((value, index) => {
    if (value === undefined) return;
    const meaning = columns.get(index + 1);
    if (meaning) visit(index + 1, meaning, value);
  });
}

/** The column of the first header with this meaning (for messages about a cell left empty). */
function columnWith(columns: ReadonlyMap<number, ColumnMeaning>, field: ColumnMeaning["field"]): number | undefined {
  for (const [column, meaning] of columns) if (meaning.field === field) return column;
  return undefined;
}

/** The metrics of one row: each metric's value and parts, read from its columns. */
function metricsOfRow(
  grid: Grid,
  row: number,
  columns: Map<number, ColumnMeaning>,
): Record<string, MetricValue> | undefined {
  const parts = new Map<string, Partial<Record<MetricPart, { value: string | number; column: number }>>>();
  eachFilledCell(grid, row, columns, (column, meaning, value) => {
    if (meaning.field !== "metrics") return;
    if (typeof value === "string" && value.trim() === "") return;
    const found = parts.get(meaning.metric) ?? {};
    found[meaning.part] = { value, column };
    parts.set(meaning.metric, found);
  });
  if (parts.size === 0) return undefined;
  const metrics: Record<string, MetricValue> = {};
  for (const [metric, found] of parts) {
    const value = found.value;
    const measured = found.target ?? found.date ?? found.source ?? found.n;
    if (!value)
      throw cellProblem(
        grid,
        row,
        measured!.column,
        `metric "${metric}" has a ${Object.keys(found)[0]} but no value: fill its "Metric: ${metric}" column`,
      );
    if (!measured) {
      metrics[metric] = grid.typed ? value.value : (numberOf(value.value) ?? value.value);
      continue;
    }
    const number = requiredNumber(
      grid,
      row,
      value.column,
      value.value,
      `metric "${metric}" has a target, date, source or n, so its value`,
    );
    const entry: MeasuredValue = { value: number! };
    if (found.target) entry.target = requiredNumber(grid, row, found.target.column, found.target.value, "target")!;
    if (found.date) entry.date = String(found.date.value).trim();
    if (found.source) entry.source = String(found.source.value);
    if (found.n) entry.n = requiredNumber(grid, row, found.n.column, found.n.value, "n")!;
    metrics[metric] = entry;
  }
  return metrics;
}

/** The fields a row of the Stages sheet may fill. */
const STAGES_SHEET_FIELDS: ReadonlySet<ColumnMeaning["field"]> = new Set([
  "stage id",
  "stage",
  "stage description",
  "stage details",
  "lanes",
  "metrics",
  "extension",
]);

/** A stage's own fields from a row of the Touchpoints or Stages sheet. */
interface StageRow {
  id?: string;
  name?: string;
}

/** The columns of a stage's id and name (the last of each, as a row's later cell wins). */
interface StageColumns {
  id?: number;
  name?: number;
}

function stageColumnsOf(columns: ReadonlyMap<number, ColumnMeaning>): StageColumns {
  const found: StageColumns = {};
  for (const [column, meaning] of columns) {
    if (meaning.field === "stage id") found.id = column;
    if (meaning.field === "stage") found.name = column;
  }
  return found;
}

function stageOfRow(grid: Grid, row: number, columns: StageColumns): StageRow {
  const stage: StageRow = {};
  if (columns.id !== undefined) stage.id = textAt(grid, row, columns.id);
  if (columns.name !== undefined) stage.name = textOf(valueAt(grid, row, columns.name));
  return stage;
}

/** Sets an x- key from its cell: the value as the cell holds it (a JSON column's parsed), none for a cell
 * of only spaces (as on the record sheets), or a message at the cell. A CSV file's cells are all text:
 * its plain x- columns give texts (a JSON column gives any value). */
function setExtensionAt(
  reader: ExtensionReader,
  holder: object,
  grid: Grid,
  row: number,
  column: number,
  meaning: { key: string; json: boolean },
  value: string | number,
): void {
  if (typeof value === "string" && value.trim() === "") return;
  const read = reader.read(value, meaning.json, meaning.key);
  if ("problem" in read) throw cellProblem(grid, row, column, read.problem);
  (holder as Record<string, unknown>)[meaning.key] = read.value;
}

function rowIsEmpty(grid: Grid, row: number): boolean {
  return (grid.rows[row - 1] ?? []).every((value) => value === undefined || String(value).trim() === "");
}

/** The stages of a Touchpoints sheet (and of a Stages sheet beside it), in order. `laneKinds` tells a
 * declared lane's kind (a text lane's cell is one text; any other lane's, one entry per line). */
export function stagesFromTables(
  touchpointsGrid: Grid,
  stagesGrid: Grid | undefined,
  laneKinds: ReadonlyMap<string, LaneKind> = new Map(),
  reader = new ExtensionReader(),
): Stage[] {
  const stages = new Map<string, Stage>();
  const taken = new Set<string>();
  const columnsOfStages = stagesGrid ? headerColumns(stagesGrid) : undefined;
  const byName = new Map<string, Stage>();
  const stageFor = (grid: Grid, row: number, found: StageRow): Stage => {
    if (found.id === undefined && found.name === undefined)
      throw cellProblem(grid, row, 1, 'this row names no stage: fill its "Stage id" or "Stage" column');
    const existing = found.id !== undefined ? stages.get(found.id) : byName.get(found.name!);
    if (existing) return existing;
    const id = found.id ?? idFor(found.name!, taken, `stage-${stages.size + 1}`);
    taken.add(id);
    const stage: Stage = { id, name: found.name ?? id };
    stages.set(id, stage);
    if (found.name !== undefined && found.id === undefined) byName.set(found.name, stage);
    return stage;
  };
  if (stagesGrid && columnsOfStages) {
    const stageColumns = stageColumnsOf(columnsOfStages);
    let checked = false;
    for (let row = 2; row <= stagesGrid.rows.length; row++) {
      if (rowIsEmpty(stagesGrid, row)) continue;
      if (!checked) {
        checked = true;
        for (const [column, meaning] of columnsOfStages)
          if (!STAGES_SHEET_FIELDS.has(meaning.field))
            throw cellProblem(
              stagesGrid,
              1,
              column,
              `the Stages sheet has no touchpoint column "${textAt(stagesGrid, 1, column)}"`,
            );
      }
      const stage = stageFor(stagesGrid, row, stageOfRow(stagesGrid, row, stageColumns));
      eachFilledCell(stagesGrid, row, columnsOfStages, (column, meaning, value) => {
        if (meaning.field === "stage description") {
          const text = textOf(value);
          if (text !== undefined) stage.description = text;
        } else if (meaning.field === "stage details") {
          const text = textAt(stagesGrid, row, column);
          if (text !== undefined) stage.details = text;
        } else if (meaning.field === "lanes") {
          const lane = laneValueOfCell(value, laneKinds.get(meaning.lane));
          if (lane !== undefined) setLane(stage, meaning.lane, lane);
        } else if (meaning.field === "extension") {
          setExtensionAt(reader, stage, stagesGrid, row, column, meaning, value);
        }
      });
      const metrics = metricsOfRow(stagesGrid, row, columnsOfStages);
      if (metrics) stage.metrics = metrics;
    }
  }
  const columns = headerColumns(touchpointsGrid);
  const meanings = [...columns.values()];
  if (!meanings.some((meaning) => meaning.field === "name"))
    throw cellProblem(
      touchpointsGrid,
      1,
      1,
      'the sheet has no "Touchpoint" column: name the column of touchpoint names "Touchpoint"',
    );
  if (!meanings.some((meaning) => meaning.field === "stage" || meaning.field === "stage id"))
    throw cellProblem(
      touchpointsGrid,
      1,
      1,
      'the sheet has no "Stage" or "Stage id" column: add one, so that each touchpoint has its stage',
    );
  const stageColumns = stageColumnsOf(columns);
  const nameColumn = columnWith(columns, "name") ?? 1;
  for (let row = 2; row <= touchpointsGrid.rows.length; row++) {
    if (rowIsEmpty(touchpointsGrid, row)) continue;
    const stage = stageFor(touchpointsGrid, row, stageOfRow(touchpointsGrid, row, stageColumns));
    (stage.touchpoints ??= []).push(touchpointOfRow(touchpointsGrid, row, columns, laneKinds, nameColumn, reader));
  }
  return [...stages.values()];
}

function touchpointOfRow(
  grid: Grid,
  row: number,
  columns: Map<number, ColumnMeaning>,
  laneKinds: ReadonlyMap<string, LaneKind>,
  nameColumn: number,
  reader: ExtensionReader,
): Touchpoint {
  const fields: Partial<Touchpoint> = {};
  const extensions: Record<string, unknown> = {};
  const scores: Record<string, Score> = {};
  eachFilledCell(grid, row, columns, (column, meaning, value) => {
    switch (meaning.field) {
      case "stage id":
      case "stage":
      case "stage description":
      case "stage details":
      case "metrics":
        break;
      case "extension":
        setExtensionAt(reader, extensions, grid, row, column, meaning, value);
        break;
      case "lanes": {
        const lane = laneValueOfCell(value, laneKinds.get(meaning.lane));
        if (lane !== undefined) setLane(fields as Touchpoint, meaning.lane, lane);
        break;
      }
      case "emotion": {
        const score = scoreAt(grid, row, column, value);
        if (score === undefined) break;
        if (meaning.persona === undefined) fields.emotion = score;
        else scores[meaning.persona] = score;
        break;
      }
      default: {
        const kind = TOUCHPOINT_FIELDS[meaning.field].kind;
        const read =
          kind === "list" ? listOf(value) : meaning.field === "id" ? textAt(grid, row, column) : textOf(value);
        if (read !== undefined) (fields as Record<string, unknown>)[meaning.field] = read;
      }
    }
  });
  if (fields.name === undefined)
    throw cellProblem(grid, row, nameColumn, "this row has no touchpoint name: name the touchpoint, or delete the row");
  if (Object.keys(scores).length > 0) {
    if (fields.emotion !== undefined)
      throw cellProblem(
        grid,
        row,
        nameColumn,
        'this touchpoint has both an "Emotion" and an "Emotion: <persona>" score: keep one kind',
      );
    fields.emotion = scores;
  }
  const metrics = metricsOfRow(grid, row, columns);
  if (metrics) fields.metrics = metrics;
  // The model's key order, as a map author writes it.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(MODEL_KEYS.touchpoint) as (keyof typeof MODEL_KEYS.touchpoint)[])
    if (fields[key] !== undefined) ordered[key] = fields[key];
  Object.assign(ordered, extensions);
  return ordered as unknown as Touchpoint;
}
