// The .drawio.svg drawn from one layout (renderDrawioPicture, what `render -o map.drawio.svg` writes) is
// the file the picture and the diagram laid out apart gave: the same bytes, in both themes.
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../../src/journey/load.js";
import { renderDrawioPicture, renderDrawioSvg } from "../../../src/render/export/drawio.js";
import { renderSvg } from "../../../src/render/svg/index.js";

describe("the .drawio.svg from one layout", () => {
  for (const example of ["hotel", "lanes", "hotel-check-in"]) {
    const file = `docs/examples/${example}.journey.yaml`;
    const journey = loadJourney(readFileSync(file), { file }).journey!;
    for (const theme of ["light", "dark"] as const) {
      it(`${example}, ${theme}: the same bytes as the picture and the diagram laid out apart`, () => {
        const apart = renderDrawioSvg(renderSvg(journey, { theme }), journey, { theme });
        const together = renderDrawioPicture(journey, { theme });
        expect(together).toBe(apart);
        const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(together) as {
          svg: { content: string };
        };
        expect(root.svg.content).toMatch(/^<mxfile host="journeymap"/);
      });
    }
  }
});

describe("the .drawio.svg's content attribute", () => {
  it("carries a map's dollar patterns as text ($& $' $` once inserted the picture's own markup)", () => {
    const title = "Dollar $' and $& and $` and $$ end";
    const journey = loadJourney(
      [
        "journeymap: 1",
        `title: ${JSON.stringify(title)}`,
        "personas: [{id: p, name: P}]",
        "stages:",
        "  - id: s",
        "    name: S",
        "    touchpoints: [{name: T, emotion: 3}]",
        "",
      ].join("\n"),
      { file: "dollar" },
    ).journey!;
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true });
    const content = (parser.parse(renderDrawioPicture(journey)) as { svg: { content: string } }).svg.content;
    expect(content).not.toContain("<svg");
    const diagram = parser.parse(content) as { mxfile: { diagram: { name: string } } };
    expect(diagram.mxfile.diagram.name).toBe(title);
  });
});
