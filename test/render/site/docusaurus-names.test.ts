// The names Docusaurus gives journeymap's pages: it takes a page's name (sidebar, previous/next links,
// the browser's title bar) from the front matter's title, else from the first heading's Markdown source,
// escapes and all. With --site docusaurus every page starts with front matter whose title, read by a YAML
// parser, is the map's title as written (zero-width spaces aside), and no tags; other generators get
// front matter only with --front-matter.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
