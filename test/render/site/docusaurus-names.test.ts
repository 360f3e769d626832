// The names Docusaurus gives journeymap's pages: it takes a page's name (sidebar, previous/next links,
// the browser's title bar) from the front matter's title, else from the first heading's Markdown source,
// escapes and all. With --site docusaurus every page starts with front matter whose title, read by a YAML
// parser, is the map's title as written (zero-width spaces aside), and no tags; other generators get
// front matter only with --front-matter. A map whose page would be taken for the folder's index (README,
// or for Docusaurus a page named after its folder) is refused before anything is written.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";

const TITLE = "Sign-up & onboarding (v2) *beta* {draft} <Tabs> \\ `code`";
let work = "";

afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function frontMatterOf(page: string): Record<string, unknown> | undefined {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(page);
  return block ? (parse(block[1]!) as Record<string, unknown>) : undefined;
}

describe("render --site docusaurus names each page in its front matter", () => {
  it("writes the map's title as written, which the heading's escapes are not", () => {
    work = mkdtempSync(join(tmpdir(), "journeymap-docusaurus-"));
    writeFileSync(join(work, "docusaurus.config.js"), "module.exports = {};\n");
    mkdirSync(join(work, "maps"));
    for (const [id, title] of [
      ["signup", TITLE],
      ["plain", "Plain journey"],
    ])
      writeFileSync(
        join(work, `maps/${id}.journey.yaml`),
        `journeymap: 1\nid: ${id}\ntitle: ${JSON.stringify(title)}\ntags: ["..", grocery]\npersonas: [{id: p, name: P}]\nstages:\n  - id: s\n    name: S\n    touchpoints: [{name: T, emotion: 3}]\n`,
      );
    const run = runCli(["render", "maps", "--format", "markdown", "--site", "docusaurus", "-o", "docs"], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(join(work, "docs/signup.md"), "utf8");
    const title = frontMatterOf(page)?.title as string;
    expect(title.replace(/\u200b/g, "")).toBe(TITLE);
    // The heading shows the same title through Markdown's escapes: what Docusaurus would otherwise name it.
    expect(page).toContain("\n# Sign-up & onboarding (v2) \\*beta\\* \\{draft\\}&#8203; &lt;Tabs\\> \\\\ \\`code\\`\n");
    // No tags: Docusaurus makes a page of each at a path made from it, and ".." takes the tags index's.
    expect(frontMatterOf(readFileSync(join(work, "docs/plain.md"), "utf8"))).toEqual({ title: "Plain journey" });
    // The index is named by its heading, "Journey maps", which has nothing to escape.
    expect(readFileSync(join(work, "docs/index.md"), "utf8")).toMatch(/^# Journey maps\n/);
  });

  it("leaves the front matter out for the other generators unless --front-matter asks for it", () => {
    work = mkdtempSync(join(tmpdir(), "journeymap-docusaurus-"));
    mkdirSync(join(work, "docs/.vitepress"), { recursive: true });
    const run = runCli(["render", join(process.cwd(), "examples"), "--format", "markdown", "-o", "docs"], {
      cwd: work,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(work, "docs/checkout.md"), "utf8")).toMatch(/^# FreshCart - checkout\n/);
  });
});

describe("a map whose page a generator would take for the folder's index is refused (exit 2)", () => {
  const map =
    "journeymap: 1\ntitle: J\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: S, touchpoints: [{name: T, emotion: 3}]}]\n";

  it.each([
    ["README.journey.yaml", [], "MkDocs, Docusaurus and GitHub show"],
    ["readme.journey.yml", ["--site", "mkdocs"], "MkDocs, Docusaurus and GitHub show"],
    ["Journeys.journey.yaml", ["--site", "docusaurus"], "Docusaurus serves"],
  ])("%s %s", (file, site, who) => {
    work = mkdtempSync(join(tmpdir(), "journeymap-docusaurus-"));
    writeFileSync(join(work, "docusaurus.config.js"), "module.exports = {};\n");
    writeFileSync(join(work, "mkdocs.yml"), "site_name: x\n");
    mkdirSync(join(work, "maps"));
    writeFileSync(join(work, "maps", file), map);
    writeFileSync(join(work, "maps/other.journey.yaml"), map);
    const run = runCli(["render", "maps", "--format", "markdown", "-o", "docs/journeys", ...site], { cwd: work });
    const page = `docs/journeys/${file.replace(/\.journey\.ya?ml$/, "")}.md`;
    expect(run).toMatchObject({
      code: 2,
      stderr: `journeymap: "maps/${file}" would be the page "${page}", which ${who} as the folder's index in place of the maps' index.md: rename the map file\n`,
    });
    expect(existsSync(join(work, "docs"))).toBe(false);
  });

  it("a page named after its folder is a page like any other without Docusaurus", () => {
    work = mkdtempSync(join(tmpdir(), "journeymap-docusaurus-"));
    mkdirSync(join(work, "maps"));
    writeFileSync(join(work, "maps/journeys.journey.yaml"), map);
    writeFileSync(join(work, "maps/other.journey.yaml"), map);
    const run = runCli(["render", "maps", "--format", "markdown", "-o", "docs/journeys"], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(work, "docs/journeys/journeys.md"))).toBe(true);
  });
});

describe("render --site docusaurus links a picture to the routes Docusaurus makes", () => {
  it("drops a page's number prefix, as Docusaurus does, but not a date's or a version's", () => {
    work = mkdtempSync(join(tmpdir(), "journeymap-docusaurus-"));
    writeFileSync(join(work, "docusaurus.config.js"), "module.exports = {};\n");
    mkdirSync(join(work, "maps"));
    const children = { "01-intro": "intro", "2021-11-launch": "launch", "7.0-upgrade": "upgrade" };
    writeFileSync(
      join(work, "maps/root.journey.yaml"),
      `journeymap: 1\nid: root\ntitle: Root\npersonas: [{id: p, name: P}]\nstages:\n${Object.values(children)
        .map((id) => `  - id: ${id}\n    name: ${id}\n    details: ${id}\n    touchpoints: [{name: T, emotion: 3}]\n`)
        .join("")}`,
    );
    for (const [file, id] of Object.entries(children))
      writeFileSync(
        join(work, `maps/${file}.journey.yaml`),
        `journeymap: 1\nid: ${id}\ntitle: ${id}\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: S, touchpoints: [{name: T, emotion: 3}]}]\n`,
      );
    const run = runCli(["render", "maps", "--format", "markdown", "--site", "docusaurus", "-o", "docs"], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(join(work, "static/docs/root.svg"), "utf8");
    const links = [...svg.matchAll(/<a\b[^>]*?\bhref="([^"]+)"/g)].map((found) => found[1]);
    expect(new Set(links)).toEqual(new Set(["intro", "2021-11-launch", "7.0-upgrade"]));
  });
});

describe("two maps Docusaurus would serve at one address are refused (exit 2)", () => {
  it('"01-intro" and "intro": Docusaurus failed on the two docs of one id', () => {
    work = mkdtempSync(join(tmpdir(), "journeymap-docusaurus-"));
    writeFileSync(join(work, "docusaurus.config.js"), "module.exports = {};\n");
    mkdirSync(join(work, "maps"));
    for (const file of ["01-intro", "intro"])
      writeFileSync(
        join(work, `maps/${file}.journey.yaml`),
        `journeymap: 1\ntitle: ${file}\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: S, touchpoints: [{name: T, emotion: 3}]}]\n`,
      );
    const run = runCli(["render", "maps", "--format", "markdown", "--site", "docusaurus", "-o", "docs"], { cwd: work });
    expect(run).toMatchObject({
      code: 2,
      stderr:
        'journeymap: "maps/intro.journey.yaml" and "maps/01-intro.journey.yaml" would be served at one address ("intro"): rename one of the map files\n',
    });
    expect(existsSync(join(work, "docs"))).toBe(false);
    // Without Docusaurus, they are two pages.
    rmSync(join(work, "docusaurus.config.js"));
    expect(runCli(["render", "maps", "--format", "markdown", "-o", "docs"], { cwd: work }).code).toBe(0);
  });
});
