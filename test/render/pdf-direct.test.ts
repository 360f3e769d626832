// The PDF writer of our own (src/render/pdf-direct/): journeymap's pictures and printed pages come out
// as pdfkit draws them (poppler's rasterizer, pixel by pixel, within a small tolerance), with every name
// as text (pdftotext), links where the cards are, a transparency group for a group's opacity, the same
// bytes on every run, a file qpdf finds sound; and the rule that sends a picture to pdfkit instead.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { directRefusal } from "../../src/render/pdf-direct/index.js";
import { pdfkitPdfOfPages, pdfOfPages, type PdfPage } from "../../src/render/pdf-native.js";
import { renderPages } from "../../src/render/svg/pages.js";
import { FONT_FAMILY } from "../../src/render/svg/text.js";
import { lineSvg } from "../helpers/fonts.js";
import { runCli } from "../helpers/cli.js";
import { examplePath, loadMap } from "./svg/maps.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-pdf-direct-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function tool(name: string, ...args: string[]): string {
  const run = spawnSync(name, args, { encoding: "utf8" });
  if (run.error) throw new Error(`${name} is needed: apt-get install poppler-utils (${run.error.message})`);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

// .ci/run installs qpdf; elsewhere its check is skipped.
const hasQpdf = spawnSync("qpdf", ["--version"]).error === undefined || process.env.CI === "true";

let written = 0;
function save(bytes: Uint8Array): string {
  const path = join(folder, `${written++}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** Each page of a PDF as grey pixels (pdftoppm -gray, 50 dpi). */
function greyPages(pdf: string): { width: number; height: number; pixels: Buffer }[] {
  const prefix = join(folder, `grey-${written++}`);
  tool("pdftoppm", "-gray", "-r", "50", pdf, prefix);
  const name = prefix.split("/").at(-1)!;
  return readdirSync(folder)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith(".pgm"))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
    .map((file) => {
      const bytes = readFileSync(join(folder, file));
      const [header, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString("latin1", 0, 40))!;
      return { width: Number(width), height: Number(height), pixels: bytes.subarray(header.length) };
    });
}

/** How far two PDFs' pictures differ: the mean grey difference (0–255) and the share of pixels off by more than a quarter. */
function difference(a: string, b: string): { mean: number; far: number; pages: number } {
  const [first, second] = [greyPages(a), greyPages(b)];
  expect(first.map((page) => [page.width, page.height])).toEqual(second.map((page) => [page.width, page.height]));
  let [sum, far, count] = [0, 0, 0];
  first.forEach((page, i) => {
    const other = second[i]!.pixels;
    for (let p = 0; p < page.pixels.length; p++) {
      const d = Math.abs(page.pixels[p]! - other[p]!);
      sum += d;
      if (d > 64) far++;
    }
    count += page.pixels.length;
  });
  return { mean: sum / count, far: far / count, pages: first.length };
}

/** The picture of a map as one page the size Chrome prints it (96 px to the inch). */
function picturePage(svg: string): PdfPage {
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(width) * 0.75, height: Number(height) * 0.75, svg };
}

const version = (path: string) => readFileSync(path).subarray(0, 8).toString("latin1");

describe("the PDF writer of journeymap's own pictures", () => {
  for (const [name, theme] of [
    ["freshcart", "light"],
    ["hotel", "dark"],
  ] as const) {
    it(`${name} (${theme}): written directly, the picture pdfkit draws, every name as text`, async () => {
      const svg = runCli(["render", examplePath(name), "--format", "svg", "--theme", theme]).stdout;
      const pages = [picturePage(svg)];
      expect(directRefusal(pages)).toBeUndefined();
      const direct = save(await pdfOfPages(pages, { title: name }));
      const pdfkit = save(await pdfkitPdfOfPages(pages, { title: name }));
      expect([version(direct), version(pdfkit)]).toEqual(["%PDF-1.7", "%PDF-1.3"]);
      const { mean, far } = difference(direct, pdfkit);
      expect(mean).toBeLessThan(1.5);
      expect(far).toBeLessThan(0.005);
      const text = tool("pdftotext", direct, "-").replace(/\s+/g, " ");
      const map = loadMap(examplePath(name));
      for (const stage of map.stages) {
        expect(text).toContain(stage.name);
        for (const touchpoint of stage.touchpoints ?? []) expect(text).toContain(touchpoint.name);
      }
      // Only the glyphs drawn are embedded: the whole of DejaVu Sans is 740 KB.
      expect(readFileSync(direct).length).toBeLessThan(120_000);
    });
  }

  it("prints pages (--page a4) directly: the pages pdfkit draws, names and the footer as text", async () => {
    const map = loadMap(examplePath("freshcart"));
    const pages = renderPages(map, {
      paper: "a4",
      landscape: true,
      theme: "light",
      footer: { file: "examples/freshcart.journey.yaml", version: "commit 1a2b3c4", tool: "journeymap" },
    });
    expect(pages.length).toBeGreaterThan(1);
    expect(directRefusal(pages)).toBeUndefined();
    const direct = save(await pdfOfPages(pages, { title: map.title, unit: "pt" }));
    const pdfkit = save(await pdfkitPdfOfPages(pages, { title: map.title, unit: "pt" }));
    const { mean, far, pages: count } = difference(direct, pdfkit);
    expect(count).toBe(pages.length);
    expect(mean).toBeLessThan(1.5);
    expect(far).toBeLessThan(0.005);
    const info = tool("pdfinfo", direct);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pages.length}$`, "m"));
    expect(info).toMatch(/^Page size:\s+841\.89 x 595\.2\d? pts \(A4\)/m);
    const text = tool("pdftotext", direct, "-").replace(/\s+/g, " ");
    for (const stage of map.stages)
      for (const touchpoint of stage.touchpoints ?? []) expect(text).toContain(touchpoint.name);
    expect(text).toContain("examples/freshcart.journey.yaml");
    expect(text).toContain("commit 1a2b3c4");
  });

  it("through the CLI: the title shown by viewers, both DejaVu faces embedded as subsets with a Unicode map", () => {
    const output = join(folder, "hotel-cli.pdf");
    const run = runCli(["render", examplePath("hotel"), "-o", output]);
    expect(run.code, run.stderr).toBe(0);
    expect(version(output)).toBe("%PDF-1.7");
    const info = tool("pdfinfo", output);
    expect(info).toMatch(/^Title:\s+Harbour Hotel - a weekend stay$/m);
    expect(info).toMatch(/^CreationDate:\s+Sat Jan {2}1 00:00:00 2000 UTC$/m);
    const fonts = tool("pdffonts", output).split("\n").slice(2).filter(Boolean);
    expect(fonts.map((row) => row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "DejaVuSans",
      "DejaVuSans-Bold",
    ]);
    // type CID TrueType, Identity-H, embedded, subset, with a ToUnicode map.
    for (const row of fonts) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(readFileSync(output).toString("latin1")).toMatch(/\/DisplayDocTitle true/);
  });

  it.runIf(hasQpdf)("is a PDF that qpdf --check finds sound, the same bytes on every run", async () => {
    const svg = runCli(["render", examplePath("freshcart"), "--format", "svg"]).stdout;
    const first = await pdfOfPages([picturePage(svg)], { title: "FreshCart" });
    const second = await pdfOfPages([picturePage(svg)], { title: "FreshCart" });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const check = spawnSync("qpdf", ["--check", save(first)], { encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain("No syntax or stream encoding errors found");
  });

  it("links a card to the map it details where pdfkit does, and never fetches it", async () => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200" font-family="${FONT_FAMILY}">` +
      `<rect x="40" y="20" width="160" height="80" rx="6" fill="#f6f8fa" stroke="#d0d7de"/>` +
      `<a href="checkout%20flow.html" data-link="t1"><rect x="40" y="20" width="160" height="80" rx="6" fill="#ffffff" fill-opacity="0"/></a></svg>`;
    const pages = [picturePage(svg)];
    const rect = (bytes: Uint8Array) => {
      const pdf = Buffer.from(bytes).toString("latin1");
      const [, numbers, uri] = /\/Subtype \/Link\s*\/Rect \[([^\]]+)\][\s\S]*?\/URI \(([^)]*)\)/.exec(pdf)!;
      return { rect: numbers!.trim().split(/\s+/).map(Number), uri };
    };
    const direct = rect(await pdfOfPages(pages));
    const pdfkit = rect(await pdfkitPdfOfPages(pages));
    expect(direct.uri).toBe("checkout%20flow.html");
    expect(pdfkit.uri).toBe(direct.uri);
    // 0.75 pt to the pixel, PDF's y upwards from the bottom of the 150 pt page.
    expect(direct.rect).toEqual([30, 75, 150, 135]);
    direct.rect.forEach((value, i) => expect(value).toBeCloseTo(pdfkit.rect[i]!, 1));
  });

  it("draws a group's opacity once over the group (a transparency group), as pdfkit does", async () => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">` +
      `<rect width="200" height="100" fill="#ffffff"/>` +
      `<g opacity="0.5"><rect x="0" y="0" width="120" height="100" fill="#000000"/><rect x="80" y="0" width="120" height="100" fill="#000000"/></g></svg>`;
    const pages = [picturePage(svg)];
    const direct = save(await pdfOfPages(pages));
    const [page] = greyPages(direct);
    // Where the two black rectangles overlap the grey is the same as where one is: 50 % black once.
    const at = (x: number) => page!.pixels[Math.round(page!.height / 2) * page!.width + Math.round(x * page!.width)]!;
    expect(Math.abs(at(0.2) - 128)).toBeLessThanOrEqual(2);
    expect(at(0.5)).toBe(at(0.2));
    expect(difference(direct, save(await pdfkitPdfOfPages(pages))).mean).toBeLessThan(1);
  });
});

describe("what goes to pdfkit instead (the fallback rule)", () => {
  // The direct writer draws text only in the Latin faces, one glyph per character, left to right.
  it.each([
    ["Café “crème” — 5 € ✔ ⚠", undefined],
    ["مرحبا بكم", /^text that needs shaping \(U\+0645\)$/],
    ["שלום", /^text that needs shaping \(U\+05E9\)$/],
    ["cafe\u0301", /^text that needs shaping \(U\+0301\)$/],
    ["ok 👍", /^text that needs shaping \(U\+1F44D\)$/],
    ["a\u200db", /^text that needs shaping \(U\+200D\)$/],
    ["初めての注文", /^text the Latin face does not draw \("初めての注文"\)$/],
  ])("%s", (text, refusal) => {
    const reason = directRefusal([{ width: 480, height: 45, svg: lineSvg(text) }]);
    if (refusal === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(refusal);
  });

  const shape = (inner: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">${inner}</svg>`;
  it.each([
    [`<image href="https://example.com/x.png" width="10" height="10"/>`, "the element <image>"],
    [`<defs><pattern id="p" width="8" height="8"/></defs>`, "the element <defs>"],
    [`<rect width="10" height="10" fill="url(#p)"/>`, 'fill="url(#p)"'],
    [`<rect width="10" height="10" filter="url(#f)"/>`, "the attribute filter of <rect>"],
    [`<rect width="10%" height="10"/>`, 'width="10%"'],
    [`<path d="M0 0A5 5 0 0 1 10 10"/>`, 'a path command this writer does not draw (d="M0 0A5 5 0 0 1 10 10")'],
    [`<g transform="skewX(10)"><rect width="1" height="1"/></g>`, 'transform="skewX(10)"'],
    [`<text x="1" y="9">a<tspan>b</tspan></text>`, "<tspan> inside <text>"],
    [`<text x="1" y="9" font-family="serif">a</text>`, 'font-family="serif"'],
    [`<!-- a comment --><rect width="1" height="1"/>`, "a comment, CDATA section or processing instruction"],
  ])("%s", (inner, reason) => {
    expect(directRefusal([{ width: 75, height: 75, svg: shape(inner) }])).toBe(reason);
  });

  it("draws nothing of what is hidden, and is not refused for it", async () => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">` +
      `<g opacity="0"><rect width="100" height="100" fill="#000000"/><g><text x="1" y="9">hidden</text></g></g>` +
      `<svg x="0" y="0" width="0" height="10"><rect width="100" height="100" fill="#000000"/></svg></svg>`;
    const pages = [{ width: 75, height: 75, svg }];
    expect(directRefusal(pages)).toBeUndefined();
    const [page] = greyPages(save(await pdfOfPages(pages)));
    expect(page!.pixels.every((grey) => grey === 255)).toBe(true);
  });

  it("refuses a picture whose last text needs shaping before drawing the rest", () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `<text x="1" y="${i * 10}">touchpoint ${i}</text>`);
    const svg = lineSvg("first").replace("</svg>", `${texts.join("")}<text x="1" y="9">عربي</text></svg>`);
    expect(directRefusal([{ width: 480, height: 45, svg }])).toBe("text that needs shaping (U+0639)");
  });

  it("prints what it refuses with pdfkit: Arabic and Japanese come out as text", async () => {
    const pages = [{ width: 480, height: 45, svg: lineSvg("Café مرحبا 初めて") }];
    const pdf = save(await pdfOfPages(pages));
    expect(version(pdf)).toBe("%PDF-1.3");
    const text = tool("pdftotext", pdf, "-");
    for (const word of ["Café", "مرحبا", "初めて"]) expect(text).toContain(word);
  });
});
