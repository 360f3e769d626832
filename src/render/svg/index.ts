// The native journey-map picture in SVG: stage columns, lanes and a per-persona emotion curve,
// laid out by layout.ts and drawn by draw.ts. Pure: the same map and options give the same bytes.
import type { Journey } from "../../journey/model.js";
import { drawSvg } from "./draw.js";
import { layoutJourney, type Layout } from "./layout.js";
import { themeNamed } from "./themes.js";

export type { Layout } from "./layout.js";

export interface SvgOptions {
  theme?: "light" | "dark";
}

/**
 * The picture's geometry without the markup: `width` and `height` are its size in px, so a caller
 * (PNG output) can refuse a picture too large to rasterise before drawing it; then `drawLayout`.
 */
export function layoutSvg(journey: Journey): Layout {
  return layoutJourney(journey);
}

/** Draws a layout from layoutSvg as SVG markup in a theme. */
export function drawLayout(layout: Layout, options: SvgOptions = {}): string {
  return drawSvg(layout, themeNamed(options.theme));
}

export function renderSvg(journey: Journey, options: SvgOptions = {}): string {
  const theme = themeNamed(options.theme);
  return drawSvg(layoutJourney(journey), theme);
}
