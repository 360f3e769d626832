// The picture of a change is capped as the text outputs are: it draws the journey up to its 200th
// change or 500th card and says in its legend how many changes it left out and which outputs list
// them all; a card's list lane draws 50 entries and a count of the rest. Read back with an XML parser.
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { diffFormats, diffPicture } from "../../src/diff/index.js";
import { MAX_CARDS_DRAWN, MAX_CHANGES_DRAWN, MAX_ENTRIES_DRAWN } from "../../src/diff/picture.js";
import { loadJourney, type LoadedJourney } from "../../src/journey/load.js";
import { cardText, parse, walk, type Element } from "../render/svg/xml.js";
import { comparedMap } from "./pictures.js";

const map = (stages: string): LoadedJourney =>
  loadJourney(`journeymap: 1\ntitle: T\npersonas: [{id: p, name: P}]\nstages:\n${stages}`, { file: "t.journey.yaml" });
/** One stage of `count` touchpoints, the i-th written by `touchpoint`. */
const stage = (count: number, touchpoint: (i: number) => string) =>
  `  - id: s\n    name: S\n    touchpoints:\n${Array.from({ length: count }, (_, i) => `      - ${touchpoint(i)}\n`).join("")}`;
const svgOf = async (before: LoadedJourney, after: LoadedJourney) => {
  const svg = await diffFormats.svg.draw(comparedMap(before, after), { color: false });
  expect(XMLValidator.validate(svg)).toBe(true);
  return parse(svg);
};
const marked = (root: Element, mark: string) =>
  [...walk(root)].filter((element) => element.attributes["data-card"] && element.attributes["data-mark"] === mark);
/** The legend's words without the spaces wrapping put in. */
const legend = (root: Element) => cardText(root, "legend").replace(/\s+/g, "");
const words = (text: string) => text.replace(/\s+/g, "");

describe("the picture of a change of thousands of touchpoints", () => {
  it("draws the first 200 changes in journey order and counts the rest in its legend", async () => {
    const version = (score: number) => map(stage(1200, (i) => `{id: t${i}, name: T${i}, emotion: ${score}}`));
    const root = await svgOf(version(2), version(4));
    expect(MAX_CHANGES_DRAWN).toBe(200);
    expect(marked(root, "changed")).toHaveLength(200);
    // The last card drawn is the 200th touchpoint; the 201st is not in the picture.
    expect(cardText(root, "t200-touchpoint")).toContain("T199");
    expect(cardText(root, "t201-touchpoint")).toBe("");
    expect(legend(root)).toContain(
      words("… and 1000 more changes not drawn (--format markdown or --format json lists them all)"),
    );
  });

  it("draws at most 500 cards when few of them changed, and counts the changes after the cut", async () => {
    const touchpoints = (last: string) => stage(1500, (i) => `{id: t${i}, name: ${i === 1499 ? last : `T${i}`}}`);
    const root = await svgOf(map(touchpoints("Old")), map(touchpoints("New")));
    expect(MAX_CARDS_DRAWN).toBe(500);
    // The stage's header is a card too.
    expect(cardText(root, `t${MAX_CARDS_DRAWN - 1}-touchpoint`)).toContain(`T${MAX_CARDS_DRAWN - 2}`);
    expect(cardText(root, `t${MAX_CARDS_DRAWN}-touchpoint`)).toBe("");
    expect(legend(root)).toContain(
      words("… and 1 more change not drawn (--format markdown or --format json lists them all)"),
    );
  });

  it("counts removed touchpoints and whole stages after the cut, and builds no marks for them", () => {
    const stages = (count: number, per: number) =>
      Array.from(
        { length: count },
        (_, s) =>
          `  - {id: s${s}, name: S${s}, touchpoints: [${Array.from({ length: per }, (_, t) => `{id: t${s}x${t}, name: T}`).join(", ")}]}\n`,
      ).join("");
    // 400 stages of 2 touchpoints removed and one stage added: 1,201 changes (a stage and its touchpoints each).
    const picture = diffPicture(map(stages(400, 2)).journey, map("  - {id: kept, name: K}\n").journey, {
      old: "old",
      new: "new",
    });
    expect(picture.marks.stages.size + picture.marks.touchpoints.size).toBe(200);
    expect(picture.marks.notDrawn).toBe(1201 - 200);
  });

  it("leaves a picture with fewer changes as it was: no note, every card", async () => {
    const version = (score: number) => map(stage(200, (i) => `{id: t${i}, name: T${i}, emotion: ${score}}`));
    const root = await svgOf(version(2), version(4));
    expect(marked(root, "changed")).toHaveLength(200);
    expect(legend(root)).not.toContain("notdrawn");
    expect(diffPicture(version(2).journey, version(4).journey, { old: "a", new: "b" }).marks.notDrawn).toBeUndefined();
  });
});

describe("a card whose list lane gained thousands of entries", () => {
  it("draws the first 50 and one highlighted line counting the rest", async () => {
    const painPoints = (count: number) => Array.from({ length: count }, (_, i) => `pain ${i}`).join(", ");
    const root = await svgOf(
      map(stage(1, () => `{id: t, name: T, painPoints: [${painPoints(3)}]}`)),
      map(stage(1, () => `{id: t, name: T, painPoints: [${painPoints(5000)}]}`)),
    );
    expect(MAX_ENTRIES_DRAWN).toBe(50);
    const texts = [...walk(root)].filter((element) => element.name === "text" && element.attributes["data-in"]);
    const lane = texts.filter((element) => element.attributes["data-in"] === "t1-painPoints");
    expect(lane.map((element) => element.text)).toEqual([
      ...Array.from({ length: 50 }, (_, i) => `pain ${i}`),
      "… and 4950 more",
    ]);
    // The new entries are highlighted (positions 3 to 49), and so is the count, which holds new ones.
    const highlighted = [...walk(root)]
      .filter((element) => element.attributes["data-highlight"]?.startsWith("painPoints#"))
      .map((element) => element.attributes["data-highlight"]);
    expect(highlighted).toEqual(Array.from({ length: 48 }, (_, i) => `painPoints#${i + 4}`));
  });
});
