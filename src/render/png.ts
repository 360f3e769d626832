// Rasterizes the native SVG to PNG without a browser, with resvg (a Rust renderer shipped as a
// prebuilt npm binary), imported only when a PNG is asked for. Fonts come from the system.
import { JourneymapError } from "../errors.js";

/** Above this many pixels a PNG would take gigabytes to rasterize; SVG is the format for such maps. */
const MAX_PIXELS = 200_000_000;

export async function svgToPng(svg: string, options: { scale: number }): Promise<Uint8Array> {
  const { scale } = options;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new JourneymapError(`--scale must be a number above 0 and at most 10, got ${String(scale)}`);
  }
  // Refused from the root element's size, before resvg parses the whole picture (which, for a huge
  // one, costs seconds and gigabytes just to learn that it is too large).
  const size = svgSize(svg);
  if (size) refuseTooLarge(size.width, size.height, scale);
  const module = await import("@resvg/resvg-js");
  const Resvg = module.Resvg ?? (module as unknown as { default: typeof module }).default.Resvg;
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    // The SVG names its own font stack; these apply only when none of it is installed.
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    shapeRendering: 2,
    textRendering: 1,
  });
  refuseTooLarge(resvg.width, resvg.height, scale);
  return new Uint8Array(resvg.render().asPng());
}

function refuseTooLarge(width: number, height: number, scale: number): void {
  const pixels = Math.ceil(width * scale) * Math.ceil(height * scale);
  if (pixels > MAX_PIXELS) {
    throw new JourneymapError(
      `the picture is too large for PNG at scale ${scale} (${Math.ceil(width * scale)} × ${Math.ceil(height * scale)} px, ` +
        `more than ${MAX_PIXELS.toLocaleString("en-US")} pixels): use --format svg, or a smaller --scale`,
    );
  }
}

/** The root element's width and height in px, read from its start tag only; undefined when absent. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const start = svg.indexOf("<svg");
  if (start < 0) return undefined;
  const end = svg.indexOf(">", start);
  // A start tag is short; a bounded window keeps this constant-time whatever follows.
  const tag = svg.slice(start, end < 0 ? start + 4096 : Math.min(end, start + 4096));
  const width = /\swidth="([\d.]+)(?:px)?"/.exec(tag);
  const height = /\sheight="([\d.]+)(?:px)?"/.exec(tag);
  return width && height ? { width: Number(width[1]), height: Number(height[1]) } : undefined;
}
