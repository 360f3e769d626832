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
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { MDX_HOSTILE, mdxHostileMaps } from "../helpers/adversarial-mdx.js";
import { checkPicture, nestedHierarchyLinks, overflowingElements, serveSite } from "../helpers/site-checks.js";

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
interface PageCheck {
  images: Array<{ src: string; alt: string; loaded: boolean; width: number }>;
  links: string[];
  text: string;
  /** Elements wider than the content column with no scroll container between them and it. */
  overflowing: string[];
}

describe.runIf((installed && executable !== undefined) || mustRun)(
  "the example repository's docs site, built by Docusaurus",
  () => {
    let server: Awaited<ReturnType<typeof serveSite>> | undefined;
    let origin: string;
    let browser: Browser;
    let page: Page;
    let buildSeconds = 0;
    let hostileMaps = "";
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
      // The hostile maps outside the repository: test-artifacts/ is in .gitignore, which render respects.
      hostileMaps = mkdtempSync(join(tmpdir(), "journeymap-mdx-"));
      for (const [file, text] of Object.entries(mdxHostileMaps())) writeFileSync(join(hostileMaps, file), text);
      const hostile = runCli([
        "render",
        hostileMaps,
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
      // nothing is written into the shared install. No update check: the build fetches nothing.
      const env: Record<string, string | undefined> = {
        ...process.env,
        DOCUSAURUS_NO_PERSISTENT_CACHE: "1",
        NO_UPDATE_NOTIFIER: "1",
      };
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
      server = await serveSite(BUILT);
      origin = server.origin;
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
      await server?.close();
      if (hostileMaps) rmSync(hostileMaps, { recursive: true, force: true });
    });

    async function open(path: string): Promise<PageCheck> {
      await page.goto(`${origin}/${path}`, { waitUntil: "networkidle0" });
      const check = await page.evaluate(async (content) => {
        const column = document.querySelector<HTMLElement>(content)!;
        const images = Array.from(column.querySelectorAll<HTMLImageElement>("img"));
        // Docusaurus loads pictures lazily: load every one before looking.
        for (const image of images) image.loading = "eager";
        await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
        return {
          images: images.map((image) => ({
            src: image.src,
            alt: image.alt,
            loaded: image.complete,
            width: image.naturalWidth,
          })),
          // The page's links, its breadcrumbs, the sidebar and the previous/next links.
          links: Array.from(
            document.querySelectorAll<HTMLAnchorElement>(`${content} a[href], nav a[href], .pagination-nav a[href]`),
          ).map((link) => link.href),
          text: column.innerText,
        };
      }, CONTENT);
      return { ...check, overflowing: await overflowingElements(page, CONTENT) };
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
      "%s: one click opens the picture at full size, its text at 11 px or more, its links reaching built pages",
      async (path) => {
        await open(path);
        const picture = await checkPicture(page, CONTENT);
        expect(picture).toMatchObject({ status: 200, contentType: "image/svg+xml" });
        expect(new URL(picture.href).origin).toBe(origin);
        const opened = await smallestTextOpened(picture.href);
        console.log(
          `${path}: smallest text ${picture.onPage.toFixed(1)} px on the page, ${opened.toFixed(1)} px opened`,
        );
        expect(opened).toBeGreaterThanOrEqual(11);
        expect(picture.opened).toBeGreaterThanOrEqual(11);
        // The stages and cards that detail another map link to its built page.
        if (path === "docs/freshcart") expect(picture.innerLinks.length).toBeGreaterThanOrEqual(3);
        for (const link of picture.innerLinks) {
          expect(link, picture.href).toMatchObject({ status: 200 });
          expect(new URL(link.href).pathname).toMatch(/^\/docs\/(checkout|delivery|refund)$/);
        }
      },
    );

    it("the index nests the hierarchy and shows the heat map", async () => {
      const check = await open("docs/");
      expect(check.text).toContain("4 maps, 21 touchpoints, 9 pain points and 9 opportunities.");
      expect(await nestedHierarchyLinks(page, CONTENT)).toEqual([
        "FreshCart - checkout",
        "FreshCart - delivery and substitutions",
        "FreshCart - refund for an unwanted item",
      ]);
      const parents = await page.$$eval(`${CONTENT} ul ul > li > a`, (links) =>
        links.map((link) => link.closest("ul")!.closest("li")!.querySelector("a")!.textContent),
      );
      expect(new Set(parents)).toEqual(new Set(["FreshCart - first grocery order"]));
      const heatmap = check.images.find((image) => image.alt.startsWith("Heat map"));
      expect(heatmap?.width).toBeGreaterThan(400);
      // The heat map's alt text as written: Docusaurus's image plugin would show "map&#39;s" for "map's".
      expect(heatmap!.alt).not.toMatch(/&#?\w+;/);
      console.log(
        `heat map: smallest text ${(await smallestTextOpened(`${origin}/docs/portfolio-heatmap.svg`)).toFixed(1)} px opened`,
      );
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
      for (const key of ["touchpoint", "pain", "opportunity"] as const)
        expect(shown(root), key).toContain(MDX_HOSTILE[key]);
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
      // The root's picture links to its child's route, which Docusaurus made without the number prefix.
      const picture = await checkPicture(page, CONTENT);
      expect(picture.innerLinks.map((link) => [new URL(link.href).pathname, link.status])).toEqual([
        ["/docs/hostile/child", 200],
      ]);
      // Docusaurus names a page after the front matter's title: the sidebar, the previous/next links and
      // the browser's title bar show it as written, not the heading's Markdown escapes.
      const names = await page.evaluate(() => ({
        title: document.title,
        sidebar: Array.from(document.querySelectorAll(".menu__link")).map((link) => link.textContent ?? ""),
        pagination: Array.from(document.querySelectorAll(".pagination-nav__label")).map((label) => label.textContent),
      }));
      const plain = (text: string) => text.replace(/\u200b/g, "");
      expect(plain(names.title)).toBe(`${MDX_HOSTILE.rootTitle} | FreshCart journeys`);
      expect(names.sidebar.map(plain)).toEqual(expect.arrayContaining([MDX_HOSTILE.rootTitle, MDX_HOSTILE.childTitle]));
      expect(names.pagination.map((label) => plain(label ?? ""))).toContain(MDX_HOSTILE.childTitle);
    });
  },
);
