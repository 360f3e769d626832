// The Excel workbook of a map (render --format xlsx): the "Map" sheet as teams draw journey maps (stages
// as columns, lanes as rows, emotions as numbers on a colour scale), the "Touchpoints" table with every
// field, and the stages, personas, teams, metrics and the map's own facts. Every cell is a value (text
// or a number), never a formula. exceljs is an optional peer dependency, loaded only here (excel-workbook.ts).
import type { Workbook, Worksheet } from "exceljs";
import { JourneymapError } from "../../errors.js";
import { filledLanes } from "../../journey/lanes.js";
import type { Journey, Stage, Touchpoint } from "../../journey/model.js";
import { repackZip } from "../../io/zip.js";
import { PACKAGE_VERSION } from "../../version.js";
import { cellText, columnLetters, looksLikeFormula, storedText } from "./cells.js";
import { loadWorkbookClass } from "./excel-workbook.js";
import { extensionCell, extensionColumns } from "./extensions.js";
import {
  cellOf,
  DEFINITION_COLUMNS,
  INFO_ROWS,
  laneCell,
  LIST_KEYS,
  OPTIONAL_INFO_KEYS,
  SHEETS,
  stageColumns,
  touchpointColumns,
  VERSION_LABEL,
  type CellValue,
  type Column,
} from "./layout.js";
import type { ExtensionColumn } from "./extensions.js";
import {
  hasEntryObjects,
  hasOpportunityObjects,
  LANE_ENTRY_COLUMNS,
  laneEntryExtensions,
  laneEntryRows,
  OPPORTUNITY_COLUMNS,
  opportunityExtensions,
  opportunityRows,
} from "./records.js";
import { mapTable, STAGE_ROW_LABEL } from "./table.js";

/** Excel's widest sheet. */
const MAX_COLUMNS = 16_384;
/** The day every workbook says it was created and modified: the same map gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/** Landscape A4, as wide as the page, as many pages down as it takes. */
const PRINT_SETUP = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } } as const;
const STAGE_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } } as const;
/** Red (1, very negative) through yellow (3) to green (5), the picture's emotion colours in spirit. */
const EMOTION_SCALE = ["FFF8696B", "FFFFEB84", "FF63BE7B"];

const LABEL_WIDTH = 26;
const MAP_COLUMN_WIDTH = 24;
/** Points per line of wrapped 11-point text, and Excel's tallest row. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/** The height a row of wrapped cells needs, estimated from their lines (no program here measures
 * text): spreadsheets do not grow a row when they open a file, so a written height is what shows. */
function rowHeight(values: readonly CellValue[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((value, index) => {
    if (typeof value !== "string") return;
    const width = Math.max(1, (widths[index] ?? 10) - 1);
    let count = 0;
    for (const line of value.slice(0, 20_000).split("\n")) count += Math.max(1, Math.ceil(line.length / width));
    lines = Math.max(lines, count);
  });
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** The most cells a workbook gets: exceljs writes about 100,000 cells a second, and the export of any
 * map of 1 MB must finish within 3 s (docs/security.md). A 1,000-touchpoint map needs about 30,000. */
export const MAX_WORKBOOK_CELLS = 200_000;
/** The cells each workbook being written may still take (workbooks of a run are written concurrently). */
const cellsLeft = new WeakMap<Workbook, number>();

/** Writes a value into a cell: text made safe and never a formula, numbers as numbers. */
function put(sheet: Worksheet, row: number, column: number, value: CellValue): void {
  if (value === undefined) return;
  const left = cellsLeft.get(sheet.workbook) ?? MAX_WORKBOOK_CELLS;
  cellsLeft.set(sheet.workbook, left - 1);
  if (left <= 0)
    throw new JourneymapError(
      `the workbook would hold more than ${MAX_WORKBOOK_CELLS.toLocaleString("en")} cells: split the map into smaller maps (fewer touchpoints, personas or metrics per map)`,
    );
  const cell = sheet.getCell(row, column);
  if (typeof value === "number") {
    cell.value = value;
    return;
  }
  const text = cellText(value);
  // A string cell is never evaluated; the Text format keeps it text when a user edits and re-enters it.
  cell.value = storedText(text);
  if (looksLikeFormula(text)) cell.numFmt = "@";
}

function checkWidth(sheet: string, columns: number): void {
  if (columns > MAX_COLUMNS)
    throw new JourneymapError(
      `the "${sheet}" sheet would need ${columns} columns, more than Excel's ${MAX_COLUMNS}: split the map (fewer touchpoints, personas or metrics per map)`,
    );
}

function headerRow(sheet: Worksheet, headers: readonly string[], widths: readonly number[]): void {
  headers.forEach((header, index) => put(sheet, 1, index + 1, header));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.fill = HEADER_FILL;
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
}

/** A table sheet: a frozen, filtered header row and one row per record. */
function tableSheet(
  workbook: Workbook,
  name: string,
  columns: readonly Pick<Column, "header" | "width">[],
  rows: Iterable<CellValue[]>,
): Worksheet {
  checkWidth(name, columns.length);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    pageSetup: PRINT_SETUP,
  });
  headerRow(
    sheet,
    columns.map((column) => column.header),
    columns.map((column) => Math.max(column.width, Math.min(column.header.length + 2, 40))),
  );
  const widths = columns.map((column) => Math.max(column.width, Math.min(column.header.length + 2, 40)));
  let count = 1;
  for (const cells of rows) {
    count++;
    cells.forEach((value, index) => put(sheet, count, index + 1, value));
    const row = sheet.getRow(count);
    row.alignment = { vertical: "top", wrapText: true };
    row.height = rowHeight(cells, widths);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count, column: columns.length } };
  return sheet;
}

function mapSheet(workbook: Workbook, journey: Journey): void {
  const table = mapTable(journey);
  checkWidth(SHEETS.map, table.columns.length + 1);
  const sheet = workbook.addWorksheet(SHEETS.map, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 2 }],
    pageSetup: PRINT_SETUP,
  });
  sheet.getColumn(1).width = LABEL_WIDTH;
  put(sheet, 1, 1, STAGE_ROW_LABEL);
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 2).width = MAP_COLUMN_WIDTH;
    if (column.span === undefined) return;
    put(sheet, 1, index + 2, column.stage.name);
    if (column.span > 1) sheet.mergeCells(1, index + 2, 1, index + 1 + column.span);
  });
  const stageRow = sheet.getRow(1);
  stageRow.font = { bold: true, color: { argb: "FFFFFFFF" } };
  stageRow.fill = STAGE_FILL;
  stageRow.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  table.lanes.forEach((lane, laneIndex) => {
    const rowNumber = laneIndex + 2;
    put(sheet, rowNumber, 1, lane.label);
    lane.cells.forEach((value, index) => put(sheet, rowNumber, index + 2, value));
    const row = sheet.getRow(rowNumber);
    row.alignment = { vertical: "top", wrapText: true, ...(lane.key === "emotion" ? { horizontal: "center" } : {}) };
    row.height = rowHeight([lane.label, ...lane.cells], [LABEL_WIDTH, ...lane.cells.map(() => MAP_COLUMN_WIDTH)]);
    if (lane.key === "touchpoint") row.font = { bold: true };
    sheet.getCell(rowNumber, 1).alignment = { vertical: "top", wrapText: true };
  });
  sheet.getColumn(1).font = { bold: true };
  sheet.getColumn(1).fill = HEADER_FILL;
  const first = table.lanes.findIndex((lane) => lane.key === "emotion");
  const last = table.lanes.map((lane) => lane.key).lastIndexOf("emotion");
  if (first >= 0 && table.columns.length > 0) {
    sheet.addConditionalFormatting({
      ref: `B${first + 2}:${columnLetters(table.columns.length + 1)}${last + 2}`,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [
            { type: "num", value: 1 },
            { type: "num", value: 3 },
            { type: "num", value: 5 },
          ],
          color: EMOTION_SCALE.map((argb) => ({ argb })),
        },
      ],
    });
  }
}

function definitionRows<T extends object>(
  list: readonly T[],
  columns: ReadonlyArray<readonly [string, string]>,
  extensions: readonly ExtensionColumn[],
): Iterable<CellValue[]> {
  return list.map((definition) => [
    ...columns.map(([, key]) => {
      const value = (definition as Record<string, unknown>)[key];
      if (Array.isArray(value)) return LIST_KEYS.has(key) ? value.join("\n") : undefined;
      return typeof value === "string" || typeof value === "number" ? value : undefined;
    }),
    ...extensions.map((column) => extensionCell(definition, column)),
  ]);
}

/** The cells of each holder's row (a touchpoint's, or a stage's): a lane column is filled from the lanes the
 * holder fills, not looked up per declared lane (a map may declare thousands and fill a few on each). */
function* holderRows<H extends Stage | Touchpoint>(
  holders: Iterable<{ stage: Stage; holder: H }>,
  columns: readonly Column[],
): Generator<CellValue[]> {
  const laneColumns = new Map<string, number>();
  columns.forEach(({ meaning }, index) => {
    if (meaning.field === "lanes") laneColumns.set(meaning.lane, index);
  });
  const others = columns.flatMap((column, index) => (column.meaning.field === "lanes" ? [] : [index]));
  for (const { stage, holder } of holders) {
    const cells: CellValue[] = new Array<CellValue>(columns.length).fill(undefined);
    const touchpoint = holder === stage ? undefined : (holder as Touchpoint);
    for (const index of others) cells[index] = cellOf(columns[index]!, stage, touchpoint);
    for (const [lane, value] of filledLanes(holder)) {
      const index = laneColumns.get(lane);
      if (index !== undefined) cells[index] = laneCell(value);
    }
    yield cells;
  }
}

function* touchpointsWithStages(journey: Journey): Generator<{ stage: Stage; holder: Touchpoint }> {
  for (const stage of journey.stages)
    for (const touchpoint of stage.touchpoints ?? []) yield { stage, holder: touchpoint };
}

/** The map as an .xlsx workbook, the same bytes for the same map. */
export async function renderXlsx(journey: Journey): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass("the Excel export (--format xlsx)");
  const workbook = new Workbook();
  workbook.creator = "journeymap";
  workbook.lastModifiedBy = "journeymap";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = cellText(journey.title);

  mapSheet(workbook, journey);
  const columns = touchpointColumns(journey);
  tableSheet(workbook, SHEETS.touchpoints, columns, holderRows(touchpointsWithStages(journey), columns));
  const stages = stageColumns(journey);
  tableSheet(
    workbook,
    SHEETS.stages,
    stages,
    holderRows(
      journey.stages.map((stage) => ({ stage, holder: stage })),
      stages,
    ),
  );
  // A definition sheet: its fields, then a column per x- key its definitions have.
  const small = (name: string, key: keyof typeof DEFINITION_COLUMNS, list: readonly object[]) => {
    const extensions = extensionColumns(list, name);
    tableSheet(
      workbook,
      name,
      [
        ...DEFINITION_COLUMNS[key].map(([header]) => ({ header, width: header === "Id" ? 16 : 30 })),
        ...extensions.map(({ header }) => ({ header, width: 16 })),
      ],
      definitionRows(list, DEFINITION_COLUMNS[key], extensions),
    );
  };
  small(SHEETS.personas, "personas", journey.personas);
  small(SHEETS.teams, "teams", journey.teams ?? []);
  small(SHEETS.metrics, "metrics", journey.metrics ?? []);
  // The sheets of the lanes and the tracked opportunities, only for the maps that use them.
  if ((journey.lanes ?? []).length > 0) small(SHEETS.lanes, "lanes", journey.lanes ?? []);
  // Their fields, then a column per x- key the records have.
  const recordColumns = (columns: ReadonlyArray<readonly [string, string]>, extensions: readonly ExtensionColumn[]) => [
    ...columns.map(([header, key]) => ({ header, width: key === "text" || key === "title" ? 36 : 16 })),
    ...extensions.map(({ header }) => ({ header, width: 16 })),
  ];
  if (hasEntryObjects(journey)) {
    const extensions = laneEntryExtensions(journey);
    tableSheet(
      workbook,
      SHEETS.laneEntries,
      recordColumns(LANE_ENTRY_COLUMNS, extensions),
      laneEntryRows(journey, extensions),
    );
  }
  if (hasOpportunityObjects(journey)) {
    const extensions = opportunityExtensions(journey);
    tableSheet(
      workbook,
      SHEETS.opportunities,
      recordColumns(OPPORTUNITY_COLUMNS, extensions),
      opportunityRows(journey, extensions),
    );
  }

  const info = workbook.addWorksheet(SHEETS.info);
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 60;
  let infoRow = 0;
  for (const [label, key] of INFO_ROWS) {
    const value = journey[key];
    if (value === undefined && OPTIONAL_INFO_KEYS.has(key)) continue;
    infoRow++;
    put(info, infoRow, 1, label);
    put(info, infoRow, 2, Array.isArray(value) ? value.join("\n") : value);
  }
  // The map's own x- keys: a row each, labelled as the other sheets head their columns.
  for (const column of extensionColumns([journey], SHEETS.info, false, "rows")) {
    infoRow++;
    put(info, infoRow, 1, column.header);
    put(info, infoRow, 2, extensionCell(journey, column));
  }
  put(info, infoRow + 1, 1, VERSION_LABEL);
  put(info, infoRow + 1, 2, PACKAGE_VERSION);
  info.getColumn(1).font = { bold: true };
  info.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  // Stored by exceljs, deflated by Node's zlib: the JavaScript deflate (JSZip's pako) was half the export's time.
  const written = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as never);
  return repackZip(new Uint8Array(written));
}
