// Latin text drawn as outlines in the PNG (png-text.ts): the picture looks as resvg draws the same text
// with its own text layout (per-pixel difference small, every line's ink within a pixel of where it
// was), each text keeps its place and data-* attributes, and text the Latin face cannot draw whole is
// left to resvg, which is handed only the font files that text needs.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { withFallbackFamilies } from "../../src/render/fonts/fallback.js";
import { installedFonts } from "../../src/render/fonts/installed.js";
import { drawnContent, namedFacesAsOutlines, pictureFontFiles, textAsOutlines } from "../../src/render/png-text.js";
import { opaqueBackground, svgToPng } from "../../src/render/png.js";
import { renderHeatmap } from "../../src/render/site/heatmap.js";
import { renderPages } from "../../src/render/svg/pages.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { FONT_FAMILY } from "../../src/render/svg/text.js";
import type { MapFacts } from "../../src/workspace/facts.js";
import { readPng, type Pixels } from "../helpers/png-pixels.js";
import { examplePath, loadMap, stressPath } from "./svg/maps.js";

const BIN = "bin/journeymap.js";

/** The picture as resvg draws it with its own text layout, from the installed fonts. */
function resvgText(svg: string, scale = 1): Pixels {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    shapeRendering: 2,
    textRendering: 1,
  });
  return readPng(resvg.render().asPng());
}

async function outlined(svg: string, scale = 1): Promise<Pixels> {
  return readPng(await svgToPng(svg, { scale }));
}

/** The mean difference of two pictures of one size, per channel (0 to 255). */
function meanDifference(a: Pixels, b: Pixels): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.rgba.length; i++) sum += Math.abs(a.rgba[i]! - b.rgba[i]!);
  return sum / a.rgba.length;
}

/** The share of pixels that are dark in one picture and not in the other. */
function inkMoved(a: Pixels, b: Pixels): number {
  let moved = 0;
  const dark = (p: Pixels, i: number) => p.rgba[i]! + p.rgba[i + 1]! + p.rgba[i + 2]! < 384;
  for (let i = 0; i < a.rgba.length; i += 4) if (dark(a, i) !== dark(b, i)) moved++;
  return moved / (a.rgba.length / 4);
}

/** Where the ink of a band of rows starts and ends (columns with a pixel darker than mid-grey). */
function inkExtent(p: Pixels, top: number, bottom: number): { left: number; right: number } {
  let [left, right] = [Infinity, -Infinity];
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < p.width; x++) {
      const at = (y * p.width + x) * 4;
      if (p.rgba[at]! + p.rgba[at + 1]! + p.rgba[at + 2]! < 384)
        [left, right] = [Math.min(left, x), Math.max(right, x)];
    }
  return { left, right };
}

function facts(title: string, scores: (number | undefined)[]): MapFacts {
  return {
    file: `${title}.journey.yaml`,
    id: title,
    title,
    personas: [],
    teams: [],
    links: [],
    uses: [],
    owners: [],
    stages: scores.map((emotion, i) => ({
      id: `stage-${i}`,
      name: `Stage ${i + 1}`,
      touchpoints: 5,
      ...(emotion !== undefined ? { emotion } : {}),
    })),
    touchpoints: scores.length * 5,
    painPoints: 0,
    opportunities: 0,
  };
}

const PICTURES: [string, () => string][] = [
  ["the FreshCart example", () => renderSvg(loadMap(examplePath("freshcart")))],
  ["the hotel example, dark", () => renderSvg(loadMap(examplePath("hotel")), { theme: "dark" })],
  ["the tricky fixture", () => renderSvg(loadMap("test/fixtures/render/tricky.journey.yaml"))],
  ["the long-text fixture", () => renderSvg(loadMap(stressPath("long-text")))],
  [
    "a heat map",
    () =>
      renderHeatmap([
        facts("checkout", [4, 2.4, undefined, 5]),
        facts("a much longer map name, delivery", [1, 3, 3.5]),
      ]),
  ],
  [
    "a printed page",
    () =>
      renderPages(loadMap("test/fixtures/print/wide.journey.yaml"), {
        paper: "a4",
        footer: { file: "wide.journey.yaml", version: "commit 1a2b3c4 (2026-12-07)", tool: "journeymap 0.1.0" },
      })[0]!.svg,
  ],
  [
    "a diff picture",
    () =>
      execFileSync(process.execPath, [
        BIN,
        "diff",
        "test/fixtures/diff/as-is-to-be/old.journey.yaml",
        "test/fixtures/diff/as-is-to-be/new.journey.yaml",
        "--format",
        "svg",
      ]).toString(),
  ],
];

describe("Latin text as outlines", () => {
  it.each(PICTURES)("%s looks as resvg draws its text, with every text drawn as a path", async (_, draw) => {
    const svg = draw();
    // Each picture has a background of its own: the PNG writer need not look for translucent pixels.
    expect(opaqueBackground(svg)).toBe(true);
    const texts = svg.match(/<text\b/g)?.length ?? 0;
    expect(texts).toBeGreaterThan(5);
    const converted = textAsOutlines(svg);
    // Only text with a script other than Latin, Greek and Cyrillic (the tricky fixture's Arabic, Hebrew,
    // CJK and emoji) is left to resvg; a picture of Latin text only needs no font file.
    const left = [...converted.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
    for (const text of left) expect(text).toMatch(/[^\u0000-\u058f\u2000-\u206f]/u);
    expect(left.length < texts / 4).toBe(true);
    if (left.length === 0) expect(pictureFontFiles(converted)).toEqual([]);
    const [ours, theirs] = [await outlined(svg), resvgText(svg)];
    // Measured: 0.01 to 0.06 for Latin pictures (a pixel's edge a shade apart), 0.1 and 0.6 where the
    // text left to resvg is drawn in the faces fonts/fallback.ts chose rather than resvg's first match.
    expect(meanDifference(ours, theirs)).toBeLessThan(left.length === 0 ? 0.2 : 1);
    expect(inkMoved(ours, theirs)).toBeLessThan(left.length === 0 ? 0.001 : 0.005);
  });

  it("puts each line's ink within a pixel of where resvg puts it: anchors, bold, sizes, kerning, entities", async () => {
    const lines = [
      ["start", "", 11, "Gets a referral code from a friend"],
      ["middle", "", 14, "AVAWAY To Ty, &quot;kerned&quot; &amp; &lt;escaped&gt;"],
      ["end", "", 9, "Owner: Fulfilment operations — 0.31 ✔"],
      ["start", ' font-weight="bold"', 16, "Delivery and second order"],
      ["middle", ' font-weight="bold"', 30, "Wavy Type"],
      ["end", ' font-weight="bold"', 12.5, "éàçñ ÅØ ß ŁŚ Ω Жж"],
    ] as const;
    const rows = 48;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${rows * lines.length}" font-family="${FONT_FAMILY}">` +
      `<rect width="800" height="${rows * lines.length}" fill="#fff"/>` +
      lines
        .map(
          ([anchor, weight, size, text], i) =>
            `<text x="${anchor === "start" ? 10.5 : anchor === "middle" ? 400 : 789.25}" y="${i * rows + 36}" font-size="${size}"${weight} text-anchor="${anchor}" fill="#1f2328">${text}</text>`,
        )
        .join("") +
      `</svg>`;
    expect(textAsOutlines(svg).match(/<text\b/g)).toBeNull();
    for (const scale of [1, 2]) {
      const [ours, theirs] = [await outlined(svg, scale), resvgText(svg, scale)];
      lines.forEach((_, i) => {
        const band = [i * rows * scale, (i + 1) * rows * scale] as const;
        const [a, b] = [inkExtent(ours, ...band), inkExtent(theirs, ...band)];
        expect(Math.abs(a.left - b.left), `line ${i + 1} at scale ${scale}`).toBeLessThanOrEqual(1);
        expect(Math.abs(a.right - b.right), `line ${i + 1} at scale ${scale}`).toBeLessThanOrEqual(1);
      });
      expect(meanDifference(ours, theirs)).toBeLessThan(1.5);
    }
  });

  it("keeps each text's place in the picture and its fill, opacity and data-* attributes", () => {
    const svg = renderSvg(loadMap(examplePath("freshcart")));
    const before = [...svg.matchAll(/<text\b[^>]*data-in="([^"]*)"/g)].map((match) => match[1]);
    const converted = textAsOutlines(svg);
    const after = [
      ...converted.matchAll(/<path transform="[^"]*" d="[^"]*" fill="#[\da-f]{6}" data-in="([^"]*)"\/>/g),
    ].map((match) => match[1]);
    expect(after).toEqual(before);
    // The rest of the picture is untouched: removing the texts and the paths that replace them gives the same SVG.
    expect(converted.replace(/<path transform=[^>]*data-in="[^"]*"\/>/g, "")).toBe(
      svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ""),
    );
    const kept = textAsOutlines(
      `<svg font-family="${FONT_FAMILY}"><text x="1" y="2" font-size="10" fill="red" opacity="0.5" data-footer="map">Hi</text></svg>`,
    );
    expect(kept).toMatch(
      /^<svg [^>]*><path transform="translate\(1 2\) scale\([\d.]+ -[\d.]+\)" d="m[^"]+" fill="red" opacity="0.5" data-footer="map"\/><\/svg>$/,
    );
  });

  it.each([
    ["Arabic (resvg orders it)", "رقم 12"],
    ["Hebrew", "שלום"],
    ["a combining mark", "Cafe\u0301"],
    ["a joiner", "a\u200db"],
    ["CJK", "初めての注文"],
    ["an emoji", "Paid 😀"],
    ["a character no Latin face has", "box \u{10fffd}"],
    ["an unknown entity", "&nbsp;"],
  ])("leaves text with %s to resvg", (_, text) => {
    const svg = `<svg font-family="${FONT_FAMILY}"><text x="1" y="2" font-size="10">${text}</text></svg>`;
    expect(textAsOutlines(svg)).toBe(svg);
  });

  it.each([
    ["a <tspan>", `<text x="1" y="2" font-size="10">a<tspan>b</tspan></text>`],
    ["its own font-family", `<text x="1" y="2" font-size="10" font-family="Noto Sans">ab</text>`],
    ["a transform", `<text x="1" y="2" font-size="10" transform="rotate(9)">ab</text>`],
    ["a list of x positions", `<text x="1 5" y="2" font-size="10">ab</text>`],
    ["no font-size", `<text x="1" y="2">ab</text>`],
    ["a light weight", `<text x="1" y="2" font-size="10" font-weight="300">ab</text>`],
  ])("leaves a text with %s to resvg", (_, text) => {
    const svg = `<svg font-family="${FONT_FAMILY}">${text}</svg>`;
    expect(textAsOutlines(svg)).toBe(svg);
  });

  it("leaves a picture in another font stack alone", () => {
    const svg = `<svg font-family="Georgia"><text x="1" y="2" font-size="10">ab</text></svg>`;
    expect(textAsOutlines(svg)).toBe(svg);
  });

  it("reads entities and collapses white space as SVG does", () => {
    expect(drawnContent("  a &amp;&#x42;&#67;\n\t b  ")).toBe("a &BC b");
    expect(drawnContent("&bogus;")).toBeUndefined();
    expect(drawnContent("&#xD800;")).toBeUndefined();
  });
});

describe("the font files resvg gets", () => {
  it("are the Latin faces and the faces of the scripts left as text, never every installed font", () => {
    const svg = `<svg font-family="${FONT_FAMILY}"><text x="1" y="2" font-size="10">初めての注文 رقم</text><text x="1" y="2" font-size="10" font-weight="bold">ab</text></svg>`;
    const files = pictureFontFiles(textAsOutlines(svg));
    expect(files.some((file) => /DejaVuSans\.ttf$/.test(file))).toBe(true);
    expect(files.length).toBeLessThanOrEqual(6);
    if (files.some((file) => /CJK/i.test(file)))
      expect(files.filter((file) => /CJK/i.test(file)).length).toBeLessThanOrEqual(2);
  });
});

const cjk = installedFonts().faceFor("han", ["日"]);
describe.runIf(cjk !== undefined)("CJK text as outlines of the face fonts/fallback.ts names", () => {
  const lines = ["初めての注文です Order 12", "한국어제목입니다", "第一次下订单了，好吗？", "混合 Latin テキスト"];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${lines.length * 60}" font-family="${FONT_FAMILY}">` +
    `<rect width="640" height="${lines.length * 60}" fill="#fff"/>` +
    lines
      .map(
        (text, i) =>
          `<text x="${i === 2 ? 630 : 10}" y="${40 + i * 60}" font-size="${24 + i * 2}"${i % 2 ? ' font-weight="bold"' : ""}${i === 2 ? ' text-anchor="end"' : ""} fill="#1f2328">${text}</text>`,
      )
      .join("") +
    "</svg>";

  it("draws every line as a path, and resvg needs no font file for them", () => {
    const named = withFallbackFamilies(textAsOutlines(svg), installedFonts());
    expect(named.match(/<text\b/g)).toHaveLength(lines.length);
    const drawn = namedFacesAsOutlines(named);
    expect(drawn.match(/<text\b/g)).toBeNull();
    expect(pictureFontFiles(drawn)).toEqual([]);
  });

  it("puts each line's ink within a pixel of where resvg puts it in that face", async () => {
    const ours = await outlined(svg);
    const theirs = resvgText(withFallbackFamilies(svg, installedFonts()));
    lines.forEach((_, i) => {
      const [a, b] = [inkExtent(ours, i * 60, (i + 1) * 60), inkExtent(theirs, i * 60, (i + 1) * 60)];
      expect(Math.abs(a.left - b.left), `line ${i + 1}`).toBeLessThanOrEqual(1);
      expect(Math.abs(a.right - b.right), `line ${i + 1}`).toBeLessThanOrEqual(1);
    });
    expect(meanDifference(ours, theirs)).toBeLessThan(1.5);
    expect(inkMoved(ours, theirs)).toBeLessThan(0.005);
  });
});

describe("with JOURNEYMAP_FONT_DIRS", () => {
  it("draws with that folder's faces only: a bold text with no bold face there is left to resvg, which gets that file", async () => {
    const saved = process.env.JOURNEYMAP_FONT_DIRS;
    process.env.JOURNEYMAP_FONT_DIRS = "test/fixtures/fonts";
    try {
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" font-family="${FONT_FAMILY}">` +
        `<text x="5" y="20" font-size="12">Regular</text><text x="5" y="45" font-size="12" font-weight="bold">Bold</text></svg>`;
      const converted = textAsOutlines(svg);
      expect(converted.match(/<text\b[^>]*>([^<]*)<\/text>/g)).toEqual([
        `<text x="5" y="45" font-size="12" font-weight="bold">Bold</text>`,
      ]);
      expect(pictureFontFiles(converted)).toEqual([join("test/fixtures/fonts", "DejaVuSans.ttf")]);
      expect(readPng(await svgToPng(svg, { scale: 1 })).width).toBe(300);
    } finally {
      if (saved === undefined) delete process.env.JOURNEYMAP_FONT_DIRS;
      else process.env.JOURNEYMAP_FONT_DIRS = saved;
    }
  });
});

describe("opaqueBackground", () => {
  it.each([
    ["no background", `<svg width="10" height="10"><circle r="3"/></svg>`],
    ["a smaller background", `<svg width="10" height="10"><rect width="10" height="9" fill="#ffffff"/></svg>`],
    [
      "a translucent background",
      `<svg width="10" height="10"><rect width="10" height="10" fill="#ffffff" opacity="0.5"/></svg>`,
    ],
    ["a shape first", `<svg width="10" height="10"><circle r="3"/><rect width="10" height="10" fill="#ffffff"/></svg>`],
  ])("is false for a picture with %s", (_, svg) => {
    expect(opaqueBackground(svg)).toBe(false);
  });
});
