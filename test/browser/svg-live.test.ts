/// <reference lib="dom" />
// The native SVG in a real Chromium: each example and stress fixture opened as an SVG document, then
// checked from the live page: every text inside its card and inside the drawing, no two texts
// overlapping, nothing injected ran, nothing fetched; the same for the pictures of the diff pairs.
// Screenshots of the examples go to test-artifacts/.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { inside, overlappingPairs, type Area } from "../render/svg/geometry.js";
import { allMaps, EXAMPLES, loadMap } from "../render/svg/maps.js";
import { DIFF_PAIRS, diffSvg } from "../diff/pictures.js";

const executable = findBrowser();
const mustRun = process.env.CI === "true";
if (!executable && !mustRun) {
  console.warn(
    "\n⚠ SKIPPED test/browser/svg-live.test.ts: no Chromium found (install chromium, or set PUPPETEER_EXECUTABLE_PATH)\n",
  );
}

const ORIGIN = "http://journeymap.test";

interface LiveText extends Area {
  text: string;
  box: string | null;
}

interface LivePage {
  width: number;
  height: number;
  texts: LiveText[];
  cards: Record<string, Area>;
  injected: unknown;
  scripts: number;
  handlers: string[];
  foreign: number;
}

describe.runIf(executable !== undefined || mustRun)("the native SVG in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let svgBody = "";
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(executable, "the live SVG test");
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      // The picture itself is served from a made-up origin; anything else it asks for is a failure.
      if (request.url() === `${ORIGIN}/map.svg`) {
        void request.respond({ status: 200, contentType: "image/svg+xml; charset=utf-8", body: svgBody });
      } else {
        // Chromium asks every document's origin for a favicon on its own; the picture did not ask.
        if (!request.url().endsWith("/favicon.ico")) requests.push(request.url());
        void request.abort();
      }
    });
    mkdirSync("test-artifacts/svg", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens an SVG as a document of its own (where a <script> in it would run) and reads it back. */
  async function open(svg: string): Promise<LivePage> {
    svgBody = svg;
    requests.length = 0;
    await page.goto(`${ORIGIN}/map.svg`, { waitUntil: "load" });
    return page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      const cards: Record<string, { x: number; y: number; width: number; height: number }> = {};
      for (const rect of Array.from(document.querySelectorAll("rect[data-card]"))) {
        const box = (rect as SVGRectElement).getBBox();
        cards[rect.getAttribute("data-card")!] = { x: box.x, y: box.y, width: box.width, height: box.height };
      }
      const texts = Array.from(document.querySelectorAll("text")).map((element) => {
        const box = element.getBBox();
        const screen = element.getBoundingClientRect();
        // getBBox is in the drawing's units, the screen box in CSS px; with a 1:1 viewBox they agree.
        return {
          text: element.textContent ?? "",
          box: element.getAttribute("data-in"),
          x: box.x,
          y: box.y,
          width: Math.max(box.width, screen.width),
          height: box.height,
        };
      });
      const handlers: string[] = [];
      for (const element of Array.from(document.querySelectorAll("*"))) {
        for (const attribute of Array.from(element.attributes))
          if (/^on/i.test(attribute.name)) handlers.push(`${element.tagName} ${attribute.name}`);
      }
      return {
        width: root.width.baseVal.value,
        height: root.height.baseVal.value,
        texts,
        cards,
        injected: (window as unknown as { __journeymapInjected?: unknown }).__journeymapInjected,
        scripts: document.getElementsByTagName("script").length,
        handlers,
        foreign: document.querySelectorAll("foreignObject, iframe, image, a, use, style").length,
      };
    });
  }

  for (const { name, path } of allMaps()) {
    for (const theme of ["light", "dark"] as const) {
      if (theme === "dark" && !(EXAMPLES as readonly string[]).includes(name)) continue;
      it(`${name} (${theme}): every text inside its card and the drawing, no overlaps, nothing ran`, async () => {
        const live = await open(renderSvg(loadMap(path), { theme }));
        expect(live.texts.length).toBeGreaterThan(0);

        const drawing = { x: 0, y: 0, width: live.width, height: live.height };
        const outside = live.texts.filter((text) => !inside(text, drawing));
        expect(outside.map((text) => text.text)).toEqual([]);

        const untagged = live.texts.filter((text) => !text.box || !live.cards[text.box]);
        expect(untagged.map((text) => text.text)).toEqual([]);
        const escaped = live.texts.filter((text) => !inside(text, live.cards[text.box!]!, 0.01));
        expect(
          escaped.map(
            (text) =>
              `${text.box}: "${text.text}" at ${JSON.stringify({ x: text.x, y: text.y, w: text.width, h: text.height })} not in ${JSON.stringify(live.cards[text.box!])}`,
          ),
        ).toEqual([]);

        const overlaps = overlappingPairs(live.texts, 0.01);
        expect(overlaps.map(([a, b]) => `"${a.text}" / "${b.text}"`)).toEqual([]);

        expect(live.injected).toBeUndefined();
        expect(live.scripts).toBe(0);
        expect(live.handlers).toEqual([]);
        expect(live.foreign).toBe(0);
        expect(requests).toEqual([]);

        if ((EXAMPLES as readonly string[]).includes(name)) {
          await page.setViewport({ width: Math.ceil(live.width), height: Math.ceil(live.height) });
          await page.screenshot({ path: `test-artifacts/svg/${name}-${theme}.png` });
        }
      });
    }
  }

  // The picture of a change (diff --format svg): marks, ghosts, notes, the legend and the old curve add
  // texts and cards, which must stay inside their cards and clear of each other too.
  for (const pair of DIFF_PAIRS) {
    for (const [sides, theme] of [
      ["both", "light"],
      ["both", "dark"],
      ["old", "light"],
      ["new", "light"],
    ] as const) {
      if (theme === "dark" && pair !== "as-is-to-be") continue;
      it(`diff picture ${pair} (${sides === "both" ? "changed" : sides === "old" ? "deleted" : "added"}, ${theme}): texts inside their cards, no overlaps, nothing ran`, async () => {
        const live = await open(await diffSvg(pair, sides, theme));
        expect(live.texts.length).toBeGreaterThan(0);
        expect(
          live.texts.filter((text) => !inside(text, { x: 0, y: 0, width: live.width, height: live.height })),
        ).toEqual([]);
        const escaped = live.texts.filter(
          (text) => !text.box || !live.cards[text.box] || !inside(text, live.cards[text.box]!, 0.01),
        );
        expect(escaped.map((text) => `${text.box}: "${text.text}"`)).toEqual([]);
        expect(overlappingPairs(live.texts, 0.01).map(([a, b]) => `"${a.text}" / "${b.text}"`)).toEqual([]);
        expect([live.injected, live.scripts, live.handlers, live.foreign, requests]).toEqual([undefined, 0, [], 0, []]);
        if (sides === "both") {
          await page.setViewport({ width: Math.ceil(live.width), height: Math.ceil(live.height) });
          await page.screenshot({ path: `test-artifacts/svg/diff-${pair}-${theme}.png` });
        }
      });
    }
  }
});
