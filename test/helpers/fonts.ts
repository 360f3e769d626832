// The fonts the international-text tests draw with: .ci/run installs them (fonts-noto-cjk,
// fonts-noto-core, fonts-symbola); elsewhere their tests are skipped with a warning.
import { it } from "vitest";
import type { InstalledFonts } from "../../src/render/fonts/installed.js";

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
