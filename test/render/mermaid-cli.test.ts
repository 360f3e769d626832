// The mermaid-cli engine in a real Chromium: SVG that parses as XML and says what the map says, PNG
// at the asked scale, PDF; one browser and one page for every diagram of a run.
import { readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { findBrowser } from "../../src/render/browser.js";
import { startMermaidCli, type MermaidCliEngine } from "../../src/render/mermaid-cli.js";
import { MERMAID_MAX_TEXT_SIZE } from "../../src/render/mermaid.js";
import { renderMermaid } from "../../src/render/mermaid.js";
import { pngSize, requireBrowser } from "../helpers/render-checks.js";

const browser = findBrowser();
requireBrowser(browser, "mermaid-cli engine");

function mermaidOf(path: string): string {
  return renderMermaid(loadJourney(readFileSync(path), { file: path }).journey!);
}

/** Every text node of the SVG, in document order. */
function textsOf(svg: string): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "#text") texts.push(String(value));
        else walk(value);
      }
    }
  };
  walk(
    new XMLParser({
      preserveOrder: true,
      ignoreAttributes: true,
      trimValues: false,
      processEntities: true,
      htmlEntities: true,
    }).parse(svg),
  );
  return texts;
}

describe.skipIf(!browser)("mermaid-cli engine", () => {
  let engine: MermaidCliEngine;
  beforeAll(async () => {
    engine = await startMermaidCli({ browser });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  it("draws an SVG that parses as XML and carries the map's title, stages and touchpoints", async () => {
    const svg = new TextDecoder().decode(await engine.draw(mermaidOf("docs/examples/hotel.journey.yaml"), "svg"));
    expect(XMLValidator.validate(svg)).toBe(true);
    const texts = textsOf(svg);
    expect(texts).toContain("Harbour Hotel - a weekend stay");
    for (const text of [
      "Awareness",
      "The stay",
      "Books a room",
      "Asks for a corrected invoice",
      "Priya, business traveller",
    ])
      expect(texts).toContain(text);
    // No embedded font (mermaid-cli's page would bring Font Awesome and KaTeX): a journey SVG stays small.
    expect(svg).not.toContain("@font-face");
    expect(svg.length).toBeLessThan(100_000);
    expect(svg).toMatch(/^<svg[^>]* width="[\d.]+"[^>]* height="[\d.]+"/);
  });

  it("resolves Mermaid's entity codes: text full of # ; : , < > & reaches the picture intact", async () => {
    const svg = new TextDecoder().decode(
      await engine.draw(mermaidOf("test/fixtures/render/tricky.journey.yaml"), "svg"),
    );
    expect(XMLValidator.validate(svg)).toBe(true);
    const texts = textsOf(svg);
    expect(texts).toContain('Ticket #35; "quotes" & <b>bold</b>: 50% off %% now | pipes');
    expect(texts).toContain("Awareness: #1; 50% & <more>");
    expect(texts).toContain("Dana, working parent: #1 fan; <admin>");
    expect(texts).toContain("مريم، مسافرة");
  });

  it("gives the same SVG bytes for the same map, whatever was drawn before", async () => {
    const hotel = mermaidOf("docs/examples/hotel.journey.yaml");
    const first = await engine.draw(hotel, "svg");
    await engine.draw(mermaidOf("examples/freshcart.journey.yaml"), "png");
    expect(Buffer.from(await engine.draw(hotel, "svg")).equals(Buffer.from(first))).toBe(true);
  });

  it("draws a PNG at the asked scale (1 by default, as the CLI's --scale)", async () => {
    const definition = mermaidOf("examples/freshcart.journey.yaml");
    const svg = new TextDecoder().decode(await engine.draw(definition, "svg"));
    const width = Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
    const height = Number(/^<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);
    const png = await engine.draw(definition, "png");
    expect(pngSize(png)).toEqual({ width: Math.ceil(width), height: Math.ceil(height) });
    const large = await engine.draw(definition, "png", { scale: 3 });
    expect(pngSize(large)).toEqual({ width: Math.ceil(width) * 3, height: Math.ceil(height) * 3 });
  });

  it("draws a one-page PDF", async () => {
    const pdf = Buffer.from(await engine.draw(mermaidOf("docs/examples/hotel.journey.yaml"), "pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-7).toString("latin1")).toContain("%%EOF");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  });

  it("reports a diagram Mermaid cannot draw as an error and stays usable", async () => {
    await expect(engine.draw("journey\n  section\n  : : :\n", "svg")).rejects.toThrow(
      /Mermaid could not draw the diagram/,
    );
    const svg = new TextDecoder().decode(await engine.draw(mermaidOf("docs/examples/hotel.journey.yaml"), "svg"));
    expect(textsOf(svg)).toContain("Books a room");
  });

  it("refuses Mermaid's 'Maximum text size in diagram exceeded' picture instead of returning it", async () => {
    const touchpoints = Array.from({ length: 1500 }, (_, i) => `    Touchpoint number ${i} of a long map: 3: Dana`);
    const definition = `journey\n  title Long\n  section One\n${touchpoints.join("\n")}\n`;
    expect(definition.length).toBeGreaterThan(MERMAID_MAX_TEXT_SIZE);
    await expect(engine.draw(definition, "svg")).rejects.toThrow(
      `the diagram is ${definition.length} characters, above Mermaid's limit of 50000, and Mermaid drew only "Maximum text size in diagram exceeded": draw the journey-map picture with --engine native`,
    );
  });

  it("refuses any picture that is not the journey diagram (another diagram type is never written)", async () => {
    await expect(engine.draw("flowchart LR\n  a --> b\n", "png")).rejects.toThrow(
      "Mermaid drew a flowchart-v2 picture instead of the journey diagram",
    );
  });
});
