// Colour emoji in the PNG (resvg) and the PDF (pdfkit, read back by pdftoppm) where Chromium draws
// them in the same SVG: each sequence (ZWJ, family, skin tone, flag, keycap, a pictograph asking for
// emoji) one glyph in colour, at Chromium's place and size, after Latin words laid out as Chromium
// does, for a text anchored at its start, middle and end, regular and bold, large and small. And
// Devanagari words in the PNG keep the space after a vowel sign (resvg 2.6 lost it) where Chromium has it.
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { colourEmoji } from "../../src/render/fonts/emoji.js";
import { svgToPng } from "../../src/render/png.js";
import { FONT_FAMILY } from "../../src/render/svg/text.js";
import { colourBoxes, inkBoxes, pdfPixels, type Box } from "../helpers/emoji-pixels.js";
import { readPng, type Pixels } from "../helpers/png-pixels.js";
import { requireBrowser } from "../helpers/render-checks.js";

const executable = findBrowser();
requireBrowser(executable, "test/browser/emoji.test.ts");
const haveEmoji = colourEmoji() !== undefined;
if (!haveEmoji) {
  if (process.env.CI === "true")
    it("test/browser/emoji.test.ts: Noto Color Emoji is required in CI", () => {
      throw new Error("no colour emoji face installed: .ci/run installs fonts-noto-color-emoji");
    });
  else console.warn("\n⚠ SKIPPED test/browser/emoji.test.ts: no colour emoji face (install fonts-noto-color-emoji)\n");
}
let browser: Browser;

beforeAll(async () => {
  if (executable && haveEmoji) browser = await launchBrowser(executable, "the emoji tests");
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const [WIDTH, HEIGHT] = [900, 170];

/** The lines of the picture: their y band, and the text's attributes and content. */
const LINES = [
  { rows: [0, 55], start: 'x="10" y="42" font-size="30"', text: "Pay 👩‍💻 👨‍👩‍👧 👍🏽 🇯🇵 1️⃣ 🏳️‍🌈 ⚠️ ok" },
  {
    rows: [55, 115],
    start: 'x="450" y="100" font-size="26" font-weight="bold" text-anchor="middle"',
    text: "Order ✅ placed 👍🏽 fast",
  },
  { rows: [115, 170], start: 'x="890" y="150" font-size="13" text-anchor="end"', text: "Total &amp; tax 🇯🇵 1️⃣ ❤️" },
];

const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}">` +
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>` +
  LINES.map((line) => `<text ${line.start} fill="#1f2328">${line.text}</text>`).join("") +
  `</svg>`;

async function chromium(picture = svg): Promise<Pixels> {
  const tab = await browser.newPage();
  try {
    await tab.setViewport({ width: WIDTH, height: HEIGHT });
    await tab.setContent(`<!doctype html><html><body style="margin:0">${picture}</body></html>`);
    return readPng(await tab.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } }));
  } finally {
    await tab.close();
  }
}

function near(ours: Box, theirs: Box, slack: number): boolean {
  return (
    Math.abs(ours.left - theirs.left) <= slack &&
    Math.abs(ours.right - theirs.right) <= slack &&
    Math.abs(ours.top - theirs.top) <= slack &&
    Math.abs(ours.bottom - theirs.bottom) <= slack
  );
}

describe.runIf(executable !== undefined && haveEmoji)("colour emoji beside Chromium's", () => {
  it("the PNG and the PDF draw each emoji where and as large as Chromium does, and the words around them", async () => {
    const expected = await chromium();
    for (const [drawer, pixels] of [
      ["PNG", readPng(await svgToPng(svg, { scale: 1 }))],
      ["PDF", await pdfPixels(svg, WIDTH, HEIGHT)],
    ] as const) {
      for (const { rows, text } of LINES) {
        const band = { top: rows[0]!, bottom: rows[1]! };
        const theirs = colourBoxes(expected, band);
        const ours = colourBoxes(pixels, band);
        // Chromium's colour boxes: one per coloured emoji (Noto's family is grey figures).
        expect(theirs.length, `Chromium, ${text}`).toBeGreaterThanOrEqual(2);
        expect(ours.length, `${drawer}, ${text}`).toBe(theirs.length);
        ours.forEach((box, i) =>
          expect(near(box, theirs[i]!, 2), `${drawer}, ${text}: emoji ${i} ${JSON.stringify([box, theirs[i]])}`).toBe(
            true,
          ),
        );
        // The whole line (its words and the grey family too) spans what Chromium's does.
        const [line, chromiumLine] = [inkBoxes(pixels, band, 40), inkBoxes(expected, band, 40)];
        expect(Math.abs(line[0]!.left - chromiumLine[0]!.left), `${drawer}, ${text}: start`).toBeLessThanOrEqual(2);
        expect(
          Math.abs(line.at(-1)!.right - chromiumLine.at(-1)!.right),
          `${drawer}, ${text}: end`,
        ).toBeLessThanOrEqual(3);
      }
    }
  }, 60_000);

  it("the PNG keeps each Devanagari word where Chromium puts it (a space after a vowel sign is not lost)", async () => {
    const lines = [
      ['x="10" y="42" font-size="30"', "पहला ऑर्डर किताब"],
      // Regular weight: Chromium here draws bold Devanagari in the regular face (the PNG and PDF in the bold one).
      ['x="450" y="100" font-size="26" text-anchor="middle"', "Order पहला ऑर्डर नया ok"],
      ['x="890" y="150" font-size="16" text-anchor="end"', "क्षत्रिय स्त्री 👍🏽 done"],
    ];
    const picture =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}">` +
      `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>` +
      lines.map(([start, text]) => `<text ${start} fill="#1f2328">${text}</text>`).join("") +
      `</svg>`;
    const [expected, ours] = [await chromium(picture), readPng(await svgToPng(picture, { scale: 1 }))];
    for (const [i, [, text]] of lines.entries()) {
      const band = { top: [0, 55, 115][i]!, bottom: [55, 115, 170][i]! };
      // Words apart by a space (0.2 em without ink at least): as many in the PNG as in Chromium, each in its place.
      const gap = Math.round(0.2 * Number(/font-size="(\d+)"/.exec(lines[i]![0]!)![1]));
      const [theirs, mine] = [inkBoxes(expected, band, gap), inkBoxes(ours, band, gap)];
      expect(theirs.length, `Chromium, ${text}`).toBeGreaterThanOrEqual(text!.split(" ").length);
      expect(
        mine.length,
        `PNG, ${text}: ${JSON.stringify(mine.map((b) => [b.left, b.right]))} ${JSON.stringify(theirs.map((b) => [b.left, b.right]))}`,
      ).toBe(theirs.length);
      mine.forEach((box, k) => {
        expect(Math.abs(box.left - theirs[k]!.left), `${text}: word ${k} starts`).toBeLessThanOrEqual(2);
        expect(Math.abs(box.right - theirs[k]!.right), `${text}: word ${k} ends`).toBeLessThanOrEqual(2);
      });
    }
  }, 60_000);
});
