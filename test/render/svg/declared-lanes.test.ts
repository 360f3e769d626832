// A map's declared lanes in the picture: read back from the SVG with an XML parser (each lane's label,
// its values in the cards or chips of the right touchpoint, a stage's values across the stage, fail
// points and waits marked), laid out without a text leaving its box or two texts overlapping, in the
// declared order after the built-in lanes and before the funnel; a map that declares none, unchanged.
import { describe, expect, it } from "vitest";
import { lanesOf, layoutJourney, type Box, type Layout } from "../../../src/render/svg/layout.js";
import { DECLARED_BOXES_MAX } from "../../../src/render/svg/lanes.js";
import { renderSvg } from "../../../src/render/svg/index.js";
import { inside, overlappingPairs } from "./geometry.js";
import { examplePath, loadMap, loadText } from "./maps.js";
import { cardText, parse, walk } from "./xml.js";

const EXAMPLE = "docs/examples/lanes.journey.yaml";
const squeeze = (text: string) => text.replace(/\s+/g, "");

const textArea = (text: Layout["texts"][number]) => ({
  x: text.x,
  y: text.top,
  width: text.width,
  height: text.height,
});

/** Every text inside its box; boxes overlap only where a chip sits inside its own card. */
function expectTidy(layout: Layout): void {
  const boxes = new Map(layout.boxes.map((box) => [box.id, box]));
  const misplaced = layout.texts.filter(
    (text) => !boxes.has(text.box) || !inside(textArea(text), boxes.get(text.box)!),
  );
  expect(misplaced.map((text) => `${text.box}: ${text.text}`)).toEqual([]);
  expect(
    overlappingPairs(layout.texts.map((text) => ({ ...textArea(text), text: text.text }))).map(
      ([a, b]) => `${a.text} / ${b.text}`,
    ),
  ).toEqual([]);
  const chipInItsCard = ([a, b]: [Box, Box]) =>
    (a.surface === "chip" && a.id.startsWith(`${b.id}-`) && inside(a, b)) ||
    (b.surface === "chip" && b.id.startsWith(`${a.id}-`) && inside(b, a));
  expect(
    overlappingPairs(layout.boxes)
      .filter((pair) => !chipInItsCard(pair))
      .map(([a, b]) => `${a.id} / ${b.id}`),
  ).toEqual([]);
  const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
  expect(layout.boxes.filter((box) => !inside(box, drawing)).map((box) => box.id)).toEqual([]);
}

describe("the declared lanes of the example (docs/examples/lanes.journey.yaml)", () => {
  const journey = loadMap(EXAMPLE);
  const svg = renderSvg(journey);
  const root = parse(svg);
  const cards = new Map(
    [...walk(root)]
      .filter((element) => element.name === "rect" && element.attributes["data-card"])
      .map((element) => [element.attributes["data-card"]!, element.attributes]),
  );

  it("labels each lane in declared order (order first, then as written), after metrics and before nothing else", () => {
    expect([1, 2, 3, 4].map((k) => cardText(root, `lane-declared-${k}`))).toEqual([
      "Policies",
      "Behind the scenes",
      "Who handles it",
      "Systems",
    ]);
    const layout = layoutJourney(journey);
    const lanes = layout.boxes.filter((box) => box.id.startsWith("lane-")).sort((a, b) => a.y - b.y);
    expect(lanes.map((box) => box.id)).toEqual([
      "lane-touchpoint",
      "lane-thoughts",
      "lane-emotion",
      "lane-painPoints",
      "lane-opportunities",
      "lane-declared-1",
      "lane-declared-2",
      "lane-declared-3",
      "lane-declared-4",
    ]);
  });

  it("shows a list lane's entries in the touchpoint's card, with its fail point and wait under the entry", () => {
    expect(squeeze(cardText(root, "t1-declared-2"))).toBe(
      squeeze("Opens a claim and checks the policy is active Wait: 12 min"),
    );
    expect(squeeze(cardText(root, "t2-declared-2"))).toBe(
      squeeze("Photos attached to the claim ⚠ Can fail: Photos too dark to assess"),
    );
    expect(squeeze(cardText(root, "t3-declared-2"))).toBe(
      squeeze("Fraud score computed Assessor estimates the damage from the photos Wait: 2 days"),
    );
    const warning = [...walk(root)].filter(
      (element) =>
        element.name === "text" &&
        element.attributes["data-in"] === "t2-declared-2" &&
        element.attributes.fill === "#a40e26",
    );
    expect(squeeze(warning.map((element) => element.text).join(""))).toBe(
      squeeze("⚠ Can fail: Photos too dark to assess"),
    );
    expect(cards.get("t5-declared-2")).toBeUndefined();
  });

  it("shows people and systems as chips, one box each, in a card of the lane's neutral colour", () => {
    expect(["t1-declared-4-1", "t1-declared-4-2"].map((chip) => cardText(root, chip))).toEqual([
      "Telephony",
      "Policy admin",
    ]);
    expect(["t4-declared-3-1", "t4-declared-3-2"].map((chip) => cardText(root, chip))).toEqual([
      "Claims agent",
      "Senior handler",
    ]);
    expect(cardText(root, "t5-declared-4-1")).toBe("Payments");
    expect(cards.get("t1-declared-4")?.fill).toBe("#f7f7f4");
    expect(cards.get("t1-declared-4-1")?.fill).toBe("#e6eaee");
    expect(renderSvg(journey, { theme: "dark" })).toContain(
      'fill="#262d36" stroke="#6e7681" stroke-width="1" data-card="t1-declared-4-1"',
    );
  });

  it("shows what a stage gives a lane across the stage's column, above its touchpoints' cards", () => {
    expect(squeeze(cardText(root, "s1-declared-1"))).toBe(
      squeeze("A claim can be reported 24/7; a handler calls back within 4 working hours."),
    );
    expect(squeeze(cardText(root, "s2-declared-1"))).toBe(
      squeeze("Claims under 2,000 EUR are settled on photos, without an assessor visit."),
    );
    const layout = layoutJourney(journey);
    const box = (id: string) => layout.boxes.find((candidate) => candidate.id === id)!;
    expect(box("s1-declared-1").x).toBe(box("stage-1").x);
    expect(box("s1-declared-1").width).toBe(box("stage-1").width);
    expect(cards.get("s3-declared-1")).toBeUndefined();
  });

  it("keeps every text inside its box and clear of the others, light and dark, and draws the same bytes twice", () => {
    expectTidy(layoutJourney(journey));
    expect(renderSvg(loadMap(EXAMPLE))).toBe(svg);
  });
});

describe("declared lanes of any shape", () => {
  const long = "A very long system name that cannot fit on one line of a chip however wide the slot grows";
  const map = (lanes: string, values: string, stageValues = "") => `journeymap: 1
title: Lanes
personas: [{ id: p, name: P }]
metrics: [{ id: visitors, name: Visitors, unit: count }]
${lanes}
stages:
  - id: s
    name: S
${stageValues}
    touchpoints:
      - name: One
        emotion: 3
${values}
      - name: Two
        emotion: 4
`;

  it("wraps long chips and many of them inside the card, and long list entries inside theirs", () => {
    const layout = layoutJourney(
      loadText(
        map(
          "lanes: [{ id: systems, label: Systems, kind: systems }, { id: notes, label: Notes }, { id: tags, label: Tags, kind: tags }]",
          `        lanes:
          systems: ["${long}", CRM, ERP, { text: Billing, fail: { risk: down }, wait: 3 days }, "${long}"]
          notes: ["${long} ${long}", { text: "${long}", fail: { risk: "${long}" }, wait: "${long}" }]
          tags: [${Array.from({ length: 40 }, (_, i) => `t${i}`).join(", ")}]`,
        ),
      ),
    );
    expectTidy(layout);
    expect(
      layout.texts
        .filter((text) => text.box === "t1-declared-1-4")
        .map((text) => text.text)
        .join(" "),
    ).toBe("⚠ Billing · wait 3 days");
    expect(layout.boxes.filter((box) => box.id.startsWith("t1-declared-3-"))).toHaveLength(40);
  });

  it("puts the declared lanes before the funnel, and a text lane's value as a paragraph", () => {
    const journey = loadText(
      map(
        "lanes: [{ id: policy, label: Policy, kind: text }]",
        `        lanes: { policy: Refunds within 14 days }`,
        "    metrics: { visitors: 120 }",
      ),
    );
    expect(
      lanesOf(journey)
        .map(({ name }) => name)
        .slice(-2),
    ).toEqual(["declared-1", "funnel"]);
    const layout = layoutJourney(journey);
    const declared = layout.boxes.find((box) => box.id === "lane-declared-1")!;
    const funnel = layout.boxes.find((box) => box.id === "lane-funnel")!;
    expect(declared.y).toBeLessThan(funnel.y);
    expect(layout.bullets.filter((bullet) => bullet.box === "t1-declared-1")).toEqual([]);
    expect(layout.texts.filter((text) => text.box === "t1-declared-1").map((text) => text.text)).toEqual([
      "Refunds within 14 days",
    ]);
  });

  it("draws only a stage's values when no touchpoint fills the lane, and leaves out a lane nobody fills", () => {
    const layout = layoutJourney(
      loadText(
        map(
          "lanes: [{ id: kpi, label: KPIs, kind: tags }, { id: empty, label: Nobody }]",
          "",
          "    lanes: { kpi: [NPS, CSAT] }",
        ),
      ),
    );
    expectTidy(layout);
    expect(layout.boxes.filter((box) => box.id.startsWith("lane-declared")).map((box) => box.id)).toEqual([
      "lane-declared-1",
    ]);
    expect(layout.texts.filter((text) => text.box.startsWith("s1-declared-1-")).map((text) => text.text)).toEqual([
      "NPS",
      "CSAT",
    ]);
  });

  it("names boxes by the lane's place, never by its id, and escapes labels and values", () => {
    const svg = renderSvg(
      loadText(
        map(
          `lanes: [{ id: constructor, label: "<script>alert(1)</script>", kind: people }, { id: to-string, label: '"><b>x' }]`,
          `        lanes:
          constructor: ["</text><script>alert(2)</script>"]
          to-string: ['" onload="alert(3)']`,
        ),
      ),
    );
    expect(svg).not.toContain("<script>");
    expect(svg).not.toMatch(/data-card="[^"]*(constructor|to-string)/);
    const root = parse(svg);
    expect(squeeze(cardText(root, "lane-declared-1"))).toBe("<script>alert(1)</script>");
    expect(squeeze(cardText(root, "t1-declared-1-1"))).toBe("</text><script>alert(2)</script>");
    expect(squeeze(cardText(root, "t1-declared-2"))).toBe('"onload="alert(3)');
  });
});

describe("a map that declares no lanes", () => {
  it("draws the same picture as before: an empty declaration and lanes nobody fills change nothing", () => {
    const journey = loadMap(examplePath("hotel"));
    const svg = renderSvg(journey);
    expect(renderSvg({ ...journey, lanes: [] })).toBe(svg);
    expect(renderSvg({ ...journey, lanes: [{ id: "systems", label: "Systems", kind: "systems" }] })).toBe(svg);
  });
});

describe("a map with more declared-lane values than one picture holds", () => {
  it(`draws lanes up to ${DECLARED_BOXES_MAX.toLocaleString("en-US")} of their cards, then says how many it left out`, () => {
    const lanes = 30;
    const touchpoints = 800;
    const text = [
      "journeymap: 1",
      "title: Many lanes",
      "personas: [{ id: p, name: P }]",
      "lanes:",
      ...Array.from({ length: lanes }, (_, k) => `  - { id: l${k}, label: L${k} }`),
      "stages:",
      "  - id: s",
      "    name: S",
      "    touchpoints:",
      ...Array.from({ length: touchpoints }, (_, i) => [
        `      - name: T${i}`,
        `        lanes: { ${Array.from({ length: lanes }, (_, k) => `l${k}: [v]`).join(", ")} }`,
      ]).flat(),
    ].join("\n");
    const layout = layoutJourney(loadText(text));
    const drawn = layout.boxes.filter((box) => /^lane-declared-\d+$/.test(box.id)).length;
    expect(drawn).toBe(Math.ceil(DECLARED_BOXES_MAX / (touchpoints + 1)));
    expect(
      layout.texts
        .filter((text) => text.box === "lane-declared-more")
        .map((text) => text.text)
        .join(" "),
    ).toBe(`${lanes - drawn} more lanes not drawn: too many values for one picture; the Markdown page lists them`);
    expectTidy(layout);
  });
});
