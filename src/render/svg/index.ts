// The native journey-map picture in SVG: stage columns, lanes and a per-persona emotion curve,
// laid out by layout.ts and drawn by draw.ts. Pure: the same map and options give the same bytes.
import type { Journey } from "../../journey/model.js";
import { drawSvg } from "./draw.js";
import { layoutJourney, type MetricOptions } from "./layout.js";
import { themeNamed } from "./themes.js";

export type { Layout } from "./layout.js";

export interface SvgOptions extends MetricOptions {
  theme?: "light" | "dark";
}

export function renderSvg(journey: Journey, options: SvgOptions = {}): string {
  const theme = themeNamed(options.theme);
  return drawSvg(layoutJourney(journey, options), theme);
}
