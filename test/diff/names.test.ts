// Names, not ids, wherever a change shows a reference: the owner's team, the personas, the metrics, as
// each version declares them (the old value against the old map's definitions), the id where a version
// declares no name; and lists of names that cannot be misread when a name holds a comma.
import { describe, expect, it } from "vitest";
import { diffFormats } from "../../src/diff/index.js";
import { loadJourney } from "../../src/journey/load.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { cardText, parse } from "../render/svg/xml.js";
import { comparedMap } from "./pictures.js";

const OLD = `journeymap: 1
title: Hotel stay
personas:
  - id: dana
    name: Dana, working parent
  - id: sam
    name: Sam, student sharing a flat
teams:
  - id: food
    name: Food and drinks
metrics:
  - id: wait
    name: Minutes in the queue
stages:
  - id: stay
    name: The stay
    touchpoints:
      - id: breakfast
        name: Has breakfast
        owner: food
        personas: [dana, sam]
        emotion: 4
        metrics: { wait: 12 }
      - id: checkout
        name: Checks out
        owner: desk
        personas: [dana]
        emotion: 3
`;

// The new version no longer declares "food" (its name comes from the old map), and moves breakfast to
// the front desk; both personas now score breakfast 2; Sam joins the checkout, whose owner names no team.
const NEW = `journeymap: 1
title: Hotel stay
personas:
  - id: dana
    name: Dana, working parent
  - id: sam
    name: Sam, student sharing a flat
teams:
  - id: front
    name: Front desk
metrics:
  - id: wait
    name: Minutes in the queue
stages:
  - id: stay
    name: The stay
    touchpoints:
      - id: breakfast
        name: Has breakfast
        owner: front
        personas: [dana, sam]
        emotion: 2
        metrics: { wait: 20 }
      - id: checkout
        name: Checks out
        owner: lobby
        personas: [dana, sam]
        emotion: 3
`;

const load = (text: string, side: string) => loadJourney(text, { file: `${side}.journey.yaml` });
const map = () => comparedMap(load(OLD, "old"), load(NEW, "new"), ["Before", "After"]);
const context = { color: false } as const;

describe("a change names teams, personas and metrics by their names", () => {
  it("the picture says the old owner's team name beside the new one, and the metric's name", async () => {
    const root = parse(await diffFormats.svg.draw(map(), { ...context, theme: "light" }));
    const breakfast = cardText(root, "t1-touchpoint");
    expect(breakfast).toContain("Owner: Front desk");
    expect(breakfast).toContain("Owner was “Food and drinks”");
    expect(breakfast).not.toMatch(/“food”/);
    expect(breakfast).toContain("Minutes in the queue was 12");
    // An owner no version declares as a team stays its id, old and new alike.
    expect(cardText(root, "t2-touchpoint")).toContain("Owner was “desk”");
  });

  it("the stylish, markdown and JSON outputs say the same names", () => {
    const diff = map().diff;
    const stylish = diffFormats.stylish.formatter([diff], context);
    expect(stylish).toContain('~ owner "Food and drinks" → "Front desk"');
    expect(stylish).toContain('~ owner "desk" → "lobby"');
    expect(stylish).toContain('+ persona "Sam, student sharing a flat" involved');
    expect(stylish).toContain("~ metric Minutes in the queue: 12 → 20 (+66.7%)");
    const markdown = diffFormats.markdown.formatter([diff], context);
    expect(markdown).toContain('owner \\"Food and drinks\\" → \\"Front desk\\"');
    const owner = diff.touchpoints.changed[0]!.fields.owner!;
    expect(owner).toMatchObject({ old: "food", new: "front", oldName: "Food and drinks", newName: "Front desk" });
    expect(diff.touchpoints.changed[1]!.fields.owner).not.toHaveProperty("oldName");
  });

  it("a list of persona names holding commas reads as that many personas", async () => {
    const diff = map().diff;
    const stylish = diffFormats.stylish.formatter([diff], context);
    expect(stylish).toContain("~ emotion of Dana, working parent · Sam, student sharing a flat: 4 → 2 (−2, drop)");
    const root = parse(await diffFormats.svg.draw(map(), { ...context, theme: "light" }));
    expect(cardText(root, "t1-touchpoint")).toContain("Dana, working parent · Sam, student sharing a flat: 4 → 2");
    // The map's own picture: the personas of a card.
    const picture = parse(renderSvg(load(NEW, "new").journey!, {}));
    expect(cardText(picture, "t1-touchpoint")).toContain("For: Dana, working parent · Sam, student sharing a flat");
  });
});
