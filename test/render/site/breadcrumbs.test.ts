// Issue 19: a page's breadcrumbs are bounded. A chain of maps (each details the next) used to repeat the
// whole chain above every page: quadratic, 291 MB of pages for 5,000 maps. A page names the index, the
// root of its chain, "…" for the maps left out, and the four nearest parents (BREADCRUMB_PARENTS in
// src/render/runner.ts). Oracle: markdown-it's links on each page, each leading to a written page.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";

const CHAIN = 40;
const folder = mkdtempSync(join(tmpdir(), "journeymap-breadcrumbs-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The breadcrumb line of a page (the first paragraph after its title) as [text, href] pairs. */
function crumbs(page: string): Array<[string, string]> {
  const tokens = new MarkdownIt().parse(readFileSync(join(folder, "site", page), "utf8"), {});
  const line = tokens.find((token) => token.type === "inline" && token.content.includes(" › "))!;
  const links: Array<[string, string]> = [];
  const children = line.children ?? [];
  children.forEach((token, n) => {
    if (token.type === "link_open") links.push([children[n + 1]!.content, String(token.attrGet("href"))]);
  });
  return links;
}

describe("breadcrumbs of a long chain of maps", () => {
  it("name at most the root, … and the four nearest parents; every link leads to a page", () => {
    mkdirSync(join(folder, ".git"));
    mkdirSync(join(folder, "maps"));
    for (let n = 0; n < CHAIN; n++) {
      const details = n + 1 < CHAIN ? `    details: c${n + 1}\n` : "";
      writeFileSync(
        join(folder, "maps", `c${n}.journey.yaml`),
        `journeymap: 1\ntitle: Chain ${n}\npersonas:\n  - id: p\n    name: P\nstages:\n  - id: s\n    name: S\n${details}    touchpoints:\n      - name: T\n        emotion: {p: 3}\n`,
      );
    }
    const run = runCli(["render", "maps", "--format", "markdown", "--output", "site/"], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    expect(crumbs("c5.md").map(([text]) => text)).toEqual([
      "Journey maps",
      ...[0, 1, 2, 3, 4].map((n) => `Chain ${n}`),
    ]);
    expect(crumbs("c7.md").map(([text]) => text)).toEqual([
      "Journey maps",
      "Chain 0",
      "Chain 3",
      "Chain 4",
      "Chain 5",
      "Chain 6",
    ]);
    expect(crumbs("c39.md")).toEqual([
      ["Journey maps", "index.md"],
      ["Chain 0", "c0.md"],
      ...[35, 36, 37, 38].map((n): [string, string] => [`Chain ${n}`, `c${n}.md`]),
    ]);
    expect(readFileSync(join(folder, "site/c39.md"), "utf8")).toMatch(/\[Chain 0\]\(c0\.md\) › … › \[Chain 35\]/);
    for (let n = 0; n < CHAIN; n++)
      for (const [, href] of crumbs(`c${n}.md`)) expect(existsSync(join(folder, "site", href)), href).toBe(true);
    // Deep pages are no larger than pages at the bound: the site grows linearly with the chain.
    expect(statSync(join(folder, "site/c39.md")).size).toBeLessThan(statSync(join(folder, "site/c9.md")).size + 100);
  });
});
