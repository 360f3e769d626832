// Every character the Markdown page escapes, read back as a reader sees it in each generator's HTML:
// MkDocs (Python-Markdown, `mkdocs build` with the extensions Material's docs recommend) and
// markdown-it (CommonMark + GFM, as GitHub shows a page). The text of every heading, paragraph and
// table cell, parsed by happy-dom, must be the map's text exactly: no stray backslash ("\$", "\~",
// "\::"), no character reference shown as such, no markup, admonition, tab or block made of it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Window } from "happy-dom";
import MarkdownIt from "markdown-it";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../../helpers/cli.js";

/** One text per escape `inline()` writes: inside the text, and at the start of a block. */
const TEXTS = [
  "Price $5, $$x^2$$ and \\$y",
  "About ~5 min, ~~struck~~ and ~sub~",
  "AT&T, &amp; &copy; &#36; &#x41; &",
  "^sup^ ==mark== ++ctrl+alt++ a = b + c",
  "`code` *stars* _under_ [link](x) back\\slash | pipe <b>bold</b> > more",
  "{{ vue }} {% liquid %} {# jinja #} {: .attr} text {attr}",
  ":: workflow command",
  "::: danger",
  ": a definition",
  '=== "Tab"',
  "= sign",
  "!!! danger",
  "??? note",
  "/// warning",
  "- dash",
  "+ plus",
  "1. one",
  "2) two",
  "# hash",
  "> quote",
  "import x from 'y'",
  "www.example.com, @octocat, #12 and GH-3",
];

/** A map that writes each text as a persona's name (a heading), its description (a paragraph) and a
 * touchpoint's name (a table cell), with the title a heading too. */
const MAP = stringify({
  journeymap: 1,
  title: "Fees $5 ~ & co",
  personas: TEXTS.map((text, i) => ({ id: `p${i}`, name: text, description: text })),
  stages: [{ id: "s", name: "Stage", touchpoints: TEXTS.map((text) => ({ name: text })) }],
});

/** The texts a reader sees in a page's HTML: headings, paragraphs and first table cells, whitespace as
 * one space, without the zero-width spaces that keep references and template braces apart. */
function shownTexts(html: string): { headings: string[]; paragraphs: string[]; cells: string[] } {
  const window = new Window();
  const document = window.document;
  document.body.innerHTML = html;
  const textOf = (element: { textContent: string | null }) =>
    (element.textContent ?? "")
      .replace(/\u200b/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const all = (selector: string) => [...document.body.querySelectorAll(selector)].map(textOf);
  const shown = { headings: all("h1, h3"), paragraphs: all("p"), cells: all("td:first-child") };
  void window.happyDOM.close();
  return shown;
}

function expectEveryText(html: string): void {
  const { headings, paragraphs, cells } = shownTexts(html);
  expect(headings).toContain("Fees $5 ~ & co");
  for (const text of TEXTS) {
    expect(headings, "a persona's name").toContain(text);
    expect(paragraphs, "a persona's description").toContain(text);
    expect(cells, "a touchpoint's name").toContain(text);
  }
}

function renderPage(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "escapes.journey.yaml"), MAP);
  const render = runCli([
    "render",
    join(dir, "escapes.journey.yaml"),
    "--format",
    "markdown",
    "--output",
    join(dir, "escapes.md"),
  ]);
  expect(render.code, render.stderr).toBe(0);
  return join(dir, "escapes.md");
}

describe("a plain Markdown page (no --site) read by markdown-it, as GitHub shows it", () => {
  it("shows every escaped character as the map's text", () => {
    const page = readFileSync(renderPage(join(ROOT, "test-artifacts/escapes-markdown-it")), "utf8");
    const html = new MarkdownIt({ html: true, linkify: true }).render(page);
    expectEveryText(html);
    expect(html).not.toMatch(/<(?:b|em|strong|code|del|s|a)\b/);
  });
});

describe("a page written for VitePress (--site vitepress), read by VitePress's own markdown-it", () => {
  it("shows every escaped character as the map's text", async () => {
    // Outside the repository: its .gitignore leaves test-artifacts/ out of a folder of maps.
    const dir = mkdtempSync(join(tmpdir(), "journeymap-escapes-"));
    mkdirSync(join(dir, "maps"));
    mkdirSync(join(dir, ".vitepress"));
    writeFileSync(join(dir, "maps/escapes.journey.yaml"), MAP);
    const args = ["render", "maps", "--format", "markdown", "--site", "vitepress", "--output", "docs"];
    const render = runCli(args, { cwd: dir });
    expect(render.code, render.stderr).toBe(0);
    const { createMarkdownRenderer } = await import("vitepress");
    const md = await createMarkdownRenderer(dir, {}, "/");
    // VitePress reads the front matter apart (gray-matter) and renders the rest.
    const page = readFileSync(join(dir, "docs/escapes.md"), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
    const html = md.render(page, {});
    expectEveryText(html.replace(/<a class="header-anchor"[^>]*>&ZeroWidthSpace;<\/a>/g, ""));
    expect(html).not.toMatch(/<(?:b|em|strong|code|del|s|sub|sup|mark)\b|class="custom-block/);
    rmSync(dir, { recursive: true, force: true });
  });
});

const mkdocs = spawnSync("mkdocs", ["--version"], { encoding: "utf8" }).status === 0;
const pymdownx = mkdocs && spawnSync("/usr/bin/python3", ["-c", "import pymdownx"]).status === 0;
const mustRun = process.env.CI === "true";
if (!mkdocs && !mustRun)
  console.warn(
    "\n⚠ SKIPPED test/render/site/escapes-generators.test.ts (MkDocs): no mkdocs (apt-get install mkdocs)\n",
  );

/** What the extensions below would make of map text read as markup. */
const MARKUP = /class="(?:admonition|tabbed|footnote)|<(?:details|mark|sup|sub|del|kbd|dl|em|strong|code|abbr)\b/;

/** Python-Markdown's extensions a MkDocs site commonly turns on (docs/site.md's and Material's). */
const EXTENSIONS = [
  "tables",
  "toc",
  "md_in_html",
  "attr_list",
  "admonition",
  "def_list",
  "abbr",
  "footnotes",
  ...(pymdownx
    ? ["pymdownx.details", "pymdownx.tabbed", "pymdownx.caret", "pymdownx.mark", "pymdownx.tilde", "pymdownx.keys"]
    : []),
];

/** Material when MkDocs knows the theme (Debian's mkdocs-material), and MkDocs's own: the content
 * column of each, and Material's table of contents ("On this page"), which lists the h3 headings. */
const material =
  mkdocs &&
  spawnSync("/usr/bin/python3", [
    "-c",
    "from mkdocs.utils import get_theme_names; assert 'material' in get_theme_names()",
  ]).status === 0;
const THEMES = [
  ...(material ? [{ theme: "material", content: ".md-content .md-typeset", toc: "nav.md-nav--secondary a" }] : []),
  { theme: "mkdocs", content: '[role="main"]', toc: undefined },
];

describe.runIf(mkdocs || mustRun).each(THEMES)(
  "the Markdown page in a MkDocs site (Python-Markdown), theme $theme",
  ({ theme, content, toc }) => {
    const BUILD = join(ROOT, `test-artifacts/escapes-mkdocs-${theme}`);

    /** The built page's content column, with the texts of its table of contents checked first. */
    function build(): string {
      writeFileSync(
        join(BUILD, "mkdocs.yml"),
        `site_name: Escapes\ntheme:\n  name: ${theme}\nmarkdown_extensions:\n${EXTENSIONS.map((name) => `  - ${name}\n`).join("")}`,
      );
      const built = spawnSync("mkdocs", ["build", "--strict"], { cwd: BUILD, encoding: "utf8", timeout: 120_000 });
      expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
      const window = new Window();
      window.document.write(readFileSync(join(BUILD, "site/escapes/index.html"), "utf8"));
      const main = window.document.querySelector(content)?.innerHTML;
      const listed = toc
        ? [...window.document.querySelectorAll(toc)].map((a) => (a.textContent ?? "").replace(/\u200b/g, "").trim())
        : [];
      void window.happyDOM.close();
      // Python-Markdown 3.4's table of contents listed a backslash escape as its character's code.
      for (const text of toc ? TEXTS : []) expect(listed, "the table of contents").toContain(text);
      expect(main, "the page's content column").toBeDefined();
      return main!;
    }

    it("a plain page (render --format markdown) shows every escaped character as the map's text", () => {
      rmSync(BUILD, { recursive: true, force: true });
      mkdirSync(join(BUILD, "docs"), { recursive: true });
      const page = renderPage(join(BUILD, "map"));
      copyFileSync(page, join(BUILD, "docs/escapes.md"));
      copyFileSync(page.replace(/\.md$/, ".svg"), join(BUILD, "docs/escapes.svg"));
      const main = build();
      expectEveryText(main);
      expect(main).not.toMatch(MARKUP);
    });

    it("a page written for the site (found by its mkdocs.yml) shows them as the map's text too", () => {
      rmSync(BUILD, { recursive: true, force: true });
      mkdirSync(join(BUILD, "docs"), { recursive: true });
      writeFileSync(join(BUILD, "mkdocs.yml"), "site_name: Escapes\n");
      writeFileSync(join(BUILD, "escapes.journey.yaml"), MAP);
      const render = runCli(["render", "escapes.journey.yaml", "--format", "markdown", "--output", "docs"], {
        cwd: BUILD,
      });
      expect(render.code, render.stderr).toBe(0);
      const main = build();
      expectEveryText(main);
      expect(main).not.toMatch(MARKUP);
    });
  },
);
