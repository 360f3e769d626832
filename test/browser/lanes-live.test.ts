/// <reference lib="dom" />
// The declared lanes of the picture in a real Chromium: the lanes example (light and dark) and a map of
// long chips and long entries, inlined in a page, read back with getBBox: every text inside the card it
// names (a chip's text inside its chip, a chip inside its card), no two texts overlapping.
// Screenshot: test-artifacts/svg/lanes-light.png.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { requireBrowser } from "../helpers/render-checks.js";
import { inside, overlappingPairs, type Area } from "../render/svg/geometry.js";
import { loadMap, loadText } from "../render/svg/maps.js";

const executable = findBrowser();
requireBrowser(executable, "declared lanes in Chromium");

const LONG = "A very long system name that cannot fit on one line of a chip however wide the slot grows";
const LONG_MAP = `journeymap: 1
title: Long lanes
personas: [{ id: p, name: P }]
lanes:
  - { id: systems, label: Systems with a label long enough to wrap in the label column, kind: systems }
  - { id: notes, label: Notes }
stages:
  - id: s
    name: S
    lanes: { systems: ["${LONG}", CRM] }
    touchpoints:
      - name: One
        emotion: 3
        lanes:
          systems: ["${LONG}", CRM, ERP, { text: Billing, fail: { risk: down }, wait: 3 days }, "${LONG}"]
          notes: ["${LONG} ${LONG}", { text: "${LONG}", fail: { risk: "${LONG}" }, wait: "${LONG}" }]
      - name: Two
        lanes: { systems: [${Array.from({ length: 30 }, (_, i) => `S${i}`).join(", ")}] }
`;

interface Live {
  texts: Array<Area & { text: string; box: string | null }>;
  cards: Record<string, Area>;
}

describe.skipIf(!executable)("declared lanes in Chromium", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser(executable, "the declared lanes test");
    page = await browser.newPage();
    mkdirSync("test-artifacts/svg", { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(svg: string): Promise<Live> {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    return page.evaluate(() => {
      const cards: Record<string, { x: number; y: number; width: number; height: number }> = {};
      for (const rect of Array.from(document.querySelectorAll("rect[data-card]"))) {
        const box = (rect as SVGRectElement).getBBox();
        cards[rect.getAttribute("data-card")!] = { x: box.x, y: box.y, width: box.width, height: box.height };
      }
      const texts = Array.from(document.querySelectorAll("text")).map((element) => {
        const box = element.getBBox();
        return {
          text: element.textContent ?? "",
          box: element.getAttribute("data-in"),
          ...{ x: box.x, y: box.y, width: box.width, height: box.height },
        };
      });
      return { texts, cards };
    });
  }

  const cases = [
    ["the lanes example, light", () => renderSvg(loadMap("docs/examples/lanes.journey.yaml"))],
    ["the lanes example, dark", () => renderSvg(loadMap("docs/examples/lanes.journey.yaml"), { theme: "dark" })],
    ["long chips and entries", () => renderSvg(loadText(LONG_MAP))],
  ] as const;

  it.each(cases)(
    "%s: every text inside its card, chips inside theirs, no overlaps",
    async (name, draw) => {
      const live = await open(draw());
      expect(live.texts.length).toBeGreaterThan(0);
      const escaped = live.texts.filter(
        (text) => !text.box || !live.cards[text.box] || !inside(text, live.cards[text.box]!, 0.01),
      );
      expect(escaped.map((text) => `${text.box}: "${text.text}"`)).toEqual([]);
      expect(overlappingPairs(live.texts, 0.01).map(([a, b]) => `"${a.text}" / "${b.text}"`)).toEqual([]);
      const chips = Object.keys(live.cards).filter((id) => /^[ts]\d+-declared-\d+-\d+$/.test(id));
      expect(chips.length).toBeGreaterThan(0);
      for (const chip of chips) {
        const card = chip.replace(/-\d+$/, "");
        expect(inside(live.cards[chip]!, live.cards[card]!, 0.01), `${chip} in ${card}`).toBe(true);
      }
      if (name === "the lanes example, light") {
        const size = await page.evaluate(() => {
          const svg = document.querySelector("svg")!;
          return { width: Math.ceil(svg.width.baseVal.value), height: Math.ceil(svg.height.baseVal.value) };
        });
        await page.setViewport(size);
        await page.screenshot({ path: "test-artifacts/svg/lanes-light.png" });
      }
    },
    60_000,
  );
});
