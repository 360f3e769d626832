// Text measuring and wrapping: measures never below the real fonts' advances, lines never wider than
// their box, nothing lost or split inside a character.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { boundMarks, cleanText, MAX_MARKS_PER_CHARACTER, measure, wrap } from "../../../src/render/svg/text.js";
// @ts-expect-error: a plain .mjs script without types
import * as fontScript from "../../../scripts/measure-font-widths.mjs";

/** What the test uses of the script that generated font-widths.ts. */
interface FontScript {
  FONT_FILES: { regular: string[]; bold: string[] };
  RANGES: Array<[number, number]>;
  readAdvanceWidths: (path: string) => Map<number, number>;
}
const { FONT_FILES, RANGES, readAdvanceWidths } = fontScript as unknown as FontScript;

const fontsInstalled = [...FONT_FILES.regular, ...FONT_FILES.bold].every((path) => existsSync(path));
if (!fontsInstalled)
  console.warn(
    "\n⚠ SKIPPED font-width comparison: DejaVu Sans / Liberation Sans not installed (fonts-dejavu-core, fonts-liberation)\n",
  );

describe("measure", () => {
  it.runIf(fontsInstalled || process.env.CI === "true")(
    "is at least the advance of every character in each font of the stack, regular and bold",
    () => {
      for (const [weight, paths] of Object.entries(FONT_FILES)) {
        for (const path of paths) {
          const advances = readAdvanceWidths(path);
          const narrower: string[] = [];
          for (const [start, end] of RANGES) {
            for (let codePoint = start; codePoint <= end; codePoint++) {
              const advance = advances.get(codePoint);
              if (advance === undefined) continue;
              const character = String.fromCodePoint(codePoint);
              if (measure(character, { size: 100, bold: weight === "bold" }) < advance * 100) narrower.push(character);
            }
          }
          expect(narrower, path).toEqual([]);
        }
      }
    },
  );

  it("grows with the text and the font size, and bold is wider", () => {
    expect(measure("", { size: 12 })).toBe(0);
    expect(measure("Checks in", { size: 12 })).toBeGreaterThan(measure("Checks", { size: 12 }));
    expect(measure("Checks in", { size: 24 })).toBeCloseTo(2 * measure("Checks in", { size: 12 }));
    expect(measure("Checks in", { size: 12, bold: true })).toBeGreaterThan(measure("Checks in", { size: 12 }));
  });

  it("counts emoji and East Asian characters wide and combining marks as nothing", () => {
    expect(measure("😀", { size: 10 })).toBeGreaterThanOrEqual(13);
    expect(measure("世界", { size: 10 })).toBeGreaterThanOrEqual(20);
    expect(measure("e\u0301", { size: 10 })).toBeCloseTo(measure("e", { size: 10 }));
  });
});

describe("wrap", () => {
  const font = { size: 12 };

  it("keeps every line within the width and every word, in order", () => {
    const text = "Pays with the referral discount and then checks the order confirmation email twice";
    const lines = wrap(text, font, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    expect(lines.map((line) => line.text).join(" ")).toBe(text);
    for (const line of lines) expect(line.width).toBeCloseTo(measure(line.text, font));
  });

  it("breaks a word longer than the line between characters, and never inside an emoji", () => {
    const word = "Researchandcomparisonofeverysupplier👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦🇺🇦🇺🇦";
    const lines = wrap(word, font, 100);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    expect(lines.map((line) => line.text).join("")).toBe(word);
    const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
    const graphemes = Array.from(segmenter.segment(word), (part) => part.segment);
    expect(lines.flatMap((line) => Array.from(segmenter.segment(line.text), (part) => part.segment))).toEqual(
      graphemes,
    );
  });

  it("keeps the map's line breaks and drops empty text", () => {
    expect(wrap("First line\nsecond line", font, 500).map((line) => line.text)).toEqual(["First line", "second line"]);
    expect(wrap("   ", font, 500)).toEqual([]);
  });

  it("turns characters XML cannot hold into U+FFFD", () => {
    expect(cleanText("a\u0000b\u001fc\ud800d\tz")).toBe("a\ufffdb\ufffdc\ufffdd z");
    expect(cleanText("👍 ok")).toBe("👍 ok");
    expect(cleanText("tab\tand “quotes”")).toBe("tab and “quotes”");
  });

  it("caps the marks on a character also in text with curly quotes, dashes and arrows, and leaves such text alone", () => {
    const marks = "\u0301".repeat(MAX_MARKS_PER_CHARACTER + 20);
    expect(boundMarks(`“e${marks}” – →`)).toBe(`“e${"\u0301".repeat(MAX_MARKS_PER_CHARACTER)}” – →`);
    expect(boundMarks("“Quick” — check-in … ✓")).toBe("“Quick” — check-in … ✓");
    const joiners = "👩\u200d".repeat(10);
    expect(boundMarks(`“${joiners}”`)).toBe(`“${boundMarks(joiners)}”`);
    expect(boundMarks(joiners)).not.toBe(joiners);
  });
});
