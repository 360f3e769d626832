// Prints the native SVG to a one-page PDF through the system's Chrome (launched only for this, driven by
// puppeteer-core), the page sized to the picture. Without either, launchBrowser's JourneymapError
// (exit 2) says what to install.
import { launchBrowser } from "./browser.js";
import { svgSize } from "./png.js";

const PX_PER_INCH = 96;

export async function svgToPdf(svg: string, options: { browser?: string }): Promise<Uint8Array> {
  const { width, height } = svgSize(svg) ?? { width: 1200, height: 800 };
  const browser = await launchBrowser(options.browser, "PDF");
  try {
    const page = await browser.newPage();
    // The SVG never needs script or the network; turning both off means a hostile map cannot use them.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (request) => void (request.url().startsWith("data:") ? request.continue() : request.abort()));
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${svg}</body></html>`,
    );
    const pdf = await page.pdf({
      width: `${width / PX_PER_INCH}in`,
      height: `${Math.ceil(height + 1) / PX_PER_INCH}in`,
      printBackground: true,
      pageRanges: "1",
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
