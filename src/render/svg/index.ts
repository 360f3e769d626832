// The native journey-map picture in SVG: stage columns, lanes and a per-persona emotion curve,
// laid out by layout.ts and drawn by draw.ts. Pure: the same map and options give the same bytes.
import type { Journey } from "../../journey/model.js";
import { drawSvg } from "./draw.js";
import { layoutJourney, type MapLinker, type MetricOptions } from "./layout.js";
import type { PictureMarks } from "./geometry.js";
import { themeNamed } from "./themes.js";

export type { Layout } from "./layout.js";
export type { CardField, MarkKind, PictureMarks, StageMarks, TouchpointMarks } from "./marks.js";

export interface SvgOptions extends MetricOptions {
  theme?: "light" | "dark";
  /** Draws the map as the picture of a change (src/diff/picture.ts makes the marks). */
  marks?: PictureMarks;
  /** The pages of the maps that stages and touchpoints detail: those cards become links (a portfolio). */
  links?: MapLinker;
}

export function renderSvg(journey: Journey, options: SvgOptions = {}): string {
  const theme = themeNamed(options.theme);
  const { marks, links, ...metrics } = options;
  return drawSvg(layoutJourney(journey, { ...metrics, marks, linker: links }), theme);
}
