// PDF without a browser, end to end through the built CLI: the text is selectable (poppler's
// pdftotext reads every stage and touchpoint name back), every font is embedded (pdffonts), the bytes
// are the same on every run, and a script that no installed font draws is reported once per run.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installedFonts } from "../../src/render/fonts/installed.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { requireFonts } from "../helpers/fonts.js";
import { examplePath, loadMap } from "./svg/maps.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-pdf-native-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const INTERNATIONAL = join(ROOT, "test/fixtures/fonts/international.journey.yaml");

function poppler(tool: string, ...args: string[]): string {
  const run = spawnSync(tool, args, { encoding: "utf8" });
  if (run.error) throw new Error(`${tool} is needed: apt-get install poppler-utils (${run.error.message})`);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The PDF's text as pdftotext reads it, the bidi marks it adds left out and every space one space. */
function textOf(pdf: string): string {
  return poppler("pdftotext", pdf, "-")
    .replace(/[\u202a-\u202e]/g, "")
    .replace(/\s+/g, " ");
}

/** pdffonts' table: one row per font, its name and whether it is embedded. */
function fontsOf(pdf: string): { name: string; embedded: boolean }[] {
  return poppler("pdffonts", pdf)
    .split("\n")
    .slice(2)
    .filter((row) => row.trim() !== "")
    .map((row) => {
      const cells = row.trim().split(/\s+/);
      return { name: cells[0]!, embedded: cells.at(-5) === "yes" };
    });
}

function render(map: string, output: string, env: NodeJS.ProcessEnv = {}) {
  // No browser is reachable: the native PDF never starts one.
  return runCli(["render", map, "-o", output], { env: { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome", ...env } });
}

describe("the native PDF", () => {
  it("prints FreshCart without a browser: every stage and touchpoint name is selectable text in an embedded font", () => {
    const output = join(folder, "freshcart.pdf");
    const run = render(examplePath("freshcart"), output);
    expect(run.code, run.stderr).toBe(0);
    const text = textOf(output);
    const map = loadMap(examplePath("freshcart"));
    const names = map.stages.flatMap((stage) => [
      stage.name,
      ...(stage.touchpoints ?? []).map((touchpoint) => touchpoint.name),
    ]);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(text, name).toContain(name);
    const fonts = fontsOf(output);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(["DejaVuSans", "DejaVuSans-Bold"]);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });

  it("is one page the picture's size (96 px to the inch), the same bytes on every run", () => {
    const [first, second] = ["one.pdf", "two.pdf"].map((name) => join(folder, name));
    expect(render(examplePath("hotel"), first!).code).toBe(0);
    expect(render(examplePath("hotel"), second!).code).toBe(0);
    const bytes = readFileSync(first!);
    expect(bytes.equals(readFileSync(second!))).toBe(true);
    const svg = runCli(["render", examplePath("hotel"), "--format", "svg"]).stdout;
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const info = poppler("pdfinfo", first!);
    expect(info).toMatch(/^Pages:\s+1$/m);
    const [, pageWidth, pageHeight] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Number(pageWidth)).toBeCloseTo(Number(width) * 0.75, 0);
    expect(Number(pageHeight)).toBeCloseTo(Number(height) * 0.75, 0);
    expect(info).toMatch(/^Title:\s+Harbour Hotel - a weekend stay$/m);
  });
});

describe.runIf(requireFonts(installedFonts(), "test/render/pdf-native.test.ts"))(
  "international text in the native PDF",
  () => {
    it("keeps CJK, Hebrew and Arabic names as text, in embedded CJK and Latin faces", () => {
      const output = join(folder, "international.pdf");
      const run = render(INTERNATIONAL, output);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain("warning");
      const text = textOf(output);
      for (const name of [
        "初めての注文",
        "한국어 제목",
        "山田花子",
        "発見する",
        "広告を見る",
        "マーケティング",
        "Order",
        "Owner:",
      ])
        expect(text, name).toContain(name);
      // Right-to-left words come out whole (pdftotext puts them in its own order).
      for (const word of ["הזמנה", "ראשונה", "فريق", "الدعم"]) expect(text, word).toContain(word);
      // Combining marks are drawn (svg-to-pdfkit left out every glyph of zero advance): Thai vowels
      // and tones, and the Devanagari reph, come back as text.
      expect(text).toContain("ซื้อ");
      for (const mark of ["\u0e31", "\u0e48", "\u0e49", "\u094d"]) expect(text, mark).toContain(mark);
      const fonts = fontsOf(output);
      expect(fonts.every((font) => font.embedded)).toBe(true);
      expect(fonts.map((font) => font.name)).toEqual(
        expect.arrayContaining([expect.stringMatching(/\+NotoSansCJK/), expect.stringMatching(/\+DejaVuSans$/)]),
      );
    });
  },
);

describe("a missing font", () => {
  // Fonts from this folder only: DejaVu Sans, which draws Latin, Arabic and Hebrew but no CJK.
  const fonts = join(folder, "fonts");
  mkdirSync(fonts, { recursive: true });
  const dejavu = installedFonts().family(["DejaVu Sans"], false);
  if (dejavu) symlinkSync(dejavu.path, join(fonts, "DejaVuSans.ttf"));
  const env = { JOURNEYMAP_FONT_DIRS: fonts };

  it.runIf(dejavu !== undefined).each(["pdf", "png"])(
    "%s: is reported once per script for a whole run, and the exit code stays 0",
    (format) => {
      const maps = join(folder, `maps-${format}`);
      mkdirSync(maps, { recursive: true });
      copyFileSync(INTERNATIONAL, join(maps, "first.journey.yaml"));
      copyFileSync(INTERNATIONAL, join(maps, "second.journey.yaml"));
      const run = runCli(["render", maps, "--format", format, "-o", join(folder, `out-${format}`), "--scale", "1"], {
        env,
      });
      expect(run.code, run.stderr).toBe(0);
      const warnings = run.stderr.split("\n").filter((line) => line.includes("warning:"));
      const label = format.toUpperCase();
      expect(warnings).toEqual([
        `journeymap: warning: no installed font draws Chinese and Japanese (漢字) text (初 注 文), so the ${label} shows ${format === "png" ? "nothing or boxes" : "boxes"} for it: install fonts-noto-cjk (Debian, Ubuntu), google-noto-sans-cjk-fonts (Fedora) or Noto Sans CJK (macOS and Windows ship one), or point JOURNEYMAP_FONT_DIRS to a folder of fonts`,
        expect.stringMatching(/^journeymap: warning: no installed font draws Japanese \(かな\) text \(め て の\)/),
        expect.stringMatching(/^journeymap: warning: no installed font draws Korean \(한글\) text \(한 국 어\)/),
        expect.stringMatching(/^journeymap: warning: no installed font draws Devanagari \(देवनागरी\) text/),
        expect.stringMatching(/^journeymap: warning: no installed font draws Thai \(ไทย\) text \(ส ง ซ\)/),
        expect.stringMatching(
          /^journeymap: warning: no installed font draws emoji \(😀\) text \(✅ 👨 👩\).*install fonts-symbola/,
        ),
      ]);
    },
    60_000,
  );
});
