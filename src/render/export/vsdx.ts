// A map as a Visio drawing (.vsdx): the package Microsoft documents ([MS-VSDX]: [Content_Types].xml,
// relationships, visio/document.xml, visio/pages/pages.xml and page1.xml, docProps) with the picture
// as native shapes — the header, persona cards, stage headers, lane labels, cards with their text, and
// each persona's emotion curve as one shape whose geometry is a polyline. No masters: every shape
// carries its own cells. Visio measures in inches from the page's bottom-left corner.
import type { Journey } from "../../journey/model.js";
import { writePackage } from "./package.js";
import { pictureShapes, type CurveShape, type PictureShapes, type Shape } from "./shapes.js";
import { XmlWriter } from "./xml.js";

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
  const title = shapes.title;
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
  const xml = new XmlWriter().start("Types", { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" });
  xml.leaf("Default", { Extension: "rels", ContentType: "application/vnd.openxmlformats-package.relationships+xml" });
  xml.leaf("Default", { Extension: "xml", ContentType: "application/xml" });
  const overrides: Array<[string, string]> = [
    ["/visio/document.xml", "application/vnd.ms-visio.drawing.main+xml"],
    ["/visio/pages/pages.xml", "application/vnd.ms-visio.pages+xml"],
    ["/visio/pages/page1.xml", "application/vnd.ms-visio.page+xml"],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
  ];
  for (const [part, type] of overrides) xml.leaf("Override", { PartName: part, ContentType: type });
  return xml.toString();
}

function relationships(targets: ReadonlyArray<readonly [string, string, string]>): string {
  const xml = new XmlWriter().start("Relationships", { xmlns: PACKAGE_RELATIONSHIPS });
  for (const [id, target, type] of targets) xml.leaf("Relationship", { Id: id, Type: type, Target: target });
  return xml.toString();
}

function coreProperties(title: string): string {
  return new XmlWriter()
    .start("cp:coreProperties", {
      "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
    })
    .element("dc:title", {}, title)
    .element("dc:creator", {}, "journeymap")
    .toString();
}

function appProperties(): string {
  return new XmlWriter()
    .start("Properties", { xmlns: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" })
    .element("Application", {}, "journeymap")
    .toString();
}

/** The document part: its settings and the one style every shape starts from. */
function documentPart(): string {
  const xml = visioRoot("VisioDocument");
  xml.leaf("DocumentSettings", {
    TopPage: "0",
    DefaultTextStyle: "0",
    DefaultLineStyle: "0",
    DefaultFillStyle: "0",
    DefaultGuideStyle: "0",
  });
  xml
    .start("FaceNames")
    .leaf("FaceName", { NameU: "Calibri", UnicodeRanges: "-469750017 -1073732485 9 0", CharSets: "536871423 0" })
    .end();
  xml.start("StyleSheets").start("StyleSheet", { ID: "0", NameU: "No Style", Name: "No Style" });
  const cells: Array<[string, string]> = [
    ["LineWeight", inches(1)],
    ["LineColor", "0"],
    ["LinePattern", "1"],
    ["FillForegnd", "1"],
    ["FillPattern", "1"],
    ["LeftMargin", inches(PAD_PX)],
    ["RightMargin", inches(PAD_PX)],
    ["TopMargin", inches(PAD_PX)],
    ["BottomMargin", inches(PAD_PX)],
    ["VerticalAlign", "0"],
  ];
  for (const [name, value] of cells) xml.leaf("Cell", { N: name, V: value });
  return xml.toString();
}

function pagesPart(shapes: PictureShapes, title: string): string {
  const xml = visioRoot("Pages");
  xml.start("Page", { ID: "0", NameU: "Journey map", Name: title.slice(0, 31) || "Journey map" });
  xml.start("PageSheet", { LineStyle: "0", FillStyle: "0", TextStyle: "0" });
  const cells: Array<[string, string, string?]> = [
    ["PageWidth", inches(shapes.width), "IN"],
    ["PageHeight", inches(shapes.height), "IN"],
    ["PageScale", "1", "IN"],
    ["DrawingScale", "1", "IN"],
    ["DrawingSizeType", "3"],
    ["DrawingScaleType", "0"],
    ["PrintPageOrientation", shapes.width >= shapes.height ? "2" : "1"],
  ];
  for (const [name, value, unit] of cells) xml.leaf("Cell", { N: name, V: value, U: unit });
  xml.end().leaf("Rel", { "r:id": "page1" });
  return xml.toString();
}

function pagePart(shapes: PictureShapes): Uint8Array {
  const list = visioRoot("PageContents").start("Shapes");
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
  return list.toBytes();
}

function visioRoot(name: string): XmlWriter {
  return new XmlWriter().start(name, { xmlns: VISIO, "xmlns:r": RELATIONSHIPS, "xml:space": "preserve" });
}

/** A px length in inches, at most 6 decimals. */
function inches(px: number): string {
  return `${Math.round(px * PX * 1e6) / 1e6}`;
}

function cell(xml: XmlWriter, name: string, value: string, formula?: string): void {
  xml.leaf("Cell", { N: name, V: value, F: formula });
}

/** A box of the picture: a rectangle (rounded if the picture's is) with its text, top-left aligned. */
function box(xml: XmlWriter, id: number, pageHeight: number, shape: Shape, picture?: PictureShapes): void {
  xml.start("Shape", {
    ID: id,
    NameU: shape.id,
    Name: shape.id,
    Type: "Shape",
    LineStyle: 0,
    FillStyle: 0,
    TextStyle: 0,
  });
  placement(xml, pageHeight, shape);
  const filled = shape.fill !== "none";
  cell(xml, "FillForegnd", filled ? shape.fill : "#ffffff");
  cell(xml, "FillPattern", filled ? "1" : "0");
  const stroked = shape.stroke !== "none";
  cell(xml, "LineColor", stroked ? shape.stroke : "#ffffff");
  cell(xml, "LinePattern", !stroked ? "0" : shape.warning ? "2" : "1");
  cell(xml, "LineWeight", inches(shape.warning ? 2 : 1));
  if (filled && stroked) cell(xml, "Rounding", inches(6));
  if (shape.text) {
    const text = picture?.theme.tones.text ?? "#1f2328";
    const muted = picture?.theme.tones.muted ?? "#4f5861";
    // Row 0: the heading (the first paragraph, bold when the picture's is); row 1: the rest. Under a
    // name, the picture's details are small and muted; a card of a list lane is body text.
    xml.start("Section", { N: "Character" });
    characterRow(xml, 0, text, Math.min(shape.size, 22), shape.heading !== "");
    characterRow(xml, 1, shape.heading ? muted : text, shape.heading ? 11 : Math.min(shape.size, 22), false);
    xml.end();
    xml.start("Section", { N: "Paragraph" }).start("Row", { IX: 0 }).leaf("Cell", { N: "HorzAlign", V: 0 }).end().end();
  }
  rectangle(xml, shape, filled, stroked);
  if (shape.text) {
    xml.start("Text");
    if (shape.heading) xml.leaf("cp", { IX: 0 }).text(shape.body ? `${shape.heading}\n` : shape.heading);
    if (shape.body) xml.leaf("cp", { IX: 1 }).text(shape.body);
    xml.end();
  }
  xml.end();
}

/** Where a shape sits: its centre (PinX, PinY, from the page's bottom left), size and local pin. */
function placement(xml: XmlWriter, pageHeight: number, rect: { x: number; y: number; width: number; height: number }) {
  cell(xml, "PinX", inches(rect.x + rect.width / 2));
  cell(xml, "PinY", inches(pageHeight - rect.y - rect.height / 2));
  cell(xml, "Width", inches(rect.width));
  cell(xml, "Height", inches(rect.height));
  cell(xml, "LocPinX", inches(rect.width / 2), "Width*0.5");
  cell(xml, "LocPinY", inches(rect.height / 2), "Height*0.5");
  cell(xml, "Angle", "0");
}

function characterRow(xml: XmlWriter, index: number, color: string, px: number, bold: boolean): void {
  xml.start("Row", { IX: index });
  cell(xml, "Font", "Calibri");
  cell(xml, "Color", color);
  cell(xml, "Size", inches(px));
  cell(xml, "Style", bold ? "1" : "0");
  xml.end();
}

/** The rectangle's outline in the shape's own coordinates, with formulas so it follows a resize. */
function rectangle(xml: XmlWriter, shape: Shape, filled: boolean, stroked: boolean): void {
  const [w, h] = [inches(shape.width), inches(shape.height)];
  xml.start("Section", { N: "Geometry", IX: 0 });
  cell(xml, "NoFill", filled ? "0" : "1");
  cell(xml, "NoLine", stroked ? "0" : "1");
  const corners: Array<[string, string, string | undefined, string, string | undefined]> = [
    ["MoveTo", "0", undefined, "0", undefined],
    ["LineTo", w, "Width*1", "0", undefined],
    ["LineTo", w, "Width*1", h, "Height*1"],
    ["LineTo", "0", undefined, h, "Height*1"],
    ["LineTo", "0", undefined, "0", undefined],
  ];
  corners.forEach(([kind, x, xFormula, y, yFormula], index) => {
    xml.start("Row", { T: kind, IX: index + 1 });
    cell(xml, "X", x, xFormula);
    cell(xml, "Y", y, yFormula);
    xml.end();
  });
  xml.end();
}

/** One run of an emotion curve: a shape around its points whose geometry is the polyline through them. */
function polyline(
  xml: XmlWriter,
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
  xml.start("Shape", {
    ID: id,
    NameU: `curve-${id}`,
    Name: curve.name,
    Type: "Shape",
    LineStyle: 0,
    FillStyle: 0,
    TextStyle: 0,
  });
  placement(xml, pageHeight, { x: left, y: top, width, height });
  cell(xml, "LineColor", curve.color);
  cell(xml, "LineWeight", inches(2.5));
  cell(xml, "LinePattern", curve.dash ? "2" : "1");
  cell(xml, "FillPattern", "0");
  xml.start("Section", { N: "Geometry", IX: 0 });
  cell(xml, "NoFill", "1");
  cell(xml, "NoLine", "0");
  points.forEach((point, index) => {
    xml.start("Row", { T: index === 0 ? "MoveTo" : "LineTo", IX: index + 1 });
    cell(xml, "X", inches(point.x - left));
    cell(xml, "Y", inches(bottom - point.y));
    xml.end();
  });
  xml.end().end();
}
