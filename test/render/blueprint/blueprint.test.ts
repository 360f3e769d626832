// The service blueprint picture (src/render/blueprint): Shostack's rows and lines in order, arrows that
// end on the card they serve and never cross a card, texts inside their cards, marks for fail points and
// waits, escaped map text, the same bytes twice; and the render command choosing it by type and --view.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateBlueprint } from "../../../bench/generate-blueprint.mjs";
import type { Journey } from "../../../src/journey/model.js";
import {
  layoutBlueprint,
  MAX_ARROWS,
  renderBlueprintSvg,
  type BlueprintLayout,
} from "../../../src/render/blueprint/index.js";
import { BLUEPRINT_SURFACES, coordinate } from "../../../src/render/blueprint/draw.js";
import { n } from "../../../src/render/svg/markup.js";
import { BASELINE, LINE_HEIGHT } from "../../../src/render/svg/text.js";
import { contrast, THEMES } from "../../../src/render/svg/themes.js";
import { arrowsMissingTheirCard, segmentsThroughCards, slantedSegments } from "../../helpers/blueprint-checks.js";
import { runCli } from "../../helpers/cli.js";
import { inside, overlappingPairs } from "../svg/geometry.js";
import { loadMap, loadText } from "../svg/maps.js";
import { parse, walk } from "../svg/xml.js";

const EXAMPLE = "docs/examples/hotel-check-in.journey.yaml";

/** A card's text as a reader reads it: its lines joined. */
function cardText(layout: BlueprintLayout, box: string): string {
  return layout.texts
    .filter((text) => text.box === box)
    .map((text) => text.text)
    .join(" ");
}

/** Everything a reader would notice going wrong in a layout, as a list of sentences (empty: all well). */
function problemsOf(layout: BlueprintLayout): string[] {
  const cards = new Map(layout.cards.map((card) => [card.id, card]));
  const arrows = layout.arrows.map((arrow) => ({
    label: `${arrow.from}→${arrow.to}`,
    to: arrow.to,
    points: arrow.points,
    end: arrow.points.at(-1)!,
  }));
  const problems = [
    ...segmentsThroughCards(arrows, layout.cards),
    ...arrowsMissingTheirCard(arrows, cards, 0.01),
    ...slantedSegments(arrows),
  ];
  for (const text of layout.texts) {
    const area = { x: text.x, y: text.y - BASELINE * text.size, width: text.width, height: text.size * LINE_HEIGHT };
    const card = cards.get(text.box);
    if (!card || !inside(area, card, 0.5)) problems.push(`text "${text.text}" is not inside ${text.box}`);
  }
  const painted = layout.cards.filter((card) => !card.invisible);
  for (const [a, b] of overlappingPairs(painted, 0.5)) problems.push(`${a.id} overlaps ${b.id}`);
  for (const card of layout.cards) {
    const marks = [
      ...(card.fail
        ? [
            {
              x: card.fail.x - card.fail.r,
              y: card.fail.y - card.fail.r,
              width: 2 * card.fail.r,
              height: 2 * card.fail.r,
            },
          ]
        : []),
      ...(card.wait
        ? [
            {
              x: card.wait.x - card.wait.size / 2,
              y: card.wait.y - card.wait.size / 2,
              width: card.wait.size,
              height: card.wait.size,
            },
          ]
        : []),
    ];
    for (const mark of marks) {
      if (!inside(mark, card)) problems.push(`a mark sticks out of ${card.id}`);
      for (const text of layout.texts.filter((candidate) => candidate.box === card.id)) {
        const area = {
          x: text.x,
          y: text.y - BASELINE * text.size,
          width: text.width,
          height: text.size * LINE_HEIGHT,
        };
        if (overlappingPairs([area, mark], 0.5).length > 0)
          problems.push(`"${text.text}" runs under a mark of ${card.id}`);
      }
    }
  }
  return problems;
}

describe("the service blueprint of the hotel check-in example", () => {
  const journey = loadMap(EXAMPLE);
  const layout = layoutBlueprint(journey);
  const byText = (text: string) => layout.texts.find((candidate) => candidate.text === text);

  it("draws Shostack's five rows in order, the house rules below them, and the three lines between the rows", () => {
    const rows = ["Physical", "Customer", "Frontstage", "Backstage", "Support", "Other lanes"].map(
      (text) => byText(text)!.y,
    );
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(layout.lines.map((line) => line.kind)).toEqual(["interaction", "visibility", "internal"]);
    const [interaction, visibility, internal] = layout.lines.map((line) => line.y) as [number, number, number];
    expect(byText("Customer")!.y).toBeLessThan(interaction);
    expect(interaction).toBeLessThan(byText("Frontstage")!.y);
    expect(byText("Frontstage")!.y).toBeLessThan(visibility);
    expect(visibility).toBeLessThan(byText("Backstage")!.y);
    expect(byText("Backstage")!.y).toBeLessThan(internal);
    expect(internal).toBeLessThan(byText("Support")!.y);
  });

  it("draws an arrow for every servedBy id, each ending on the card it serves, none crossing a card", () => {
    expect(layout.arrows).toHaveLength(17);
    expect(problemsOf(layout)).toEqual([]);
    // "Hands over the key" is served by two backstage entries: two arrows end on its card.
    const handKey = layout.texts.find((text) => text.text.startsWith("Hands over the key"))!.box;
    expect(layout.arrows.filter((arrow) => arrow.to === handKey)).toHaveLength(2);
  });

  it("marks the two fail points with their owners' team names and the fix, and the two waits with their durations", () => {
    const fails = layout.cards.filter((card) => card.fail).map((card) => cardText(layout, card.id));
    expect(fails).toEqual([
      "Pre-authorises the card for the stay Fails: The bank declines the hold Owner: Reservations Fix: Pay the deposit in the app with the booking",
      "Housekeeping inspected the room Fails: The room is not ready when the guest arrives Owner: Housekeeping Fix: Live room status for the front desk",
    ]);
    const waits = layout.cards.filter((card) => card.wait).map((card) => cardText(layout, card.id));
    expect(waits).toEqual([
      "Receptionist calls the next guest Wait: 6 min at 18:00",
      "Takes the deposit for extras Wait: 2 min",
    ]);
    const svg = renderBlueprintSvg(journey);
    expect(svg.match(/data-mark="fail"/g)).toHaveLength(3); // two fail points and the legend's sample
    expect(svg.match(/data-mark="wait"/g)).toHaveLength(3);
    expect(svg).toMatch(/<line [^>]*stroke-dasharray="8 5" data-line="visibility"/);
  });

  it("gives the same bytes twice, in both themes, with a title and a description for screen readers", () => {
    for (const theme of ["light", "dark"] as const) {
      const svg = renderBlueprintSvg(journey, { theme });
      expect(renderBlueprintSvg(loadMap(EXAMPLE), { theme })).toBe(svg);
      const root = parse(svg);
      expect(root.attributes["aria-labelledby"]).toBe("journeymap-title journeymap-desc");
      expect(root.children.find((child) => child.name === "title")!.text).toBe("Harbour Hotel - check-in");
      expect(root.children.find((child) => child.name === "desc")!.text).toBe(
        "From the hotel's door to the guest's room, on a Friday evening at 18:00. Service blueprint with 5 stages " +
          "(Arrival, Identification, Payment, Room and key, To the room) and 9 touchpoints: 55 cards in the rows " +
          "physical evidence, customer actions, frontstage, backstage and support processes, 17 arrows from the " +
          "cards that serve others, 2 fail points and 2 waits.",
      );
    }
  });

  it("draws the emotion row only when the map scores a touchpoint", () => {
    expect(layout.cards.some((card) => card.id === "label-emotion")).toBe(true);
    const unscored: Journey = {
      ...journey,
      stages: journey.stages.map((stage) => ({
        ...stage,
        touchpoints: (stage.touchpoints ?? []).map(({ emotion: _emotion, ...touchpoint }) => touchpoint),
      })),
    };
    expect(layoutBlueprint(unscored).cards.some((card) => card.id === "label-emotion")).toBe(false);
  });
});

describe("blueprints the router finds hard", () => {
  it("keeps long texts inside their cards and 300 arrows off every card, with stage values spanning their stages", () => {
    const journey = loadText(generateBlueprint({ touchpoints: 40, stages: 6, arrows: 300, textWords: 30 }));
    const layout = layoutBlueprint(journey);
    expect(layout.arrows).toHaveLength(300);
    expect(problemsOf(layout)).toEqual([]);
  });

  it("draws no arrow for an id that names nothing or the entry itself, and both arrows of a cycle", () => {
    const journey = loadText(`journeymap: 1
title: Loops
type: blueprint
personas: [{id: guest, name: Guest}]
lanes:
  - {id: front, label: Front, layer: frontstage}
  - {id: back, label: Back, layer: backstage}
stages:
  - id: one
    name: One
    lanes:
      back: [{id: rule, text: Stage rule, servedBy: [greet]}]
    touchpoints:
      - name: Arrives
        lanes:
          front: [{id: greet, text: Greets, servedBy: [look, greet, nowhere]}]
          back: [{id: look, text: Looks up, servedBy: [greet]}]
      - name: Leaves
        lanes:
          front: [{id: wave, text: Waves, servedBy: [rule, look]}]
`);
    const layout = layoutBlueprint(journey);
    const named = (text: string) => layout.texts.find((candidate) => candidate.text === text)!.box;
    const pairs = layout.arrows.map((arrow) => `${arrow.from}→${arrow.to}`).sort();
    expect(pairs).toEqual(
      [
        `${named("Looks up")}→${named("Greets")}`,
        `${named("Greets")}→${named("Looks up")}`,
        `${named("Greets")}→${named("Stage rule")}`,
        `${named("Stage rule")}→${named("Waves")}`,
        `${named("Looks up")}→${named("Waves")}`,
      ].sort(),
    );
    expect(problemsOf(layout)).toEqual([]);
  });

  it("escapes map text everywhere: no markup from the map reaches the picture", () => {
    const journey = loadText(`journeymap: 1
title: "<script>alert(1)</script>"
type: blueprint
personas: [{id: guest, name: "Guest\\"><g onload=x>"}]
teams: [{id: desk, name: "<b>Desk</b>"}]
lanes: [{id: front, label: "Front</text><script>", layer: frontstage}]
stages:
  - id: one
    name: "One & <two>"
    touchpoints:
      - name: "<img src=x onerror=alert(1)>"
        emotion: 2
        evidence: ["<a href='javascript:x'>"]
        lanes:
          front: [{text: "]]><script>", fail: {risk: "<i>", owner: desk}, wait: "<5 min>"}]
`);
    const svg = renderBlueprintSvg(journey);
    expect(svg).not.toMatch(/<(script|img|a|b|i|g onload)[\s>]/);
    const texts = [...walk(parse(svg))].filter((element) => element.name === "text").map((element) => element.text);
    const layout = layoutBlueprint(journey);
    const card = layout.cards.find((candidate) => candidate.fail)!.id;
    expect(cardText(layout, card)).toBe("]]><script> Fails: <i> Owner: <b>Desk</b> Wait: <5 min>");
    expect(texts.join(" ")).toContain("]]><script> Fails: <i> Owner: <b>Desk</b> Wait: <5 min>");
    expect(texts.join(" ")).toContain("Front</text><scrip t>"); // the lane's label, wrapped in its narrow column
  });

  it("has checks that see a crossing and an arrow that stops short (the checks themselves)", () => {
    const card = { id: "card-1", x: 10, y: 10, width: 100, height: 40 };
    const through = {
      label: "a",
      to: "card-1",
      points: [
        { x: 0, y: 30 },
        { x: 200, y: 30 },
      ],
      end: { x: 200, y: 30 },
    };
    expect(segmentsThroughCards([through], [card])).toEqual(["a segment 1 (0,30)→(200,30) crosses card-1"]);
    expect(arrowsMissingTheirCard([through], new Map([["card-1", card]]))).toEqual([
      "a ends at (200,30), not on card-1",
    ]);
    const along = {
      label: "b",
      points: [
        { x: 10, y: 60 },
        { x: 10, y: 50 },
      ],
    };
    expect(segmentsThroughCards([along], [card])).toEqual([]);
  });

  it("writes coordinates exactly as the journey picture does (n), only faster", () => {
    const values = [
      0, -0.001, 0.004, 0.005, -0.005, 1, -1, 12.5, 12.25, 12.345, -12.345, 0.07, 99.999, 198080.126, -3.1,
    ];
    for (let i = 0; i < 2000; i++) values.push(Math.sin(i) * 10 ** (i % 7));
    expect(values.map(coordinate)).toEqual(values.map(n));
  });

  it("meets WCAG AA for every text tone on every row's fill, in both themes", () => {
    for (const theme of Object.values(THEMES))
      for (const [surface, fill] of Object.entries(BLUEPRINT_SURFACES[theme.name]))
        for (const tone of ["text", "muted", "warning", "caution"] as const)
          expect(contrast(theme.tones[tone], fill), `${theme.name} ${tone} on ${surface}`).toBeGreaterThanOrEqual(4.5);
  });
});

describe("render chooses the picture by the map's type and --view", () => {
  const work = mkdtempSync(join(tmpdir(), "journeymap-blueprint-"));

  it("draws a blueprint for type: blueprint, the journey picture with --view journey, and any map as a blueprint on request", () => {
    const blueprint = runCli(["render", EXAMPLE, "--format", "svg"]);
    expect(blueprint.code).toBe(0);
    expect(blueprint.stdout).toContain('data-view="blueprint"');
    const asJourney = runCli(["render", EXAMPLE, "--format", "svg", "--view", "journey"]);
    expect(asJourney.code).toBe(0);
    expect(asJourney.stdout).not.toContain("data-view");
    expect(asJourney.stdout).toContain("Harbour Hotel - check-in");
    const journeyMap = runCli(["render", "docs/examples/hotel.journey.yaml", "--format", "svg"]);
    expect(journeyMap.stdout).not.toContain("data-view");
    const journeyAsBlueprint = runCli([
      "render",
      "docs/examples/hotel.journey.yaml",
      "--format",
      "svg",
      "--view",
      "blueprint",
    ]);
    expect(journeyAsBlueprint.code).toBe(0);
    expect(journeyAsBlueprint.stdout).toContain('data-view="blueprint"');
    expect(journeyAsBlueprint.stdout).toContain(">Frontstage<");
  });

  it("refuses an unknown --view, and --page for a blueprint, saying what to do (exit 2)", () => {
    const unknown = runCli(["render", EXAMPLE, "--format", "svg", "--view", "swimlanes"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown --view "swimlanes": use journey or blueprint');
    const paged = runCli(["render", EXAMPLE, "-o", join(work, "paged.pdf"), "--page", "a4"]);
    expect(paged.code).toBe(2);
    expect(paged.stderr).toContain("add --view journey");
  });

  it("writes the blueprint as PNG and as a native PDF whose text a PDF reader finds", () => {
    const png = join(work, "check-in.png");
    expect(runCli(["render", EXAMPLE, "-o", png]).code).toBe(0);
    expect([...readFileSync(png).subarray(1, 4)].map((code) => String.fromCharCode(code)).join("")).toBe("PNG");
    const pdf = join(work, "check-in.pdf");
    expect(runCli(["render", EXAMPLE, "-o", pdf]).code).toBe(0);
    let text: string;
    try {
      text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    } catch {
      if (process.env.CI === "true") throw new Error("pdftotext (poppler-utils) is needed under CI");
      console.warn("⚠ SKIPPED the PDF text check: no pdftotext (install poppler-utils)");
      return;
    }
    expect(text).toContain("Line of visibility");
    expect(text).toContain("Owner: Reservations");
    expect(text).toContain("Support");
  });
});

/** A blueprint of 100 touchpoints whose frontstage entries are served by `arrows` support processes in all
 * (each by its own and the next ones, round the map), every servedBy naming `repeat` times what it names. */
function fanIn(arrows: number, repeat = 1): Journey {
  const touchpoints = [];
  for (let t = 0; t < 100; t++) {
    const count = Math.floor(arrows / 100) + (t < arrows % 100 ? 1 : 0);
    const servedBy = Array.from({ length: count }, (_, k) => `s${(t + k) % 100}`).flatMap((id) =>
      Array.from({ length: repeat }, () => id),
    );
    touchpoints.push({
      name: `T${t}`,
      lanes: { f: [{ id: `f${t}`, text: "Serves the guest", servedBy }], s: [{ id: `s${t}`, text: "System" }] },
    });
  }
  return loadText(
    JSON.stringify({
      journeymap: 1,
      title: "Fan-in",
      type: "blueprint",
      personas: [{ id: "p", name: "P" }],
      lanes: [
        { id: "f", label: "F", layer: "frontstage" },
        { id: "s", label: "S", layer: "support" },
      ],
      stages: [{ id: "one", name: "One", touchpoints }],
    }),
  );
}

describe("a blueprint declaring more arrows than a picture draws", () => {
  const NOTE_ID = "arrows-not-drawn";

  it("draws every arrow up to the cap, and no note", () => {
    const layout = layoutBlueprint(fanIn(MAX_ARROWS));
    expect(layout.arrows).toHaveLength(MAX_ARROWS);
    expect(layout.cards.some((card) => card.id === NOTE_ID)).toBe(false);
    expect(layout.summary).toContain(`${MAX_ARROWS} arrows from the cards that serve others, `);
  });

  it("draws the first 2,000 past it and says on the picture how many more it left out", () => {
    const journey = fanIn(MAX_ARROWS + 1);
    const layout = layoutBlueprint(journey);
    expect(MAX_ARROWS).toBe(2000);
    expect(layout.arrows).toHaveLength(MAX_ARROWS);
    // Those into the top rows first, then left to right: the one left out was the last frontstage card's 20th.
    const into = new Map<string, number>();
    for (const arrow of layout.arrows) into.set(arrow.to, (into.get(arrow.to) ?? 0) + 1);
    expect([...into.values()]).toEqual([21, ...Array.from({ length: 98 }, () => 20), 19]);
    expect(problemsOf(layout)).toEqual([]);
    expect(layout.summary).toContain("2000 arrows from the cards that serve others (1 more not drawn), ");

    // Read back with an XML parser: 2,000 arrow lines, 2,000 heads, and the note under the legend, inside the picture.
    const svg = parse(renderBlueprintSvg(journey));
    const elements = [...walk(svg)];
    expect(elements.filter((element) => element.attributes["data-arrow"] !== undefined)).toHaveLength(2000);
    expect(elements.find((element) => element.attributes["data-heads"])?.attributes["data-heads"]).toBe("2000");
    const note = elements.filter((element) => element.name === "text" && element.attributes["data-in"] === NOTE_ID);
    expect(note.map((element) => element.text)).toEqual([
      "1 more arrow not drawn: a blueprint draws at most 2,000, those into the top rows first (render --format xlsx lists every servedBy)",
    ]);
    const legend = layout.cards.find((card) => card.id === "legend")!;
    const noteCard = layout.cards.find((card) => card.id === NOTE_ID)!;
    expect(noteCard.y).toBeGreaterThan(legend.y + legend.height);
    expect(noteCard.y + noteCard.height).toBeLessThanOrEqual(Number(svg.attributes.height));
    expect(noteCard.x + noteCard.width).toBeLessThanOrEqual(Number(svg.attributes.width));
    expect(elements.find((element) => element.name === "desc")!.text).toContain("(1 more not drawn)");
  });

  it("counts thousands left out with a thousands separator", () => {
    const text = layoutBlueprint(fanIn(5000)).texts.find((candidate) => candidate.box === NOTE_ID)!.text;
    expect(text).toMatch(/^3,000 more arrows not drawn: a blueprint draws at most 2,000, /);
  });

  it("draws one arrow for an id named many times (lint counts it once too)", () => {
    const layout = layoutBlueprint(fanIn(300, 50));
    expect(layout.arrows).toHaveLength(300);
    expect(layout.cards.some((card) => card.id === NOTE_ID)).toBe(false);
  });

  it("leaves the hotel check-in example's picture byte for byte as docs/images shows it", () => {
    const rendered = runCli(["render", EXAMPLE, "--format", "svg"]);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(readFileSync("docs/images/hotel-check-in-blueprint.svg", "utf8"));
  });
});
