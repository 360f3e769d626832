// International text in the PNG (resvg): CJK, emoji, Devanagari and Thai are drawn in glyphs, not in
// boxes (tofu) nor left out, and bold CJK is bold. A box is caught by comparison: the same number of
// characters that no font has (U+10FFFD) draws the boxes, and real glyphs must differ from them.
// Colour emoji (Noto Color Emoji) come out in colour in the PNG and the PDF, each sequence one glyph.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { colourEmoji } from "../../src/render/fonts/emoji.js";
import {
  drawsColourEmoji,
  MAX_EMOJI_IMAGES,
  withColourEmoji,
  withFallbackFamilies,
} from "../../src/render/fonts/fallback.js";
import { installedFonts } from "../../src/render/fonts/installed.js";
import { svgToPng } from "../../src/render/png.js";
import { colourBoxes, inkBoxes, pdfPixels } from "../helpers/emoji-pixels.js";
import { ink, readPng, type Pixels } from "../helpers/png-pixels.js";
import { runCli } from "../helpers/cli.js";
import { lineSvg, requireFonts } from "../helpers/fonts.js";

const fonts = installedFonts();
const haveFonts = requireFonts(fonts, "test/render/png-fonts.test.ts");

async function png(text: string, bold = false): Promise<Pixels> {
  return readPng(await svgToPng(lineSvg(text, { bold }), { scale: 1 }));
}

/** Pixels whose ink differs between two pictures of one size. */
function differing(a: Pixels, b: Pixels): number {
  let count = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    const dark = (p: Pixels) => Math.min(p.rgba[i]!, p.rgba[i + 1]!, p.rgba[i + 2]!) < 160;
    if (dark(a) !== dark(b)) count++;
  }
  return count;
}

const TOFU = "\u{10fffd}";

describe.runIf(haveFonts)("international text in the PNG", () => {
  it.each([
    ["Japanese", "初めての注文です"],
    ["Korean", "한국어제목입니다"],
    ["Chinese", "第一次下订单了"],
    ["Devanagari", "पहला ऑर्डर"],
    ["Thai", "สั่งซื้อครั้งแรก"],
    ["emoji", "👍😀🛒✅"],
  ])("%s is drawn in glyphs, not boxes and not left out", async (_, text) => {
    const drawn = await png(text);
    const boxes = await png(TOFU.repeat([...text].length));
    expect(ink(drawn)).toBeGreaterThan(100);
    // Glyphs and boxes share little: at least half of the glyphs' ink is elsewhere.
    expect(differing(drawn, boxes)).toBeGreaterThan(ink(drawn) / 2);
  });

  it("keeps the space after a Devanagari vowel sign (resvg 2.6 advanced ला by क's width alone)", async () => {
    // Two words, three with the Latin one: apart by a space each (0.318 em, 6 px without ink at least).
    expect(inkBoxes(await png("पहला ऑर्डर"), undefined, 6)).toHaveLength(2);
    expect(inkBoxes(await png("पहला ऑर्डर ok", true), undefined, 6)).toHaveLength(3);
  });

  it("draws bold CJK bolder than regular (a CJK face with a bold weight, not a synthetic one)", async () => {
    const regular = ink(await png("初めての注文"));
    const bold = ink(await png("初めての注文", true));
    expect(bold / regular).toBeGreaterThan(1.2);
  });
});

/** Whether a colour emoji face is installed; in CI its absence fails (.ci/run installs fonts-noto-color-emoji). */
function requireColourEmoji(): boolean {
  if (colourEmoji()) return true;
  if (process.env.CI === "true")
    it("colour emoji: Noto Color Emoji is required in CI", () => {
      throw new Error("no colour emoji face installed: .ci/run installs fonts-noto-color-emoji");
    });
  else console.warn("\n⚠ SKIPPED colour emoji tests: no colour emoji face (install fonts-noto-color-emoji)\n");
  return false;
}

/** The sequences a shaper must draw as one glyph each. */
const SEQUENCES: [string, string][] = [
  ["an emoji", "🛒"],
  ["a ZWJ sequence", "👩‍💻"],
  ["a ZWJ family", "👨‍👩‍👧"],
  ["a skin tone", "👍🏽"],
  ["a flag", "🇯🇵"],
  ["a keycap", "1️⃣"],
  ["a ZWJ sequence with a variation selector", "🏳️‍🌈"],
  ["a text-style pictograph asking for emoji", "⚠️"],
];

const size = 30;

describe.runIf(requireColourEmoji())("colour emoji in the PNG and the PDF", () => {
  it.each(SEQUENCES)("%s (%s) is one glyph of the colour face, drawn in colour", async (name, sequence) => {
    const svg = lineSvg(`Pay ${sequence} ok`);
    // One image per sequence in the picture handed to resvg and svg-to-pdfkit: its parts are not drawn.
    const prepared = withFallbackFamilies(svg, installedFonts());
    expect(prepared.match(/<use /g)).toHaveLength(1);
    expect(prepared.match(/<image /g)).toHaveLength(1);
    expect(prepared).toContain(">Pay</text>");
    expect(prepared).toContain(">ok</text>");
    const alone = lineSvg(sequence);
    for (const [drawer, line, emoji] of [
      ["PNG", readPng(await svgToPng(svg, { scale: 1 })), readPng(await svgToPng(alone, { scale: 1 }))],
      ["PDF", await pdfPixels(svg, 640, 60), await pdfPixels(alone, 640, 60)],
    ] as const) {
      // Alone, the sequence is one box of ink as wide as one glyph (1.25 em), not its parts side by side.
      const boxes = inkBoxes(emoji);
      expect(boxes, drawer).toHaveLength(1);
      expect(boxes[0]!.right - boxes[0]!.left + 1, drawer).toBeLessThanOrEqual(1.3 * size);
      expect(boxes[0]!.right - boxes[0]!.left + 1, drawer).toBeGreaterThan(0.6 * size);
      // In colour (Noto's families are grey figures), after "Pay " (DejaVu Sans: 2.13 em).
      if (name === "a ZWJ family") continue;
      const colour = colourBoxes(line);
      expect(colour, drawer).toHaveLength(1);
      expect(colour[0]!.pixels, drawer).toBeGreaterThan(60);
      expect(colour[0]!.left, drawer).toBeGreaterThanOrEqual(Math.floor(10 + 2.13 * size));
      expect(colour[0]!.right, drawer).toBeLessThanOrEqual(Math.ceil(10 + 2.13 * size + 1.25 * size));
    }
  });

  it("lays out a line of sequences left to right, the same in the PNG and the PDF", async () => {
    const line = "Pay 👩‍💻 👍🏽 🇯🇵 1️⃣ 🏳️‍🌈 ⚠️ ok";
    const png = colourBoxes(readPng(await svgToPng(lineSvg(line), { scale: 1 })));
    const pdf = colourBoxes(await pdfPixels(lineSvg(line), 640, 60));
    expect(png).toHaveLength(6);
    expect(pdf).toHaveLength(6);
    // The PDF puts each where the PNG does (test/browser/emoji.test.ts puts both where Chromium does).
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(pdf[i]!.left - png[i]!.left)).toBeLessThanOrEqual(2);
      expect(Math.abs(pdf[i]!.right - png[i]!.right)).toBeLessThanOrEqual(2);
      if (i > 0) expect(png[i]!.left - png[i - 1]!.left).toBeGreaterThan(1.2 * size);
    }
  });

  it("says which pictures draw colour emoji (the PDF writer without pdfkit hands those to pdfkit)", () => {
    expect(drawsColourEmoji(lineSvg("Pay 👍🏽"))).toBe(true);
    expect(drawsColourEmoji(lineSvg("Pay ok ✔"))).toBe(false);
  });

  it("keeps a pictograph the Latin face draws (😀, ⚠ without U+FE0F) in the Latin face, as Chromium does", () => {
    const svg = lineSvg("ok 😀 ⚠ ✔");
    expect(withFallbackFamilies(svg, installedFonts())).not.toContain("<use");
  });

  it("embeds each emoji's PNG once per picture, and past the cap draws the rest as before", () => {
    const repeated = withFallbackFamilies(lineSvg("👍🏽 ".repeat(50)), installedFonts());
    expect(repeated.match(/<image /g)).toHaveLength(1);
    expect(repeated.match(/<use /g)).toHaveLength(50);
    // More distinct emoji than the cap (pictographs, then with skin tones), one text each: those past it keep their characters.
    const face = colourEmoji()!;
    const distinct: string[] = [];
    for (const tone of ["", "🏻", "🏼", "🏽", "🏾", "🏿"])
      for (let code = 0x1f300; code <= 0x1faff && distinct.length < MAX_EMOJI_IMAGES + 40; code++) {
        const sequence = String.fromCodePoint(code) + tone;
        if (face.shape(sequence)?.length === 1) distinct.push(sequence);
      }
    expect(distinct).toHaveLength(MAX_EMOJI_IMAGES + 40);
    const texts = distinct.map((emoji, i) => `<text x="10" y="${20 + i * 20}" font-size="14">a ${emoji}</text>`);
    const picture = withFallbackFamilies(
      `<svg xmlns="http://www.w3.org/2000/svg">${texts.join("")}</svg>`,
      installedFonts(),
    );
    expect(picture.match(/<image /g)!.length).toBeLessThanOrEqual(MAX_EMOJI_IMAGES);
    // (a pictograph DejaVu Sans draws stays text: a few of them need no image)
    expect(picture.match(/<image /g)!.length).toBeGreaterThan(MAX_EMOJI_IMAGES * 0.9);
    // Every text is drawn: as an image, or (past the cap) with its emoji as characters, as before.
    const kept = [...picture.matchAll(/<text\b[^>]*>a (?:<tspan[^>]*>)?(\P{ASCII}+)/gu)].length;
    expect(picture.match(/<use /g)!.length + kept).toBe(distinct.length);
    expect(kept).toBeGreaterThan(0);
  });

  it("centres and ends a text with emoji on its x as text-anchor says", async () => {
    const anchored = (anchor: string) => lineSvg("Pay 👍🏽").replace('x="10"', `x="320" text-anchor="${anchor}"`);
    const [start, middle, end] = await Promise.all(
      ["start", "middle", "end"].map(async (anchor) =>
        colourBoxes(readPng(await svgToPng(anchored(anchor), { scale: 1 }))),
      ),
    );
    // Ended, the line moves left by its width; centred, by half of it. "Pay " (2.13 em) and the emoji's advance (1.245 em).
    const width = start![0]!.left - end![0]!.left;
    expect(Math.abs(width - 3.375 * size)).toBeLessThanOrEqual(2);
    expect(Math.abs(start![0]!.left - middle![0]!.left - width / 2)).toBeLessThanOrEqual(1);
  });
});

describe.runIf(colourEmoji() !== undefined)(
  "colour emoji outside the PNG and the PDF, and without a colour face",
  () => {
    it("the SVG output keeps its emoji as text; the PNG of the same map has them in colour", () => {
      const folder = mkdtempSync(join(tmpdir(), "journeymap-emoji-"));
      try {
        const map = "test/fixtures/fonts/international.journey.yaml";
        const svg = runCli(["render", map, "--format", "svg", "-o", join(folder, "map.svg")]);
        expect(svg.code, svg.stderr).toBe(0);
        const picture = readFileSync(join(folder, "map.svg"), "utf8");
        expect(picture).not.toMatch(/<image|<use|data:image/);
        expect(picture).toContain("👨‍👩‍👧");
        const png = runCli(["render", map, "--format", "png", "-o", join(folder, "map.png")]);
        expect(png.code, png.stderr).toBe(0);
        // 👍, ✅ and the family: the coloured two at least.
        expect(colourBoxes(readPng(readFileSync(join(folder, "map.png")))).length).toBeGreaterThanOrEqual(2);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });

    it("leaves the picture as before when no colour emoji face is installed (JOURNEYMAP_FONT_DIRS without one)", async () => {
      const before = process.env.JOURNEYMAP_FONT_DIRS;
      process.env.JOURNEYMAP_FONT_DIRS = "test/fixtures/fonts";
      try {
        expect(colourEmoji()).toBeUndefined();
        const svg = lineSvg("Pay 👍🏽 ok");
        expect(withColourEmoji(svg)).toBe(svg);
        expect(colourBoxes(readPng(await svgToPng(svg, { scale: 1 })))).toHaveLength(0);
      } finally {
        if (before === undefined) delete process.env.JOURNEYMAP_FONT_DIRS;
        else process.env.JOURNEYMAP_FONT_DIRS = before;
      }
      expect(colourEmoji()).toBeDefined();
    });
  },
);
