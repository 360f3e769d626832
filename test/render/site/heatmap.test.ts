// The portfolio heat map: readable in greyscale (lightness rises with the score), the numbers in the
// cells, every text escaped, and linear in the maps' stages whatever a map holds.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { heatColor, luminance, MAX_STAGE_COLUMNS, renderHeatmap } from "../../../src/render/site/heatmap.js";
import type { MapFacts } from "../../../src/workspace/facts.js";

function facts(title: string, stages: Array<[string, number | undefined]>): MapFacts {
  return {
    file: `${title}.journey.yaml`,
    id: title,
    title,
    personas: [],
    teams: [],
    links: [],
    uses: [],
    owners: [],
    stages: stages.map(([name, emotion], i) => ({
      id: `s${i}`,
      name,
      touchpoints: 1,
      ...(emotion !== undefined ? { emotion } : {}),
    })),
    touchpoints: stages.length,
    painPoints: 0,
    opportunities: 0,
  };
}

describe("the heat map", () => {
  it("gets lighter with every step of the score, enough to tell the scores apart in greyscale", () => {
    const steps = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5].map((score) => luminance(heatColor(score)));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
    const whole = [1, 2, 3, 4, 5].map((score) => luminance(heatColor(score)));
    for (let i = 1; i < whole.length; i++) expect(whole[i]! - whole[i - 1]!).toBeGreaterThan(0.08);
  });

  it("writes each stage's name and average in its cell, and is valid XML with the map text escaped", () => {
    const svg = renderHeatmap([
      facts("First <order> & co", [
        ["Awareness", 4],
        ["Pays", 2.5],
        ["Unscored", undefined],
      ]),
    ]);
    expect(XMLValidator.validate(svg)).toBe(true);
    const texts = (
      new XMLParser({ parseTagValue: false }).parse(svg) as { svg: { text: Array<string | number> } }
    ).svg.text.map(String);
    expect(texts).toEqual(
      expect.arrayContaining(["First <order> & co", "Awareness", "4.0", "Pays", "2.5", "no emotion"]),
    );
    expect(svg).toContain("First &lt;order&gt; &amp; co");
  });

  it("draws at most MAX_STAGE_COLUMNS stages of a map and says how many it left out", () => {
    const many = facts(
      "Many",
      Array.from({ length: 1000 }, (_, i) => [`Stage ${i}`, 3] as [string, number]),
    );
    const svg = renderHeatmap([many]);
    expect(svg.match(/data-score=/g)).toHaveLength(MAX_STAGE_COLUMNS);
    expect(svg).toContain(
      `${1000 - MAX_STAGE_COLUMNS} stages are past the first ${MAX_STAGE_COLUMNS} of a map and not shown.`,
    );
  });
});
