// PNG's --scale, checked where options are read: its own small module, so that a run that draws no PNG
// (an SVG, a page) never loads the rasterizer (png.ts loads fonts, resvg's glue and worker threads).
import { JourneymapError } from "../errors.js";

/** --scale for PNG: from a tenth of a pixel per point (smaller gives an empty picture) to 10. */
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 10;

/** The --scale option checked: a number from MIN_SCALE to MAX_SCALE, or a usage error (exit 2). */
export function parseScale(text: string): number {
  const scale = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE)
    throw new JourneymapError(`--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE} (got "${text}")`);
  return scale;
}
