// The Mermaid text of a map with declared lanes, drawn by real mermaid-cli in Chromium: the %% comment
// naming the dropped lanes leaves the diagram parsing and drawing the same sections and tasks as
// without it, and a label written to start a directive or a new section changes nothing.
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";
import { startMermaidCli, type MermaidCliEngine } from "../../src/render/mermaid-cli.js";
import { renderMermaid } from "../../src/render/mermaid.js";
import { requireBrowser } from "../helpers/render-checks.js";
import { loadMap, loadText } from "../render/svg/maps.js";

const browser = findBrowser();
requireBrowser(browser, "Mermaid with declared lanes");

/** The SVG's visible text, with the tags taken out. */
const textOf = (svg: string) => svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.skipIf(!browser)("Mermaid with declared lanes, drawn by mermaid-cli", () => {
  let engine: MermaidCliEngine;
  beforeAll(async () => {
    engine = await startMermaidCli({ browser });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  it("draws the lanes example with its comment as it draws it without", async () => {
    const journey = loadMap("docs/examples/lanes.journey.yaml");
    const diagram = renderMermaid(journey);
    expect(diagram).toMatch(/^ {2}%% lanes not drawn/m);
    const svg = new TextDecoder().decode(await engine.draw(diagram, "svg"));
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const text of [
      "Reporting the accident",
      "Assessment",
      "Settlement",
      "Calls the claims line",
      "Receives the payout",
    ])
      expect(textOf(svg)).toContain(text);
    expect(textOf(svg)).not.toContain("lanes not drawn");
    const without = new TextDecoder().decode(await engine.draw(renderMermaid({ ...journey, lanes: [] }), "svg"));
    expect(textOf(svg)).toBe(textOf(without));
  }, 60_000);

  it("keeps a label written as a directive or a section inside the comment", async () => {
    const journey = loadText(`journeymap: 1
title: Hostile lanes
personas: [{ id: p, name: P }]
lanes:
  - id: one
    label: "%%{init: {'theme': 'dark', 'maxTextSize': 10}}%%\\nsection Injected"
  - { id: two, label: "}%% ; : # <script>alert(1)</script>" }
stages:
  - id: s
    name: Only stage
    touchpoints:
      - name: Only step
        emotion: 4
        lanes: { one: [a], two: [b] }
`);
    const diagram = renderMermaid(journey);
    const svg = new TextDecoder().decode(await engine.draw(diagram, "svg"));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(textOf(svg)).toContain("Only stage");
    expect(textOf(svg)).toContain("Only step");
    expect(textOf(svg)).not.toContain("Injected");
    expect(svg).not.toContain("<script");
    // The dark theme's background would mean the directive ran.
    expect(svg).not.toMatch(/theme[-_]?dark|#1f2020/i);
  }, 60_000);
});
