// Issue 23's office exports read back by real parsers: the draw.io file against mxGraph's documented
// structure (root cells 0 and 1, unique ids, every parent present, every geometry inside its container;
// no draw.io program runs here), the .drawio.svg's embedded diagram, the Visio package's parts and
// every shape on its page, and the PowerPoint deck's slides, tables and chart; each deterministic.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { touchpointsOf, type Journey } from "../../src/journey/model.js";
import { renderDrawio, renderDrawioSvg } from "../../src/render/export/drawio.js";
import { renderPptx } from "../../src/render/export/pptx.js";
import { renderVsdx } from "../../src/render/export/vsdx.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { runCli } from "../helpers/cli.js";

const hotel = loadJourney(readFileSync("docs/examples/hotel.journey.yaml"), { file: "hotel" }).journey!;
const NASTY = 'Pays <b>"now"</b> & \u0001\u202eevil\u202c\nsecond line';
const nasty: Journey = {
  journeymap: 1,
  title: NASTY,
  personas: [{ id: "p", name: NASTY }],
  stages: [{ id: "s", name: NASTY, touchpoints: [{ name: NASTY, emotion: 2, painPoints: [NASTY] }] }],
};
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  htmlEntities: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** A parsed element: its attributes as strings, its children as lists by name. */
type Element = Record<string, unknown>;
const read = (xml: string) => parser.parse(xml) as Element;
/** The first child element at each name of a path. */
function path(element: Element, ...names: string[]): Element {
  return names.reduce((current, name) => (current[name] as Element[])[0]!, element);
}
const all = (element: Element, name: string) => (element[name] ?? []) as Element[];
const attribute = (element: Element, name: string) => element[name] as string;

interface Cell {
  id: string;
  parent?: string;
  value?: string;
  vertex?: string;
  geometry?: { x: number; y: number; width: number; height: number };
}

/** The cells of a draw.io file, UserObject wrappers unwrapped (their id and label are the cell's). */
function cellsOf(xml: string): Cell[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = path(read(xml), "mxfile", "diagram", "mxGraphModel", "root");
  const geometry = (cell: Record<string, unknown>) => {
    const found = (cell.mxGeometry as Array<Record<string, string>> | undefined)?.[0];
    return found && found.width !== undefined
      ? { x: Number(found.x ?? 0), y: Number(found.y ?? 0), width: Number(found.width), height: Number(found.height) }
      : undefined;
  };
  const cells: Cell[] = (root.mxCell as Array<Record<string, string>>).map((cell) => ({
    ...cell,
    geometry: geometry(cell),
  })) as unknown as Cell[];
  for (const wrapper of (root.UserObject ?? []) as Array<Record<string, unknown>>) {
    const inner = (wrapper.mxCell as Array<Record<string, string>>)[0]!;
    cells.push({ ...inner, id: attribute(wrapper, "id"), value: attribute(wrapper, "label") });
  }
  return cells;
}

describe("draw.io", () => {
  it("follows mxGraph's structure: root cells, unique ids, parents, geometry inside its container", () => {
    const cells = cellsOf(renderDrawio(hotel));
    expect(cells[0]).toMatchObject({ id: "0" });
    expect(cells[1]).toMatchObject({ id: "1", parent: "0" });
    const byId = new Map(cells.map((cell) => [cell.id, cell]));
    expect(byId.size).toBe(cells.length);
    for (const cell of cells.slice(2)) {
      const parent = byId.get(cell.parent!);
      expect(parent, `the parent of ${cell.id}`).toBeDefined();
      if (parent?.geometry && cell.geometry) {
        expect(cell.geometry.x).toBeGreaterThanOrEqual(0);
        expect(cell.geometry.y).toBeGreaterThanOrEqual(0);
        expect(cell.geometry.x + cell.geometry.width).toBeLessThanOrEqual(parent.geometry.width + 0.01);
        expect(cell.geometry.y + cell.geometry.height).toBeLessThanOrEqual(parent.geometry.height + 0.01);
      }
    }
    const lanes = cells.filter((cell) => cell.id.startsWith("lane-"));
    expect(lanes.map((cell) => cell.value)).toContain("Touchpoints");
    const touchpoints = cells.filter((cell) => /^t\d+-touchpoint$/.test(cell.id));
    expect(touchpoints.length).toBe([...touchpointsOf(hotel)].length);
    for (const { touchpoint } of touchpointsOf(hotel))
      expect(touchpoints.some((cell) => (cell.value ?? "").startsWith(touchpoint.name))).toBe(true);
    for (const stage of hotel.stages)
      expect(cells.some((cell) => (cell.value ?? "").startsWith(stage.name))).toBe(true);
    // Each persona's emotion curve is an edge with waypoints, named by the persona.
    const curves = cells.filter((cell) => cell.id.startsWith("curve-"));
    expect(curves.length).toBeGreaterThan(0);
    expect(renderDrawio(hotel)).toBe(renderDrawio(hotel));
  });

  it("keeps map text as text: escaped, forbidden characters replaced, bidi as references, paragraphs kept", () => {
    const xml = renderDrawio(nasty);
    expect(xml).not.toMatch(/<b>|[\u0001\u202e]/);
    expect(xml).toContain("&#8238;evil&#8236;");
    const card = cellsOf(xml).find((cell) => cell.id === "t1-touchpoint")!;
    expect(card.value).toContain('Pays <b>"now"</b> & \ufffd\u202eevil\u202c second line\n⚠ No owner');
  });

  it("writes the picture with the diagram in its content attribute (.drawio.svg)", () => {
    const svg = renderDrawioSvg(renderSvg(hotel), hotel);
    expect(XMLValidator.validate(svg)).toBe(true);
    const content = attribute(path(read(svg), "svg"), "content");
    expect(content.startsWith("<mxfile")).toBe(true);
    expect(cellsOf(content).length).toBe(cellsOf(renderDrawio(hotel)).length);
  });
});

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) parts.set(entry.name, await entry.async("string"));
  return parts;
}

describe("Visio", () => {
  it("is the documented package, every relationship's target present, every shape on its page", async () => {
    const bytes = await renderVsdx(hotel);
    expect(Buffer.from(bytes)).toEqual(Buffer.from(await renderVsdx(hotel)));
    const parts = await partsOf(bytes);
    for (const name of [
      "[Content_Types].xml",
      "_rels/.rels",
      "visio/document.xml",
      "visio/pages/pages.xml",
      "visio/pages/page1.xml",
      "docProps/core.xml",
      "docProps/app.xml",
    ])
      expect(parts.has(name), name).toBe(true);
    for (const [name, xml] of parts) {
      expect(XMLValidator.validate(xml), name).toBe(true);
      if (!name.endsWith(".rels")) continue;
      const folder = name.replace(/_rels\/[^/]*$/, "");
      for (const relationship of all(path(read(xml), "Relationships"), "Relationship")) {
        const target = attribute(relationship, "Target");
        expect(parts.has(`${folder}${target}`), target).toBe(true);
      }
    }
    const cellOf = (element: Element, name: string) =>
      Number(
        attribute(
          all(element, "Cell").find((cell) => attribute(cell, "N") === name)!,
          "V",
        ),
      );
    const sheet = path(read(parts.get("visio/pages/pages.xml")!), "Pages", "Page", "PageSheet");
    const [pageWidth, pageHeight] = [cellOf(sheet, "PageWidth"), cellOf(sheet, "PageHeight")];
    const shapes = all(path(read(parts.get("visio/pages/page1.xml")!), "PageContents", "Shapes"), "Shape");
    expect(shapes.length).toBeGreaterThan(20);
    for (const shape of shapes) {
      const [x, y, w, h] = ["PinX", "PinY", "Width", "Height"].map((name) => cellOf(shape, name)) as [
        number,
        number,
        number,
        number,
      ];
      const name = attribute(shape, "NameU");
      expect(x - w / 2, name).toBeGreaterThanOrEqual(-1e-6);
      expect(y - h / 2, name).toBeGreaterThanOrEqual(-1e-6);
      expect(x + w / 2, name).toBeLessThanOrEqual(pageWidth + 1e-6);
      expect(y + h / 2, name).toBeLessThanOrEqual(pageHeight + 1e-6);
    }
    const page = parts.get("visio/pages/page1.xml")!;
    for (const { touchpoint } of touchpointsOf(hotel)) expect(page).toContain(touchpoint.name.replace(/&/g, "&amp;"));
    // The emotion curve is a polyline geometry: a MoveTo and a LineTo per further point.
    expect(shapes.some((shape) => attribute(shape, "NameU").startsWith("curve-"))).toBe(true);
  });

  it("keeps map text as text", async () => {
    const page = (await partsOf(await renderVsdx(nasty))).get("visio/pages/page1.xml")!;
    expect(page).not.toMatch(/<b>|[\u0001\u202e]/);
    // As in the picture: a line break in a name is a space, a forbidden character U+FFFD.
    expect(page).toContain("&lt;b&gt;&quot;now&quot;&lt;/b&gt; &amp; \ufffd&#8238;evil&#8236; second line");
  });
});

describe("PowerPoint", () => {
  it("names the optional package pptxgenjs in one line when it is not installed", () => {
    const child = spawnSync(process.execPath, [fileURLToPath(new URL("./without-pptxgenjs.mjs", import.meta.url))], {
      encoding: "utf8",
      env: { ...process.env, npm_config_user_agent: "npm/10.9.0 node/v20.19.0 linux x64" },
    });
    expect(child.stdout.trim()).toBe(
      "JourneymapError: PowerPoint export (--format pptx) needs pptxgenjs, an optional package that is not installed: run npm install pptxgenjs",
    );
  });

  it("is the same bytes from run to run (pptxgenjs numbers charts per process: compared across two runs)", () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-pptx-"));
    try {
      const outputs = ["a.pptx", "b.pptx"].map((name) => {
        const output = join(folder, name);
        expect(runCli(["render", "docs/examples/hotel.journey.yaml", "-o", output]).code).toBe(0);
        return readFileSync(output);
      });
      expect(outputs[0]!.equals(outputs[1]!)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("has the title, persona, picture, stage, emotion and metric slides, with editable tables and a native chart", async () => {
    const bytes = await renderPptx(hotel);
    const parts = await partsOf(bytes);
    const slides = [...parts.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    const texts = slides.map((name) => parts.get(name)!);
    const all = texts.join("\n");
    expect(texts[0]).toContain(hotel.title);
    for (const persona of hotel.personas) expect(all).toContain(persona.name);
    for (const stage of hotel.stages) expect(all).toContain(`Stage ${hotel.stages.indexOf(stage) + 1}: ${stage.name}`);
    for (const { touchpoint } of touchpointsOf(hotel)) expect(all).toContain(touchpoint.name.replace(/&/g, "&amp;"));
    expect(all).toContain("<a:tbl>");
    expect([...parts.keys()].some((name) => /^ppt\/media\/.*\.png$/.test(name))).toBe(true);
    const chart = [...parts.keys()].find((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(chart).toBeDefined();
    const series = parts.get(chart!)!.match(/<c:ser>/g) ?? [];
    expect(series.length).toBe(hotel.personas.length);
    expect(all).toContain("Metrics");
    expect(parts.get("docProps/core.xml")).not.toMatch(/dcterms:(created|modified)/);
  });

  it("keeps map text as text", async () => {
    const parts = await partsOf(await renderPptx(nasty));
    for (const [name, xml] of parts) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect(XMLValidator.validate(xml), name).toBe(true);
      expect(xml, name).not.toMatch(/<b>|[\u0001\u202e]/);
    }
  });
});

describe("a folder of maps", () => {
  it("is exported one file per map, in each format", () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-office-folder-"));
    try {
      for (const format of ["pptx", "drawio", "drawio-svg", "vsdx"]) {
        const run = runCli(["render", "examples/freshcart", "--format", format, "-o", join(folder, format) + "/"]);
        expect(run.code, run.stderr).toBe(0);
        const extension = format === "drawio-svg" ? ".drawio.svg" : `.${format}`;
        expect(readdirSync(join(folder, format)).sort()).toEqual(
          ["checkout", "delivery", "refund"].map((name) => `${name}${extension}`),
        );
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
