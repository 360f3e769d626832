// Prints pictures to PDF without a browser. Pictures whose text the Latin faces draw as they are
// (no marks, no right-to-left, no emoji) are written directly by pdf-direct/, in a few milliseconds;
// the rest go to pdfkit, with svg-to-pdfkit drawing each page's SVG as vectors, text kept as
// selectable text in fonts embedded from the system's font files (the Latin face of the picture's
// font stack, and fonts/fallback.ts's faces for CJK, Arabic, Hebrew, Devanagari, Thai and emoji).
// Both packages are optional peers, imported only when such a PDF is drawn.
import { JourneymapError } from "../errors.js";
import { importOptional, missingPackageMessage } from "./browser.js";
import { drawnText, withPdfFaces, type PdfFace } from "./fonts/fallback.js";
import { installedFonts, LATIN_FAMILIES, latinFaces, reportMissingFonts } from "./fonts/installed.js";
import type { FontFace } from "./fonts/font-file.js";
import { refuseTooMuchText, svgSize } from "./png.js";
import { directPdf, NotDirect } from "./pdf-direct/index.js";

/** One page: its size in points and the SVG drawn to fill it. */
export interface PdfPage {
  width: number;
  height: number;
  svg: string;
}

export interface PdfOptions {
  /** The document's title (the map's), shown by viewers. */
  title?: string;
  /** Says that a script has no installed font (once per run). */
  warn?: (message: string) => void;
  /** What a unitless length of the pages' SVG is: "px" (the picture, 96 to the inch) or "pt" (the
   * printed pages of svg/pages.ts, drawn one unit to the point). */
  unit?: "px" | "pt";
}

/** Points per CSS pixel: a picture prints at the size Chrome prints it (96 px to the inch). */
export const POINTS_PER_PX = 0.75;
/** PDF's own limit for a page side: 200 inches. A larger picture is scaled down to fit. */
export const MAX_PAGE_POINTS = 14_400;
/** Every PDF says it was made at this moment, so the same map gives the same bytes (and the same ID). */
const MADE_AT = new Date(Date.UTC(2000, 0, 1));

type PdfKit = typeof import("pdfkit");
type SvgToPdf = typeof import("svg-to-pdfkit").default;

async function loadPackages(): Promise<{ PDFDocument: PdfKit; SVGtoPDF: SvgToPdf }> {
  const loads = await Promise.allSettled([
    importOptional("pdfkit", "PDF", () => import("pdfkit")),
    importOptional("svg-to-pdfkit", "PDF", () => import("svg-to-pdfkit")),
  ]);
  const missing = (["pdfkit", "svg-to-pdfkit"] as const).filter((_, i) => loads[i]!.status === "rejected");
  for (const load of loads)
    if (load.status === "rejected" && !(load.reason instanceof JourneymapError)) throw load.reason;
  if (missing.length > 0)
    throw new JourneymapError(
      `${missingPackageMessage("PDF", [...missing])} (or print with the system's Chrome: --engine chrome)`,
    );
  const [pdfkit, svgToPdf] = loads as [
    PromiseFulfilledResult<{ default: PdfKit }>,
    PromiseFulfilledResult<{ default: SvgToPdf }>,
  ];
  return { PDFDocument: pdfkit.value.default, SVGtoPDF: svgToPdf.value.default };
}

/** The PDF of the native picture: one page the size of the picture (scaled down past 200 inches). */
export async function svgToNativePdf(svg: string, options: PdfOptions = {}): Promise<Uint8Array> {
  refuseTooMuchText(svg, "PDF");
  const size = svgSize(svg) ?? { width: 1200, height: 800 };
  const [width, height] = [size.width * POINTS_PER_PX, size.height * POINTS_PER_PX];
  const fit = Math.min(1, MAX_PAGE_POINTS / width, MAX_PAGE_POINTS / height);
  return pdfOfPages([{ width: width * fit, height: height * fit, svg }], options);
}

/**
 * A PDF of pages, each SVG scaled to fill its page (sizes in points): written directly when
 * pdf-direct/ draws every page exactly, else by pdfkit.
 */
export async function pdfOfPages(pages: PdfPage[], options: PdfOptions = {}): Promise<Uint8Array> {
  for (const page of pages) refuseTooMuchText(page.svg, "PDF");
  try {
    return directPdf(pages, options.title !== undefined ? { title: options.title } : {});
  } catch (error) {
    if (!(error instanceof NotDirect)) throw error;
  }
  return pdfkitPdfOfPages(pages, options);
}

/**
 * svg-to-pdfkit draws about 4,000 elements a second (a thousand touchpoints are 15,000 elements: 6 s):
 * past this many in all pages, a picture that needs pdfkit is refused, within the 3 s budget.
 */
export const MAX_PDFKIT_ELEMENTS = 5_000;

/** The PDF of pages printed by pdfkit and svg-to-pdfkit: any text, in the installed fonts that draw it. */
export async function pdfkitPdfOfPages(pages: PdfPage[], options: PdfOptions = {}): Promise<Uint8Array> {
  for (const page of pages) refuseTooMuchText(page.svg, "PDF");
  const elements = pages.reduce((sum, page) => sum + (page.svg.match(/<[A-Za-z]/g)?.length ?? 0), 0);
  if (elements > MAX_PDFKIT_ELEMENTS)
    throw new JourneymapError(
      `the picture has too many shapes for a PDF of text beyond the Latin faces (${elements.toLocaleString("en-US")} ` +
        `elements, more than ${MAX_PDFKIT_ELEMENTS.toLocaleString("en-US")}): print it with the system's Chrome ` +
        `(--engine chrome), use --format png or svg, or split the map into smaller ones (a stage can detail a map of its own)`,
    );
  const { PDFDocument, SVGtoPDF } = await loadPackages();
  const international = pages.some((page) => /[^\u0000-\u058f]/.test(page.svg));
  const base = latinFaces(LATIN_FAMILIES);
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: {
      CreationDate: MADE_AT,
      Producer: "journeymap",
      Creator: "journeymap",
      ...(options.title !== undefined ? { Title: options.title } : {}),
    },
    ...(options.title !== undefined ? { displayTitle: true } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const registered = new Set<string>();
  const use = (name: string, face: FontFace): string => {
    if (!registered.has(name)) {
      // A collection (.ttc) is opened at its first face, by PostScript name.
      const collection = /\.(ttc|otc)$/i.test(face.path);
      doc.registerFont(name, face.path, collection ? face.postscriptName : undefined);
      drawMarks(doc, name);
      registered.add(name);
    }
    return name;
  };
  for (const page of pages) {
    let svg = page.svg;
    let faces = new Map<string, PdfFace>();
    if (international) {
      if (options.warn) reportMissingFonts(drawnText(svg), "PDF", options.warn);
      ({ svg, faces } = withPdfFaces(svg, installedFonts(), base.regular));
    }
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    SVGtoPDF(doc, svg, 0, 0, {
      width: page.width,
      height: page.height,
      preserveAspectRatio: "xMinYMin meet",
      assumePt: options.unit === "pt",
      fontCallback: (family, bold, _italic, fontOptions) => {
        const face = faces.get(family.trim());
        if (face) {
          if (bold && face.bold) return use(`${family}-bold`, face.bold);
          fontOptions.fauxBold = bold;
          return use(family, face.regular);
        }
        if (bold && base.bold) return use("latin-bold", base.bold);
        if (!base.regular) return bold ? "Helvetica-Bold" : "Helvetica";
        fontOptions.fauxBold = bold;
        return use("latin", base.regular);
      },
      // The picture links nothing outside itself; an image or a document it names is never fetched.
      // Only the colour emoji of fonts/fallback.ts, PNG data in the picture itself, are drawn.
      imageCallback: (link) => (/^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(link) ? link : undefined),
      documentCallback: () => undefined,
      warningCallback: () => undefined,
    });
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

interface EmbeddedFont {
  encode(text: string, features?: unknown): [string[], { advanceWidth: number }[]];
}

/**
 * svg-to-pdfkit leaves out every glyph whose own advance is zero, which is every combining mark: Thai
 * vowels and tones, the Devanagari reph, Arabic vowel signs. The font's glyphs keep their positions
 * (xAdvance) and say they are a hair wide, so they are drawn.
 */
function drawMarks(doc: PDFKit.PDFDocument, name: string): void {
  doc.font(name);
  const font = (doc as unknown as { _font?: EmbeddedFont })._font;
  if (!font || typeof font.encode !== "function") return;
  const encode = font.encode.bind(font);
  font.encode = (text, features) => {
    const [glyphs, positions] = encode(text, features);
    for (const position of positions) if (position.advanceWidth === 0) position.advanceWidth = 1e-6;
    return [glyphs, positions];
  };
}
