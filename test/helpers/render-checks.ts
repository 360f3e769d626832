// Shared by the render tests: the Chromium rule (skip visibly when missing, fail under CI) and PNG sizes.
import { it } from "vitest";

/** Tests that need Chromium skip with a visible message locally, but fail in CI, where .ci/run installs it. */
export function requireBrowser(browser: string | undefined, what: string): void {
  if (browser) return;
  if (process.env.CI === "true") {
    it(`${what}: Chromium is required in CI`, () => {
      throw new Error(
        "no Chromium found: .ci/run installs it (apt-get install chromium); set PUPPETEER_EXECUTABLE_PATH if it lives elsewhere",
      );
    });
  } else {
    console.warn(`\n⚠ SKIPPED ${what} tests: no Chromium found (install chromium or set PUPPETEER_EXECUTABLE_PATH)\n`);
  }
}

/** Width and height from a PNG's IHDR chunk, after checking the PNG signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error("not a PNG: wrong signature");
  if (bytes.subarray(12, 16).toString("latin1") !== "IHDR") throw new Error("not a PNG: no IHDR chunk first");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
