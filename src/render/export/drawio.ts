// A map as a draw.io diagram: uncompressed mxGraph XML (mxfile > diagram > mxGraphModel > root) with
// the picture's shapes, editable: a swimlane container per lane holding its cards, stage headers, the
// header and persona cards, and each persona's emotion curve as an edge with waypoints. Also the
// picture with that XML in its `content` attribute (.drawio.svg), which draw.io opens for editing.
import type { Journey } from "../../journey/model.js";
import { drawSvg } from "../svg/draw.js";
import type { SvgOptions } from "../svg/index.js";
import { layoutJourney } from "../svg/layout.js";
import { escapeXml, n } from "../svg/markup.js";
import { themeNamed } from "../svg/themes.js";
import { pictureShapes, shapesOfLayout, type PictureShapes, type Shape } from "./shapes.js";
import { XmlWriter } from "./xml.js";

export interface DrawioOptions {
  theme?: "light" | "dark";
}

/** The .drawio file of a map: one page, the picture's size, every text plain (html=0). */
export function renderDrawio(journey: Journey, options: DrawioOptions = {}): string {
  return drawioDocument(pictureShapes(journey, options), new XmlWriter());
}

/**
 * The .drawio.svg file of a map: the native picture (so GitHub and browsers show it) carrying the
 * diagram in the root element's `content` attribute, where draw.io looks for it.
 */
export function renderDrawioSvg(svg: string, journey: Journey, options: DrawioOptions = {}): string {
  return withDiagram(svg, pictureShapes(journey, options));
}

/** The .drawio.svg file of a map, its picture (as renderSvg draws it with these options) and its diagram
 * from one layout: laying out a map of 12,000 touchpoints twice took a quarter of the file's time. */
export function renderDrawioPicture(journey: Journey, options: SvgOptions = {}): string {
  const { marks, links, theme, ...metrics } = options;
  const layout = layoutJourney(journey, { ...metrics, marks, linker: links });
  return withDiagram(drawSvg(layout, themeNamed(theme)), shapesOfLayout(layout, { theme }));
}

function withDiagram(svg: string, shapes: PictureShapes): string {
  const diagram = drawioDocument(shapes, new XmlWriter({ declaration: false }));
  // A function, not a replacement string: a map's "$&" or "$`" would be read as a pattern.
  const attribute = `<svg content="${escapeXml(diagram)}" `;
  return svg.replace(/^<svg /, () => attribute);
}

function drawioDocument(shapes: PictureShapes, xml: XmlWriter): string {
  xml
    .start("mxfile", { host: "journeymap", type: "device" })
    .start("diagram", { id: "journeymap", name: shapes.title || "Journey map" })
    .start("mxGraphModel", {
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
    })
    .start("root")
    .leaf("mxCell", { id: "0" })
    .leaf("mxCell", { id: "1", parent: "0" });
  for (const shape of shapes.header) if (shape.text) vertex(xml, shape, "1", { x: 0, y: 0 });
  for (const shape of shapes.stages) vertex(xml, shape, "1", { x: 0, y: 0 });
  for (const lane of shapes.lanes) {
    const id = lane.label.id;
    const style = [
      "swimlane",
      "horizontal=0",
      `startSize=${n(lane.label.width)}`,
      `fillColor=${lane.label.fill}`,
      "swimlaneFillColor=none",
      `strokeColor=${shapes.theme.border}`,
      `fontColor=${shapes.theme.tones.text}`,
      "fontStyle=1",
      `fontSize=${n(lane.label.size)}`,
      "whiteSpace=wrap",
      "html=0",
      "collapsible=0",
      "container=1",
    ];
    xml
      .start("mxCell", { id, value: lane.label.text, style: `${style.join(";")};`, vertex: "1", parent: "1" })
      .leaf("mxGeometry", {
        x: n(lane.area.x),
        y: n(lane.area.y),
        width: n(lane.area.width),
        height: n(lane.area.height),
        as: "geometry",
      })
      .end();
    for (const card of lane.cards) vertex(xml, card, id, lane.area);
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
      // draw.io keeps a tooltip only on an object wrapping the cell: the persona's name.
      xml
        .start("UserObject", { label: "", tooltip: curve.name, id: `curve-${c + 1}-${s + 1}` })
        .start("mxCell", { style: `${style.join(";")};`, edge: "1", parent: "1" })
        .start("mxGeometry", { relative: "1", as: "geometry" })
        .leaf("mxPoint", { x: n(first.x), y: n(first.y), as: "sourcePoint" })
        .leaf("mxPoint", { x: n(last.x), y: n(last.y), as: "targetPoint" })
        .start("Array", { as: "points" });
      for (const point of segment.slice(1, -1)) xml.leaf("mxPoint", { x: n(point.x), y: n(point.y) });
      xml.end().end().end().end();
    });
  });
  return xml.toString();
}

/** A card, header or persona card as a vertex, its geometry relative to its container. */
function vertex(xml: XmlWriter, shape: Shape, parent: string, origin: { x: number; y: number }): void {
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
  xml
    .start("mxCell", { id: shape.id, value: shape.text, style: `${style.join(";")};`, vertex: "1", parent })
    .leaf("mxGeometry", {
      x: n(shape.x - origin.x),
      y: n(shape.y - origin.y),
      width: n(shape.width),
      height: n(shape.height),
      as: "geometry",
    })
    .end();
}
