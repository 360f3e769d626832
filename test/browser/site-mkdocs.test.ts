/// <reference lib="dom" />
// The docs site built by MkDocs (Debian's mkdocs), with the Material theme when it is installed and with
// MkDocs's own: journeymap renders the example repository into docs/journeys of a MkDocs project,
// found by its mkdocs.yml (no --site), `mkdocs build --strict` builds it, and Chromium checks it as a
// reader would (test/helpers/site-checks.ts): every picture loads, every link resolves, the picture's
// link opens the full-size SVG whose links reach the built pages, its smallest text is 11 px or more, the
// hierarchy nests, nothing overflows the content column outside a scroll container.
// Screenshots: test-artifacts/site-mkdocs/index.png and freshcart.png (Material), site-mkdocs-mkdocs/ (MkDocs's own).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { expectReadablePicture, nestedHierarchyLinks, overflowingElements, serveSite } from "../helpers/site-checks.js";

const executable = findBrowser();
const mkdocs = spawnSync("mkdocs", ["--version"], { encoding: "utf8" }).status === 0;
const mustRun = process.env.CI === "true";
if ((!executable || !mkdocs) && !mustRun)
  console.warn(
    `\n⚠ SKIPPED test/browser/site-mkdocs.test.ts: ${executable ? "" : "no Chromium found; "}${mkdocs ? "" : "no mkdocs (apt-get install mkdocs mkdocs-material)"}\n`,
  );

/** Material when MkDocs knows the theme (Debian's mkdocs-material), else MkDocs's own. */
const material =
  mkdocs &&
  spawnSync("/usr/bin/python3", [
    "-c",
    "from mkdocs.utils import get_theme_names; assert 'material' in get_theme_names()",
  ]).status === 0;
/** Each theme the site is built with (Material first, when installed), and the element of its content column. */
const THEMES = [
  ...(material ? [{ theme: "material", content: ".md-content .md-typeset" }] : []),
  { theme: "mkdocs", content: '[role="main"]' },
];

const PAGES = ["journeys/", "journeys/freshcart/", "journeys/checkout/", "journeys/delivery/", "journeys/refund/"];

describe.runIf((executable !== undefined && mkdocs) || mustRun).each(THEMES)(
  "the example repository's docs site, built by MkDocs with the $theme theme",
  ({ theme, content: CONTENT }) => {
    const BUILD = join(ROOT, `test-artifacts/site-mkdocs-build-${theme}`);
    const SITE = join(BUILD, "site");
    const SHOTS = join(
      ROOT,
      theme === "material" ? "test-artifacts/site-mkdocs" : `test-artifacts/site-mkdocs-${theme}`,
    );
    /** The configuration docs/site.md gives for MkDocs: md_in_html and attr_list, with the theme. */
    const CONFIG = `site_name: FreshCart journeys
theme:
  name: ${theme}
markdown_extensions:
  - md_in_html
  - attr_list
  - tables
`;
    let server: Awaited<ReturnType<typeof serveSite>> | undefined;
    let browser: Browser;
    let page: Page;
    const failed: string[] = [];

    beforeAll(async () => {
      rmSync(BUILD, { recursive: true, force: true });
      mkdirSync(join(BUILD, "docs"), { recursive: true });
      writeFileSync(join(BUILD, "mkdocs.yml"), CONFIG);
      writeFileSync(join(BUILD, "docs/index.md"), "# FreshCart\n\nSee [the journeys](journeys/index.md).\n");
      const render = runCli(["render", "examples", "--format", "markdown", "--output", join(BUILD, "docs/journeys")]);
      expect(render.code, render.stderr).toBe(0);
      // --strict: a link to a page or picture that does not exist fails the build.
      const build = spawnSync("mkdocs", ["build", "--strict"], { cwd: BUILD, encoding: "utf8", timeout: 300_000 });
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      server = await serveSite(SITE);
      browser = await launchBrowser(executable, "the MkDocs site test");
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on("response", (response) => {
        if (response.status() >= 400 && !response.url().endsWith("/favicon.ico"))
          failed.push(`${response.status()} ${response.url()}`);
      });
      mkdirSync(SHOTS, { recursive: true });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function open(path: string) {
      await page.goto(`${server!.origin}/${path}`, { waitUntil: "networkidle0" });
      return page.evaluate(
        (content) => ({
          images: Array.from(document.querySelectorAll<HTMLImageElement>(`${content} img`)).map((image) => ({
            src: image.src,
            width: image.naturalWidth,
          })),
          links: Array.from(document.querySelectorAll<HTMLAnchorElement>(`${content} a[href]`)).map(
            (link) => link.href,
          ),
        }),
        CONTENT,
      );
    }

    it("was rendered for MkDocs, found by its mkdocs.yml: four-space lists, tables in scroll boxes", () => {
      const index = readFileSync(join(BUILD, "docs/journeys/index.md"), "utf8");
      expect(index).toContain("\n    - [FreshCart - checkout](checkout.md)\n");
      expect(index).toContain('<div class="journeymap-table" style="overflow-x: auto" markdown="1">');
    });

    it.each(PAGES)("%s: every picture loads and every link resolves", async (path) => {
      const check = await open(path);
      expect(check.images.length).toBeGreaterThan(0);
      for (const image of check.images) expect(image.width, image.src).toBeGreaterThan(100);
      const internal = check.links.filter((href) => href.startsWith(server!.origin) && !href.includes("#"));
      expect(internal.length).toBeGreaterThan(0);
      for (const href of new Set(internal)) expect((await fetch(href)).status, href).toBe(200);
      expect(failed).toEqual([]);
    });

    it("a map's picture opens full size in one click, its links reach the built pages, its text reads at 11 px", async () => {
      await open("journeys/freshcart/");
      const size = await expectReadablePicture(page, CONTENT, {
        svg: "/journeys/freshcart.svg",
        pages: ["/journeys/checkout/", "/journeys/delivery/", "/journeys/refund/"],
      });
      console.log(`MkDocs: the picture's smallest text is ${size.toFixed(1)} px on the page`);
      await page.screenshot({ path: join(SHOTS, "freshcart.png"), fullPage: true });
    });

    it("the index's hierarchy nests, and nothing overflows the content column outside a scroll container", async () => {
      await open("journeys/");
      expect(await nestedHierarchyLinks(page, CONTENT)).toEqual([
        "FreshCart - checkout",
        "FreshCart - delivery and substitutions",
        "FreshCart - refund for an unwanted item",
      ]);
      expect(await overflowingElements(page, CONTENT)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, "index.png"), fullPage: true });
      await open("journeys/checkout/");
      expect(await overflowingElements(page, CONTENT)).toEqual([]);
      // The check can tell: a wide element outside any scroll box is reported.
      await page.evaluate((content) => {
        const wide = document.createElement("p");
        wide.className = "too-wide";
        wide.style.width = "3000px";
        document.querySelector(content)!.append(wide);
      }, CONTENT);
      expect(await overflowingElements(page, CONTENT)).toEqual(["p.too-wide: "]);
    });
  },
);
