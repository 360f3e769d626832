// The marks of a change are a layer over the lanes (issue 22): any lane that writes its cards through
// card.ts is marked with no code of its own, a lane of the registry by entry position, a declared lane by
// its id; without layers a card column writes exactly what a text column writes.
import { describe, expect, it } from "vitest";
import { CardColumn } from "../../../src/render/svg/card.js";
import { BODY, TextColumn } from "../../../src/render/svg/column.js";
import type { Box, Layout, PictureMarks } from "../../../src/render/svg/geometry.js";
import type { CardRef } from "../../../src/render/svg/lane.js";
import { marksLayer, marksLayout } from "../../../src/render/svg/marks-layer.js";

function emptyLayout(marks?: PictureMarks): Layout {
  return {
    width: 0,
    height: 0,
    title: "",
    summary: "",
    boxes: [],
    texts: [],
    bullets: [],
    bands: [],
    grid: [],
    curves: [],
    swatches: [],
    bars: [],
    faceRadius: 8,
    ...(marks ? { marks: marksLayout(marks)! } : {}),
    links: [],
  };
}

const card = (role: CardRef["role"], id: string): CardRef => ({
  on: "touchpoint",
  index: 0,
  role,
  id,
  x: 100,
  width: 200,
});

describe("the marks' layer", () => {
  const marks: PictureMarks = {
    touchpoints: new Map([
      [
        0,
        {
          kind: "changed",
          notes: ["Systems removed: “ERP”"],
          entries: { painPoints: new Set([1]) },
          lanes: new Map([["constructor", new Set([0])]]),
        },
      ],
    ]),
    stages: new Map([[0, { kind: "changed", lanes: new Map([["policies", new Set([0])]]) }]]),
    oldPersonas: new Set(),
    labels: { old: "a", new: "b" },
  };

  it("highlights the changed entries any lane reports, a declared lane's by its id, and nothing else", () => {
    const layout = emptyLayout(marks);
    const layers = [marksLayer(marks, layout)];
    const lane = new CardColumn(layout, card("lane", "t1-painPoints"), layers, 10).open();
    lane.entry("painPoints", 0, "Slow", BODY);
    lane.entry("painPoints", 1, "Queue", BODY);
    // A lane the registry does not know: nothing to highlight, and no lookup on a plain object's prototype.
    lane.entry("constructor", 0, "Proto", BODY);
    const declared = new CardColumn(layout, card("lane", "t1-lane-constructor"), layers, 10).open();
    declared.declaredEntry("constructor", 0, () => declared.bullet("CRM", BODY));
    declared.declaredEntry("constructor", 1, () => declared.bullet("PMS", BODY));
    // A stage's card in a lane: its declared lanes' entries by the stage's marks.
    const stage: CardRef = { on: "stage", index: 0, role: "lane", id: "s1-lane-policies", x: 100, width: 200 };
    const policies = new CardColumn(layout, stage, layers, 10).open();
    policies.declaredEntry("policies", 0, () => policies.paragraph("Rooms ready by 14:00", BODY));
    expect(layout.marks!.highlights.map((line) => [line.box, line.field])).toEqual([
      ["t1-painPoints", "painPoints#2"],
      ["t1-lane-constructor", "lane:constructor#1"],
      ["s1-lane-policies", "lane:policies#1"],
    ]);
  });

  it("puts the heading, the notes and the border on the header card only", () => {
    const layout = emptyLayout(marks);
    const layers = [marksLayer(marks, layout)];
    const header = new CardColumn(layout, card("header", "t1-touchpoint"), layers, 10).open();
    header.field("name", "Pays", BODY);
    const box: Box = { id: "t1-touchpoint", surface: "touchpoint", x: 100, y: 0, width: 200, height: 0 };
    header.close(box);
    const lane = new CardColumn(layout, card("lane", "t1-actions"), layers, 10).open();
    lane.entry("actions", 0, "Pays", BODY);
    const laneBox: Box = { id: "t1-actions", surface: "actions", x: 100, y: 0, width: 200, height: 0 };
    lane.close(laneBox);
    expect(layout.texts.filter((line) => line.box === "t1-touchpoint").map((line) => line.text)).toEqual([
      "✎ Changed",
      "Pays",
      "Systems removed: “ERP”",
    ]);
    expect(box.mark).toBe("changed");
    expect(laneBox.mark).toBeUndefined();
    expect(layout.texts.filter((line) => line.box === "t1-actions").map((line) => line.text)).toEqual(["Pays"]);
  });

  it("without layers, a card column writes what a text column writes", () => {
    const plain = emptyLayout();
    const text = new TextColumn(plain, "c", 110, 180, 10);
    text.paragraph("Pays at the till", BODY);
    text.bullet("Slow", BODY);
    const carded = emptyLayout();
    const column = new CardColumn(carded, card("header", "c"), undefined, 10).open();
    column.field("name", "Pays at the till", BODY);
    column.entry("painPoints", 0, "Slow", BODY);
    column.close({ id: "c", surface: "touchpoint", x: 100, y: 0, width: 200, height: 0 });
    expect(carded.texts).toEqual(plain.texts);
    expect(carded.bullets).toEqual(plain.bullets);
  });
});
