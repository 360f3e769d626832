// Issue 23's real consumers: LibreOffice Impress opens the PowerPoint deck and LibreOffice Draw the
// Visio drawing (libvisio), both converted to PDF in one soffice call (it takes seconds to start);
// pdftotext's text holds every stage and touchpoint name, pdftoppm turns the pages into pictures, and
// the drawing is one page. Skipped with a visible message where soffice is missing; a failure in CI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const ready = has("soffice") && has("pdftotext") && has("pdftoppm");
const MAP = "docs/examples/hotel.journey.yaml";
/** Names as they appear in the hotel map, which LibreOffice prints as written. */
const NAMES = (() => {
  const text = spawnSync(process.execPath, [
    "-e",
    `const { parse } = require("yaml"); const map = parse(require("fs").readFileSync(${JSON.stringify(MAP)}, "utf8"));
     console.log(JSON.stringify({ stages: map.stages.map((s) => s.name), touchpoints: map.stages.flatMap((s) => (s.touchpoints ?? []).map((t) => t.name)) }));`,
  ]).stdout.toString();
  return JSON.parse(text) as { stages: string[]; touchpoints: string[] };
})();

/** pdftotext joins a name wrapped over two lines with a line break: compare words only. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();

if (!ready) {
  if (process.env.CI === "true") {
    it("LibreOffice and poppler are required in CI", () => {
      throw new Error(
        "soffice, pdftotext or pdftoppm is missing: .ci/run installs libreoffice-impress, libreoffice-draw and poppler-utils",
      );
    });
  } else {
    console.warn(
      "\n⚠ SKIPPED the office consumers: soffice, pdftotext or pdftoppm is missing (apt-get install libreoffice-impress libreoffice-draw poppler-utils)\n",
    );
  }
} else {
  describe("LibreOffice opens the exports", () => {
    const folder = mkdtempSync(join(tmpdir(), "journeymap-office-"));
    const text: Record<string, string> = {};
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    beforeAll(() => {
      for (const file of ["deck.pptx", "drawing.vsdx"]) {
        const run = runCli(["render", MAP, "-o", join(folder, file)]);
        expect(run.code, run.stderr).toBe(0);
      }
      // One soffice for both files, with a profile of its own (a user's running LibreOffice would take the job).
      const converted = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=file://${folder}/profile`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          folder,
          "deck.pptx",
          "drawing.vsdx",
        ],
        { cwd: folder, encoding: "utf8", timeout: 170_000 },
      );
      expect(converted.status, converted.stderr).toBe(0);
      for (const name of ["deck", "drawing"]) {
        expect(existsSync(join(folder, `${name}.pdf`)), `${name}.pdf`).toBe(true);
        text[name] = spawnSync("pdftotext", ["-layout", join(folder, `${name}.pdf`), "-"], { encoding: "utf8" }).stdout;
      }
    }, 180_000);

    it("Impress: the deck's text holds every stage and touchpoint name, and its pages become pictures", () => {
      const deck = words(text.deck!);
      for (const name of [...NAMES.stages, ...NAMES.touchpoints]) expect(deck).toContain(words(name));
      expect(deck).toContain("Emotions along the journey");
      const pages = spawnSync("pdftoppm", ["-r", "20", "-png", join(folder, "deck.pdf"), join(folder, "slide")]);
      expect(pages.status).toBe(0);
      const pictures = readdirSync(folder).filter((name) => /^slide-\d+\.png$/.test(name));
      expect(pictures.length).toBeGreaterThan(5);
      for (const picture of pictures) expect(statSync(join(folder, picture)).size).toBeGreaterThan(1000);
    });

    it("Draw (libvisio): the drawing is one page holding every touchpoint name", () => {
      const info = spawnSync("pdfinfo", [join(folder, "drawing.pdf")], { encoding: "utf8" }).stdout;
      expect(info).toMatch(/Pages:\s+1\b/);
      const drawing = words(text.drawing!);
      for (const name of [...NAMES.stages, ...NAMES.touchpoints]) {
        // The shape wraps names at its own width: every word is there, in order.
        const pattern = words(name)
          .split(" ")
          .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
          .join("\\s+(?:\\S+\\s+)*?");
        expect(drawing).toMatch(new RegExp(pattern));
      }
      const page = spawnSync("pdftoppm", ["-r", "30", "-png", join(folder, "drawing.pdf"), join(folder, "drawing")]);
      expect(page.status).toBe(0);
    });
  });
}
