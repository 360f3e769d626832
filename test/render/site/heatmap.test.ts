// The portfolio heat map: a diverging scale centred on neutral that reads in greyscale and for colour-blind
// readers (checked by simulation), numbers that contrast with their cells, stages aligned across maps by
// id, full names in tooltips, every text escaped, and linear in the maps' stages whatever a map holds.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  heatColor,
  inkOn,
  MAX_STAGE_COLUMNS,
  renderHeatmap,
  SCORE_COLORS,
  stageColumns,
} from "../../../src/render/site/heatmap.js";
import { contrast } from "../../../src/render/svg/themes.js";
import type { MapFacts } from "../../../src/workspace/facts.js";

type StageSpec = [id: string, emotion: number | undefined, name?: string];

function facts(title: string, stages: StageSpec[]): MapFacts {
  return {
    file: `${title}.journey.yaml`,
    id: title,
    title,
    personas: [],
    teams: [],
    links: [],
    uses: [],
    owners: [],
    stages: stages.map(([id, emotion, name]) => ({
      id,
      name: name ?? id[0]!.toUpperCase() + id.slice(1),
      touchpoints: 5,
      ...(emotion !== undefined ? { emotion } : {}),
    })),
    touchpoints: stages.length * 5,
    painPoints: 0,
    opportunities: 0,
  };
}

// Colour science for the tests: sRGB to linear, CIELAB L*, and Machado, Oliveira & Fernandes (2009),
// "A Physiologically-based Model for Simulation of Color Vision Deficiency", severity 1.0 matrices
// (applied to linear RGB).
const MACHADO: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const linear = (color: string): number[] =>
  [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
const lightnessOfLinear = ([r, g, b]: number[]): number => {
  const y = Math.min(1, Math.max(0, 0.2126 * r! + 0.7152 * g! + 0.0722 * b!));
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
};
/** L* of a colour as a reader sees it: with full colour vision ("normal") or with a simulated deficiency. */
function lightness(color: string, vision: string): number {
  const rgb = linear(color);
  const matrix = MACHADO[vision];
  const seen = matrix ? matrix.map((row) => row.reduce((sum, k, i) => sum + k * rgb[i]!, 0)) : rgb;
  return lightnessOfLinear(seen.map((c) => Math.min(1, Math.max(0, c))));
}

describe("the heat map's colours", () => {
  for (const vision of ["normal", "protanopia", "deuteranopia", "tritanopia"]) {
    it(`tells every whole score from every other by lightness alone (${vision}, in greyscale)`, () => {
      const l = [1, 2, 3, 4, 5].map((score) => lightness(heatColor(score), vision));
      for (let a = 0; a < 5; a++)
        for (let b = a + 1; b < 5; b++) expect(Math.abs(l[a]! - l[b]!), `${a + 1} vs ${b + 1}`).toBeGreaterThan(10);
      // Diverging from neutral: lighter towards 3 from below, darker away from 3 above, step by step.
      const steps = Array.from({ length: 41 }, (_, i) => lightness(heatColor(1 + i / 10), vision));
      for (let i = 1; i <= 20; i++) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
      for (let i = 21; i <= 40; i++) expect(steps[i]!).toBeLessThan(steps[i - 1]!);
      // The ends do not meet in the same grey: very negative is much darker than very positive.
      expect(l[4]! - l[0]!).toBeGreaterThan(25);
    });
  }

  it("centres on a near-white neutral grey, not a warning colour, and uses two hues for the two sides", () => {
    expect(heatColor(3)).toBe("#f7f7f7");
    const [r1, , b1] = linear(heatColor(1));
    const [r5, , b5] = linear(heatColor(5));
    expect(r1! > b1!).toBe(true); // warm below neutral
    expect(b5! > r5!).toBe(true); // cool above
  });

  it("writes each number in an ink with WCAG contrast of 4.5:1 or more on any cell colour", () => {
    for (let i = 0; i <= 400; i++) {
      const fill = heatColor(1 + i / 100);
      expect(contrast(inkOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
    }
    expect(SCORE_COLORS.map(inkOn)).toEqual(["#ffffff", "#ffffff", "#000000", "#000000", "#000000"]);
  });
});

interface Parsed {
  texts: string[];
  titles: string[];
}
function parse(svg: string): Parsed {
  expect(XMLValidator.validate(svg)).toBe(true);
  const texts: string[] = [];
  const titles: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, key));
    if (typeof node === "string" || typeof node === "number") {
      if (key === "text") texts.push(String(node));
      if (key === "title") titles.push(String(node));
      return;
    }
    if (node && typeof node === "object")
      for (const [child, value] of Object.entries(node)) {
        if (child === "#text") walk(value, key);
        else if (!child.startsWith("@_")) walk(value, child);
      }
  };
  walk(new XMLParser({ parseTagValue: false, ignoreAttributes: false }).parse(svg), "");
  return { texts, titles };
}

describe("the heat map", () => {
  it("lines stages up by id across maps, heads each column with its name, and shows — where a map has no such stage", () => {
    const svg = renderHeatmap([
      facts("checkout", [
        ["awareness", 4],
        ["decision", 2.4],
        ["retention", undefined],
      ]),
      facts("delivery", [
        ["decision", 3],
        ["retention", 5],
      ]),
    ]);
    const { texts, titles } = parse(svg);
    expect(texts.slice(texts.indexOf("Awareness"), texts.indexOf("Retention") + 1)).toEqual([
      "Awareness",
      "Decision",
      "Retention",
    ]);
    // checkout's row, then delivery's: its awareness cell is empty, not shifted.
    const cells = texts.slice(texts.indexOf("checkout"));
    expect(cells.slice(0, 4)).toEqual(["checkout", "4.0", "2.4", "no score"]);
    expect(cells.slice(4, 8)).toEqual(["delivery", "—", "3.0", "5.0"]);
    expect(titles).toContain("checkout · Decision: 2.4 (5 touchpoints)");
    expect(titles).toContain("delivery · Awareness: not a stage of this map");
    expect(titles).toContain("checkout · Retention: no emotion recorded (5 touchpoints)");
  });

  it("orders the columns as the configuration's stages, then the others where the maps put them", () => {
    const maps = [
      facts("a", [
        ["decision", 3],
        ["onboarding", 3],
        ["awareness", 3],
      ]),
      facts("b", [
        ["discovery", 3],
        ["awareness", 3],
        ["advocacy", 3],
      ]),
    ];
    const funnel = ["awareness", "consideration", "decision", "retention", "advocacy"];
    expect(stageColumns(maps, funnel).columns.map((column) => column.id)).toEqual([
      "discovery",
      "awareness",
      "decision",
      "onboarding",
      "advocacy",
    ]);
    expect(stageColumns(maps).columns.map((column) => column.id)).toEqual([
      "decision",
      "onboarding",
      "discovery",
      "awareness",
      "advocacy",
    ]);
  });

  it("heads a column with the name most maps give the stage", () => {
    const maps = [
      facts("a", [["pay", 3, "Pays"]]),
      facts("b", [["pay", 3, "Payment"]]),
      facts("c", [["pay", 3, "Payment"]]),
    ];
    expect(stageColumns(maps).columns).toEqual([{ id: "pay", name: "Payment" }]);
  });

  it("wraps long names onto up to three lines and keeps the full name in the header's tooltip", () => {
    const title = "FreshCart - first grocery order for a family of five in a new neighbourhood, on a slow phone";
    const stage = "Comparing delivery slots and substitutions";
    const { texts, titles } = parse(renderHeatmap([facts(title, [["compare", 3, stage]])]));
    expect(titles).toContain(title);
    expect(titles).toContain(`${stage} (compare)`);
    const row = texts.filter((text) => title.includes(text.replace(/…$/, "")) && text.length > 3);
    expect(row.length).toBeGreaterThan(1);
    expect(row.length).toBeLessThanOrEqual(3);
    expect(row.join(" ")).toContain("FreshCart - first grocery order");
    const header = texts.filter((text) => stage.includes(text) && text.length > 3);
    expect(header.join(" ")).toBe(stage);
  });

  it("has a legend of the five scores in words, and of the empty cells", () => {
    const { texts } = parse(renderHeatmap([facts("a", [["x", 3]])]));
    expect(texts).toEqual(
      expect.arrayContaining([
        "1",
        "very negative",
        "2",
        "negative",
        "3",
        "neutral",
        "4",
        "positive",
        "5",
        "very positive",
        "no touchpoints scored",
        "no such stage",
      ]),
    );
  });

  it("is valid XML with hostile names escaped and inert", () => {
    const name = 'First <order> & "co" \u202eevil\u0000';
    const svg = renderHeatmap([facts(name, [["s", 4, "<b>Pays</b>"]])]);
    const { texts, titles } = parse(svg);
    expect(texts).toContain("<b>Pays</b>");
    expect(titles.some((title) => title.startsWith('First <order> & "co"'))).toBe(true);
    expect(svg).toContain("First &lt;order&gt; &amp;");
    expect(svg).toContain("&#8238;");
    expect(svg).not.toMatch(/[\u0000\u202e]/);
    expect(renderHeatmap([facts(name, [["s", 4, "<b>Pays</b>"]])])).toBe(svg);
  });

  it("draws at most MAX_STAGE_COLUMNS columns and says how many it left out", () => {
    const many = facts(
      "Many",
      Array.from({ length: 1000 }, (_, i) => [`stage-${i}`, 3] as StageSpec),
    );
    const svg = renderHeatmap([many]);
    expect(svg.match(/data-score=/g)).toHaveLength(MAX_STAGE_COLUMNS);
    expect(svg).toContain(
      `${1000 - MAX_STAGE_COLUMNS} more stages are past the first ${MAX_STAGE_COLUMNS} columns and not shown.`,
    );
  });

  it("stays linear: 1,000 maps of 50 stages each with distinct ids, in well under the budget", () => {
    const maps = Array.from({ length: 1000 }, (_, m) =>
      facts(
        `map ${m}`,
        Array.from({ length: 50 }, (_, s) => [`s-${m}-${s}`, 2] as StageSpec),
      ),
    );
    const started = performance.now();
    const svg = renderHeatmap(maps);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(svg.length).toBeLessThan(1000 * MAX_STAGE_COLUMNS * 400);
  });
});
