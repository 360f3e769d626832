/// <reference lib="dom" />
// The value × effort matrix in a real Chromium: with 10, 100 and 1,000 opportunities (and 300 in one
// cell), every label, "… and N more" line, quadrant name and legend is measured by the browser (getBBox):
// no two overlap, no text covers a dot, each lies inside the picture. Screenshots go to test-artifacts/.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { renderMatrix } from "../../src/render/backlog/matrix.js";
import { rankOpportunities, prioritySettings } from "../../src/backlog/priority.js";
import { inside, overlappingPairs, type Area } from "../render/svg/geometry.js";
import { madeUpOpportunities } from "../helpers/backlog-opportunities.js";

const executable = findBrowser();
const mustRun = process.env.CI === "true";
const ORIGIN = "http://journeymap.test";

interface Shape extends Area {
  kind: string;
  text: string;
}

describe.runIf(executable !== undefined || mustRun)("the value × effort matrix in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let body = "";

  beforeAll(async () => {
    browser = await launchBrowser(executable, "the matrix test");
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (request.url() === `${ORIGIN}/matrix.svg`)
        void request.respond({ status: 200, contentType: "image/svg+xml; charset=utf-8", body });
      else void request.abort();
    });
    mkdirSync("test-artifacts/backlog", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(svg: string): Promise<{ width: number; height: number; shapes: Shape[]; leaders: number[][] }> {
    body = svg;
    await page.goto(`${ORIGIN}/matrix.svg`, { waitUntil: "load" });
    return page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      const leaders = Array.from(document.querySelectorAll("g.leaders line")).map((line) =>
        ["x1", "y1", "x2", "y2"].map((name) => Number(line.getAttribute(name))),
      );
      const shapes = Array.from(document.querySelectorAll("text, circle")).map((element) => {
        const box = (element as SVGGraphicsElement).getBBox();
        const kind = element.tagName === "circle" ? "dot" : (element.getAttribute("class") ?? "text");
        return { kind, text: element.textContent ?? "", x: box.x, y: box.y, width: box.width, height: box.height };
      });
      return { width: root.width.baseVal.value, height: root.height.baseVal.value, shapes, leaders };
    });
  }

  const cases = [
    { name: "10 opportunities", opportunities: madeUpOpportunities(10) },
    { name: "100 opportunities", opportunities: madeUpOpportunities(100) },
    { name: "1,000 opportunities", opportunities: madeUpOpportunities(1000, { seed: 3 }) },
    { name: "300 opportunities in one cell", opportunities: madeUpOpportunities(300, { crowded: true }) },
    {
      name: "100 opportunities titled in Arabic, joined emoji, CJK and wide ligatures",
      opportunities: madeUpOpportunities(100, { seed: 5 }).map((opportunity, i) => ({
        ...opportunity,
        title: [
          "مرحبا بالعالم الطلب السريع",
          "👨‍👩‍👧‍👦👩🏽‍💻🏳️‍🌈 family",
          "配送の時間を選ぶ画面",
          "\ufdfd\ufdfa wide",
          "WWWWWWWWWWWWWWWWWWWW",
        ][i % 5]!,
      })),
    },
  ];
  for (const { name, opportunities } of cases) {
    it(`${name}: labels that overlap nothing, inside the picture`, { timeout: 60_000 }, async () => {
      const ranked = rankOpportunities(opportunities, prioritySettings());
      for (const theme of ["light", "dark"] as const) {
        const svg = renderMatrix(ranked, { theme });
        const live = await open(svg);
        const picture = { x: 0, y: 0, width: live.width, height: live.height };
        // The rotated axis title's box is in its own coordinates: it is checked by the picture's margin.
        const texts = live.shapes.filter((shape) => !["dot", "axis"].includes(shape.kind));
        const labels = live.shapes.filter((shape) => shape.kind === "label");
        const dots = live.shapes.filter((shape) => shape.kind === "dot" && shape.width <= 12);
        for (const text of texts) expect(inside(text, picture), `${text.kind} "${text.text}" outside`).toBe(true);
        expect(overlappingPairs(texts).map(([a, b]) => `${a.text} × ${b.text}`)).toEqual([]);
        // No leader line passes through a label (sampled every pixel along the line, a pixel inside the box).
        const crossed = live.leaders.flatMap(([x1, y1, x2, y2]) => {
          const steps = Math.ceil(Math.hypot(x2! - x1!, y2! - y1!));
          return labels.filter((label) =>
            Array.from({ length: steps + 1 }, (_, i) => i / Math.max(1, steps)).some((t) =>
              inside({ x: x1! + (x2! - x1!) * t, y: y1! + (y2! - y1!) * t, width: 0, height: 0 }, label, -1),
            ),
          );
        });
        expect(crossed.map((label) => label.text)).toEqual([]);
        const covered = overlappingPairs([...texts, ...dots]).filter(
          ([a, b]) => (a.kind === "dot") !== (b.kind === "dot"),
        );
        expect(covered.map(([a, b]) => `${a.text} × ${b.text}`)).toEqual([]);
        // Every scored opportunity is a dot; each is labelled or counted in a "… and N more" line.
        const scored = ranked.filter(
          (opportunity) => opportunity.value !== undefined && opportunity.effort !== undefined,
        );
        expect(live.shapes.filter((shape) => shape.kind === "dot").length).toBe(scored.length + 5);
        const more = live.shapes.filter((shape) => shape.kind === "more").map((shape) => shape.text);
        const counted = more.reduce((sum, line) => {
          if (!line.startsWith("Value")) return sum;
          const names = line
            .slice(line.indexOf(":") + 2)
            .split(" … and ")[0]!
            .split("; ").length;
          return sum + names + Number(/… and ([\d,]+) more$/.exec(line)?.[1]?.replace(/,/g, "") ?? 0);
        }, 0);
        expect(labels.length + counted).toBe(scored.length);
        if (scored.length <= 10) expect(labels.length).toBe(scored.length);
        if (theme === "light") {
          await page.setViewport({ width: Math.ceil(live.width), height: Math.ceil(live.height) });
          await page.screenshot({
            path: `test-artifacts/backlog/matrix-${opportunities.length}${name.includes("cell") ? "-crowded" : name.includes("Arabic") ? "-scripts" : ""}.png`,
          });
        }
      }
    });
  }
});
