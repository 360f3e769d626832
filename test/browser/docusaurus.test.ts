/// <reference lib="dom" />
// The docs site built by the real Docusaurus (3.x, classic preset, MDX), as a team would set it up:
// journeymap renders the example repository into the site's docs/ with --site docusaurus, and a small
// repository of hostile map text (MDX reads braces, "<" and import/export lines as code) into
// docs/hostile/; `docusaurus build` builds it once (every broken link an error); a local server serves
// the build and Chromium checks it as a reader would: every picture loads, every link of the pages and
// inside the full-size pictures resolves, the hierarchy nests, nothing overflows the content column
// outside a scroll container, the picture's smallest text reads at 11 px or more (or opens full size in
// one click), and hostile text is shown as text. Docusaurus is a CI-only tool installed in
// test/browser/docusaurus (npm ci there). Screenshots: test-artifacts/site-docusaurus/.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { MDX_HOSTILE, mdxHostileMaps } from "../helpers/adversarial-mdx.js";

const SITE = join(ROOT, "test/browser/docusaurus");
const DOCUSAURUS = join(SITE, "node_modules/@docusaurus/core/bin/docusaurus.mjs");
const installed = existsSync(DOCUSAURUS);
const executable = findBrowser();
const mustRun = process.env.CI === "true";
if (!mustRun && (!installed || !executable))
  console.warn(
    `\n⚠ SKIPPED test/browser/docusaurus.test.ts: ${
      installed
        ? "no Chromium found (install chromium, or set PUPPETEER_EXECUTABLE_PATH)"
        : "Docusaurus is not installed (npm ci --prefix test/browser/docusaurus)"
    }\n`,
  );

const WORK = join(ROOT, "test-artifacts/docusaurus-build");
const DOCS = join(WORK, "docs");
const BUILT = join(WORK, "build");
const SHOTS = join(ROOT, "test-artifacts/site-docusaurus");
/** The built pages: docs/ is served at /docs/ (Docusaurus's default), a page file x.md at /docs/x. */
const PAGES = ["docs/", "docs/freshcart", "docs/checkout", "docs/delivery", "docs/refund"];
const CONTENT = ".theme-doc-markdown";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".xml": "application/xml",
};

interface PageCheck {
  images: Array<{ src: string; loaded: boolean; width: number; shown: number; link?: string }>;
  links: string[];
  text: string;
  /** Elements wider than the content column with no scroll container between them and it. */
  overflowing: string[];
}

/** The smallest font size of an SVG's text, in its own units (what it is drawn at full size). */
function smallestFontSize(svg: string): number {
  return Math.min(...[...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((found) => Number(found[1])));
}

describe.runIf((installed && executable !== undefined) || mustRun)(
  "the example repository's docs site, built by Docusaurus",
  () => {
    let server: Server;
    let origin: string;
    let browser: Browser;
    let page: Page;
    let buildSeconds = 0;
    const failed: string[] = [];

    beforeAll(async () => {
      expect(installed, "Docusaurus is not installed: npm ci --prefix test/browser/docusaurus").toBe(true);
      rmSync(WORK, { recursive: true, force: true });
      mkdirSync(WORK, { recursive: true });
      for (const file of ["docusaurus.config.mjs", "package.json"]) copyFileSync(join(SITE, file), join(WORK, file));
      mkdirSync(join(WORK, "static/img"), { recursive: true });
      copyFileSync(join(SITE, "static/img/logo.svg"), join(WORK, "static/img/logo.svg"));
      // Docusaurus resolves its preset and theme from the site's folder up: the CI-only install.
      symlinkSync(join(SITE, "node_modules"), join(WORK, "node_modules"), "dir");
      const render = runCli(["render", "examples", "--format", "markdown", "--site", "docusaurus", "--output", DOCS]);
      expect(render.code, render.stderr).toBe(0);
      mkdirSync(join(WORK, "hostile-maps"));
      for (const [file, text] of Object.entries(mdxHostileMaps())) writeFileSync(join(WORK, "hostile-maps", file), text);
      const hostile = runCli([
        "render",
        join(WORK, "hostile-maps"),
        "--format",
        "markdown",
        "--site",
        "docusaurus",
        "--output",
        join(DOCS, "hostile"),
      ]);
      expect(hostile.code, hostile.stderr).toBe(0);
      // Docusaurus sets NODE_ENV itself: Vitest's "test" would make Babel compile the site's modules
      // for Node ("require.resolveWeak is not a function"). No persistent cache: CI builds once, and
      // nothing is written into the shared install.
      const env: Record<string, string | undefined> = { ...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: "1" };
      delete env.NODE_ENV;
      delete env.BABEL_ENV;
      const started = performance.now();
      const build = spawnSync(process.execPath, [DOCUSAURUS, "build", "--no-minify"], {
        cwd: WORK,
        encoding: "utf8",
        timeout: 500_000,
        env,
      });
      buildSeconds = (performance.now() - started) / 1000;
      console.log(`docusaurus build: ${buildSeconds.toFixed(1)} s`);
      // onBrokenLinks, onBrokenAnchors and onBrokenMarkdownLinks throw: the first check of the links.
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      server = createServer((request, response) => {
        const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
        let file = join(BUILT, path);
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
        if (!file.startsWith(BUILT) || !existsSync(file)) {
          response.writeHead(404).end("not found");
          return;
        }
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        response.end(readFileSync(file));
      });
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchBrowser(executable, "the Docusaurus site test");
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
      await new Promise((done) => (server ? server.close(done) : done(undefined)));
    });

    async function open(path: string): Promise<PageCheck> {
      await page.goto(`${origin}/${path}`, { waitUntil: "networkidle0" });
      return page.evaluate(async (content) => {
        const column = document.querySelector<HTMLElement>(content)!;
        const images = Array.from(column.querySelectorAll<HTMLImageElement>("img"));
        // Docusaurus loads pictures lazily: load every one before looking.
        for (const image of images) image.loading = "eager";
        await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
        const right = column.getBoundingClientRect().right;
        const scrolls = (element: Element) => /auto|scroll|hidden/.test(getComputedStyle(element).overflowX);
        const overflowing: string[] = [];
        for (const element of column.querySelectorAll("*")) {
          if (element.getBoundingClientRect().right <= right + 1) continue;
          let inside: Element | null = element;
          while (inside && inside !== column && !scrolls(inside)) inside = inside.parentElement;
          if (inside === column || inside === null)
            overflowing.push(`<${element.tagName.toLowerCase()}> ${element.textContent?.slice(0, 60) ?? ""}`);
        }
        return {
          images: images.map((image) => ({
            src: image.src,
            loaded: image.complete,
            width: image.naturalWidth,
            shown: image.getBoundingClientRect().width,
            ...(image.closest("a") ? { link: image.closest("a")!.href } : {}),
          })),
          links: Array.from(document.querySelectorAll<HTMLAnchorElement>(`${content} a[href], nav a[href]`)).map(
            (link) => link.href,
          ),
          text: column.innerText,
          overflowing,
        };
      }, CONTENT);
    }

    /** The smallest text of a full-size picture as Chromium draws it when the reader opens it, in CSS px. */
    async function smallestTextOpened(url: string): Promise<number> {
      const viewer = await browser.newPage();
      try {
        await viewer.goto(url, { waitUntil: "load" });
        return await viewer.evaluate(() =>
          Math.min(
            ...Array.from(document.querySelectorAll<SVGTextElement>("text")).map(
              (text) => parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1),
            ),
          ),
        );
      } finally {
        await viewer.close();
      }
    }

    it.each(PAGES)(
      "%s: every picture loads, every link resolves, nothing overflows the column outside a scroll container",
      async (path) => {
        const check = await open(path);
        expect(check.images.length).toBeGreaterThan(0);
        for (const image of check.images) {
          expect(image.loaded, image.src).toBe(true);
          expect(image.width, image.src).toBeGreaterThan(100);
        }
        const internal = check.links.filter((href) => href.startsWith(origin) && !href.includes("#"));
        expect(internal.length).toBeGreaterThan(0);
        for (const href of new Set(internal)) expect((await fetch(href)).status, href).toBe(200);
        expect(check.overflowing).toEqual([]);
        expect(failed).toEqual([]);
      },
    );

    it.each(PAGES.slice(1))(
      "%s: the picture reads at 11 px or opens at full size in one click, and the links inside it reach built pages",
      async (path) => {
        const check = await open(path);
        const picture = check.images.find((image) => image.link?.endsWith(".svg"));
        expect(picture, "the map's picture, linked to its full-size SVG").toBeDefined();
        const full = await fetch(picture!.link!);
        expect(full.status, picture!.link).toBe(200);
        const svg = await full.text();
        const inPage = smallestFontSize(svg) * (picture!.shown / picture!.width);
        const opened = await smallestTextOpened(picture!.link!);
        console.log(`${path}: smallest text ${inPage.toFixed(1)} px in the page, ${opened.toFixed(1)} px opened`);
        expect(Math.max(inPage, opened)).toBeGreaterThanOrEqual(11);
        // The cards that detail another map link to its page, relative to where the SVG is served.
        const hrefs = [...svg.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((found) => found[1]!);
        if (path === "docs/freshcart") expect(hrefs.length).toBeGreaterThanOrEqual(3);
        for (const href of hrefs) {
          const target = new URL(href.replace(/&amp;/g, "&"), picture!.link!);
          expect(target.origin).toBe(origin);
          const response = await fetch(target);
          expect(response.status, `${href} in ${picture!.link!}`).toBe(200);
          expect(await response.text(), href).toMatch(/<h1[^>]*>FreshCart/);
        }
      },
    );

    it("the index nests the hierarchy and shows the heat map with its numbers", async () => {
      const check = await open("docs/");
      expect(check.text).toContain("4 maps, 21 touchpoints, 10 pain points and 9 opportunities.");
      const nested = await page.$$eval(`${CONTENT} li li > a`, (links) => links.map((link) => link.textContent));
      expect(nested).toEqual(
        expect.arrayContaining([
          "FreshCart - checkout",
          "FreshCart - delivery and substitutions",
          "FreshCart - refund for an unwanted item",
        ]),
      );
      const parent = await page.$$eval(`${CONTENT} li li > a`, (links) =>
        links.map((link) => link.parentElement!.parentElement!.closest("li")!.querySelector("a")!.textContent),
      );
      expect(new Set(parent)).toEqual(new Set(["FreshCart - first grocery order"]));
      const heatmap = check.images.find((image) => /heatmap/.test(image.src) || /heat map/i.test(image.src));
      expect(heatmap ?? check.images[0]).toBeDefined();
      await page.screenshot({ path: join(SHOTS, "index.png"), fullPage: true });
    });

    it("a detail map's page has breadcrumbs to its parent and its picture; screenshot", async () => {
      const check = await open("docs/checkout");
      expect(check.text).toMatch(/^Journey maps › FreshCart - first grocery order › FreshCart - checkout/m);
      await page.screenshot({ path: join(SHOTS, "checkout.png"), fullPage: true });
    });

    it("hostile map text builds in MDX and is shown as text: no JSX, no expression, no module, no script", async () => {
      const root = await open("docs/hostile/root");
      const child = await open("docs/hostile/child");
      const index = await open("docs/hostile/");
      const shown = (check: PageCheck) => check.text.replace(/\u200b/g, "");
      for (const key of ["rootDescription", "persona", "personaDescription", "stage", "stageDescription"] as const)
        expect(shown(root), key).toContain(MDX_HOSTILE[key]);
      for (const key of ["touchpoint", "pain", "opportunity"] as const) expect(shown(root), key).toContain(MDX_HOSTILE[key]);
      expect(shown(root)).toContain(MDX_HOSTILE.rootTitle);
      expect(shown(child)).toContain(MDX_HOSTILE.childTitle);
      expect(shown(child)).toContain(MDX_HOSTILE.childTouchpoint);
      expect(shown(index)).toContain(MDX_HOSTILE.childTitle);
      await page.goto(`${origin}/docs/hostile/root`, { waitUntil: "networkidle0" });
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(
        await page.$$eval(`${CONTENT} :is(script, img[src=x], details, tabs, foo, b, [onclick])`, (found) =>
          found.map((element) => element.outerHTML),
        ),
      ).toEqual([]);
      expect(root.links.filter((href) => href.startsWith("javascript:"))).toEqual([]);
    });
  },
);
