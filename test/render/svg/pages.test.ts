// The picture on paper (renderPages): pages of the paper's size, read back with an XML parser; each
// touchpoint on exactly one page, the lane labels on every page, no text under 6 pt, a footer on each.
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { JourneymapError } from "../../../src/errors.js";
import { MAX_PAGES, MIN_TEXT_PT, PAPER_NAMES, paperSize, renderPages } from "../../../src/render/svg/pages.js";
import { pageFile } from "../../../src/render/runner.js";
import { loadMap, loadText } from "./maps.js";
import { parse, walk, type Element } from "./xml.js";

const WIDE = "test/fixtures/print/wide.journey.yaml";
const wide = loadMap(WIDE);
const footer = { file: WIDE, version: "commit 1a2b3c4 (2026-12-07)", tool: "journeymap 0.1.0" };

/** A page's texts, each with the size it is printed at in points (its font size times the page's scale). */
function textsOf(svg: string): Array<{ text: string; points: number; card: string }> {
  const root = parse(svg);
  const scale = Number(/scale\(([\d.]+)\)/.exec(svg)![1]);
  const texts: Array<{ text: string; points: number; card: string }> = [];
  const visit = (element: Element, inPage: boolean) => {
    if (element.name === "text") {
      const size = Number(element.attributes["font-size"]);
      texts.push({
        text: element.text,
        points: inPage ? size * scale : size,
        card: element.attributes["data-in"] ?? "",
      });
    }
    for (const child of element.children) visit(child, inPage || element.name === "g");
  };
  visit(root, false);
  return texts;
}

describe("renderPages", () => {
  const pages = renderPages(wide, { paper: "a4", footer });

  it("prints the wide map (13 touchpoints) on 4 A4 landscape pages of 841.89 × 595.28 pt", () => {
    expect(pages).toHaveLength(4);
    for (const page of pages) {
      expect(page.width).toBe(841.89);
      expect(page.height).toBe(595.28);
      expect(XMLValidator.validate(page.svg)).toBe(true);
      const root = parse(page.svg);
      expect([root.attributes.width, root.attributes.height]).toEqual(["841.89", "595.28"]);
    }
  });

  it("puts every touchpoint on exactly one page, and the lane labels on every page", () => {
    const touchpoints = wide.stages.flatMap((stage) => stage.touchpoints ?? []);
    expect(touchpoints).toHaveLength(13);
    const onPage = pages.map((page) =>
      textsOf(page.svg)
        .filter((text) => /^t\d+-touchpoint$/.test(text.card))
        .map((text) => text.text)
        .join(" "),
    );
    for (const touchpoint of touchpoints) {
      const holding = onPage.filter((text) => text.includes(touchpoint.name));
      expect(holding, touchpoint.name).toHaveLength(1);
    }
    for (const page of pages) {
      const labels = textsOf(page.svg)
        .filter((text) => text.card.startsWith("lane-"))
        .map((text) => text.text);
      expect(labels).toEqual(expect.arrayContaining(["Touchpoints", "Actions", "Thoughts", "Emotion", "Pain points"]));
    }
  });

  it("keeps the header (title, personas) on the first page and says where a stage cut across pages goes on", () => {
    const first = textsOf(pages[0]!.svg).map((text) => text.text);
    expect(first).toEqual(
      expect.arrayContaining(["Parcel locker - a first delivery", "Ines, commuter", "Tom, student"]),
    );
    for (const page of pages.slice(1)) expect(textsOf(page.svg).map((text) => text.text)).not.toContain("Tom, student");
    const stageTexts = pages.map((page) =>
      textsOf(page.svg)
        .filter((text) => /^stage-\d+$/.test(text.card))
        .map((text) => text.text),
    );
    // Delivery (5 touchpoints) is wider than an A4 page: its name starts one page and goes on on the next.
    expect(stageTexts.flat().filter((text) => text === "Delivery")).toHaveLength(1);
    expect(stageTexts.flat().filter((text) => text === "Delivery (continued)")).toHaveLength(1);
    expect(stageTexts.findIndex((texts) => texts.includes("Delivery (continued)"))).toBe(
      stageTexts.findIndex((texts) => texts.includes("Delivery")) + 1,
    );
  });

  it("never prints text under 6 pt", () => {
    for (const paper of PAPER_NAMES)
      for (const landscape of [true, false])
        for (const page of renderPages(wide, { paper, landscape, footer }))
          for (const text of textsOf(page.svg))
            expect(text.points, `${paper} ${text.text}`).toBeGreaterThanOrEqual(MIN_TEXT_PT - 0.01);
  });

  it("writes a footer on every page: the title, file, commit, page number and version, escaped", () => {
    pages.forEach((page, p) => {
      const footers = [...walk(parse(page.svg))].filter((element) => element.attributes["data-footer"] !== undefined);
      expect(footers.map((element) => element.text)).toEqual([
        `Parcel locker - a first delivery · ${WIDE} · commit 1a2b3c4 (2026-12-07)`,
        `page ${p + 1} of 4 · journeymap 0.1.0`,
      ]);
    });
    const hostile = loadText(
      `journeymap: 1\ntitle: "<script>&${"very long title ".repeat(40)}"\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: S, touchpoints: [{name: T}]}]\n`,
    );
    const [page] = renderPages(hostile, { paper: "a4", footer: { ...footer, file: "a&b<c>.journey.yaml" } });
    expect(XMLValidator.validate(page!.svg)).toBe(true);
    const left = [...walk(parse(page!.svg))].find((element) => element.attributes["data-footer"] === "map")!.text;
    expect(left).toMatch(/^<script>&very long title .*… · a&b<c>\.journey\.yaml · commit 1a2b3c4 \(2026-12-07\)$/);
  });

  it("prints a small map on one page, portrait when asked", () => {
    const small = loadText(
      `journeymap: 1\ntitle: Small\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: S, touchpoints: [{name: T, emotion: 3}]}]\n`,
    );
    const pages = renderPages(small, { paper: "letter", landscape: false });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject(paperSize("letter", false));
    expect(pages[0]!.width).toBe(612);
  });

  it("refuses a map that needs more than MAX_PAGES pages, saying what to do", () => {
    const stages = Array.from({ length: 400 }, (_, s) => `  - {id: s${s}, name: S${s}, touchpoints: [{name: T${s}}]}`);
    const many = loadText(`journeymap: 1\ntitle: Many\npersonas: [{id: p, name: P}]\nstages:\n${stages.join("\n")}\n`);
    expect(() => renderPages(many, { paper: "a4" })).toThrow(JourneymapError);
    expect(() => renderPages(many, { paper: "a4" })).toThrow(
      new RegExp(`^the map needs \\d+ pages of A4 landscape, more than ${MAX_PAGES}: use a larger --page`),
    );
  });

  it("cuts a lane taller than a page between lines of text, the stage row repeated on every page", () => {
    const pains = Array.from({ length: 70 }, (_, i) => `Pain number ${i + 1}`);
    const tall = loadText(
      `journeymap: 1\ntitle: Tall\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: Only stage, touchpoints: [{name: T, emotion: 2, painPoints: ${JSON.stringify(pains)}}]}]\n`,
    );
    const pages = renderPages(tall, { paper: "a4" });
    expect(pages.length).toBeGreaterThan(1);
    const printed = pages.flatMap((page) => textsOf(page.svg).map((text) => text.text));
    for (const pain of pains)
      expect(
        printed.filter((text) => text === pain),
        pain,
      ).toHaveLength(1);
    for (const page of pages) expect(textsOf(page.svg).map((text) => text.text)).toContain("Only stage");
  });

  it("is pure: the same map gives the same pages", () => {
    expect(renderPages(wide, { paper: "a4", footer })).toEqual(pages);
  });
});

describe("pageFile", () => {
  it("names PNG pages after the output: map.png for one page, map-1.png, map-2.png... for more", () => {
    expect(pageFile("out/map.png", 1, 1)).toBe("out/map.png");
    expect(pageFile("out/map.png", 2, 3)).toBe("out/map-2.png");
    expect(pageFile("out.d/map", 1, 2)).toBe("out.d/map-1");
  });
});
