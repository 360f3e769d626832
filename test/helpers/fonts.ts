// The fonts the international-text tests draw with: .ci/run installs them (fonts-noto-cjk,
// fonts-noto-core, fonts-symbola); elsewhere their tests are skipped with a warning.
import { it } from "vitest";
import type { InstalledFonts } from "../../src/render/fonts/installed.js";
import { FONT_FAMILY } from "../../src/render/svg/text.js";

/** One line of text in the picture's font stack, as the native picture writes it. */
export function lineSvg(text: string, options: { bold?: boolean; width?: number } = {}): string {
  const width = options.width ?? 640;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" viewBox="0 0 ${width} 60" font-family="${FONT_FAMILY}">` +
    `<rect width="${width}" height="60" fill="#ffffff"/>` +
    `<text x="10" y="42" font-size="30"${options.bold ? ' font-weight="bold"' : ""} fill="#1f2328">${text}</text></svg>`
  );
}

/** Whether CJK, Devanagari, Thai and outline emoji fonts are installed; in CI their absence fails. */
export function requireFonts(fonts: InstalledFonts, what: string): boolean {
  const missing = (
    [
      ["han", "日"],
      ["hangul", "한"],
      ["devanagari", "क"],
      ["thai", "ก"],
      ["emoji", "🛒"],
    ] as const
  ).filter(([script, character]) => !fonts.faceFor(script, [character])?.covers(character.codePointAt(0)!));
  if (missing.length === 0) return true;
  const names = missing.map(([script]) => script).join(", ");
  if (process.env.CI === "true") {
    it(`${what}: fonts are required in CI`, () => {
      throw new Error(
        `no installed font draws ${names}: .ci/run installs fonts-noto-cjk fonts-noto-core fonts-symbola`,
      );
    });
  } else {
    console.warn(
      `\n⚠ SKIPPED ${what}: no installed font draws ${names} (install fonts-noto-cjk fonts-noto-core fonts-symbola)\n`,
    );
  }
  return false;
}
