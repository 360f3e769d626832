// A map as a Visio drawing (.vsdx): the package Microsoft documents ([MS-VSDX]: [Content_Types].xml,
// relationships, visio/document.xml, visio/pages/pages.xml and page1.xml, docProps) with the picture
// as native shapes — the header, persona cards, stage headers, lane labels, cards with their text, and
// each persona's emotion curve as one shape whose geometry is a polyline. No masters: every shape
// carries its own cells. Visio measures in inches from the page's bottom-left corner.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Journey } from "../journey/model.js";
import { writePackage } from "./package.js";
import { pictureShapes, type CurveShape, type PictureShapes, type Shape } from "./shapes.js";
import { serializeXml, xmlText } from "./xml.js";

const VISIO = "http://schemas.microsoft.com/office/visio/2012/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const VISIO_RELATIONSHIP = "http://schemas.microsoft.com/visio/2010/relationships";

/** The picture's px are CSS px: 96 to the inch. */
const PX = 1 / 96;
/** Text's distance from a box's edge, as in the picture. */
const PAD_PX = 8;

export interface VsdxOptions {
  theme?: "light" | "dark";
}

/** The .vsdx file of a map: one page the size of the picture. */
export async function renderVsdx(journey: Journey, options: VsdxOptions = {}): Promise<Uint8Array> {
  const shapes = pictureShapes(journey, options);
  const title = xmlText(shapes.title);
  return writePackage([
    ["[Content_Types].xml", contentTypes()],
    [
      "_rels/.rels",
      relationships([["document", "visio/document.xml", `${VISIO_RELATIONSHIP}/document`], coreRel, appRel]),
    ],
    ["docProps/core.xml", coreProperties(title)],
    ["docProps/app.xml", appProperties()],
    ["visio/document.xml", documentPart()],
    ["visio/_rels/document.xml.rels", relationships([["pages", "pages/pages.xml", `${VISIO_RELATIONSHIP}/pages`]])],
    ["visio/pages/pages.xml", pagesPart(shapes, title)],
    ["visio/pages/_rels/pages.xml.rels", relationships([["page1", "page1.xml", `${VISIO_RELATIONSHIP}/page`]])],
    ["visio/pages/page1.xml", pagePart(shapes)],
  ]);
}

const coreRel = [
  "core",
  "docProps/core.xml",
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
] as const;
const appRel = [
  "app",
  "docProps/app.xml",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
] as const;

function contentTypes(): string {
  const types = create({ version: "1.0", encoding: "UTF-8", standalone: true }).ele(
    "http://schemas.openxmlformats.org/package/2006/content-types",
    "Types",
  );
  types.ele("Default", { Extension: "rels", ContentType: "application/vnd.openxmlformats-package.relationships+xml" });
  types.ele("Default", { Extension: "xml", ContentType: "application/xml" });
  const overrides: Array<[string, string]> = [
    ["/visio/document.xml", "application/vnd.ms-visio.drawing.main+xml"],
    ["/visio/pages/pages.xml", "application/vnd.ms-visio.pages+xml"],
    ["/visio/pages/page1.xml", "application/vnd.ms-visio.page+xml"],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
  ];
  for (const [part, type] of overrides) types.ele("Override", { PartName: part, ContentType: type });
  return serializeXml(types.doc());
}

function relationships(targets: ReadonlyArray<readonly [string, string, string]>): string {
  const root = create({ version: "1.0", encoding: "UTF-8", standalone: true }).ele(
    PACKAGE_RELATIONSHIPS,
    "Relationships",
  );
  for (const [id, target, type] of targets) root.ele("Relationship", { Id: id, Type: type, Target: target });
  return serializeXml(root.doc());
}

function coreProperties(title: string): string {
  const root = create({ version: "1.0", encoding: "UTF-8", standalone: true }).ele(
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "cp:coreProperties",
    { "xmlns:dc": "http://purl.org/dc/elements/1.1/" },
  );
  root.ele("http://purl.org/dc/elements/1.1/", "dc:title").txt(title);
  root.ele("http://purl.org/dc/elements/1.1/", "dc:creator").txt("journeymap");
  return serializeXml(root.doc());
}

function appProperties(): string {
  const root = create({ version: "1.0", encoding: "UTF-8", standalone: true }).ele(
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "Properties",
  );
  root.ele("Application").txt("journeymap");
  return serializeXml(root.doc());
}

/** The document part: its settings and the one style every shape starts from. */
function documentPart(): string {
  const root = visioRoot("VisioDocument");
  root.ele("DocumentSettings", {
    TopPage: "0",
    DefaultTextStyle: "0",
    DefaultLineStyle: "0",
    DefaultFillStyle: "0",
    DefaultGuideStyle: "0",
  });
  const faces = root.ele("FaceNames");
  faces.ele("FaceName", { NameU: "Calibri", UnicodeRanges: "-469750017 -1073732485 9 0", CharSets: "536871423 0" });
  const style = root.ele("StyleSheets").ele("StyleSheet", { ID: "0", NameU: "No Style", Name: "No Style" });
  const cells: Array<[string, string]> = [
    ["LineWeight", "0.01041666666666667"],
    ["LineColor", "0"],
    ["LinePattern", "1"],
    ["FillForegnd", "1"],
    ["FillPattern", "1"],
    ["LeftMargin", "0.0833"],
    ["RightMargin", "0.0833"],
    ["TopMargin", "0.0833"],
    ["BottomMargin", "0.0833"],
    ["VerticalAlign", "0"],
  ];
  for (const [name, value] of cells) style.ele("Cell", { N: name, V: value });
  return serializeXml(root.doc());
}

function pagesPart(shapes: PictureShapes, title: string): string {
  const root = visioRoot("Pages");
  const page = root.ele("Page", { ID: "0", NameU: "Journey map", Name: title.slice(0, 31) || "Journey map" });
  const sheet = page.ele("PageSheet", { LineStyle: "0", FillStyle: "0", TextStyle: "0" });
  const cells: Array<[string, string, string?]> = [
    ["PageWidth", inches(shapes.width), "IN"],
    ["PageHeight", inches(shapes.height), "IN"],
    ["PageScale", "1", "IN"],
    ["DrawingScale", "1", "IN"],
    ["DrawingSizeType", "3"],
    ["DrawingScaleType", "0"],
    ["PrintPageOrientation", shapes.width >= shapes.height ? "2" : "1"],
  ];
  for (const [name, value, unit] of cells) sheet.ele("Cell", { N: name, V: value, ...(unit ? { U: unit } : {}) });
  page.ele("Rel", { "r:id": "page1" });
  return serializeXml(root.doc());
}

function pagePart(shapes: PictureShapes): string {
  const root = visioRoot("PageContents");
  const list = root.ele("Shapes");
  let id = 1;
  const height = shapes.height;
  // The page's colour (dark theme) as a background rectangle.
  box(list, id++, height, {
    id: "page",
    x: 0,
    y: 0,
    width: shapes.width,
    height: shapes.height,
    text: "",
    heading: "",
    body: "",
    fill: shapes.theme.background,
    stroke: "none",
    bold: false,
    size: 12,
    warning: false,
  });
  for (const shape of shapes.header) if (shape.text) box(list, id++, height, shape, shapes);
  for (const shape of shapes.stages) box(list, id++, height, shape, shapes);
  for (const lane of shapes.lanes) {
    box(list, id++, height, lane.label, shapes);
    for (const card of lane.cards) box(list, id++, height, card, shapes);
  }
  for (const curve of shapes.curves) for (const segment of curve.segments) polyline(list, id++, height, curve, segment);
  return serializeXml(root.doc());
}

function visioRoot(name: string): XMLBuilder {
  return create({ version: "1.0", encoding: "UTF-8", standalone: true }).ele(VISIO, name, {
    "xmlns:r": RELATIONSHIPS,
    "xml:space": "preserve",
  });
}

/** A px length in inches, at most 6 decimals. */
function inches(px: number): string {
  return `${Math.round(px * PX * 1e6) / 1e6}`;
}

function cell(shape: XMLBuilder, name: string, value: string, formula?: string): void {
  shape.ele("Cell", { N: name, V: value, ...(formula ? { F: formula } : {}) });
}

/** A box of the picture: a rectangle (rounded if the picture's is) with its text, top-left aligned. */
function box(list: XMLBuilder, id: number, pageHeight: number, shape: Shape, picture?: PictureShapes): void {
  const element = list.ele("Shape", {
    ID: `${id}`,
    NameU: shape.id,
    Name: shape.id,
    Type: "Shape",
    LineStyle: "0",
    FillStyle: "0",
    TextStyle: "0",
  });
  cell(element, "PinX", inches(shape.x + shape.width / 2));
  cell(element, "PinY", inches(pageHeight - shape.y - shape.height / 2));
  cell(element, "Width", inches(shape.width));
  cell(element, "Height", inches(shape.height));
  cell(element, "LocPinX", inches(shape.width / 2), "Width*0.5");
  cell(element, "LocPinY", inches(shape.height / 2), "Height*0.5");
  cell(element, "Angle", "0");
  const filled = shape.fill !== "none";
  cell(element, "FillForegnd", filled ? shape.fill : "#ffffff");
  cell(element, "FillPattern", filled ? "1" : "0");
  const stroked = shape.stroke !== "none";
  cell(element, "LineColor", stroked ? shape.stroke : "#ffffff");
  cell(element, "LinePattern", !stroked ? "0" : shape.warning ? "2" : "1");
  cell(element, "LineWeight", inches(shape.warning ? 2 : 1));
  if (filled && stroked) cell(element, "Rounding", inches(6));
  cell(element, "VerticalAlign", "0");
  for (const side of ["LeftMargin", "RightMargin", "TopMargin", "BottomMargin"]) cell(element, side, inches(PAD_PX));
  if (!shape.text) {
    rectangle(element, shape, filled, stroked);
    return;
  }
  const text = picture?.theme.tones.text ?? "#1f2328";
  const muted = picture?.theme.tones.muted ?? "#4f5861";
  const characters = element.ele("Section", { N: "Character" });
  // Row 0: the heading (the first paragraph, bold when the picture's is); row 1: the rest.
  const heading = characters.ele("Row", { IX: "0" });
  cell(heading, "Font", "Calibri");
  cell(heading, "Color", text);
  cell(heading, "Size", inches(Math.min(shape.size, 22)));
  cell(heading, "Style", shape.heading ? "1" : "0");
  const body = characters.ele("Row", { IX: "1" });
  cell(body, "Font", "Calibri");
  // Under a name, the picture's details are small and muted; a card of a list lane is body text.
  cell(body, "Color", shape.heading ? muted : text);
  cell(body, "Size", inches(shape.heading ? 11 : Math.min(shape.size, 22)));
  cell(body, "Style", "0");
  element.ele("Section", { N: "Paragraph" }).ele("Row", { IX: "0" }).ele("Cell", { N: "HorzAlign", V: "0" });
  rectangle(element, shape, filled, stroked);
  const content = element.ele("Text");
  if (shape.heading)
    content
      .ele("cp", { IX: "0" })
      .up()
      .txt(xmlText(shape.body ? `${shape.heading}\n` : shape.heading));
  if (shape.body) content.ele("cp", { IX: "1" }).up().txt(xmlText(shape.body));
}

/** The rectangle's outline in the shape's own coordinates, with formulas so it follows a resize. */
function rectangle(element: XMLBuilder, shape: Shape, filled: boolean, stroked: boolean): void {
  const [w, h] = [inches(shape.width), inches(shape.height)];
  const geometry = element.ele("Section", { N: "Geometry", IX: "0" });
  cell(geometry, "NoFill", filled ? "0" : "1");
  cell(geometry, "NoLine", stroked ? "0" : "1");
  cell(geometry, "NoShow", "0");
  const corners: Array<[string, string, string, string, string]> = [
    ["MoveTo", "0", "", "0", ""],
    ["LineTo", w, "Width*1", "0", ""],
    ["LineTo", w, "Width*1", h, "Height*1"],
    ["LineTo", "0", "", h, "Height*1"],
    ["LineTo", "0", "", "0", ""],
  ];
  corners.forEach(([kind, x, xFormula, y, yFormula], index) => {
    const row = geometry.ele("Row", { T: kind, IX: `${index + 1}` });
    row.ele("Cell", { N: "X", V: x, ...(xFormula ? { F: xFormula } : {}) });
    row.ele("Cell", { N: "Y", V: y, ...(yFormula ? { F: yFormula } : {}) });
  });
}

/** One run of an emotion curve: a shape around its points whose geometry is the polyline through them. */
function polyline(
  list: XMLBuilder,
  id: number,
  pageHeight: number,
  curve: CurveShape,
  points: Array<{ x: number; y: number }>,
): void {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const point of points) {
    [left, right] = [Math.min(left, point.x), Math.max(right, point.x)];
    [top, bottom] = [Math.min(top, point.y), Math.max(bottom, point.y)];
  }
  const width = Math.max(right - left, 1);
  const height = Math.max(bottom - top, 1);
  const element = list.ele("Shape", {
    ID: `${id}`,
    NameU: `curve-${id}`,
    Name: xmlText(curve.name),
    Type: "Shape",
    LineStyle: "0",
    FillStyle: "0",
    TextStyle: "0",
  });
  cell(element, "PinX", inches(left + width / 2));
  cell(element, "PinY", inches(pageHeight - top - height / 2));
  cell(element, "Width", inches(width));
  cell(element, "Height", inches(height));
  cell(element, "LocPinX", inches(width / 2), "Width*0.5");
  cell(element, "LocPinY", inches(height / 2), "Height*0.5");
  cell(element, "Angle", "0");
  cell(element, "LineColor", curve.color);
  cell(element, "LineWeight", inches(2.5));
  cell(element, "LinePattern", curve.dash ? "2" : "1");
  cell(element, "FillPattern", "0");
  const geometry = element.ele("Section", { N: "Geometry", IX: "0" });
  cell(geometry, "NoFill", "1");
  cell(geometry, "NoLine", "0");
  cell(geometry, "NoShow", "0");
  points.forEach((point, index) => {
    const row = geometry.ele("Row", { T: index === 0 ? "MoveTo" : "LineTo", IX: `${index + 1}` });
    row.ele("Cell", { N: "X", V: inches(point.x - left) });
    row.ele("Cell", { N: "Y", V: inches(bottom - point.y) });
  });
}
