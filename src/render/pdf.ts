// Prints the native SVG to a one-page PDF through the system's Chrome (launched only for this, driven by
// puppeteer-core), the page sized to the picture, or the picture scaled down to the largest page.
// Without either, launchBrowser's JourneymapError (exit 2) says what to install.
import { launchBrowser } from "./browser.js";
import { refuseTooMuchText, svgSize } from "./png.js";
import type { PrintPage } from "./svg/pages.js";

const PX_PER_INCH = 96;
/** The largest page side: 200 inches (14,400 pt) is PDF's own limit, and Chromium fails to print a
 * larger page ("Printing failed"). A larger picture is scaled down to fit. */
export const MAX_PAGE_PX = 200 * PX_PER_INCH;

/** The page for a picture: its own size, or scaled down (by `fit`) so neither side exceeds MAX_PAGE_PX. */
export function pageFor(width: number, height: number): { width: number; height: number; fit: number } {
  const fit = Math.min(1, MAX_PAGE_PX / width, MAX_PAGE_PX / height);
  return { width: width * fit, height: height * fit, fit };
}

export async function svgToPdf(svg: string, options: { browser?: string }): Promise<Uint8Array> {
  refuseTooMuchText(svg, "PDF");
  const size = svgSize(svg) ?? { width: 1200, height: 800 };
  const page = pageFor(size.width, Math.ceil(size.height + 1));
  const browser = await launchBrowser(options.browser, "PDF");
  try {
    const tab = await browser.newPage();
    // The SVG never needs script or the network; turning both off means a hostile map cannot use them.
    await tab.setJavaScriptEnabled(false);
    await tab.setRequestInterception(true);
    tab.on("request", (request) => void (request.url().startsWith("data:") ? request.continue() : request.abort()));
    // Scaled by CSS: the SVG's viewBox keeps the drawing whole at the page's size.
    const fitted = page.fit < 1 ? `;width:${size.width * page.fit}px;height:${size.height * page.fit}px` : "";
    await tab.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block${fitted}}</style></head><body>${svg}</body></html>`,
    );
    const pdf = await tab.pdf({
      width: `${page.width / PX_PER_INCH}in`,
      height: `${page.height / PX_PER_INCH}in`,
      printBackground: true,
      pageRanges: "1",
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/**
 * Prints pages (renderPages, in points) to one PDF through the system's Chrome: a PDF page per page at its
 * paper size (a CSS @page rule, which Chrome's printing prefers), the text kept as text. The pages' text
 * counts against the same budget as one picture's.
 */
export async function pagesToPdf(pages: readonly PrintPage[], options: { browser?: string }): Promise<Uint8Array> {
  refuseTooMuchText(pages.map((page) => page.svg).join(""), "PDF");
  const { width, height } = pages[0]!;
  const browser = await launchBrowser(options.browser, "PDF");
  try {
    const tab = await browser.newPage();
    await tab.setJavaScriptEnabled(false);
    await tab.setRequestInterception(true);
    tab.on("request", (request) => void (request.url().startsWith("data:") ? request.continue() : request.abort()));
    // Each page's box a little shorter than the paper: Chrome starts a blank page after one that fills it exactly.
    const size = `width:${width}pt;height:${height - 0.5}pt`;
    await tab.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:${width}pt ${height}pt;margin:0}` +
        `html,body{margin:0;padding:0}.page{${size};overflow:hidden;break-after:page}.page:last-child{break-after:auto}` +
        `svg{display:block;width:${width}pt;height:${height}pt}</style></head><body>` +
        pages.map((page) => `<div class="page">${page.svg}</div>`).join("") +
        `</body></html>`,
    );
    const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
