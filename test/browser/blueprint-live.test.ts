/// <reference lib="dom" />
// The service blueprint in a real Chromium (issue 22): the hotel check-in example and a generated
// blueprint with long texts and many arrows, opened as SVG documents and measured with getBBox: every
// text inside its card and clear of the others and of the fail and wait marks, every arrow ending on the
// card it serves (within 1 px), no arrow segment crossing a card; the same bytes twice.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBlueprint } from "../../bench/generate-blueprint.mjs";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { renderBlueprintSvg } from "../../src/render/blueprint/index.js";
import { arrowsMissingTheirCard, pathPoints, segmentsThroughCards } from "../helpers/blueprint-checks.js";
import { inside, overlappingPairs, type Area } from "../render/svg/geometry.js";
import { loadMap, loadText } from "../render/svg/maps.js";

const executable = findBrowser();
const mustRun = process.env.CI === "true";
if (!executable && !mustRun) {
  console.warn(
    "\n⚠ SKIPPED test/browser/blueprint-live.test.ts: no Chromium found (install chromium, or set PUPPETEER_EXECUTABLE_PATH)\n",
  );
}

const ORIGIN = "http://journeymap.test";

interface LiveText extends Area {
  text: string;
  box: string | null;
  mark: boolean;
}

interface LiveBlueprint {
  width: number;
  height: number;
  texts: LiveText[];
  cards: Array<Area & { id: string; painted: boolean }>;
  marks: Array<Area & { box: string }>;
  arrows: Array<{ d: string; to: string; end: { x: number; y: number } }>;
  scripts: number;
}

const BLUEPRINTS = [
  {
    name: "hotel check-in example",
    arrows: 17,
    svg: (theme: "light" | "dark") =>
      renderBlueprintSvg(loadMap("docs/examples/hotel-check-in.blueprint.yaml"), { theme }),
  },
  {
    name: "generated: 60 touchpoints, 400 arrows, long texts",
    arrows: 400,
    svg: (theme: "light" | "dark") =>
      renderBlueprintSvg(loadText(generateBlueprint({ touchpoints: 60, stages: 7, arrows: 400, textWords: 28 })), {
        theme,
      }),
  },
];

describe.runIf(executable !== undefined || mustRun)("the service blueprint in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let svgBody = "";

  beforeAll(async () => {
    browser = await launchBrowser(executable, "the live blueprint test");
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url() === `${ORIGIN}/blueprint.svg`)
        void request.respond({ status: 200, contentType: "image/svg+xml; charset=utf-8", body: svgBody });
      else void request.abort();
    });
    mkdirSync("test-artifacts/svg", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(svg: string): Promise<LiveBlueprint> {
    svgBody = svg;
    await page.goto(`${ORIGIN}/blueprint.svg`, { waitUntil: "load" });
    return page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      const area = (element: Element) => {
        const box = (element as SVGGraphicsElement).getBBox();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      };
      return {
        width: root.width.baseVal.value,
        height: root.height.baseVal.value,
        cards: Array.from(document.querySelectorAll("rect[data-card]")).map((rect) => ({
          id: rect.getAttribute("data-card")!,
          painted: rect.getAttribute("fill") !== "none",
          ...area(rect),
        })),
        texts: Array.from(document.querySelectorAll("text")).map((text) => ({
          text: text.textContent ?? "",
          box: text.closest("[data-in]")?.getAttribute("data-in") ?? null,
          mark: text.closest("[data-mark]") !== null,
          ...area(text),
        })),
        marks: Array.from(document.querySelectorAll("g[data-mark]")).map((mark) => ({
          box: mark.getAttribute("data-in")!,
          ...area(mark),
        })),
        arrows: Array.from(document.querySelectorAll("path[data-arrow]")).map((path) => {
          const line = path as SVGPathElement;
          const end = line.getPointAtLength(line.getTotalLength());
          return {
            d: line.getAttribute("d")!,
            to: line.getAttribute("data-arrow")!.split(" ")[1]!,
            end: { x: end.x, y: end.y },
          };
        }),
        scripts: document.getElementsByTagName("script").length,
      };
    });
  }

  for (const blueprint of BLUEPRINTS)
    for (const theme of ["light", "dark"] as const)
      it(`${blueprint.name} (${theme}): texts in their cards, arrows on their cards and off every other`, async () => {
        const svg = blueprint.svg(theme);
        expect(blueprint.svg(theme)).toBe(svg);
        const live = await open(svg);
        expect(live.scripts).toBe(0);
        const cards = new Map(live.cards.map((card) => [card.id, card]));

        const lost = live.texts.filter(
          (text) => !text.box || !cards.has(text.box) || !inside(text, cards.get(text.box)!, 0.01),
        );
        expect(lost.map((text) => `${text.box}: "${text.text}" ${JSON.stringify(text)}`)).toEqual([]);
        expect(overlappingPairs(live.texts, 0.01).map(([a, b]) => `"${a.text}" / "${b.text}"`)).toEqual([]);
        const painted = live.cards.filter((card) => card.painted);
        expect(overlappingPairs(painted, 0.01).map(([a, b]) => `${a.id} / ${b.id}`)).toEqual([]);
        for (const mark of live.marks) {
          expect(inside(mark, cards.get(mark.box)!, 0.01), `a mark of ${mark.box} sticks out`).toBe(true);
          const covered = live.texts.filter(
            (text) => text.box === mark.box && !text.mark && overlappingPairs([text, mark], 0.01).length > 0,
          );
          expect(covered.map((text) => text.text)).toEqual([]);
        }

        expect(live.arrows).toHaveLength(blueprint.arrows);
        const arrows = live.arrows.map((arrow, i) => ({
          label: `arrow ${i + 1} to ${arrow.to}`,
          to: arrow.to,
          end: arrow.end,
          points: pathPoints(arrow.d),
        }));
        expect(arrowsMissingTheirCard(arrows, cards, 1)).toEqual([]);
        expect(segmentsThroughCards(arrows, painted, 1)).toEqual([]);

        if (blueprint.name.startsWith("hotel")) {
          await page.setViewport({ width: Math.ceil(live.width), height: Math.ceil(live.height) });
          await page.screenshot({ path: `test-artifacts/svg/blueprint-hotel-check-in-${theme}.png` });
        }
      });
});
