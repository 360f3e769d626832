// International text in the PNG (resvg): CJK, emoji, Devanagari and Thai are drawn in glyphs, not in
// boxes (tofu) nor left out, and bold CJK is bold. A box is caught by comparison: the same number of
// characters that no font has (U+10FFFD) draws the boxes, and real glyphs must differ from them.
import { describe, expect, it } from "vitest";
import { installedFonts } from "../../src/render/fonts/installed.js";
import { svgToPng } from "../../src/render/png.js";
import { ink, readPng, type Pixels } from "../helpers/png-pixels.js";
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

  it("draws bold CJK bolder than regular (a CJK face with a bold weight, not a synthetic one)", async () => {
    const regular = ink(await png("初めての注文"));
    const bold = ink(await png("初めての注文", true));
    expect(bold / regular).toBeGreaterThan(1.2);
  });
});
