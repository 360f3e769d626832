// `journeymap import`: a spreadsheet (.xlsx or .csv) in either layout becomes a map's YAML, checked by
// the schema before anyone writes it. The layout is the "Touchpoints" table when the workbook has one
// (what render --format xlsx writes, which round-trips), else the stages-as-columns "Map" sheet.
import { basename } from "node:path";
import { JourneymapError } from "../errors.js";
import { SHEETS } from "../render/export/layout.js";
import { STAGE_ROW_LABEL } from "../render/export/table.js";
import { loadJourney } from "../journey/load.js";
import type { JourneyDocument } from "../journey/model.js";
import { PACKAGE_VERSION } from "../version.js";
import { cellProblem, textAt, type Grid } from "./grid.js";
import { ExtensionReader } from "../render/export/extensions.js";
import { readDefinitions } from "./definitions.js";
import { readMapLayout } from "./map-layout.js";
import { mapYaml, YamlTooLong } from "./map-yaml.js";
import { applyLaneEntries, applyOpportunities } from "./records.js";
import { stagesFromTables } from "./touchpoints.js";

export const LAYOUTS = ["touchpoints", "map"] as const;

/** The longest map an import writes: an export of any map of 1 MB imports back to about as much, and a
 * spreadsheet of sparse cells could otherwise grow 16 times (a 1 MB CSV into 16 MB of YAML, 5.6 s). */
export const MAX_IMPORTED_YAML = 4 * 1024 * 1024;
export type Layout = (typeof LAYOUTS)[number];

export interface ImportOptions {
  /** The file's name as shown in messages and in the map's header comment. */
  shown: string;
  layout?: Layout;
}

export interface Imported {
  /** The map's YAML, with a comment naming its source. */
  text: string;
  sheet: string;
  layout: Layout;
}

function chooseSheet(grids: readonly Grid[], layout: Layout | undefined): { grid: Grid; layout: Layout } {
  const named = (name: string) => grids.find((grid) => grid.name.toLowerCase() === name.toLowerCase());
  const touchpoints = named(SHEETS.touchpoints);
  const map = named(SHEETS.map);
  if (layout === "touchpoints" && touchpoints) return { grid: touchpoints, layout };
  if (layout === "map" && map) return { grid: map, layout };
  if (layout === undefined && touchpoints) return { grid: touchpoints, layout: "touchpoints" };
  if (layout === undefined && map) return { grid: map, layout: "map" };
  // A sheet of another name (a CSV file's one sheet): the first with something in it.
  const grid = grids.find((candidate) => candidate.rows.some((row) => row.some((value) => value !== undefined)));
  if (!grid) throw cellProblem(grids[0] ?? { name: "Sheet1" }, 1, 1, "the sheet is empty: nothing to import");
  if (layout) return { grid, layout };
  const corner = textAt(grid, 1, 1)?.toLowerCase();
  return { grid, layout: corner === STAGE_ROW_LABEL.toLowerCase() && !isTableHeader(grid) ? "map" : "touchpoints" };
}

/** A header row with a "Touchpoint" column: the Touchpoints layout. */
function isTableHeader(grid: Grid): boolean {
  return (grid.rows[0] ?? []).some((value) => typeof value === "string" && value.trim().toLowerCase() === "touchpoint");
}

/** The map a spreadsheet holds, as YAML that validates. Throws JourneymapError at `Sheet!Cell`. */
export function importGrids(grids: readonly Grid[], options: ImportOptions): Imported {
  const { grid, layout } = chooseSheet(grids, options.layout);
  if (grid.rows.length === 0) throw cellProblem(grid, 1, 1, "the sheet is empty: nothing to import");
  // The other sheets (a CSV file named personas.csv is a table of touchpoints, not of personas).
  const sheets = new Map(
    grids.filter((candidate) => candidate !== grid).map((candidate) => [candidate.name.toLowerCase(), candidate]),
  );
  // The x- keys of every sheet are read within one budget of nested values.
  const reader = new ExtensionReader();
  const definitions = readDefinitions(sheets, reader);
  const title = (definitions.info.title as string | undefined) ?? basename(options.shown).replace(/\.[^.]*$/, "");
  const document: JourneyDocument = {
    journeymap: 1,
    ...(definitions.info.id ? { id: definitions.info.id as string } : {}),
    title,
    stages: [],
  };
  for (const key of ["description", "owner", "type", "status", "reviewed", "tags"] as const)
    if (definitions.info[key] !== undefined)
      (document as unknown as Record<string, unknown>)[key] = definitions.info[key];
  Object.assign(document, definitions.extensions);
  if (layout === "map") {
    const read = readMapLayout(grid, definitions);
    if (read.personas.length > 0) document.personas = read.personas;
    if (definitions.teams && definitions.teams.length > 0) document.teams = definitions.teams;
    if (read.metrics.length > 0) document.metrics = read.metrics;
    document.stages = read.stages;
  } else {
    if (definitions.personas && definitions.personas.length > 0) document.personas = definitions.personas;
    if (definitions.teams && definitions.teams.length > 0) document.teams = definitions.teams;
    if (definitions.metrics && definitions.metrics.length > 0) document.metrics = definitions.metrics;
    if (definitions.lanes && definitions.lanes.length > 0) document.lanes = definitions.lanes;
    const laneKinds = new Map((definitions.lanes ?? []).map((lane) => [lane.id, lane.kind ?? "list"]));
    document.stages = stagesFromTables(grid, sheets.get(SHEETS.stages.toLowerCase()), laneKinds, reader);
    const byId = new Map(document.stages.map((stage) => [stage.id, stage]));
    const entries = sheets.get(SHEETS.laneEntries.toLowerCase());
    if (entries) applyLaneEntries(entries, byId, reader);
    const opportunities = sheets.get(SHEETS.opportunities.toLowerCase());
    if (opportunities) applyOpportunities(opportunities, byId, reader);
  }
  if (document.stages.length === 0)
    throw cellProblem(grid, 2, 1, "the sheet has no rows below its header: nothing to import");
  const source = JSON.stringify(basename(options.shown));
  const header =
    `# Imported by journeymap ${PACKAGE_VERSION} from ${source}, sheet ${JSON.stringify(grid.name)} (${layout} layout).\n` +
    "# Check it with: journeymap lint <this file>\n";
  let yaml: string;
  try {
    yaml = mapYaml(lastStages(document), MAX_IMPORTED_YAML);
  } catch (error) {
    if (!(error instanceof YamlTooLong)) throw error;
    throw new JourneymapError(
      `the map imported from sheet ${JSON.stringify(grid.name)} would be more than ${MAX_IMPORTED_YAML / 1024 / 1024} MB of YAML, more than a journey map needs (one of 1,000 touchpoints is about 1 MB): split the spreadsheet into several maps`,
    );
  }
  const text = header + yaml;
  const loaded = loadJourney(text, { file: "imported map" });
  const error = loaded.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (error)
    throw new JourneymapError(
      `the map imported from sheet ${JSON.stringify(grid.name)} would not validate (line ${error.line}: ${error.message}): correct the sheet and import it again`,
    );
  return { text, sheet: grid.name, layout };
}

/** The map's keys in the order authors write them: the stages last. */
function lastStages(document: JourneyDocument): JourneyDocument {
  const { stages, ...rest } = document;
  return { ...rest, stages };
}

/** Reads a spreadsheet's bytes (.xlsx or .csv, by the name's extension) and imports it. */
export async function importSpreadsheet(bytes: Uint8Array, options: ImportOptions): Promise<Imported> {
  const extension = /\.([^./\\]+)$/.exec(options.shown)?.[1]?.toLowerCase();
  let grids: Grid[];
  if (extension === "xlsx") grids = await (await import("./read-xlsx.js")).readWorkbook(bytes, options.shown);
  else if (extension === "csv" || extension === "txt")
    grids = [await (await import("./read-csv.js")).readCsvSheet(bytes, options.shown)];
  else
    throw new JourneymapError(
      `cannot import "${options.shown}": journeymap imports .xlsx workbooks and .csv files (save it as one of them)`,
    );
  if (grids.length === 0) throw new JourneymapError(`"${options.shown}" has no sheet: nothing to import`);
  return importGrids(grids, options);
}
