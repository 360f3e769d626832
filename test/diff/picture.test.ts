// The picture of a change (`diff --format svg|png`), read back with an XML parser: the right cards
// marked, removed touchpoints ghosted where they were, changed lines highlighted, the old emotion curve
// dashed under the new one, a legend; every mark told by an icon, a word and a line pattern besides its
// colour; hostile text inert; the same bytes every time; and the PNG a real PNG.
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { diffFormats, diffPicture, type ComparedMap } from "../../src/diff/index.js";
import { loadJourney, type LoadedJourney } from "../../src/journey/load.js";
import { contrast, THEMES } from "../../src/render/svg/themes.js";
import { MARK_COLORS } from "../../src/render/svg/marks.js";
import { pngSize } from "../helpers/render-checks.js";
import { cardText, parse, walk, type Element } from "../render/svg/xml.js";
import { comparedMap as compared, loadSide as load } from "./pictures.js";

const svgOf = (map: ComparedMap, theme: "light" | "dark" = "light") =>
  diffFormats.svg.draw(map, { color: false, theme });
const elements = (root: Element, name: string) => [...walk(root)].filter((element) => element.name === name);
const attribute = (root: Element, name: string) =>
  [...walk(root)].filter((element) => element.attributes[name] !== undefined);
/** Each marked card's id and mark, in document order. */
const marksOf = (root: Element): Record<string, string> =>
  Object.fromEntries(
    elements(root, "rect")
      .filter((rect) => rect.attributes["data-mark"] && rect.attributes["data-card"])
      .map((rect): [string, string] => [rect.attributes["data-card"]!, rect.attributes["data-mark"]!]),
  );

describe("the picture of as-is → to-be (a stage and a touchpoint added, one removed, three changed)", async () => {
  const map = compared(load("as-is-to-be", "old"), load("as-is-to-be", "new"), ["As-is", "To-be"]);
  const svg = await svgOf(map);
  const root = parse(svg);

  it("is well-formed XML, and the same bytes every time", async () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(await svgOf(structuredClone(map))).toBe(svg);
  });

  it("marks exactly the cards that changed, with an icon and a word on each", () => {
    // t1 search (same), t2 book, t3 mobile check-in (new, in the new stage), t4 queue (removed, where it
    // was: first in "The stay"), t5 room (moved before the key), t6 key, renamed, t7 review (same).
    expect(marksOf(root)).toEqual({
      "stage-3": "added",
      "t2-touchpoint": "changed",
      "t3-touchpoint": "added",
      "t4-touchpoint": "removed",
      "t5-touchpoint": "changed",
      "t6-touchpoint": "changed",
    });
    expect(cardText(root, "stage-3")).toBe("✚ Added stage Before arrival");
    expect(cardText(root, "t3-touchpoint")).toBe("✚ Added Checks in on the app Channel: mobile app Owner: App team");
    expect(cardText(root, "t4-touchpoint")).toBe("✖ Removed Queues at the front desk");
    expect(cardText(root, "t6-touchpoint")).toBe(
      "✎ Changed Opens the door with the phone Channel: mobile app Owner: App team " +
        "Renamed from “Gets a plastic key card” Channel was “front desk” Owner was “Front desk” " +
        "Priya, business traveller: 3 → 5",
    );
    expect(cardText(root, "t5-touchpoint")).toContain("Moved within its stage");
    expect(cardText(root, "t1-touchpoint")).toBe("Finds the hotel on a booking site Channel: web Owner: Web team");
  });

  it("ghosts the removed touchpoint where it was: hatched, dashed, no lanes, no owner warning", () => {
    const ghosts = elements(root, "rect").filter(
      (rect) => rect.attributes["data-mark"] === "removed" && rect.attributes["data-card"],
    );
    expect(ghosts.map((rect) => rect.attributes["data-card"])).toEqual(["t4-touchpoint"]);
    expect(ghosts[0]!.attributes).toMatchObject({ fill: "url(#journeymap-removed)", "stroke-dasharray": "4 4" });
    expect(elements(root, "pattern").map((pattern) => pattern.attributes.id)).toEqual(["journeymap-removed"]);
    // Its pain point and opportunity went with it; the new map's own cards stay.
    expect(cardText(root, "t4-painPoints")).toBe("");
    expect(cardText(root, "t4-touchpoint")).not.toContain("Owner");
    // Where it was: the first card of "The stay", before the touchpoint that followed it in the old map.
    const x = (id: string) =>
      Number(elements(root, "rect").find((r) => r.attributes["data-card"] === id)!.attributes.x);
    expect(x("stage-4")).toBe(x("t4-touchpoint"));
    expect(x("t4-touchpoint")).toBeLessThan(x("t5-touchpoint"));
  });

  it("tells the three marks apart without colour: each has its own border width and dash", () => {
    const borders = ["added", "changed", "removed"].map((mark) => {
      const rect = elements(root, "rect").find((r) => r.attributes["data-mark"] === mark)!;
      return `${rect.attributes["stroke-width"]} ${rect.attributes["stroke-dasharray"] ?? "solid"}`;
    });
    expect(new Set(borders).size).toBe(3);
  });

  it("highlights the changed lines: renamed name, channel and owner, the changed metric", () => {
    expect(
      attribute(root, "data-highlight").map((g) => `${g.attributes["data-in"]} ${g.attributes["data-highlight"]}`),
    ).toEqual(["t6-touchpoint name", "t6-touchpoint channel", "t6-touchpoint owner", "t2-metrics metrics#1"]);
    // A highlight is a band with a bar at its left edge: a shape, not only a tint.
    for (const highlight of attribute(root, "data-highlight")) expect(elements(highlight, "rect")).toHaveLength(2);
  });

  it("draws the old emotion curve dashed, under the new one, with a hollow dot where it differs", () => {
    const old = attribute(root, "data-old-persona");
    // Only Priya: the Okafors are new in the to-be map and have no old curve.
    expect(old.map((g) => g.attributes["data-old-persona"])).toEqual(["1"]);
    const lines = elements(old[0]!, "polyline");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.attributes["stroke-dasharray"]).toBe("3 3");
    expect(attribute(old[0]!, "data-old-score").map((dot) => elements(dot, "title")[0]!.text)).toEqual([
      "Priya, business traveller at “Books a room” in “As-is”: 3 (neutral)",
      "Priya, business traveller at “Queues at the front desk” in “As-is”: 1 (very negative)",
      "Priya, business traveller at “Opens the door with the phone” in “As-is”: 3 (neutral)",
    ]);
    // Under: every old curve comes before every new one in document order.
    const order = [...walk(root)];
    const firstNew = order.findIndex((element) => element.attributes["data-persona"] !== undefined);
    expect(order.indexOf(old[0]!)).toBeLessThan(firstNew);
    // The new curve is not broken by the ghost: one solid segment through all of Priya's touchpoints.
    const priya = attribute(root, "data-persona").find((g) => g.attributes["data-persona"] === "1")!;
    expect(elements(priya, "polyline")).toHaveLength(1);
  });

  it("has a legend naming both versions, with a sample of every mark and of both curves", () => {
    expect(cardText(root, "legend")).toBe(
      "Changes from “As-is” to “To-be” ✚ Added touchpoint or stage ✎ Changed touchpoint or stage " +
        "✖ Removed, shown where it was Changed line (bar at its left) Emotion in “To-be” (solid, faces) " +
        "Emotion in “As-is” (thin dashes, hollow dots where it differs)",
    );
    expect(attribute(root, "data-sample").map((sample) => sample.attributes["data-sample"])).toEqual([
      "added",
      "changed",
      "removed",
      "highlight",
      "new-curve",
      "old-curve",
    ]);
  });

  it("as PNG: a real PNG of the picture's size at --scale", async () => {
    const png = await diffFormats.png.draw(map, { color: false, scale: 1 });
    const width = Number(root.attributes.width);
    const height = Number(root.attributes.height);
    expect(pngSize(png)).toEqual({ width: Math.ceil(width), height: Math.ceil(height) });
  });
});

describe("the picture of other changes", () => {
  it("a map with one title says before and after in its legend", async () => {
    const root = parse(await svgOf(compared(load("freshcart-moved", "old"), load("freshcart-moved", "new"))));
    expect(cardText(root, "legend")).toContain("Changes to this map");
    expect(cardText(root, "legend")).toContain("Emotion before the change");
    expect(marksOf(root)).toEqual({ "t3-touchpoint": "changed", "t6-touchpoint": "changed" });
    expect(cardText(root, "t3-touchpoint")).toContain("Moved from stage “First order”");
    expect(
      attribute(root, "data-highlight").map((g) => `${g.attributes["data-in"]} ${g.attributes["data-highlight"]}`),
    ).toEqual(["t6-touchpoint owner", "t3-painPoints painPoints#2", "t3-metrics metrics#1"]);
  });

  it("a deleted map: every stage and touchpoint a ghost, the old curve alone", async () => {
    const root = parse(await svgOf(compared(load("as-is-to-be", "old"), undefined)));
    const marks = Object.values(marksOf(root));
    expect(marks).toHaveLength(4 + 6);
    expect(new Set(marks)).toEqual(new Set(["removed"]));
    expect(attribute(root, "data-persona").flatMap((g) => elements(g, "polyline"))).toEqual([]);
    expect(attribute(root, "data-old-score").map((dot) => dot.attributes["data-old-score"])).toEqual([
      "3",
      "3",
      "1",
      "3",
      "4",
      "4",
    ]);
  });

  it("an added map: every stage and touchpoint added, no old curve", async () => {
    const root = parse(await svgOf(compared(undefined, load("as-is-to-be", "new"))));
    const marks = Object.values(marksOf(root));
    expect(marks).toHaveLength(5 + 6);
    expect(new Set(marks)).toEqual(new Set(["added"]));
    expect(attribute(root, "data-old-persona")).toEqual([]);
  });

  it("a removed stage comes back as a ghost column where it was, with its removed touchpoints", () => {
    const text = (stages: string) =>
      loadJourney(`journeymap: 1\ntitle: T\npersonas: [{id: p, name: P}]\nstages:\n${stages}`, {
        file: "t.journey.yaml",
      });
    const before = text(
      "  - {id: a, name: A, touchpoints: [{id: a1, name: A1, emotion: 3}]}\n" +
        "  - {id: b, name: B, touchpoints: [{id: b1, name: B1, emotion: 2}, {id: b2, name: B2}]}\n" +
        "  - {id: c, name: C, touchpoints: [{id: c1, name: C1, emotion: 4}]}\n",
    );
    const after = text(
      "  - {id: a, name: A, touchpoints: [{id: a1, name: A1, emotion: 3}, {id: b2, name: B2}]}\n" +
        "  - {id: c, name: C, touchpoints: [{id: c1, name: C1, emotion: 4}]}\n",
    );
    const picture = diffPicture(before.journey, after.journey, { old: "old", new: "new" });
    expect(picture.journey.stages.map((stage) => [stage.id, stage.touchpoints!.map((t) => t.name)])).toEqual([
      ["a", ["A1", "B2"]],
      ["b", ["B1"]],
      ["c", ["C1"]],
    ]);
    expect([...picture.marks.stages]).toEqual([[1, { kind: "removed" }]]);
    expect([...picture.marks.touchpoints]).toEqual([
      [1, expect.objectContaining({ kind: "changed", notes: ["Moved from stage “B”"] })],
      [2, { kind: "removed", oldEmotion: { p: 2 } }],
    ]);
    // The map given is not changed.
    expect(after.journey!.stages.map((stage) => stage.touchpoints!.length)).toEqual([2, 1]);
  });
});

describe("hostile text in the picture of a change", () => {
  const hostileLabels: [string, string] = ["</text><script>alert(1)</script>", 'To-be" onload="alert(2)'];

  it("stays text: notes, legend labels and tooltips read back as written, nothing active", async () => {
    const map = compared(load("hostile", "old"), load("hostile", "new"), hostileLabels);
    for (const theme of ["light", "dark"] as const) {
      const svg = await svgOf(map, theme);
      expect(XMLValidator.validate(svg)).toBe(true);
      const root = parse(svg);
      for (const element of walk(root)) {
        expect(["script", "foreignObject", "iframe", "a", "image", "use", "style"]).not.toContain(element.name);
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name).not.toMatch(/^on|href$/i);
          // The one url() is the removed cards' hatch pattern, defined in the picture itself.
          if (name !== "xmlns")
            expect(value.replace("url(#journeymap-removed)", "")).not.toMatch(/url\(|https?:|javascript:/i);
        }
      }
      expect(cardText(root, "legend")).toContain(`Changes from “${hostileLabels[0]}” to “${hostileLabels[1]}”`);
    }
  });

  it("a persona id that names an Object property (constructor) finds no old score it does not have", async () => {
    const map = (emotion: string) =>
      loadJourney(
        `journeymap: 1\ntitle: T\npersonas: [{id: constructor, name: P}]\nstages:\n  - {id: s, name: S, touchpoints: [{id: t, name: T${emotion}}]}\n`,
        { file: "t.journey.yaml" },
      );
    const svg = await svgOf(compared(map(""), map(", emotion: 4")));
    expect(svg).not.toContain("NaN");
    expect(attribute(parse(svg), "data-old-score")).toEqual([]);
  });
});

describe("the marks' colours", () => {
  it("keep every text tone readable (WCAG AA) on a highlighted line, in both themes", () => {
    for (const theme of Object.values(THEMES))
      for (const [tone, color] of Object.entries(theme.tones))
        expect(contrast(color, MARK_COLORS[theme.name].highlight), `${theme.name} ${tone}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe("the picture's cost", () => {
  /** A map of `count` touchpoints in stages of 10; `changed` removes, changes and adds a third each. */
  function generated(count: number, changed: boolean): LoadedJourney {
    const lines = ["journeymap: 1", "title: Generated", "personas: [{id: a, name: A}, {id: b, name: B}]", "stages:"];
    for (let t = 0; t < count; t++) {
      if (t % 10 === 0) lines.push(`  - id: s${t}`, `    name: Stage ${t}`, "    touchpoints:");
      const kind = changed ? t % 3 : -1;
      if (kind === 0) continue; // removed
      const name = kind === 1 ? `Renamed ${t}` : `T${t}`;
      const score = kind === 1 ? ((t + 2) % 5) + 1 : (t % 5) + 1;
      lines.push(
        `      - {id: t${t}, name: ${name}, owner: o${kind === 1 ? 2 : 1}, emotion: ${score}, painPoints: [P${t}]}`,
      );
      if (kind === 2) lines.push(`      - {id: n${t}, name: New ${t}, emotion: 3}`); // added
    }
    return loadJourney(`${lines.join("\n")}\n`, { file: "generated.journey.yaml" });
  }
  const fastest = async (run: () => Promise<unknown>, runs: number) => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };

  it("grows about linearly: twice the touchpoints take under 3× as much more time", async () => {
    // Both under the 200 changes a picture draws (MAX_CHANGES_DRAWN): the rest is cut, not drawn.
    const small = compared(generated(90, false), generated(90, true));
    const large = compared(generated(180, false), generated(180, true));
    const root = parse(await svgOf(large));
    // A third of the touchpoints removed (ghosts), a third changed, as many added.
    const marks = Object.values(marksOf(root));
    expect(marks.filter((mark) => mark === "removed")).toHaveLength(60);
    expect(marks.filter((mark) => mark === "added")).toHaveLength(60);
    expect(marks.filter((mark) => mark === "changed")).toHaveLength(60);
    // Alternated, the fastest of 7 each: a busy machine slows both alike, and the cold first runs
    // (compiling, the first picture's fonts) count for neither.
    let smallMs = Infinity;
    let largeMs = Infinity;
    for (let round = 0; round < 7; round++) {
      smallMs = Math.min(smallMs, await fastest(() => svgOf(small), 1));
      largeMs = Math.min(largeMs, await fastest(() => svgOf(large), 1));
    }
    expect(largeMs / smallMs, `${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(2 * 3);
  });
});
