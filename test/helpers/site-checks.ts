/// <reference lib="dom" />
// The checks a reader would make of a built docs site, shared by the generator tests (VitePress, MkDocs,
// Docusaurus): a static server for the built folder, and in Chromium the page's picture (its link opens
// the full-size SVG, every link drawn inside that SVG reaches a built page, its smallest text size as the
// reader gets it), the index's nested hierarchy, and elements that overflow the content column outside
// any scroll container.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { Page } from "puppeteer-core";
import { expect } from "vitest";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

/** A built site served as a static host serves it: a folder's index.html, and (as every host of a
 * VitePress or Docusaurus site does) "x.html" for "x" when there is no "x" folder. */
export async function serveSite(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** What the reader gets of a page's journey-map picture. */
export interface PictureCheck {
  /** The full-size SVG the picture's link opens. */
  href: string;
  status: number;
  contentType: string;
  /** Every link drawn inside the full-size SVG, resolved against its URL, with the HTTP status it gets. */
  innerLinks: Array<{ href: string; status: number }>;
  /** The smallest font size of the SVG, in its own units. */
  smallestFont: number;
  /** That text's height in CSS px on the page (the picture's rendered scale × smallestFont). */
  onPage: number;
  /** That text's height in CSS px when the link is opened (the SVG's width attribute ÷ its viewBox). */
  opened: number;
}

/** The first picture of the page inside `container` (a `.journeymap-picture` box): its link, the
 * full-size SVG behind it, and the size its smallest text reads at. */
export async function checkPicture(page: Page, content: string): Promise<PictureCheck> {
  const found = await page.evaluate((content) => {
    const image = document.querySelector<HTMLImageElement>(`${content} .journeymap-picture img`);
    const link = image?.closest("a");
    return image && link ? { href: link.href, width: image.getBoundingClientRect().width } : undefined;
  }, content);
  if (!found) throw new Error(`no picture linked to its full-size SVG in ${content} of ${page.url()}`);
  const response = await fetch(found.href);
  const svg = await response.text();
  const viewBox = /viewBox="[\d.]+ [\d.]+ ([\d.]+) [\d.]+"/.exec(svg);
  const width = /^<svg\b[^>]*? width="([\d.]+)"/.exec(svg);
  const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
  const smallestFont = Math.min(...sizes);
  const drawn = Number(viewBox?.[1] ?? NaN);
  const innerLinks: PictureCheck["innerLinks"] = [];
  for (const href of new Set([...svg.matchAll(/<a\b[^>]*?\bhref="([^"]+)"/g)].map((match) => match[1]!))) {
    const url = new URL(href.replace(/&amp;/g, "&"), found.href).href;
    innerLinks.push({ href: url, status: (await fetch(url)).status });
  }
  return {
    href: found.href,
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    innerLinks,
    smallestFont,
    onPage: (found.width / drawn) * smallestFont,
    opened: (Number(width?.[1] ?? NaN) / drawn) * smallestFont,
  };
}

/** The links of the index's hierarchy that sit in a nested list (`ul ul li a`). */
export async function nestedHierarchyLinks(page: Page, content: string): Promise<string[]> {
  return page.evaluate(
    (content) =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>(`${content} ul ul li a`)).map(
        (link) => link.textContent?.trim() ?? "",
      ),
    content,
  );
}

/** Elements that reach past the right edge of the content column without an ancestor (inside the
 * column) that scrolls sideways and itself fits: what a reader cannot see without scrolling the page. */
export async function overflowingElements(page: Page, content: string): Promise<string[]> {
  return page.evaluate((content) => {
    const column = document.querySelector<HTMLElement>(content);
    if (!column) return [`no ${content}`];
    const edge = column.getBoundingClientRect().right + 1;
    const scrolls = (element: HTMLElement) => /auto|scroll/.test(getComputedStyle(element).overflowX);
    const found: string[] = [];
    for (const element of Array.from(column.querySelectorAll<HTMLElement>("*"))) {
      if (element.getBoundingClientRect().right <= edge) continue;
      let contained = false;
      for (let up = element.parentElement; up && up !== column.parentElement; up = up.parentElement)
        if (scrolls(up) && up.getBoundingClientRect().right <= edge) contained = true;
      if (!contained)
        found.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`);
    }
    return found;
  }, content);
}

/** What every generator's map page must give: the picture's link opens `svg` (HTTP 200, an SVG), the links
 * drawn inside it reach the built `pages` (HTTP 200), and its smallest text reads at 11 px or more on the
 * page (`onPage`: the picture at its natural size) and opened. Returns the size on the page. */
export async function expectReadablePicture(
  page: Page,
  content: string,
  expected: { svg: string; pages: string[]; onPage?: boolean },
): Promise<number> {
  const picture = await checkPicture(page, content);
  expect(picture).toMatchObject({ status: 200, contentType: "image/svg+xml" });
  expect(new URL(picture.href).pathname).toBe(expected.svg);
  expect(picture.innerLinks.map((link) => new URL(link.href).pathname).sort()).toEqual(expected.pages);
  for (const link of picture.innerLinks) expect(link, link.href).toMatchObject({ status: 200 });
  if (expected.onPage !== false) expect(picture.onPage).toBeGreaterThanOrEqual(11);
  expect(picture.opened).toBeGreaterThanOrEqual(11);
  return picture.onPage;
}
