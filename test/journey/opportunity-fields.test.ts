// The one registry of an opportunity's fields (src/journey/opportunity-fields.ts) against the schema and
// the three outputs that list them: the backlog's CSV header, the workbook's Opportunities sheet and the
// fields `diff` compares, each read back from what the built CLI writes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { afterAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { OPPORTUNITY_FIELDS, opportunityColumns, opportunityColumnsOf } from "../../src/journey/opportunity-fields.js";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-opportunity-fields-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const schema = JSON.parse(readFileSync("schemas/journeymap.schema.json", "utf8")) as {
  definitions: { opportunity: { else: { properties: Record<string, unknown> } } };
};

/** A map with one opportunity tracked as work, every field written. */
function mapWith(opportunity: string): string {
  return [
    "journeymap: 1",
    "title: Hotel check-in",
    "metrics:",
    "  - { id: checkin-time, name: Check-in time }",
    "  - { id: queue-length, name: Queue length }",
    "stages:",
    "  - id: arrival",
    "    name: Arrival",
    "    touchpoints:",
    "      - id: desk",
    "        name: Checks in at the desk",
    "        painPoints: [Queue at 6 pm, No parking]",
    "        opportunities:",
    `          - ${opportunity}`,
    "",
  ].join("\n");
}

const OLD = mapWith(
  '{ id: mobile-key, title: Mobile key, owner: digital, status: planned, value: 4, effort: 3, confidence: 80, issue: "https://x.test/1", metric: { id: checkin-time, target: 120 }, due: "2027-03-31", addresses: [Queue at 6 pm] }',
);
const NEW = mapWith(
  '{ id: mobile-key, title: Mobile key in the app, owner: front-office, status: in-progress, value: 5, effort: 2, confidence: 50, issue: "https://x.test/2", metric: { id: queue-length, target: 3 }, due: "2027-06-30", addresses: [No parking, Queue at 6 pm] }',
);

describe("the registry of an opportunity's fields", () => {
  it("has one entry per property of the schema's opportunity, and no other", () => {
    expect(Object.keys(OPPORTUNITY_FIELDS).sort()).toEqual(
      Object.keys(schema.definitions.opportunity.else.properties).sort(),
    );
  });

  it("gives the backlog's CSV header, in the order it always had", () => {
    writeFileSync(join(folder, "a.journey.yaml"), OLD);
    const run = runCli(["backlog", ".", "-f", "csv"], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    const header = Papa.parse<string[]>(run.stdout.trimEnd()).data[0];
    expect(header).toEqual([
      "rank",
      "priority",
      ...opportunityColumnsOf("csv").map(({ key }) => key),
      "map",
      "map_title",
      "pain_points",
    ]);
    expect(header!.join(",")).toBe(
      "rank,priority,id,title,status,owner,value,effort,confidence,due,issue,map,map_title,pain_points",
    );
  });

  it("gives the workbook's Opportunities sheet its columns, every field with the metric's target", async () => {
    const map = join(folder, "sheet.journey.yaml");
    const xlsx = join(folder, "sheet.xlsx");
    writeFileSync(map, OLD);
    const run = runCli(["render", map, "-o", xlsx]);
    expect(run.code, run.stderr).toBe(0);
    const sheets = await readXlsxFile(readFileSync(xlsx), { trim: false });
    const rows = sheets.find((sheet) => sheet.sheet === "Opportunities")!.data;
    const headers = opportunityColumns().map(({ header }) => header);
    expect(rows[0]).toEqual(["Stage id", "Touchpoint id", "Touchpoint", ...headers]);
    expect(headers).toEqual([
      "Id",
      "Title",
      "Owner",
      "Status",
      "Value",
      "Effort",
      "Confidence",
      "Issue",
      "Metric",
      "Target",
      "Due",
      "Addresses",
    ]);
    // Each field in its own column: the row reads back as the map wrote it.
    expect(rows[1]!.slice(3)).toEqual([
      "mobile-key",
      "Mobile key",
      "digital",
      "planned",
      4,
      3,
      80,
      "https://x.test/1",
      "checkin-time",
      120,
      "2027-03-31",
      "Queue at 6 pm",
    ]);
  });

  it("gives the fields diff compares, in the order its outputs name them", () => {
    const old = join(folder, "old.journey.yaml");
    const changed = join(folder, "new.journey.yaml");
    writeFileSync(old, OLD);
    writeFileSync(changed, NEW.replace("addresses: [No parking, Queue at 6 pm]", "addresses: [No parking]"));
    const run = runCli(["diff", old, changed, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const diff = (JSON.parse(run.stdout) as JourneyDiff[])[0]!;
    const fields = diff.touchpoints.changed[0]!.opportunities![0]!.fields;
    const compared = opportunityColumnsOf("diff").map(({ key }) => key);
    expect(Object.keys(fields)).toEqual(compared);
    expect(compared).toEqual([
      "title",
      "status",
      "owner",
      "value",
      "effort",
      "confidence",
      "issue",
      "due",
      "metric",
      "target",
      "addresses",
    ]);
    // Every field of the registry but the id (what pairs two versions) is compared.
    expect(Object.keys(OPPORTUNITY_FIELDS).filter((key) => !compared.includes(key as never))).toEqual(["id"]);
  });
});
