// The docs-site generators journeymap writes pages for (render --site, or found above the output folder):
// one entry per generator saying where it serves a page's picture, how a page shows it, the URL of a
// built page, how a nested list indents and how a wide table scrolls. Pure but for detection (which
// looks at the folders above the output).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export const SITE_GENERATORS = ["vitepress", "mkdocs", "docusaurus"] as const;
export type SiteGenerator = (typeof SITE_GENERATORS)[number];

/** How the pages of one generator are written. The generic layout (no --site, nothing detected) is
 * today's output, byte for byte. */
export interface SiteLayout {
  /** The generator (Docusaurus's pages get front matter, and some page names are its folder's index). */
  generator?: SiteGenerator;
  /** The page's picture, from its alt text (already Markdown-escaped) and the picture's href. */
  picture(alt: string, href: string): string;
  /** A table that may be wider than the content column, in a container that scrolls if it must. */
  wideTable(table: string): string;
  /** Spaces per level of a nested list (Python-Markdown nests only at four). */
  listIndent: number;
  /** The index's Maps table: the lint status right after the map's name, so it is never scrolled away. */
  lintFirst: boolean;
  /** The personas of a table cell, each on its own line after a bullet: "Dana, working parent" is one. */
  personaLines: boolean;
  /** The built page of a sibling page file ("checkout.md"), as a link inside the picture beside it. */
  pageUrl(page: string): string;
}

/** What a generator needs to know of where the pages go. */
export interface SiteGeneratorSpec {
  description: string;
  /** The folder (relative to the site's root) whose files the generator serves as they are, at the
   * same path: the pictures go there, so the links drawn inside them resolve. Absent: beside the page. */
  staticFolder?: string;
  layout: SiteLayout;
}

/** The picture at its natural size in a box that scrolls sideways, linked to the full-size SVG. */
const scrolling = (open: string, close: string, image: string, href: string) =>
  `${open}\n\n[${image}](${href})\n\n${close}`;

export const GENERATORS: Record<SiteGenerator, SiteGeneratorSpec> = {
  vitepress: {
    description: "VitePress: the pictures in public/ (Vite would move and rename them), links to x.html",
    staticFolder: "public",
    layout: {
      generator: "vitepress",
      // markdown-it-attrs sets the image's style; VitePress needs the blank lines inside the <div>.
      picture: (alt, href) =>
        scrolling(
          '<div class="journeymap-picture" style="overflow-x: auto">',
          "</div>",
          `![${alt}](${href}){style="max-width: none"}`,
          href,
        ),
      // VitePress's default theme already gives every table its own horizontal scroll bar.
      wideTable: (table) => table,
      listIndent: 2,
      lintFirst: true,
      personaLines: true,
      pageUrl: (page) => page.replace(/\.md$/, ".html"),
    },
  },
  mkdocs: {
    description: "MkDocs (needs md_in_html and attr_list): the pictures beside the pages, links to x/",
    layout: {
      generator: "mkdocs",
      picture: (alt, href) =>
        scrolling(
          '<div class="journeymap-picture" style="overflow-x: auto" markdown="1">',
          "</div>",
          `![${alt}](${href}){ style="max-width: none" }`,
          href,
        ),
      wideTable: (table) =>
        `<div class="journeymap-table" style="overflow-x: auto" markdown="1">\n\n${table}\n\n</div>`,
      listIndent: 4,
      lintFirst: true,
      personaLines: true,
      // use_directory_urls (the default): checkout.md is served as checkout/.
      pageUrl: (page) => page.replace(/\.md$/, "/"),
    },
  },
  docusaurus: {
    description: "Docusaurus (MDX): the pictures in static/, opened full size in one click, links to /docs/x",
    staticFolder: "static",
    layout: {
      generator: "docusaurus",
      // MDX has no attributes for a Markdown image: the picture fits the column and opens full size
      // in one click. "pathname://" keeps Docusaurus from bundling the linked file under /assets/.
      // Docusaurus HTML-escapes a Markdown image's alt text before React escapes it again: a reader (a
      // screen reader) would get "map&#39;s" for "map's", so the apostrophe is the typographic one.
      picture: (alt, href) =>
        scrolling(
          '<div className="journeymap-picture" style={{ overflowX: "auto" }}>',
          "</div>",
          `![${alt.replace(/'/g, "\u2019")}](${href})`,
          `pathname://${href}`,
        ),
      // Docusaurus's theme already gives every table its own horizontal scroll bar.
      wideTable: (table) => table,
      listIndent: 2,
      lintFirst: true,
      personaLines: true,
      pageUrl: (page) => docusaurusRoute(page.replace(/\.md$/, "")),
    },
  },
};

/** The route Docusaurus gives a doc file name: without its number prefix ("01-checkout" is served as
 * "checkout"), as its default numberPrefixParser drops it; a date- or version-like "2021-11-x" or
 * "7.0-x" keeps it. */
function docusaurusRoute(name: string): string {
  if (/^\d+[-_.]\d+/.test(name)) return name;
  return /^\d+\s*[-_.]+\s*([^-_.\s].*)$/.exec(name)?.[1] ?? name;
}

/** Today's pages, for any Markdown renderer (GitHub, a wiki, a generator not listed). */
export const GENERIC_LAYOUT: SiteLayout = {
  picture: (alt, href) => `![${alt}](${href})`,
  wideTable: (table) => table,
  listIndent: 2,
  lintFirst: false,
  personaLines: false,
  pageUrl: (page) => page,
};

/** A site found for an output folder: its generator and the folder its paths start from. */
export interface DetectedSite {
  generator: SiteGenerator;
  /** VitePress's source folder (holding .vitepress/), MkDocs's docs_dir, Docusaurus's site folder. */
  root: string;
}

/** The generator whose project holds `folder`: the nearest folder above it (or itself) with `.vitepress/`,
 * `mkdocs.yml` or `docusaurus.config.{js,mjs,ts}`; `only` looks for that generator alone. */
export function detectSite(folder: string, only?: SiteGenerator): DetectedSite | undefined {
  let here = resolve(folder);
  for (;;) {
    const found = siteAt(here, only);
    if (found) return found;
    const up = dirname(here);
    if (up === here) return undefined;
    here = up;
  }
}

function siteAt(folder: string, only: SiteGenerator | undefined): DetectedSite | undefined {
  const want = (generator: SiteGenerator) => only === undefined || only === generator;
  if (want("vitepress") && isFolder(join(folder, ".vitepress"))) return { generator: "vitepress", root: folder };
  if (want("mkdocs")) {
    const config = ["mkdocs.yml", "mkdocs.yaml"].map((name) => join(folder, name)).find(isFile);
    if (config) return { generator: "mkdocs", root: join(folder, docsDirOf(config)) };
  }
  if (want("docusaurus") && ["js", "mjs", "ts"].some((ext) => isFile(join(folder, `docusaurus.config.${ext}`))))
    return { generator: "docusaurus", root: folder };
  return undefined;
}

/** MkDocs's docs_dir (default "docs"), read from its top-level line: the file may use tags a YAML parser
 * refuses (!!python/name:...), and only this one plain value is needed. */
function docsDirOf(config: string): string {
  const text = readFileSync(config, "utf8").slice(0, 1_000_000);
  const line = /^docs_dir:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(text);
  const value = line ? (line[1] ?? line[2] ?? line[3] ?? "").trim() : "";
  return value || "docs";
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** Where a site's pictures go and the URL path they are served at, for pages written to `output`. */
export interface PicturePlace {
  /** The folder the pictures are written to. */
  folder: string;
  /** The site-absolute URL path of that folder ("/journeys/"), or undefined: beside the page. */
  url?: string;
}

/** The pictures' place: the generator's static folder, at the path of the pages (so a picture's relative
 * links reach the built pages), or beside the pages. Undefined when `output` is not inside `site.root`. */
export function picturePlace(site: DetectedSite, output: string): PicturePlace | undefined {
  const staticFolder = GENERATORS[site.generator].staticFolder;
  const path = relative(site.root, resolve(output));
  if (path.startsWith("..") || resolve(site.root, path) !== resolve(output)) return undefined;
  if (staticFolder === undefined) return { folder: resolve(output) };
  const segments = path === "" ? [] : path.split(sep);
  return {
    folder: join(site.root, staticFolder, ...segments),
    url: `/${segments.map((segment) => `${segment}/`).join("")}`,
  };
}

/** The picture drawn 10 % larger: its smallest text (the emotion scale's 10 px) reads at 11 px when the
 * page shows it at its natural size or the reader opens it. The viewBox keeps the drawing as it is. */
export function readablePicture(svg: string): string {
  return svg.replace(
    /^(<svg\b[^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/,
    (_, start: string, width: string, height: string) =>
      `${start} width="${Math.ceil(Number(width) * 1.1)}" height="${Math.ceil(Number(height) * 1.1)}"`,
  );
}
