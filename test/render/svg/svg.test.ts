// The SVG as a reader gets it: valid XML that an XML parser reads back to the map's own words,
// accessible, safe with hostile maps, self-contained, deterministic, golden for the examples.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { touchpointsOf } from "../../../src/journey/model.js";
import { summaryOf } from "../../../src/journey/queries.js";
import { renderSvg } from "../../../src/render/svg/index.js";
import { contrast, DASHES, THEMES } from "../../../src/render/svg/themes.js";
import { allMaps, EXAMPLES, examplePath, loadMap, stressPath } from "./maps.js";
import { cardText, parse, walk, type Element } from "./xml.js";

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe.each(allMaps())("the SVG of $name", ({ path }) => {
  const journey = loadMap(path);

  it("is well-formed XML, in both themes, and the same bytes every time", () => {
    for (const theme of ["light", "dark"] as const) {
      const svg = renderSvg(journey, { theme });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(renderSvg(structuredClone(journey), { theme })).toBe(svg);
    }
  });

  it("is an accessible image with the map's title and description", () => {
    const root = parse(renderSvg(journey));
    expect(root.attributes).toMatchObject({ role: "img", "aria-labelledby": "journeymap-title journeymap-desc" });
    const [title, desc] = ["title", "desc"].map((name) => root.children.find((child) => child.name === name)!);
    expect(title!.text).toBe(journey.title);
    if (journey.description) expect(desc!.text.startsWith(journey.description)).toBe(true);
    expect(desc!.text).toContain(`${journey.stages.length} stage`);
  });

  it("describes itself with the map's summary sentence, the one Mermaid's accessible description uses", () => {
    const root = parse(renderSvg(journey));
    const desc = root.children.find((child) => child.name === "desc")!;
    expect(desc.text).toBe(summaryOf(journey).replace(/\t/g, " "));
  });

  it("reads back to the map's words: title, personas, stages, touchpoints and their lanes", () => {
    const root = parse(renderSvg(journey));
    expect(squeeze(cardText(root, "header"))).toBe(squeeze(journey.title + (journey.description ?? "")));
    journey.personas.forEach((persona, p) =>
      expect(squeeze(cardText(root, `persona-${p + 1}`)).startsWith(squeeze(persona.name))).toBe(true),
    );
    journey.stages.forEach((stage, s) =>
      expect(squeeze(cardText(root, `stage-${s + 1}`))).toBe(squeeze(stage.name + (stage.description ?? ""))),
    );
    for (const { touchpoint, index } of touchpointsOf(journey)) {
      const card = squeeze(cardText(root, `t${index + 1}-touchpoint`));
      expect(card.startsWith(squeeze(touchpoint.name))).toBe(true);
      if (touchpoint.channel) expect(card).toContain(squeeze(`Channel: ${touchpoint.channel}`));
      expect(squeeze(cardText(root, `t${index + 1}-painPoints`))).toBe(squeeze((touchpoint.painPoints ?? []).join("")));
      expect(squeeze(cardText(root, `t${index + 1}-actions`))).toBe(squeeze((touchpoint.actions ?? []).join("")));
    }
  });

  it("holds no script, no event handler and no external reference", () => {
    const svg = renderSvg(journey);
    for (const element of walk(parse(svg))) {
      expect(["script", "foreignObject", "iframe", "a", "image", "use", "style"]).not.toContain(element.name);
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(name).not.toMatch(/^on|href$/i);
        if (name !== "xmlns") expect(value).not.toMatch(/url\(|https?:|javascript:/i);
      }
    }
  });
});

describe("a map with markup in its strings", () => {
  const journey = loadMap(stressPath("injection"));
  const root = parse(renderSvg(journey));

  it("shows every hostile string as text, exactly as written", () => {
    expect(root.children.find((child) => child.name === "title")!.text).toBe(journey.title);
    expect(squeeze(cardText(root, "header"))).toBe(squeeze(journey.title + journey.description!));
    const touchpoint = journey.stages[0]!.touchpoints![0]!;
    expect(squeeze(cardText(root, "t1-touchpoint"))).toContain(squeeze(touchpoint.name));
    expect(squeeze(cardText(root, "t1-actions"))).toBe(squeeze(touchpoint.actions![0]!));
    expect(squeeze(cardText(root, "t1-metrics"))).toBe(squeeze("<b>bold</b>: <i>x</i>"));
  });

  it("leaves nothing but the picture's own elements", () => {
    const names = new Set([...walk(root)].map((element) => element.name));
    expect([...names].sort()).toEqual(["circle", "desc", "g", "line", "path", "rect", "svg", "text", "title"]);
  });
});

describe("owners", () => {
  const root = parse(renderSvg(loadMap(stressPath("owners"))));
  const card = (id: string) =>
    [...walk(root)].find((element) => element.name === "rect" && element.attributes["data-card"] === id)!;

  it("draws a card whose owner is not a declared team with the warning border and says so", () => {
    expect(card("t2-touchpoint").attributes).toMatchObject({
      stroke: THEMES.light.tones.warning,
      "stroke-dasharray": "6 4",
      "data-unknown-owner": "true",
    });
    expect(cardText(root, "t2-touchpoint")).toBe("Clicks the advert ⚠ Owner growthh is not a declared team");
    const warnings = [...walk(root)].filter(
      (element) => element.name === "text" && element.attributes.fill === THEMES.light.tones.warning,
    );
    const warningOf = (id: string) =>
      warnings
        .filter((element) => element.attributes["data-in"] === id)
        .map((element) => element.text)
        .join(" ");
    expect(warningOf("t2-touchpoint")).toBe("⚠ Owner growthh is not a declared team");
    expect(warningOf("t3-touchpoint")).toBe("⚠ No owner");
    expect(new Set(warnings.map((element) => element.attributes["data-in"]))).toEqual(
      new Set(["t2-touchpoint", "t3-touchpoint"]),
    );
  });

  it("draws a declared team's card with the plain border and the team's name", () => {
    expect(card("t1-touchpoint").attributes).toMatchObject({ stroke: THEMES.light.border });
    expect(card("t1-touchpoint").attributes["data-unknown-owner"]).toBeUndefined();
    expect(cardText(root, "t1-touchpoint")).toBe("Sees an advert Owner: Growth team");
    expect(card("t3-touchpoint").attributes["data-missing-owner"]).toBe("true");
  });
});

describe("colours", () => {
  it("meet WCAG AA for every text tone on every surface, in both themes", () => {
    for (const theme of Object.values(THEMES)) {
      for (const [surface, fill] of Object.entries(theme.surfaces)) {
        for (const [tone, color] of Object.entries(theme.tones)) {
          expect(contrast(color, fill), `${theme.name}: ${tone} on ${surface}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      for (const color of theme.personaColors)
        expect(contrast(color, theme.surfaces.emotion), `${theme.name} curve ${color}`).toBeGreaterThanOrEqual(3);
    }
  });

  it("use a persona's own colour, and a different dash pattern per persona", () => {
    const root = parse(renderSvg(loadMap(stressPath("gaps"))));
    const groups = [...walk(root)].filter((element) => element.name === "g" && element.attributes["data-persona"]);
    const strokeOf = (group: Element) =>
      [...walk(group)].find((element) => element.name === "circle")!.attributes.stroke;
    expect(strokeOf(groups[0]!)).toBe("#aa3377");
    expect(strokeOf(groups[2]!)).toBe("#117733");
    expect(strokeOf(groups[1]!)).toBe(THEMES.light.personaColors[1]);
    expect(new Set(DASHES).size).toBe(DASHES.length);
    const dashes = groups
      .slice(0, 2)
      .map(
        (group) => group.children.find((element) => element.name === "polyline")?.attributes["stroke-dasharray"] ?? "",
      );
    expect(dashes[0]).not.toBe(dashes[1]);
  });

  it("refuse an unknown theme", () => {
    expect(() => renderSvg(loadMap(examplePath("freshcart")), { theme: "sepia" as "light" })).toThrow(
      'unknown theme "sepia"',
    );
  });
});

describe("golden pictures of the examples (UPDATE_GOLDEN=1 to refresh)", () => {
  for (const name of EXAMPLES) {
    for (const theme of ["light", "dark"] as const) {
      it(`${name}, ${theme}`, () => {
        const golden = `test/fixtures/svg/golden/${name}-${theme}.svg`;
        const svg = renderSvg(loadMap(examplePath(name)), { theme });
        if (process.env.UPDATE_GOLDEN === "1") {
          mkdirSync("test/fixtures/svg/golden", { recursive: true });
          writeFileSync(golden, svg);
        }
        expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run test/render/svg`).toBe(
          true,
        );
        expect(svg).toBe(readFileSync(golden, "utf8"));
      });
    }
  }
});
