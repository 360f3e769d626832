// Map text that docs generators would act on, through the real VitePress build: a folder of hostile
// maps rendered as a site (pages with front matter, breadcrumbs and the Mermaid fence, the portfolio
// index) and built once by `vitepress build`. The build must succeed, no file of the machine may reach
// the built site (VitePress expands "<!--@include: PATH-->" and "<<< PATH" in a page's source, front
// matter included), no attribute, script or expression may come from a map, and each hostile text
// must be shown as the text it is. The page sources are checked against what Jekyll's Liquid reads
// ("{{", "{%") and what MDX reads (import/export lines) as well.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINK_TITLE_LENGTH } from "../../src/render/markdown.js";
import { ROOT, runCli } from "../helpers/cli.js";

const SECRET = "JOURNEYMAP-PLANTED-SECRET-7f3a";

/** Texts that VitePress, Vue, markdown-it-attrs, Jekyll, MDX or GitHub would act on; each is shown as it is. */
const HOSTILE = {
  rootTitle: "Root <!--@include: SECRET_PATH--> </script><script>window.pwned=1</script> {{ 1+1 }} {onclick=alert(1)}",
  rootDescription: "<!--@include: ../secret.txt--> @octocat #12 {% raw %} {.evil onmouseover=alert(2)}",
  team: "Team <!-- @include: @/../secret.txt --> {{ 5*5 }}",
  persona: "{{ 7 * 191 }} <!--@include: SECRET_PATH-->",
  personaDescription: "export default {a: 1}",
  stage: "S {{ 2 * 21 }} {% include secret.txt %}",
  stageDescription: "import x from 'SECRET_PATH'",
  touchpoint: "T1 <!--@include:SECRET_PATH--> {{ 3 * 3 }} </SCRIPT >",
  pain: "pp </script> {v-html=x}",
  snippet: "<<< SECRET_PATH",
  opportunity: "{.x onclick=alert(3)}",
  childTitle: "Child <!--@include: ./root.md--> </scr<b>ipt> {{ 6*6 }}",
  childDescription: "<img src=x onerror=alert(1)> <div v-html=\"'x'\"></div>",
  childTouchpoint: "[a](javascript:alert(1)) {#anchor}",
};

/** Text as a reader sees it: tags removed, character references decoded, zero-width spaces gone. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&ZeroWidthSpace;/g, "")
    .replace(/&amp;/g, "&")
    .replace(/\u200b/g, "");
}

/** Every element's attributes as [element, name, value]: what the browser would read, values kept whole. */
function attributesOf(html: string): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  for (const tag of html.matchAll(
    /<([a-z][a-z0-9-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/gi,
  ))
    for (const attribute of tag[2]!.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
      found.push([tag[1]!, attribute[1]!, attribute[2] ?? attribute[3] ?? attribute[4] ?? ""]);
  return found;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// Twice: the plain pages, and the pages written for VitePress (--site vitepress: the picture in a scroll
// box, pictures in public/).
describe.each([
  ["plain pages", false],
  ["--site vitepress", true],
])("hostile maps built by the real VitePress (%s)", (_, site) => {
  let work = "";
  let docs = "";
  let dist = "";
  let build: ReturnType<typeof spawnSync>;
  const text: Record<string, string> = {};

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "journeymap-vitepress-"));
    // VitePress resolves vue and its theme from the site's folder up: the project's own node_modules.
    symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
    const secretPath = join(work, "secret.txt");
    writeFileSync(secretPath, `${SECRET}\n`);
    for (const [key, value] of Object.entries(HOSTILE)) text[key] = value.replace(/SECRET_PATH/g, secretPath);
    const q = (value: string) => JSON.stringify(value);
    mkdirSync(join(work, "maps"));
    writeFileSync(
      join(work, "maps/root.journey.yaml"),
      `journeymap: 1
id: root
title: ${q(text.rootTitle!)}
description: ${q(text.rootDescription!)}
tags: [${q(text.touchpoint!)}]
teams:
  - id: t
    name: ${q(text.team!)}
personas:
  - id: p
    name: ${q(text.persona!)}
    description: ${q(text.personaDescription!)}
stages:
  - id: s
    name: ${q(text.stage!)}
    description: ${q(text.stageDescription!)}
    details: child
    touchpoints:
      - name: ${q(text.touchpoint!)}
        owner: t
        channel: ${q(text.snippet!)}
        emotion: 2
        painPoints: [${q(text.pain!)}, ${q(text.snippet!)}]
        opportunities: [${q(text.opportunity!)}]
`,
    );
    writeFileSync(
      join(work, "maps/child.journey.yaml"),
      `journeymap: 1
id: child
title: ${q(text.childTitle!)}
description: ${q(text.childDescription!)}
personas:
  - id: p
    name: ${q(text.persona!)}
stages:
  - id: s
    name: ${q(text.snippet!)}
    touchpoints:
      - name: ${q(text.childTouchpoint!)}
        emotion: 4
`,
    );
    docs = join(work, "docs");
    dist = join(docs, ".vitepress/dist");
    if (site) mkdirSync(join(docs, ".vitepress"), { recursive: true });
    const render = runCli(
      [
        "render",
        "maps",
        "--format",
        "markdown",
        "--mermaid",
        "--front-matter",
        "--output",
        "docs",
        ...(site ? ["--site", "vitepress"] : []),
      ],
      { cwd: work },
    );
    expect(render.code, render.stderr).toBe(0);
    build = spawnSync(process.execPath, [join(ROOT, "node_modules/vitepress/bin/vitepress.js"), "build", "docs"], {
      cwd: work,
      encoding: "utf8",
      timeout: 300_000,
    });
  }, 360_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("builds, with no error from VitePress, Vue or markdown-it-attrs", () => {
    const log = `${String(build.stdout)}\n${String(build.stderr)}`;
    expect(build.status, log).toBe(0);
    expect(log).not.toMatch(/error/i);
  });

  it("publishes no file of the machine: nothing planted is included anywhere in the built site", () => {
    const built = filesUnder(dist);
    expect(built.some((file) => file.endsWith("root.html"))).toBe(true);
    for (const file of built) {
      const content = readFileSync(file, "latin1");
      expect(content, file).not.toContain(SECRET);
      // Small pictures are inlined as base64: read them too.
      for (const [, inlined] of content.matchAll(/;base64,([A-Za-z0-9+/=]+)/g))
        expect(Buffer.from(inlined!, "base64").toString("latin1"), file).not.toContain(SECRET);
    }
  });

  it("the page sources hold nothing a generator reads as a directive, a template or a module", () => {
    for (const page of ["root.md", "child.md", "index.md"]) {
      const source = readFileSync(join(docs, page), "utf8");
      // VitePress's include and snippet directives, HTML comments and scripts (Vue reads the page as a template).
      expect(source, page).not.toMatch(/<!--|^\s*<<<|<\/?script/im);
      // Liquid (Jekyll) reads "{{" and "{%" anywhere, code fences included; Vue reads "{{" in the HTML.
      expect(source, page).not.toMatch(/\{\{|\{%/);
      // MDX reads a line starting with import or export as JavaScript.
      expect(source, page).not.toMatch(/^(import|export)\s/m);
      // No raw HTML but the page's own line breaks (and, for a site, its scroll box).
      const own = source
        .replace(/<br \/>|<div class="journeymap-picture" style="overflow-x: auto">|<\/div>/g, "")
        .replace(/^---[\s\S]*?---/, "");
      expect(own, page).not.toMatch(/<[a-z/!]/i);
    }
  });

  it("no attribute, element or expression comes from a map, and each hostile text is shown as written", () => {
    const root = readFileSync(join(dist, "root.html"), "utf8");
    const child = readFileSync(join(dist, "child.html"), "utf8");
    const index = readFileSync(join(dist, "index.html"), "utf8");
    for (const html of [root, child, index]) {
      const content = html.slice(html.indexOf('class="vp-doc'), html.indexOf("</main>"));
      const attributes = attributesOf(content);
      expect(attributes.length).toBeGreaterThan(20);
      expect(attributes.filter(([, name]) => /^(on|v-|:|@)/i.test(name))).toEqual([]);
      expect(attributes.filter(([, name, value]) => name === "class" && /\b(evil|x)\b/.test(value))).toEqual([]);
      expect(attributes.filter(([, name, value]) => name === "href" && /^javascript:/i.test(value))).toEqual([]);
      const pictures = attributes.filter(([element, name]) => element === "img" && name === "src");
      // Bundled by Vite, or (for a site) the pictures journeymap wrote to public/.
      const served = site ? /^\/(root|child|portfolio-heatmap)\.svg$/ : /^(\/assets\/|data:image\/svg\+xml;base64,)/;
      expect(pictures.filter(([, , value]) => !served.test(value))).toEqual([]);
      expect(content).not.toMatch(/<script|<img src="?x|<div v-html/i);
      expect(html).not.toContain("window.pwned=1</script>");
    }
    const shown = visibleText(root);
    for (const key of ["rootTitle", "rootDescription", "persona", "personaDescription", "stage"])
      expect(shown, key).toContain(text[key]!);
    for (const key of ["stageDescription", "touchpoint", "pain", "snippet", "opportunity"])
      expect(shown, key).toContain(text[key]!);
    const childShown = visibleText(child);
    for (const key of ["childTitle", "childDescription", "childTouchpoint"])
      expect(childShown, key).toContain(text[key]!);
    // Breadcrumbs to the parent show its title as written too (cut, as every link to a page), and no
    // expression was evaluated.
    expect(childShown).toContain(`Journey maps › ${text.rootTitle!.slice(0, LINK_TITLE_LENGTH)}…`);
    expect(shown + childShown).not.toMatch(/\b(1337|36|42)\b/);
    for (const key of ["childTitle", "team", "pain", "opportunity"])
      expect(visibleText(index), key).toContain(text[key]!);
    expect(visibleText(index)).toContain(`${text.rootTitle!.slice(0, LINK_TITLE_LENGTH)}…`);
    // The browser's title bar: the front matter's title, as written.
    expect(visibleText(/<title>([\s\S]*?)<\/title>/.exec(root)![1]!)).toContain(text.rootTitle!);
  });
});
