// The trial of issue 22: a field added to the field registry alone (src/journey/fields.ts), a list of
// text with a lane (`backstage: [text]`), reaches the schema check, the diff (every text output), the
// picture (a lane under its label), the Markdown page and the workbook's Touchpoints sheet. Each
// output is read back by a real parser. The registry entry is added before the modules that read it
// load (they are imported dynamically below); colours are the one thing the compiler asks for besides
// (themes.ts, keyed by lane), so the test gives them as a contributor would. No static import here may
// load a module that reads the registry.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import MarkdownIt from "markdown-it";
import readXlsxFile from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";
import type { LoadedJourney } from "../../src/journey/load.js";
import { parse, walk } from "../render/svg/xml.js";
import { addTouchpointField, kindOfSchema, schemaOfKind, type PropertySchema } from "../helpers/fields.js";

addTouchpointField("backstage", {
  label: "Backstage",
  kind: "list",
  required: false,
  diff: { by: "list", noun: "backstage action" },
  lane: { list: "plain" },
  page: true,
});

const { resolveDefinitions } = await import("../../src/journey/definitions.js");
const { loadDocument } = await import("../../src/journey/load.js");
const { touchpointFields } = await import("../../src/journey/fields.js");
const { diffJourneys } = await import("../../src/diff/diff.js");
const { diffFormats } = await import("../../src/diff/formats.js");
const { renderSvg } = await import("../../src/render/svg/index.js");
const { THEMES } = await import("../../src/render/svg/themes.js");
const { renderMarkdown } = await import("../../src/render/markdown.js");
const { renderXlsx } = await import("../../src/render/export/xlsx.js");
// Imports the page's renderer too: after the registry entry.
const { markdownTables } = await import("../helpers/oracles.js");

type Schema = { definitions: Record<string, { properties: Record<string, PropertySchema> }> };
const schemaFile = JSON.parse(readFileSync("schemas/journeymap.schema.json", "utf8")) as Schema;

/** The map schema with the touchpoint properties the registry has and the file lacks, as the kind's
 * fragment (what a contributor adds to schemas/journeymap.schema.json), compiled by ajv. */
function schemaWithRegistry() {
  const schema = structuredClone(schemaFile);
  const properties = schema.definitions.touchpoint!.properties;
  for (const field of touchpointFields()) properties[field.key] ??= schemaOfKind(field.kind);
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** A map loaded by journeymap's loader, checked against the schema that knows the new field. */
function load(text: string, file: string): LoadedJourney {
  const validate = schemaWithRegistry();
  const loaded = loadDocument(text, file, {
    empty: "empty",
    check: (value): Diagnostic[] =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((error) => ({
            file,
            ruleId: "schema",
            severity: "error",
            message: `${error.instancePath} ${error.message ?? ""}`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
          })),
  });
  if (loaded.value === undefined) return loaded;
  return { ...loaded, ...resolveDefinitions(loaded.value as never) };
}

const map = (backstage: string) => `journeymap: 1
title: Hotel check-in
personas:
  - {id: guest, name: Guest}
teams:
  - {id: desk, name: Front desk}
stages:
  - id: arrival
    name: Arrival
    touchpoints:
      - id: check-in
        name: Checks in at the desk
        owner: desk
        emotion: 3
        backstage: ${backstage}
`;

const OLD = map("[Room assigned by the night shift]");
const NEW = map("[Room assigned by the night shift, Key card encoded]");

describe("a field added to the registry alone (backstage: [text])", () => {
  beforeAll(() => {
    // Colours, keyed by lane: for an entry in fields.ts the compiler refuses a theme without them.
    for (const theme of Object.values(THEMES))
      (theme.surfaces as Record<string, string>).backstage = theme.surfaces.actions;
  });

  it("is missing from the schema file, and the registry's agreement check says which file to edit", () => {
    const properties = schemaFile.definitions.touchpoint!.properties;
    const missing = touchpointFields()
      .filter((field) => kindOfSchema(properties[field.key] ?? {}) !== field.kind)
      .map((field) => `touchpoint field "${field.key}": add it to schemas/journeymap.schema.json as a ${field.kind}`);
    expect(missing).toEqual(['touchpoint field "backstage": add it to schemas/journeymap.schema.json as a list']);
  });

  it("reaches the schema check: a list of text is valid, anything else is refused", () => {
    expect(load(OLD, "old.yaml").diagnostics).toEqual([]);
    const wrong = load(map("3"), "wrong.yaml");
    expect(wrong.journey).toBeUndefined();
    expect(wrong.diagnostics.map((d) => d.message)).toContain("/stages/0/touchpoints/0/backstage must be array");
  });

  it("reaches the diff: the entry added is a change, in every text output", () => {
    const diff = diffJourneys(load(OLD, "old.yaml"), load(NEW, "new.yaml"), { lint: false });
    const [change] = diff.touchpoints.changed;
    expect((change!.lists as Record<string, unknown>).backstage).toEqual({ added: ["Key card encoded"], removed: [] });
    const stylish = diffFormats.stylish.formatter([diff], { color: false });
    expect(stylish).toContain('+ touchpoint "Checks in at the desk": backstage action "Key card encoded"');
    const markdown = diffFormats.markdown.formatter([diff], { color: false });
    const inline = new MarkdownIt()
      .parseInline(markdown, {})
      .flatMap((token) => token.children ?? [])
      .filter((token) => token.type === "text")
      .map((token) => token.content)
      .join("");
    expect(inline).toContain('touchpoint "Checks in at the desk": backstage action "Key card encoded"');
    const json = JSON.parse(diffFormats.json.formatter([diff], { color: false })) as Array<{
      touchpoints: { changed: Array<{ lists: Record<string, { added: string[] }> }> };
    }>;
    expect(json[0]!.touchpoints.changed[0]!.lists.backstage!.added).toEqual(["Key card encoded"]);
  });

  it("reaches the picture: a lane labelled Backstage, a card per touchpoint with its entries", () => {
    const svg = parse(renderSvg(load(NEW, "new.yaml").journey!));
    const texts = [...walk(svg)].filter((element) => element.name === "text");
    const inBox = (box: string) => texts.filter((text) => text.attributes["data-in"] === box).map((t) => t.text);
    expect(inBox("lane-backstage")).toEqual(["Backstage"]);
    expect(inBox("t1-backstage").join(" ")).toBe("Room assigned by the night shift Key card encoded");
    // Below the emotion lane, as fields' lanes follow the registry's order.
    const top = (box: string) =>
      Number([...walk(svg)].find((element) => element.attributes["data-card"] === box)?.attributes.y);
    expect(top("lane-backstage")).toBeGreaterThan(top("lane-emotion"));
  });

  it("reaches the picture of a change: the new entry is highlighted in its lane", async () => {
    const { diffPicture } = await import("../../src/diff/picture.js");
    const picture = diffPicture(load(OLD, "old.yaml").journey, load(NEW, "new.yaml").journey, {
      old: "old",
      new: "new",
    });
    expect(picture.marks.touchpoints.get(0)?.entries).toEqual({ backstage: new Set([1]) });
  });

  it("reaches the Markdown page: a Backstage column in the stage's table", () => {
    const tables = markdownTables(renderMarkdown(load(NEW, "new.yaml").journey!));
    const stageTable = tables.find((table) => table[0]![0] === "Touchpoint")!;
    expect(stageTable[0]).toEqual([
      "Touchpoint",
      "Channel",
      "Owner",
      "Emotion",
      "Pain points",
      "Opportunities",
      "Backstage",
    ]);
    expect(stageTable[1]!.at(-1)).toBe("Room assigned by the night shift\nKey card encoded");
  });

  it("reaches the workbook: a Backstage column of the Touchpoints sheet, one entry per line", async () => {
    const sheets = await readXlsxFile(Buffer.from(await renderXlsx(load(NEW, "new.yaml").journey!)));
    const touchpoints = sheets.find((sheet) => sheet.sheet === "Touchpoints")!.data;
    const column = touchpoints[0]!.indexOf("Backstage");
    expect(column).toBeGreaterThan(0);
    expect(touchpoints[1]![column]).toBe("Room assigned by the night shift\nKey card encoded");
  });
});
