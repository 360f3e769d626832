// The pages written for each docs-site generator (render --site, or the project found above the output
// folder): where the pictures go, the exact Markdown that shows them, the built-page links drawn inside
// them, the index's list indent and Maps table, and the usage errors. Without a generator, the pages are
// today's plain Markdown.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { detectSite, picturePlace, readablePicture } from "../../../src/render/site/generators.js";
import { ROOT, runCli } from "../../helpers/cli.js";

const EXAMPLES = join(ROOT, "examples");
let work: string;

function project(files: Record<string, string>): string {
  work = mkdtempSync(join(tmpdir(), "journeymap-site-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(work, path, ".."), { recursive: true });
    if (path.endsWith("/")) mkdirSync(join(work, path), { recursive: true });
    else writeFileSync(join(work, path), text);
  }
  return work;
}

const read = (path: string) => readFileSync(join(work, path), "utf8");
const svgLinks = (svg: string) => [...svg.matchAll(/<a\b[^>]*?\bhref="([^"]+)"/g)].map((match) => match[1]).sort();

afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("detection", () => {
  it("finds the nearest project above the output folder", () => {
    project({
      "site/.vitepress/": "",
      "mkdocs.yml": "site_name: x\ndocs_dir: 'pages' # the sources\n",
      "web/docusaurus.config.ts": "export default {};\n",
    });
    expect(detectSite(join(work, "site/journeys/deep"))).toEqual({ generator: "vitepress", root: join(work, "site") });
    expect(detectSite(join(work, "pages/journeys"))).toEqual({ generator: "mkdocs", root: join(work, "pages") });
    expect(detectSite(join(work, "web/docs/journeys"))).toEqual({ generator: "docusaurus", root: join(work, "web") });
    // --site names the generator: the nearest project of that generator, past others.
    expect(detectSite(join(work, "site/journeys"), "mkdocs")).toEqual({
      generator: "mkdocs",
      root: join(work, "pages"),
    });
  });

  it("places pictures in the generator's static folder at the pages' path, or beside the pages", () => {
    expect(picturePlace({ generator: "vitepress", root: "/p/docs" }, "/p/docs/journeys")).toEqual({
      folder: "/p/docs/public/journeys",
      url: "/journeys/",
    });
    expect(picturePlace({ generator: "docusaurus", root: "/p" }, "/p/docs/journeys")).toEqual({
      folder: "/p/static/docs/journeys",
      url: "/docs/journeys/",
    });
    expect(picturePlace({ generator: "mkdocs", root: "/p/docs" }, "/p/docs/journeys")).toEqual({
      folder: "/p/docs/journeys",
    });
    expect(picturePlace({ generator: "vitepress", root: "/p/docs" }, "/p/other")).toBeUndefined();
  });

  it("draws the picture 10 % larger, its drawing unchanged", () => {
    expect(readablePicture('<svg xmlns="x" width="1969" height="842" viewBox="0 0 1969 842">')).toBe(
      '<svg xmlns="x" width="2166" height="927" viewBox="0 0 1969 842">',
    );
  });
});

describe("render --site", () => {
  it("vitepress: pictures in public/ at the pages' path, shown at full size in a scroll box, linking x.html", () => {
    project({ "docs/.vitepress/config.mjs": "export default {};\n" });
    const run = runCli(["render", EXAMPLES, "--format", "markdown", "-o", join(work, "docs/journeys")]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(work, "docs/journeys/freshcart.svg"))).toBe(false);
    expect(read("docs/journeys/freshcart.md")).toContain(
      '<div class="journeymap-picture" style="overflow-x: auto">\n\n' +
        '[![Journey map: FreshCart - first grocery order](/journeys/freshcart.svg){style="max-width: none"}](/journeys/freshcart.svg)\n\n' +
        "</div>\n",
    );
    expect(svgLinks(read("docs/public/journeys/freshcart.svg"))).toEqual([
      "checkout.html",
      "delivery.html",
      "refund.html",
    ]);
    expect(read("docs/public/journeys/freshcart.svg")).toMatch(
      /^<svg [^>]*width="2250" height="1082" viewBox="0 0 2045 983"/,
    );
    const index = read("docs/journeys/index.md");
    expect(index).toContain("](/journeys/portfolio-heatmap.svg)");
    expect(existsSync(join(work, "docs/public/journeys/portfolio-heatmap.svg"))).toBe(true);
    expect(index).toContain(
      "- [FreshCart - first grocery order](freshcart.md)\n  - [FreshCart - checkout](checkout.md)\n",
    );
    expect(index).toMatch(/^\| Map +\| Lint +\| Owner +\| Personas +\|/m);
    expect(index).toMatch(/\| • Dana, working parent<br \/>• Sam, student sharing a flat \|/);
  });

  it("mkdocs: pictures beside the pages, four-space lists, wide tables in a box that scrolls, linking x/", () => {
    project({ "mkdocs.yml": "site_name: x\n", "docs/": "" });
    const run = runCli([
      "render",
      EXAMPLES,
      "--format",
      "markdown",
      "-o",
      join(work, "docs/journeys"),
      "--site",
      "mkdocs",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(read("docs/journeys/freshcart.md")).toContain(
      '<div class="journeymap-picture" style="overflow-x: auto" markdown="1">\n\n' +
        '[![Journey map: FreshCart - first grocery order](freshcart.svg){ style="max-width: none" }](freshcart.svg)\n\n' +
        "</div>\n",
    );
    expect(svgLinks(read("docs/journeys/freshcart.svg"))).toEqual(["checkout/", "delivery/", "refund/"]);
    const index = read("docs/journeys/index.md");
    expect(index).toContain(
      "- [FreshCart - first grocery order](freshcart.md)\n    - [FreshCart - checkout](checkout.md)\n",
    );
    expect(index).toContain(
      '## Maps\n\n<div class="journeymap-table" style="overflow-x: auto" markdown="1">\n\n| Map ',
    );
  });

  it("docusaurus: pictures in static/, opened full size through pathname://, linking the built doc", () => {
    project({ "docusaurus.config.js": "module.exports = {};\n", "docs/": "" });
    const run = runCli(["render", EXAMPLES, "--format", "markdown", "-o", join(work, "docs/journeys")]);
    expect(run.code, run.stderr).toBe(0);
    expect(read("docs/journeys/freshcart.md")).toContain(
      '<div className="journeymap-picture" style={{ overflowX: "auto" }}>\n\n' +
        "[![Journey map: FreshCart - first grocery order](/docs/journeys/freshcart.svg)](pathname:///docs/journeys/freshcart.svg)\n\n" +
        "</div>\n",
    );
    expect(svgLinks(read("static/docs/journeys/freshcart.svg"))).toEqual(["checkout", "delivery", "refund"]);
  });

  it("without a generator, the pages are plain Markdown as before: the picture beside the page", () => {
    // A folder beside MkDocs's docs_dir is not one of its pages.
    project({ "mkdocs.yml": "site_name: x\n", "docs/": "", "out/": "" });
    const run = runCli(["render", EXAMPLES, "--format", "markdown", "-o", join(work, "out")]);
    expect(run.code, run.stderr).toBe(0);
    expect(read("out/freshcart.md")).toContain(
      "\n\n![Journey map: FreshCart - first grocery order](freshcart.svg)\n\n## Detailed maps",
    );
    expect(svgLinks(read("out/freshcart.svg"))).toEqual(["checkout.md", "delivery.md", "refund.md"]);
    expect(read("out/freshcart.svg")).toMatch(/^<svg [^>]*width="2045" height="983"/);
    expect(read("out/index.md")).toMatch(/^\| Map +\| Owner +\| Personas +\|/m);
  });

  it("refuses what it cannot write, before anything is written (exit 2)", () => {
    project({ "out/": "" });
    const out = join(work, "out");
    const unknown = runCli(["render", EXAMPLES, "--format", "markdown", "-o", out, "--site", "hugo"]);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'journeymap: unknown --site "hugo": use vitepress, mkdocs, docusaurus\n',
    ]);
    const noProject = runCli(["render", EXAMPLES, "--format", "markdown", "-o", out, "--site", "vitepress"]);
    expect(noProject.code).toBe(2);
    expect(noProject.stderr).toMatch(
      /--site vitepress serves pictures from public\/ in its project, but no folder above ".*out" holds a \.vitepress folder: write the pages inside your VitePress project \(e\.g\. docs\/journeys\), or leave --site out/,
    );
    const onePage = runCli([
      "render",
      join(EXAMPLES, "freshcart.journey.yaml"),
      "-o",
      join(out, "x.md"),
      "--site",
      "mkdocs",
    ]);
    expect(onePage.code).toBe(2);
    expect(onePage.stderr).toContain(
      "--site mkdocs writes a folder of Markdown pages: use --format markdown --output <folder>",
    );
    expect(existsSync(join(out, "x.md"))).toBe(false);
  });
});

describe("hostile map text in the new output stays text", () => {
  const MAP = `journeymap: 1
id: hostile
title: "Closes </div> {props.x} {{ 7 * 191 }} } <div>"
personas:
  - id: a
    name: "Sam · Alex"
  - id: b
    name: "Dana, working\\nparent"
stages:
  - id: s
    name: "Stage"
    touchpoints:
      - name: "T"
        emotion: 3
`;

  it.each(["vitepress", "mkdocs", "docusaurus"])(
    "%s: no tag, brace or persona separator comes from the map",
    (site) => {
      project({
        "docs/.vitepress/": "",
        "mkdocs.yml": "site_name: x\n",
        "docusaurus.config.js": "module.exports = {};\n",
        "maps/hostile.journey.yaml": MAP,
        "maps/other.journey.yaml": MAP.replace("id: hostile", "id: other"),
      });
      const run = runCli([
        "render",
        join(work, "maps"),
        "--format",
        "markdown",
        "-o",
        join(work, "docs/journeys"),
        "--site",
        site,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const page = read("docs/journeys/hostile.md");
      const picture = page.split("\n").find((line) => line.includes("Journey map:"))!;
      expect(picture).toContain(
        "Journey map: Closes &lt;/div\\> \\{props.x\\}&#8203; \\{&#8203;\\{ 7 \\* 191 \\}&#8203;\\}&#8203; \\}&#8203; &lt;div\\>",
      );
      // Every "<" and "{" of the page's source is journeymap's own: the scroll box and its MDX style.
      const own = page.replace(
        /<div class(Name)?="journeymap-[a-z]+" style=(\{\{ overflowX: "auto" \}\}|"overflow-x: auto")( markdown="1")?>|<\/div>|<br \/>|\{ ?style="max-width: none" ?\}/g,
        "",
      );
      expect(own).not.toMatch(/<|(?<!\\)\{/);
      const index = read("docs/journeys/index.md");
      expect(index).toContain("| • Sam · Alex<br />• Dana, working parent |");
    },
  );
});

describe("the pages of each --site pass markdownlint-cli2 with the documented configuration", () => {
  const MARKDOWNLINT = join(ROOT, "node_modules/.bin/markdownlint-cli2");
  it.each([
    ["vitepress", { "docs/.vitepress/": "" }],
    ["mkdocs", { "mkdocs.yml": "site_name: x\n", "docs/": "" }],
    ["docusaurus", { "docusaurus.config.js": "module.exports = {};\n", "docs/": "" }],
  ])("%s", (site, files) => {
    project(files);
    const pages = join(work, "docs/journeys");
    const run = runCli(["render", EXAMPLES, "--format", "markdown", "-o", pages, "--site", site]);
    expect(run.code, run.stderr).toBe(0);
    let config = readFileSync(join(ROOT, "docs/site.markdownlint.jsonc"), "utf8");
    // docs/site.md: MkDocs's lists nest at four spaces.
    if (site === "mkdocs") config = config.replace(/\{\n/, '{\n  "MD007": { "indent": 4 },\n');
    // docs/site.md: a Docusaurus page's front matter title is its name, the "# " heading what it shows.
    if (site === "docusaurus") config = config.replace(/\{\n/, '{\n  "MD025": { "front_matter_title": "" },\n');
    writeFileSync(join(pages, ".markdownlint.jsonc"), config);
    const lint = spawnSync(process.execPath, [MARKDOWNLINT, "*.md"], { cwd: pages, encoding: "utf8" });
    expect(`${lint.stdout}${lint.stderr}`).toMatch(/Summary: 0 issues? in 0 files/);
  });
});
