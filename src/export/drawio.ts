// A map as a draw.io diagram: uncompressed mxGraph XML (mxfile > diagram > mxGraphModel > root) with
// the picture's shapes, editable: a swimlane container per lane holding its cards, stage headers, the
// header and persona cards, and each persona's emotion curve as an edge with waypoints. Also the
// picture with that XML in its `content` attribute (.drawio.svg), which draw.io opens for editing.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Journey } from "../journey/model.js";
import { escapeXml, n } from "../render/svg/markup.js";
import { pictureShapes, type PictureShapes, type Shape } from "./shapes.js";
import { serializeXml, xmlText } from "./xml.js";

export interface DrawioOptions {
  theme?: "light" | "dark";
}

/** The .drawio file of a map: one page, the picture's size, every text plain (html=0). */
export function renderDrawio(journey: Journey, options: DrawioOptions = {}): string {
  return serializeXml(drawioDocument(pictureShapes(journey, options)));
}

/**
 * The .drawio.svg file of a map: the native picture (so GitHub and browsers show it) carrying the
 * diagram in the root element's `content` attribute, where draw.io looks for it.
 */
export function renderDrawioSvg(svg: string, journey: Journey, options: DrawioOptions = {}): string {
  const diagram = serializeXml(drawioDocument(pictureShapes(journey, options)), { declaration: false });
  return svg.replace(/^<svg /, `<svg content="${escapeXml(diagram)}" `);
}

function drawioDocument(shapes: PictureShapes): XMLBuilder {
  const document = create({ version: "1.0", encoding: "UTF-8" });
  const model = document
    .ele("mxfile", { host: "journeymap", type: "device" })
    .ele("diagram", { id: "journeymap", name: xmlText(shapes.title) || "Journey map" })
    .ele("mxGraphModel", {
      grid: "0",
      gridSize: "10",
      guides: "1",
      tooltips: "1",
      connect: "0",
      arrows: "0",
      fold: "1",
      page: "1",
      pageScale: "1",
      pageWidth: n(shapes.width),
      pageHeight: n(shapes.height),
      background: shapes.theme.background,
      math: "0",
      shadow: "0",
    });
  const root = model.ele("root");
  root.ele("mxCell", { id: "0" });
  root.ele("mxCell", { id: "1", parent: "0" });
  for (const shape of shapes.header) if (shape.text) vertex(root, shape, "1", { x: 0, y: 0 });
  for (const shape of shapes.stages) vertex(root, shape, "1", { x: 0, y: 0 });
  for (const lane of shapes.lanes) {
    const id = lane.label.id;
    const style = [
      "swimlane",
      "horizontal=0",
      `startSize=${n(lane.label.width)}`,
      `fillColor=${lane.label.fill}`,
      `swimlaneFillColor=none`,
      `strokeColor=${shapes.theme.border}`,
      `fontColor=${shapes.theme.tones.text}`,
      "fontStyle=1",
      `fontSize=${n(lane.label.size)}`,
      "whiteSpace=wrap",
      "html=0",
      "collapsible=0",
      "container=1",
    ];
    cell(root, { id, value: lane.label.text, style: `${style.join(";")};`, vertex: "1", parent: "1" }).ele(
      "mxGeometry",
      { x: n(lane.area.x), y: n(lane.area.y), width: n(lane.area.width), height: n(lane.area.height), as: "geometry" },
    );
    for (const card of lane.cards) vertex(root, card, id, lane.area);
  }
  shapes.curves.forEach((curve, c) => {
    curve.segments.forEach((segment, s) => {
      const first = segment[0]!;
      const last = segment[segment.length - 1]!;
      const style = [
        "endArrow=none",
        "startArrow=none",
        "html=0",
        "rounded=0",
        `strokeColor=${curve.color}`,
        "strokeWidth=2.5",
        ...(curve.dash ? ["dashed=1", `dashPattern=${curve.dash}`] : []),
      ];
      const geometry = cell(root, {
        id: `curve-${c + 1}-${s + 1}`,
        value: "",
        tooltip: xmlText(curve.name),
        style: `${style.join(";")};`,
        edge: "1",
        parent: "1",
      }).ele("mxGeometry", { relative: "1", as: "geometry" });
      geometry.ele("mxPoint", { x: n(first.x), y: n(first.y), as: "sourcePoint" });
      geometry.ele("mxPoint", { x: n(last.x), y: n(last.y), as: "targetPoint" });
      const waypoints = geometry.ele("Array", { as: "points" });
      for (const point of segment.slice(1, -1)) waypoints.ele("mxPoint", { x: n(point.x), y: n(point.y) });
    });
  });
  return document;
}

/** An mxCell; draw.io keeps extra attributes such as tooltip only on an object wrapper, so the
 * tooltip of a curve becomes its UserObject. */
function cell(root: XMLBuilder, attributes: Record<string, string>): XMLBuilder {
  const { tooltip, id, value, ...rest } = attributes;
  if (tooltip === undefined) return root.ele("mxCell", { id: id!, value: value!, ...rest });
  return root.ele("UserObject", { label: value!, tooltip, id: id! }).ele("mxCell", rest);
}

/** A card, header or persona card as a vertex, its geometry relative to its container. */
function vertex(root: XMLBuilder, shape: Shape, parent: string, origin: { x: number; y: number }): void {
  const style = [
    shape.fill === "none" ? "text" : "rounded=1",
    "arcSize=6",
    "absoluteArcSize=1",
    "whiteSpace=wrap",
    "html=0",
    "align=left",
    "verticalAlign=top",
    "spacing=8",
    `fillColor=${shape.fill}`,
    `strokeColor=${shape.stroke}`,
    ...(shape.warning ? ["dashed=1", "dashPattern=6 4", "strokeWidth=2"] : []),
    `fontSize=${n(Math.min(shape.size, 14))}`,
    ...(shape.bold ? ["fontStyle=1"] : []),
  ];
  root
    .ele("mxCell", { id: shape.id, value: xmlText(shape.text), style: `${style.join(";")};`, vertex: "1", parent })
    .ele("mxGeometry", {
      x: n(shape.x - origin.x),
      y: n(shape.y - origin.y),
      width: n(shape.width),
      height: n(shape.height),
      as: "geometry",
    });
}
