// Links in the picture: a stage or touchpoint that details a known map is a link to that map's page,
// only ever the relative href the caller gives for a known map; nothing else in the picture links.
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../src/render/svg/index.js";
import { loadText } from "./maps.js";

const MAP = `journeymap: 1
title: Top
personas: [{id: p, name: Pat}]
stages:
  - id: buy
    name: Buys
    details: checkout
    touchpoints:
      - name: Pays
        details: nowhere
      - name: Asks for help
        details: support
`;

type Anchor = { "@_href": string; "@_data-link": string };

function anchors(svg: string): Anchor[] {
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: { a?: Anchor | Anchor[] } };
  const found = parsed.svg.a;
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

describe("links in the picture", () => {
  const known: Record<string, { href: string; title: string }> = {
    checkout: { href: "checkout.md", title: "Checkout" },
    support: { href: "help%20desk/support.md", title: "Support" },
  };

  it("covers each card that details a known map with a link to its page, and names the map on the card", () => {
    const svg = renderSvg(loadText(MAP), { links: (id) => known[id] });
    expect(anchors(svg).map((a) => [a["@_data-link"], a["@_href"]])).toEqual([
      ["stage-1", "checkout.md"],
      ["t2-touchpoint", "help%20desk/support.md"],
    ]);
    expect(svg).toContain(">→ Checkout</text>");
    expect(svg).toContain(">→ Support</text>");
  });

  it("links nothing without a linker, and never an href that is not a plain relative path", () => {
    expect(anchors(renderSvg(loadText(MAP)))).toEqual([]);
    const hostile = renderSvg(loadText(MAP), {
      links: (id) => ({ href: id === "checkout" ? "/etc/passwd" : `${id}:x" onclick="y`, title: id }),
    });
    expect(anchors(hostile)).toEqual([]);
    expect(hostile).not.toMatch(/onclick|javascript:/);
  });
});
