// Property tests over the whole pipeline with hostile maps: nothing throws, work and output stay
// proportional to the input, and no map text escapes its place in any output (checked by real parsers).
// Seeded and reproducible: FUZZ_SEED picks the seed, FUZZ_RUNS the cases per property (npm run fuzz).
import fc from "fast-check";
import { parse } from "yaml";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { lintJourney } from "../../src/lint/index.js";
import { reportFormats, type FileResult, type ReportContext } from "../../src/report/index.js";
import { BREAK, DIAGRAM_TOO_LARGE, renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";
import { renderSvg } from "../../src/render/svg/index.js";
import type { Journey } from "../../src/journey/model.js";
import { hostileJourney, hostileText, plainCopy, toYaml, yamlishText } from "../helpers/adversarial.js";
import { CONTROL, expectInertInLog, rawHtml, svgProblems } from "../helpers/oracles.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };
// About 10 ms a case on a loaded machine, with room: npm run fuzz's 100,000 cases would far outlast
// the suite's 30 s test timeout.
vi.setConfig({ testTimeout: Math.max(30_000, RUNS * 50) });
/** The loader is cheap: five times the cases. */
const loaderSettings = { ...settings, numRuns: RUNS * 5 };
/** The picture is the slowest step: half the cases. */
const svgSettings = { ...settings, numRuns: Math.ceil(RUNS / 2) };
const LONG = Math.max(60_000, RUNS * 20);

/** The map after a trip through YAML and the loader, as a user's map would arrive. */
function loaded(journey: Journey): Journey {
  const result = loadJourney(toYaml(journey), { file: "fuzz.journey.yaml" });
  expect(result.diagnostics).toEqual([]);
  return result.journey!;
}

describe("the loader and validate", () => {
  it("never throw on YAML-ish text, and stay linear", () => {
    fc.assert(
      fc.property(yamlishText, (text) => {
        const started = performance.now();
        const result = loadJourney(text, { file: "fuzz.journey.yaml" });
        expect(performance.now() - started).toBeLessThan(2000);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.column).toBeGreaterThanOrEqual(1);
          expect(diagnostic.message).not.toMatch(/unexpected|Maximum call stack|undefined/);
        }
      }),
      loaderSettings,
    );
  });

  it("never throw on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() => loadJourney(bytes)).not.toThrow();
      }),
      loaderSettings,
    );
  });

  it("read back every hostile map exactly as written", () => {
    fc.assert(
      fc.property(hostileJourney, (journey) => {
        // The maps are written by yaml's stringify, which (yaml 2.9.1, found by `npm run fuzz`) writes a
        // few strings with a space after a line break as text that reads back otherwise, by yaml's own
        // parser too: such a case tests the writer, not the loader, and is left out.
        fc.pre(isDeepStrictEqual(parse(toYaml(journey)), JSON.parse(JSON.stringify(journey))));
        expect(loaded(journey)).toEqual(journey);
      }),
      settings,
    );
  });
});

describe("lint and every report", () => {
  const context: ReportContext = { color: false, command: "lint", rules: [] };

  it.each(Object.keys(reportFormats) as Array<keyof typeof reportFormats>)(
    "%s: never throws, output in proportion, map text controls neither terminal nor CI log",
    (name) => {
      fc.assert(
        fc.property(hostileJourney, hostileText, (journey, fileName) => {
          const text = toYaml(journey);
          const messages = lintJourney(text, {}, { file: fileName });
          const results: FileResult[] = [{ filePath: fileName, source: text, messages }];
          const report = reportFormats[name].formatter(results, context);
          expect(report.length).toBeLessThan(100_000 + 2_000 * (text.length + fileName.length));
          // Every report may be printed to a terminal or a CI log: none carries a raw control character,
          // a "##[" or a line the Actions runner reads as a command (it trims leading spaces), but github's own.
          if (name !== "github") expectInertInLog(report);
          else {
            expect(report).not.toMatch(CONTROL);
            expect(report).not.toContain("##[");
            const lines = report.split("\n").filter(Boolean);
            // One workflow command per finding, each made by the formatter: map text starts none.
            expect(lines).toHaveLength(messages.length);
            for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,/);
          }
        }),
        settings,
      );
    },
  );
});

describe("the text renderers", () => {
  it("Mermaid: map text never adds a line, a directive or front matter", () => {
    fc.assert(
      fc.property(hostileJourney, (written) => {
        const journey = loaded(written);
        const hostile = renderMermaid(journey);
        expectInertInLog(hostile);
        const plain = renderMermaid(plainCopy(journey));
        expect(hostile.split("\n")).toHaveLength(plain.split("\n").length);
        expect(hostile.split("%%{").length).toBe(plain.split("%%{").length);
        expect(hostile.split("\n").filter((line) => line.trim() === "---")).toHaveLength(
          plain.split("\n").filter((line) => line.trim() === "---").length,
        );
      }),
      settings,
    );
  });

  it("Markdown: no raw HTML from map text, and no line structure from it", () => {
    fc.assert(
      fc.property(hostileJourney, (written) => {
        const journey = loaded(written);
        const page = renderMarkdown(journey);
        expectInertInLog(page);
        expectInertInLog(renderMarkdown(journey, { frontMatter: true }));
        const plainPage = renderMarkdown(plainCopy(journey));
        // The renderer's own tags (line breaks in cells) are the same with plain text; map text adds none.
        const own = new Set([BREAK, ...rawHtml(plainPage)]);
        expect(rawHtml(page).filter((tag) => !own.has(tag))).toEqual([]);
        // Line structure outside the diagram (the Mermaid property checks the diagram's lines; a map whose
        // escaped text passes Mermaid's size limit gets a one-line note instead of the fence).
        const outsideDiagram = (text: string) =>
          text
            .replace(/```mermaid\n[\s\S]*?```/, "(diagram)")
            .replace(DIAGRAM_TOO_LARGE, "(diagram)")
            .split("\n");
        expect(outsideDiagram(page)).toHaveLength(outsideDiagram(plainPage).length);
      }),
      settings,
    );
  });

  it("SVG: well-formed, no script, no event attribute, no external reference", () => {
    fc.assert(
      fc.property(hostileJourney, (written) => {
        const journey = loaded(written);
        const started = performance.now();
        const svg = renderSvg(journey);
        expect(performance.now() - started).toBeLessThan(2000);
        expect(svgProblems(svg)).toEqual([]);
        expectInertInLog(svg);
      }),
      svgSettings,
    );
  });

  it("every renderer's output grows in proportion to the map", () => {
    fc.assert(
      fc.property(hostileJourney, (written) => {
        const journey = loaded(written);
        const size = toYaml(journey).length;
        expect(renderMermaid(journey).length).toBeLessThan(LONG + 40 * size);
        expect(renderMarkdown(journey).length).toBeLessThan(LONG + 40 * size);
        expect(renderSvg(journey).length).toBeLessThan(LONG + 200 * size);
      }),
      { ...settings, numRuns: Math.max(20, Math.floor(RUNS / 3)) },
    );
  });
});
