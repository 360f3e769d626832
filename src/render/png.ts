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
  const module = await import("@resvg/resvg-js");
  const Resvg = module.Resvg ?? (module as unknown as { default: typeof module }).default.Resvg;
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    // The SVG names its own font stack; these apply only when none of it is installed.
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    shapeRendering: 2,
    textRendering: 1,
  });
  const pixels = Math.ceil(resvg.width * scale) * Math.ceil(resvg.height * scale);
  if (pixels > MAX_PIXELS) {
    throw new JourneymapError(
      `the picture is too large for PNG at scale ${scale} (${Math.ceil(resvg.width * scale)} × ${Math.ceil(resvg.height * scale)} px): ` +
        "use --format svg, or a smaller --scale",
    );
  }
  return new Uint8Array(resvg.render().asPng());
}
