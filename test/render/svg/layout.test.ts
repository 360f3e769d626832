// The layout itself, before any SVG: every text inside its box, no two texts or boxes overlapping,
// columns and lanes as the map says, and the emotion curve honest about gaps.
import { describe, expect, it } from "vitest";
import { layoutJourney, type Box, type Layout } from "../../../src/render/svg/layout.js";
import { inside, overlappingPairs } from "./geometry.js";
import { allMaps, examplePath, loadMap, loadText, stressPath } from "./maps.js";

const textArea = (text: Layout["texts"][number]) => ({
  x: text.x,
  y: text.top,
  width: text.width,
  height: text.height,
});
const boxNamed = (layout: Layout, id: string) => layout.boxes.find((box) => box.id === id);

describe.each(allMaps())("the layout of $name", ({ path }) => {
  const layout = layoutJourney(loadMap(path));
  const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };

  it("puts every text inside its box and every box inside the drawing", () => {
    const boxes = new Map(layout.boxes.map((box) => [box.id, box]));
    const misplaced = layout.texts.filter(
      (text) => !boxes.has(text.box) || !inside(textArea(text), boxes.get(text.box)!),
    );
    expect(misplaced).toEqual([]);
    expect(layout.boxes.filter((box) => !inside(box, drawing))).toEqual([]);
    expect(Number.isInteger(layout.width) && Number.isInteger(layout.height)).toBe(true);
  });

  it("overlaps no two texts and no two boxes", () => {
    expect(overlappingPairs(layout.texts.map((text) => ({ ...textArea(text), text: text.text })))).toEqual([]);
    expect(overlappingPairs(layout.boxes)).toEqual([]);
  });

  it("keeps every emotion point and its face inside the emotion lane", () => {
    const lanes = layout.boxes.filter((box) => box.surface === "emotion");
    for (const curve of layout.curves) {
      for (const point of curve.points) {
        const face = {
          x: point.x - layout.faceRadius - 1,
          y: point.y - layout.faceRadius - 1,
          width: 2 * layout.faceRadius + 2,
          height: 2 * layout.faceRadius + 2,
        };
        expect(
          lanes.some((lane) => inside(face, lane)),
          `${curve.name} at ${point.touchpoint}`,
        ).toBe(true);
      }
    }
  });
});

describe("columns and lanes", () => {
  it("gives each stage a column in the map's order, as wide as its touchpoints", () => {
    const journey = loadMap(examplePath("hotel"));
    const layout = layoutJourney(journey);
    const stages = journey.stages.map((_, s) => boxNamed(layout, `stage-${s + 1}`)!);
    expect(stages.map((box) => box.x)).toEqual([...stages.map((box) => box.x)].sort((a, b) => a - b));
    journey.stages.forEach((stage, s) => {
      const cards = layout.boxes.filter(
        (box) => box.surface === "touchpoint" && box.x >= stages[s]!.x && box.x < stages[s]!.x + stages[s]!.width,
      );
      expect(cards).toHaveLength(stage.touchpoints!.length);
      expect(stages[s]!.width).toBeCloseTo(cards.reduce((sum, card) => sum + card.width, 0) + 12 * (cards.length - 1));
    });
    const stay = stages[3]!;
    expect(stay.width).toBeGreaterThan(stages[0]!.width * 2);
  });

  it("shows the lanes top to bottom and leaves out a lane no touchpoint fills", () => {
    const lanes = (layout: Layout) =>
      layout.boxes
        .filter((box) => box.id.startsWith("lane-"))
        .sort((a, b) => a.y - b.y)
        .map((box) => box.id);
    expect(lanes(layoutJourney(loadMap(examplePath("freshcart"))))).toEqual([
      "lane-touchpoint",
      "lane-actions",
      "lane-thoughts",
      "lane-emotion",
      "lane-painPoints",
      "lane-opportunities",
      "lane-metrics",
    ]);
    expect(lanes(layoutJourney(loadMap(stressPath("one-touchpoint"))))).toEqual(["lane-touchpoint", "lane-emotion"]);
    expect(lanes(layoutJourney(loadMap(stressPath("no-touchpoints"))))).toEqual([]);
  });

  it("labels each lane and stage, and a touchpoint card holds its name, channel and owner's team", () => {
    const layout = layoutJourney(loadMap(examplePath("freshcart")));
    const textsIn = (id: string) => layout.texts.filter((text) => text.box === id).map((text) => text.text);
    expect(textsIn("lane-painPoints")).toEqual(["Pain points"]);
    expect(textsIn("stage-4")).toEqual(["Delivery and second order"]);
    expect(textsIn("t3-touchpoint")).toEqual(["Picks a delivery slot", "Channel: mobile app", "Owner: App team"]);
    expect(textsIn("t3-painPoints")).toEqual(["No evening slots this week"]);
    expect(layout.bullets.filter((bullet) => bullet.box === "t2-actions")).toHaveLength(2);
  });

  it("marks a touchpoint without an owner", () => {
    const layout = layoutJourney(loadMap(stressPath("gaps")));
    const card = boxNamed(layout, "t4-touchpoint")!;
    expect(card.missingOwner).toBe(true);
    expect(
      layout.texts.filter((text) => text.box === card.id && text.tone === "warning").map((text) => text.text),
    ).toEqual(["⚠ No owner"]);
    expect(layout.boxes.filter((box: Box) => box.missingOwner).map((box) => box.id)).toEqual(["t4-touchpoint"]);
  });

  it("flags an owner that is not a declared team the way it flags a missing one, as lint does", () => {
    const layout = layoutJourney(loadMap(stressPath("owners")));
    const textsIn = (id: string) => layout.texts.filter((text) => text.box === id);
    expect(textsIn("t1-touchpoint").map((text) => text.text)).toContain("Owner: Growth team");
    const warning = textsIn("t2-touchpoint").filter((text) => text.tone === "warning");
    expect(warning.map((text) => text.text).join(" ")).toBe("⚠ Owner growthh is not a declared team");
    expect(
      textsIn("t3-touchpoint")
        .filter((text) => text.tone === "warning")
        .map((text) => text.text),
    ).toEqual(["⚠ No owner"]);
    expect(layout.boxes.filter((box) => box.unknownOwner).map((box) => box.id)).toEqual(["t2-touchpoint"]);
    expect(layout.boxes.filter((box) => box.missingOwner).map((box) => box.id)).toEqual(["t3-touchpoint"]);
  });

  it("grows boxes for long text instead of letting it out", () => {
    const layout = layoutJourney(loadMap(stressPath("long-text")));
    const title = layout.texts.filter((text) => text.box === "header" && text.size === 22);
    expect(title.length).toBeGreaterThan(1);
    const card = boxNamed(layout, "t1-touchpoint")!;
    expect(layout.texts.filter((text) => text.box === card.id).length).toBeGreaterThan(6);
  });
});

describe("the emotion curve", () => {
  const layout = layoutJourney(loadMap(stressPath("gaps")));
  const curve = (name: string) => layout.curves.find((candidate) => candidate.name === name)!;
  const runs = (name: string) =>
    curve(name).segments.map((segment) => segment.map((point) => `${point.touchpoint} ${point.score}`));

  it("joins consecutive scores and leaves a gap where a touchpoint has none or the persona is not there", () => {
    expect(runs("Ana")).toEqual([
      ["Hears about it 4", "Reads the website 2"],
      ["Visits the store 5"],
      ["Gets the receipt 3"],
    ]);
    expect(runs("Ben")).toEqual([
      ["Hears about it 4", "Reads the website 3"],
      ["Pays at the till 1", "Gets the receipt 3"],
    ]);
    expect(runs("Chen")).toEqual([["Hears about it 4"], ["Visits the store 5"], ["Gets the receipt 3"]]);
    expect(runs("Dev")).toEqual([["Hears about it 4"], ["Gets the receipt 3"]]);
  });

  it("places higher scores higher, one step per point, and the same score at the same height", () => {
    const points = layout.curves.flatMap((candidate) => candidate.points);
    const yOf = (score: number) => new Set(points.filter((point) => point.score === score).map((point) => point.y));
    for (const score of [1, 3, 4, 5]) expect(yOf(score).size).toBe(1);
    const [one, three, four, five] = [1, 3, 4, 5].map((score) => [...yOf(score)][0]!);
    expect(one).toBeGreaterThan(three!);
    expect(three! - four!).toBeCloseTo(four! - five!);
  });

  it("sets personas side by side within a touchpoint so equal scores never hide each other", () => {
    const atFirst = layout.curves.map((candidate) => candidate.points[0]!);
    expect(new Set(atFirst.map((point) => point.x)).size).toBe(7);
    const xs = atFirst.map((point) => point.x).sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(2 * layout.faceRadius);
  });
});

describe("a map with more personas than curves", () => {
  const personas = Array.from(
    { length: 10 },
    (_, p) => `  - {id: p${p}, name: ${p === 0 ? "A".repeat(500) : `P${p}`}}`,
  );
  const layout = layoutJourney(
    loadText(
      [
        "journeymap: 1",
        "title: Ten personas",
        "personas:",
        ...personas,
        "stages:",
        "  - {id: s, name: S, touchpoints: [{name: One, emotion: 4}, {name: Two, emotion: 2}]}",
      ].join("\n"),
    ),
  );

  it("draws the first 8 curves, says so under the lane's label, and gives only those personas a key", () => {
    expect(layout.curves.map((curve) => curve.persona)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(layout.curves.every((curve) => curve.points.length === 2)).toBe(true);
    const label = layout.texts.filter((text) => text.box === "lane-emotion" && text.tone === "muted");
    expect(
      label
        .map((text) => text.text)
        .join(" ")
        .startsWith("Curves of the first 8 of 10 personas"),
    ).toBe(true);
    expect(layout.swatches.map((swatch) => swatch.persona)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("cuts a long name short in the curve's tooltips, so a name is not repeated at length for every point", () => {
    expect(layout.curves[0]!.name).toBe(`${"A".repeat(80)}…`);
    expect(layout.curves[1]!.name).toBe("P1");
  });
});
