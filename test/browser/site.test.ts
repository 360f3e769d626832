/// <reference lib="dom" />
// The docs site built by a real static-site generator: journeymap renders the example repository
// (render examples --format markdown --mermaid), VitePress builds it, a local server serves it, and
// Chromium checks it as a reader would: every picture loads, every link between pages resolves, the
// heat map and the backlog show the expected content, the Mermaid diagram is drawn at a readable size;
// the pages are written with --site vitepress: the picture's link opens the full-size SVG, whose links reach
// the built pages, its smallest text reads at 11 px or more, the hierarchy nests, and nothing overflows the
// content column outside a scroll container (test/helpers/site-checks.ts).
// Screenshots: test-artifacts/site-vitepress/index.png and test-artifacts/site-vitepress/checkout.png.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { expectReadablePicture, nestedHierarchyLinks, overflowingElements, serveSite } from "../helpers/site-checks.js";

const executable = findBrowser();
const mustRun = process.env.CI === "true";
if (!executable && !mustRun)
  console.warn(
    "\n⚠ SKIPPED test/browser/site.test.ts: no Chromium found (install chromium, or set PUPPETEER_EXECUTABLE_PATH)\n",
  );

const BUILD = join(ROOT, "test-artifacts/site-build");
const DOCS = join(BUILD, "docs");
const DIST = join(DOCS, ".vitepress/dist");
const SHOTS = join(ROOT, "test-artifacts/site-vitepress");
const PAGES = ["index.html", "freshcart.html", "checkout.html", "delivery.html", "refund.html"];

const HOSTILE = `journeymap: 1
title: "Hostile {{ 7 * 191 }} <img src=x onerror=alert(1)>"
description: "{{ $router }} and <script>window.injected = 1</script>"
personas:
  - id: p
    name: "{{ 6 * 7 }}"
stages:
  - id: s
    name: "{{ 2 * 21 }} stage"
    touchpoints:
      - name: "[a link](javascript:alert(1))"
        painPoints: ["{{ constructor.constructor('return 1')() }}"]
`;

interface PageCheck {
  images: Array<{ src: string; loaded: boolean; width: number }>;
  links: string[];
  text: string;
}

describe.runIf(executable !== undefined || mustRun)("the example repository's docs site, built by VitePress", () => {
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const failed: string[] = [];

  beforeAll(async () => {
    rmSync(BUILD, { recursive: true, force: true });
    mkdirSync(join(DOCS, ".vitepress/theme"), { recursive: true });
    copyFileSync(join(ROOT, "test/browser/site/config.mjs"), join(DOCS, ".vitepress/config.mjs"));
    copyFileSync(join(ROOT, "test/browser/site/theme.mjs"), join(DOCS, ".vitepress/theme/index.mjs"));
    const render = runCli([
      "render",
      "examples",
      "--format",
      "markdown",
      "--output",
      DOCS,
      "--mermaid",
      "--site",
      "vitepress",
    ]);
    expect(render.code, render.stderr).toBe(0);
    // A hostile page beside them: VitePress compiles Markdown as Vue templates, so map text such as
    // "{{ 7 * 191 }}" must reach the page as text, never as an expression.
    writeFileSync(join(BUILD, "hostile.journey.yaml"), HOSTILE);
    const hostile = runCli(["render", join(BUILD, "hostile.journey.yaml"), "--output", join(DOCS, "hostile.md")]);
    expect(hostile.code, hostile.stderr).toBe(0);
    // VitePress fails the build on a dead link between pages: the first check of the links.
    const build = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/vitepress/bin/vitepress.js"), "build", "docs"],
      {
        cwd: BUILD,
        encoding: "utf8",
        timeout: 400_000,
      },
    );
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    server = await serveSite(DIST);
    origin = server.origin;
    browser = await launchBrowser(executable, "the docs-site test");
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico"))
        failed.push(`${response.status()} ${response.url()}`);
    });
    page.on("requestfailed", (request) => failed.push(`failed ${request.url()}`));
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(name: string): Promise<PageCheck> {
    await page.goto(`${origin}/${name}`, { waitUntil: "networkidle0" });
    return page.evaluate(() => ({
      images: Array.from(document.querySelectorAll<HTMLImageElement>(".vp-doc img")).map((image) => ({
        src: image.src,
        loaded: image.complete,
        width: image.naturalWidth,
      })),
      links: Array.from(document.querySelectorAll<HTMLAnchorElement>(".vp-doc a[href]")).map((link) => link.href),
      text: document.querySelector<HTMLElement>(".vp-doc")?.innerText ?? "",
    }));
  }

  it.each(PAGES)("%s: every picture loads and every link to a page resolves", async (name) => {
    const check = await open(name);
    expect(check.images.length).toBeGreaterThan(0);
    for (const image of check.images)
      expect(image, image.src).toMatchObject({ loaded: true, width: expect.any(Number) as number });
    expect(check.images.every((image) => image.width > 100)).toBe(true);
    const internal = check.links.filter((href) => href.startsWith(origin) && !href.includes("#"));
    expect(internal.length).toBeGreaterThan(0);
    for (const href of new Set(internal)) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
    }
    expect(failed).toEqual([]);
  });

  it("a hostile map's text reaches the page as text: no Vue expression evaluated, no HTML, no script", async () => {
    const check = await open("hostile.html");
    // The braces are kept apart by a zero-width space, which a reader does not see.
    const text = check.text.replace(/\u200b/g, "");
    expect(text).toContain("Hostile {{ 7 * 191 }} <img src=x onerror=alert(1)>");
    expect(text).toContain("{{ constructor.constructor('return 1')() }}");
    expect(text).toContain("{{ 2 * 21 }} stage");
    expect(text).not.toMatch(/1337|\b42\b/);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    expect(await page.$$eval(".vp-doc script, .vp-doc img[src=x]", (found) => found.length)).toBe(0);
    expect(check.links.filter((href) => href.startsWith("javascript:"))).toEqual([]);
  });

  it("the index shows the hierarchy, the heat map with its numbers, and the backlog by owning team", async () => {
    const check = await open("index.html");
    expect(check.text).toContain("4 maps, 21 touchpoints, 9 pain points and 9 opportunities.");
    const heatmap = check.images.find((image) => image.src.includes("portfolio-heatmap"))!;
    expect(heatmap.loaded && heatmap.width).toBeGreaterThan(400);
    const svg = await (await fetch(heatmap.src)).text();
    for (const title of ["FreshCart - first grocery", "FreshCart - checkout"]) expect(svg).toContain(title);
    expect(svg).toMatch(/>2\.0<\/text>/); // the first order's "First order" stage: 2 and 4 → 3.0; delivery's picking 2.0
    const backlog = check.text.slice(check.text.indexOf("Backlog by owning team"));
    expect(backlog).toMatch(
      /Payments \(payments\)\n[\s\S]*The bank app's confirmation times out \(FreshCart - checkout/,
    );
    expect(backlog).toMatch(/App team \(app\)\n[\s\S]*No evening slots this week/);
    await page.screenshot({ path: join(SHOTS, "index.png"), fullPage: true });
  });

  it("a detail map's page has breadcrumbs to its parent, its picture, and the Mermaid diagram at a readable size", async () => {
    const check = await open("checkout.html");
    expect(check.text).toMatch(/^Journey maps › FreshCart - first grocery order › FreshCart - checkout/m);
    await page.waitForSelector("html[data-mermaid=done]", { timeout: 60_000 });
    const sizes = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".mermaid svg text")).map((text) => text.getBoundingClientRect().height),
    );
    expect(sizes.length).toBeGreaterThan(10);
    const sorted = [...sizes].filter((height) => height > 0).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(10); // median text height in CSS px
    await page.screenshot({ path: join(SHOTS, "checkout.png"), fullPage: true });
  });

  it("a map's picture opens full size in one click, its links reach the built pages, its text reads at 11 px", async () => {
    await open("freshcart.html");
    const size = await expectReadablePicture(page, ".vp-doc", {
      svg: "/freshcart.svg",
      pages: ["/checkout.html", "/delivery.html", "/refund.html"],
    });
    console.log(`VitePress: the picture's smallest text is ${size.toFixed(1)} px on the page`);
  });

  it("the index's hierarchy nests, and nothing overflows the content column outside a scroll container", async () => {
    await open("index.html");
    expect(await nestedHierarchyLinks(page, ".vp-doc")).toEqual([
      "FreshCart - checkout",
      "FreshCart - delivery and substitutions",
      "FreshCart - refund for an unwanted item",
    ]);
    expect(await overflowingElements(page, ".vp-doc")).toEqual([]);
    // The lint status is in view without scrolling the Maps table.
    const lint = await page.evaluate(() => {
      const table = Array.from(document.querySelectorAll(".vp-doc table")).find((found) =>
        found.textContent?.includes("Average emotion"),
      )!;
      const cell = Array.from(table.querySelectorAll("th")).find((th) => th.textContent === "Lint")!;
      return { right: cell.getBoundingClientRect().right, edge: table.getBoundingClientRect().right };
    });
    expect(lint.right).toBeLessThanOrEqual(lint.edge);
    await open("checkout.html");
    expect(await overflowingElements(page, ".vp-doc")).toEqual([]);
  });
});
