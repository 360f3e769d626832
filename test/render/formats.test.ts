// The render-format catalog: every format has its names, extensions and renderers; --format, --output
// and --engine resolve through it; and the compiler refuses a half-added format (type tests below,
// checked by `tsc -p tsconfig.test.json`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JourneymapError } from "../../src/errors.js";
import { loadJourney } from "../../src/journey/load.js";
import {
  chooseFormat,
  drawMap,
  FORMAT_NAMES,
  formatHelp,
  formatNamed,
  formatOfPath,
  renderFormats,
  type FormatName,
  type FormatSpec,
  type RenderContext,
} from "../../src/render/formats.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";
import { runCli } from "../helpers/cli.js";

const hotel = loadJourney(readFileSync("docs/examples/hotel.journey.yaml"), { file: "hotel" }).journey!;
const context: RenderContext = {
  theme: "light",
  scale: 1,
  frontMatter: true,
  mermaidCli: () => Promise.reject(new Error("no browser in this test")),
};

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(JourneymapError);
    expect((error as JourneymapError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error("expected a usage error");
}

describe("the render-format catalog", () => {
  it("has one entry per format, each extension and alias naming exactly its format", () => {
    expect(Object.keys(renderFormats).sort()).toEqual([...FORMAT_NAMES].sort());
    const seen = new Map<string, FormatName>();
    for (const name of FORMAT_NAMES) {
      const spec: FormatSpec = renderFormats[name];
      expect(spec.engines[0].engine).toBe("native"); // the default engine needs no browser
      for (const extension of spec.extensions) {
        expect(seen.has(extension)).toBe(false);
        seen.set(extension, name);
        expect(formatOfPath(`maps/hotel${extension.toUpperCase()}`)?.name).toBe(name);
      }
      for (const alias of [name, ...spec.aliases]) expect(formatNamed(alias.toUpperCase())?.name).toBe(name);
    }
    expect(formatNamed("md")?.name).toBe("markdown");
    expect(formatNamed("mmd")?.name).toBe("mermaid");
  });

  it("draws the text formats with the same renderers the API exports", async () => {
    const markdown = await drawMap(hotel, formatNamed("markdown")!, "native", context);
    expect(markdown).toBe(renderMarkdown(hotel, { frontMatter: true, theme: "light" }));
    expect(await drawMap(hotel, formatNamed("mermaid")!, "native", context)).toBe(renderMermaid(hotel));
    const svg = await drawMap(hotel, formatNamed("svg")!, "native", context);
    expect(typeof svg === "string" && svg.startsWith("<svg")).toBe(true);
  });

  it("takes the format from --output's extension, and refuses one it does not know (never a silent PDF)", () => {
    expect(chooseFormat({ output: "out/hotel.PNG" })).toMatchObject({ format: { name: "png" }, engine: "native" });
    expect(chooseFormat({})).toMatchObject({ format: { name: "mermaid" } });
    expect(chooseFormat({ output: "hotel" })).toMatchObject({ format: { name: "mermaid" } });
    expect(chooseFormat({ output: "map.csv", format: "markdown" })).toMatchObject({ format: { name: "markdown" } });
    expect(usageError(() => chooseFormat({ output: "map.csv" }))).toBe(
      '--output "map.csv" ends in .csv, which is not a format journeymap renders: use one of .mmd .mermaid .md .markdown .svg .png .pdf .xlsx .pptx .drawio .drawio.svg .vsdx, or --format (mermaid, markdown, svg, png, pdf, xlsx, pptx, drawio, drawio-svg, vsdx)',
    );
    expect(usageError(() => chooseFormat({ format: "csv" }))).toBe(
      'unknown format "csv": use one of mermaid, markdown, svg, png, pdf, xlsx, pptx, drawio, drawio-svg, vsdx',
    );
    expect(usageError(() => chooseFormat({ format: "__proto__" }))).toMatch(/^unknown format "__proto__"/);
    expect(usageError(() => chooseFormat({ format: "mermaid", engine: "mermaid-cli" }))).toBe(
      "--engine applies to svg, png and pdf, not to mermaid: mermaid-cli draws only those",
    );
    expect(usageError(() => chooseFormat({ format: "svg", engine: "toString" }))).toBe(
      'unknown engine "toString": use native, chrome or mermaid-cli',
    );
  });

  it("gives the help text its format list", () => {
    expect(formatHelp()).toBe(
      "mermaid (mmd), markdown (md), svg, png, pdf, xlsx (excel), pptx (powerpoint), drawio (diagrams.net), drawio-svg, vsdx (visio)",
    );
    const help = runCli(["render", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toContain(`-f, --format <format> ${formatHelp()}`);
    expect(help).toContain(".mmd .mermaid .md .markdown .svg .png .pdf .xlsx .pptx .drawio .drawio.svg .vsdx");
    // The longest extension wins: a .drawio.svg file is the draw.io picture, not the plain one.
    expect(formatOfPath("maps/hotel.drawio.svg")?.name).toBe("drawio-svg");
    expect(formatOfPath("maps/hotel.svg")?.name).toBe("svg");
  });

  it("exits 2 for render -o map.csv and writes nothing", () => {
    const run = runCli(["render", "docs/examples/hotel.journey.yaml", "-o", "test-artifacts/never.csv"]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(/^journeymap: --output "test-artifacts\/never.csv" ends in .csv, which is not a format/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

// Type tests: each `@ts-expect-error` fails the type check (tsconfig.test.json) if the line compiles.
const spec = renderFormats.svg;
export const missingFormat = {
  mermaid: renderFormats.mermaid,
  markdown: renderFormats.markdown,
  svg: spec,
  png: renderFormats.png,
  // @ts-expect-error a format listed in FORMAT_NAMES without an entry (pdf is missing)
} satisfies Record<FormatName, FormatSpec>;
export const engineWithoutRenderer = {
  ...spec,
  // @ts-expect-error an engine listed without the function that draws it
  engines: [{ engine: "native" }],
} satisfies FormatSpec;
export const binaryDrawnAsText = {
  ...renderFormats.png,
  engines: [{ engine: "native", draw: () => "not bytes" }],
  // @ts-expect-error a binary format whose renderer returns text
} satisfies FormatSpec;
export const unknownEngine = {
  ...spec,
  // @ts-expect-error an engine that does not exist
  engines: [{ engine: "graphviz", draw: () => "<svg/>" }],
} satisfies FormatSpec;
export const noEngine = {
  ...spec,
  // @ts-expect-error a format no engine can draw
  engines: [],
} satisfies FormatSpec;
