// Opportunities tracked as work on the picture and the page: each shows its status in words and its
// owner ("in progress · app" under the title; "Title (in progress, app)" in the page's cell), the
// picture's line in its status's colour, readable on the lane in both themes. Text and ids alone stay
// as they were.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import type { Journey } from "../../src/journey/model.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { contrast, THEMES } from "../../src/render/svg/themes.js";
import { parse, walk } from "./svg/xml.js";

const MAP = `journeymap: 1
title: Slots
personas: [{id: parent, name: Dana}]
stages:
  - id: decision
    name: Decision
    touchpoints:
      - id: slot
        name: Picks a slot
        painPoints: [No evening slots]
        opportunities:
          - Plain text idea
          - {id: a, title: An idea}
          - {id: b, title: Planned work, owner: app, status: planned}
          - {id: c, title: Work in progress, owner: app, status: in-progress}
          - {id: d, title: Finished work, owner: ops, status: done}
          - {id: e, title: Dropped work, status: dropped}
          - id: elsewhere
`;

function journey(): Journey {
  const loaded = loadJourney(MAP);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.journey!;
}

describe("the picture's opportunities lane", () => {
  it.each(["light", "dark"] as const)("shows status and owner under each tracked opportunity (%s)", (theme) => {
    const texts = [...walk(parse(renderSvg(journey(), { theme })))]
      .filter((element) => element.name === "text" && element.attributes["data-in"] === "t1-opportunities")
      .map((element) => ({ text: element.text, fill: element.attributes.fill }));
    const tones = THEMES[theme].tones;
    expect(texts.map(({ text }) => text)).toEqual([
      "Plain text idea",
      "An idea",
      "idea",
      "Planned work",
      "planned · app",
      "Work in progress",
      "in progress · app",
      "Finished work",
      "done · ops",
      "Dropped work",
      "dropped",
      "elsewhere",
    ]);
    const fillOf = (line: string) => texts.find(({ text }) => text === line)!.fill;
    expect(fillOf("idea")).toBe(tones.muted);
    expect(fillOf("planned · app")).toBe(tones.accent);
    expect(fillOf("in progress · app")).toBe(tones.caution);
    expect(fillOf("done · ops")).toBe(tones.good);
    expect(fillOf("dropped")).toBe(tones.muted);
    // Each status's colour reads on the lane's card (WCAG AA), and three of them differ.
    for (const tone of ["muted", "accent", "caution", "good"] as const)
      expect(contrast(tones[tone], THEMES[theme].surfaces.opportunities)).toBeGreaterThanOrEqual(4.5);
    expect(new Set([fillOf("planned · app"), fillOf("in progress · app"), fillOf("done · ops")]).size).toBe(3);
  });
});

describe("the page's opportunities cell", () => {
  it("reads back, through a Markdown parser, as each title with its status and owner", () => {
    const tokens = new MarkdownIt().parse(renderMarkdown(journey()), {});
    const cells = tokens.filter((token) => token.type === "inline").map((token) => token.content);
    const opportunities = cells.find((cell) => cell.startsWith("Plain text idea"));
    expect(opportunities?.split("<br />")).toEqual([
      "Plain text idea",
      "An idea (idea)",
      "Planned work (planned, app)",
      "Work in progress (in progress, app)",
      "Finished work (done, ops)",
      "Dropped work (dropped)",
      "elsewhere",
    ]);
  });
});
