// The TrueType reader (src/render/fonts/truetype.ts) on DejaVu Sans, the picture's first font, kept in
// the fixtures so the figures do not depend on the machine's fonts.
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { anchoredStart, layoutLine } from "../../../src/render/fonts/line.js";
import { TrueTypeFont } from "../../../src/render/fonts/truetype.js";

const DEJAVU = new URL("../../fixtures/fonts/DejaVuSans.ttf", import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), "journeymap-truetype-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("TrueTypeFont", () => {
  const font = TrueTypeFont.open(DEJAVU)!;

  it("reads DejaVu Sans's metrics as its tables give them", () => {
    expect(font.postscriptName()).toBe("DejaVuSans");
    expect(font.unitsPerEm).toBe(2048);
    expect(font.ascender).toBe(1901);
    expect(font.descender).toBe(-483);
  });

  it("maps characters to glyphs and their advances, the space included", () => {
    const a = font.glyphId("A".codePointAt(0)!);
    expect(a).toBeGreaterThan(0);
    // DejaVu Sans's A is 1401 units wide, the space 651 (the widths the picture's layout uses).
    expect(font.advance(a)).toBe(1401);
    expect(font.advance(font.glyphId(32))).toBe(651);
    expect(font.glyphData(font.glyphId(32)).length).toBe(0);
    expect(font.glyphData(a).length).toBeGreaterThan(10);
    // A CJK character DejaVu lacks is .notdef.
    expect(font.glyphId(0x4e00)).toBe(0);
  });

  it("kerns A before V closer, and V before nothing not at all", () => {
    const [a, v] = [font.glyphId(65), font.glyphId(86)];
    expect(font.kerning(a, v)).toBeLessThan(0);
    expect(font.kerning(v, font.glyphId(32))).toBe(0);
  });

  it("lists the glyphs a composite is built of (é is e and an accent)", () => {
    const eAcute = font.glyphId(0xe9);
    const parts = font.components(eAcute);
    expect(parts).toContain(font.glyphId("e".codePointAt(0)!));
    expect(parts.length).toBe(2);
    expect(font.components(font.glyphId(65))).toEqual([]);
  });

  it("opens a file that is not a TrueType face as undefined, without throwing", () => {
    const junk = join(folder, "junk.ttf");
    writeFileSync(junk, Buffer.from("\0\x01\0\0\0\x40 this is not a font"));
    expect(TrueTypeFont.open(junk)).toBeUndefined();
    expect(TrueTypeFont.open(join(folder, "missing.ttf"))).toBeUndefined();
  });
});

describe("layoutLine", () => {
  const font = TrueTypeFont.open(DEJAVU)!;

  it("advances glyph by glyph and kerns AV tighter than the sum of its widths", () => {
    const av = layoutLine(font, "AV");
    const [a, v] = [font.glyphId(65), font.glyphId(86)];
    expect(av.glyphs.map((placed) => placed.glyph)).toEqual([a, v]);
    expect(av.width).toBe(font.advance(a) + font.kerning(a, v) + font.advance(v));
    expect(av.width).toBeLessThan(font.advance(a) + font.advance(v));
    expect(av.complete).toBe(true);
  });

  it("says when a character has no glyph in the face", () => {
    expect(layoutLine(font, "Tokyo 東京").complete).toBe(false);
  });

  it("starts a middle-anchored line half its width to the left", () => {
    expect(anchoredStart(100, 40, "middle")).toBe(80);
    expect(anchoredStart(100, 40, "end")).toBe(60);
    expect(anchoredStart(100, 40, undefined)).toBe(100);
  });
});
