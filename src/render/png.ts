// Rasterizes the native SVG to PNG without a browser, with resvg (a Rust renderer shipped as a
// prebuilt npm binary), imported only when a PNG is asked for. Latin text goes as outlines, and resvg
// reads only the font files the rest of the text needs (png-text.ts); png-encode.ts writes the file. A picture
// over the pixel or the text budget is refused before resvg starts, and each picture's pixels are
// handed back before the next one is drawn.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { isMainThread } from "node:worker_threads";
import { JourneymapError } from "../errors.js";
import { MAX_SCALE, MIN_SCALE } from "./scale.js";
import { drawnText, withFallbackFamilies } from "./fonts/fallback.js";
import { installedFonts, reportMissingFonts } from "./fonts/installed.js";
import { encodePng } from "./png-encode.js";
import { namedFacesAsOutlines, pictureFontFiles, textAsOutlines } from "./png-text.js";

/**
 * The most pixels a PNG may have. resvg holds about 8 bytes a pixel while it draws and encodes
 * (a 36-megapixel picture: 340 MB and 2 s here), so 20 million keeps one picture within the budget
 * of 500 MB and 3 s (about 4,470 × 4,470 px; the examples at --scale 2 are 4 to 8 million).
 */
export const MAX_PIXELS = 20_000_000;

/**
 * The most glyphs of drawn text a PNG or a PDF may have. resvg lays text out glyph by glyph (it parses
 * the font again for each one), and about four times slower for characters the Latin fonts lack (CJK,
 * emoji: it searches every installed font for them), which count 4. Measured with the shapes around
 * them: a map of 120 touchpoints, 26,900 glyphs, took 2.3 s of CPU to PNG on a loaded 2-core machine
 * (0.085 ms a glyph); 16,000 keeps a hostile map's text under ~1.4 s, leaving the rest of 3 s to the
 * picture's shapes, and still draws a map of 60-odd touchpoints with their pain points and
 * opportunities (the examples draw about 1,500). Chromium took over 30 s to print 20,000 lines. Marks
 * beyond 30 per character are already left out of the picture (text.ts).
 */
export const MAX_DRAWN_GLYPHS = 16_000;
/** From the CJK radicals on, and everything outside the Basic Multilingual Plane (emoji). */
const FAR_GLYPHS = /[\ud800-\udbff][\udc00-\udfff]|[\u2e80-\ud7ff\ue000-\uffff]/g;

export { MAX_SCALE, MIN_SCALE } from "./scale.js";

export async function svgToPng(
  svg: string,
  options: { scale: number; warn?: (message: string) => void },
): Promise<Uint8Array> {
  const { scale } = options;
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new JourneymapError(`--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE} (got "${String(scale)}")`);
  }
  // Refused from the root element's size, before resvg parses the whole picture (which, for a huge
  // one, costs seconds and gigabytes just to learn that it is too large).
  // Text first: no --scale helps a picture with too much of it.
  refuseTooMuchText(svg, "PNG");
  const size = svgSize(svg);
  if (size) refuseTooLarge(size.width, size.height, scale);
  await releaseEarlierPictures(size ? Math.ceil(size.width * scale) * Math.ceil(size.height * scale) * 4 : 0);
  const module = await import("@resvg/resvg-js");
  const Resvg = module.Resvg ?? (module as unknown as { default: typeof module }).default.Resvg;
  // Latin text as outlines first: what is left is text resvg needs fonts for.
  // Then text in the CJK faces fonts/fallback.ts named: resvg reads such a face's file for each glyph.
  const picture = namedFacesAsOutlines(withInstalledFonts(textAsOutlines(svg), "PNG", options.warn));
  const resvg = new Resvg(picture, {
    fitTo: { mode: "zoom", value: scale },
    // Only the files the picture's text needs: reading every installed font cost ~0.2 s a picture.
    font: {
      loadSystemFonts: false,
      fontFiles: pictureFontFiles(picture),
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  refuseTooLarge(resvg.width, resvg.height, scale);
  const image = resvg.render();
  const { width, height } = image;
  // resvg's pixmap (V8 knows the size of the copy that `pixels` hands over, a Buffer).
  drawnBytes += width * height * 4;
  return encodePng(image.pixels, width, height, { opaque: opaqueBackground(svg) });
}

/** Whether the picture starts with an opaque background of its own size, as the renderers draw it
 * (`<rect width height fill="#rrggbb"/>` first): then no pixel of the PNG is translucent. */
export function opaqueBackground(svg: string): boolean {
  const size = svgSize(svg);
  const start = svg.indexOf(">", svg.indexOf("<svg"));
  if (!size || start < 0) return false;
  // The title and description come first; the background is the first shape.
  const head = svg.slice(start + 1, start + 4097).replace(/<(title|desc)\b[^>]*>[^<]*<\/\1>/g, "");
  const rect = /^\s*<rect width="([\d.]+)" height="([\d.]+)" fill="#[\da-fA-F]{6}"\/>/.exec(head);
  return rect !== null && Number(rect[1]) === size.width && Number(rect[2]) === size.height;
}

/**
 * The picture with the fonts that draw its CJK text and emoji named (fonts/fallback.ts), and a warning
 * for each script no installed font draws. A picture of Latin text only is returned as it is, without
 * reading the fonts.
 */
function withInstalledFonts(svg: string, format: "PNG", warn: ((message: string) => void) | undefined): string {
  if (!beyondLatin(svg)) return svg;
  if (warn) reportMissingFonts(drawnText(svg), format, warn);
  return withFallbackFamilies(svg, installedFonts());
}

/** Whether a picture has text in scripts past Latin, Greek, Cyrillic and Armenian (the fonts are read
 * only then). */
function beyondLatin(svg: string): boolean {
  return /[^\u0000-\u058f]/.test(svg);
}

/** The warning for each script of the picture that no installed font draws (once per run): for a PNG
 * drawn on a worker thread, which cannot call back. */
export function warnMissingFonts(svg: string, warn: (message: string) => void): void {
  if (beyondLatin(svg)) reportMissingFonts(drawnText(svg), "PNG", warn);
}

function refuseTooLarge(width: number, height: number, scale: number): void {
  const [pixelsWide, pixelsHigh] = [Math.ceil(width * scale), Math.ceil(height * scale)];
  if (pixelsWide * pixelsHigh <= MAX_PIXELS) return;
  // The largest scale, in tenths, at which the picture fits; none when even the smallest is too large.
  const fits = Math.floor(Math.sqrt(MAX_PIXELS / (width * height)) * 10) / 10;
  const hint =
    fits >= MIN_SCALE
      ? `use --scale ${fits} or less, or --format svg`
      : `use --format svg (it is too large for PNG even at --scale ${MIN_SCALE})`;
  throw new JourneymapError(
    `the picture is too large for PNG at scale ${scale} (${pixelsWide} × ${pixelsHigh} px, ` +
      `more than ${MAX_PIXELS.toLocaleString("en-US")} pixels): ${hint}`,
  );
}

/** The glyphs of drawn text (the <text> elements; a character reference is one, a far glyph four). */
export function drawnGlyphs(svg: string): number {
  let count = 0;
  for (const [, content] of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) {
    const text = content!.replace(/&[^;]*;/g, "&");
    count += text.length;
    for (const far of text.matchAll(FAR_GLYPHS)) count += 4 - far[0].length;
  }
  return count;
}

/** Refuses (exit 2) a picture with more than MAX_DRAWN_GLYPHS of text, before it is drawn. */
export function refuseTooMuchText(svg: string, format: "PNG" | "PDF"): void {
  const glyphs = drawnGlyphs(svg);
  if (glyphs <= MAX_DRAWN_GLYPHS) return;
  throw new JourneymapError(
    `the picture has too much text for ${format} (${glyphs.toLocaleString("en-US")} glyphs, more than ` +
      `${MAX_DRAWN_GLYPHS.toLocaleString("en-US")}; CJK characters and emoji count 4): use --format svg, or ` +
      `split the map into smaller ones (a stage can detail a map of its own)`,
  );
}

/**
 * Bytes of pixels drawn since V8 last collected. resvg's pictures live outside V8's heap, which does
 * not know their size: without a collection, 200 maps kept 6.7 GB. resvg-js 2.6 has no free(), so
 * past this much the next picture first asks V8 for a full collection and lets the finalizers run.
 */
let drawnBytes = 0;
// A PNG worker thread (raster-pool.ts) holds half: several of them share the run's memory budget. A
// worker collects before every sixth map of 3,400 × 821 px at --scale 1, and before each at --scale 2.
const COLLECT_AFTER_BYTES = (isMainThread ? 128 : 64) * 2 ** 20;
let collect: (() => void) | undefined;

/** A collection first when the pictures drawn since the last one and the next (`upcoming` bytes) would
 * pass COLLECT_AFTER_BYTES: a large picture is never drawn while a large one is still held. */
async function releaseEarlierPictures(upcoming: number): Promise<void> {
  if (drawnBytes === 0 || drawnBytes + upcoming <= COLLECT_AFTER_BYTES) return;
  drawnBytes = 0;
  if (!collect) {
    // The way jest's leak detector reaches gc() without --expose-gc on the command line.
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
  // Finalizers of native objects run after the collection, from the event loop.
  await new Promise((resolve) => setImmediate(resolve));
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
