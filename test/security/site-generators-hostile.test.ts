// The hostile-input budget for the pages written for a docs generator (render --site): a folder holding a
// 1 MB map of every adversarial shape, and of two shapes aimed at the new output (twenty thousand personas
// whose names carry the index's separators and line breaks; a title of "</div>" and MDX braces), is
// rendered as a VitePress, MkDocs or Docusaurus site by the whole CLI in a child process with a 500 MB
// heap, within 3 s (times TIME_SLACK, default 2, on a loaded machine), its pages in proportion to the map.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialMaps } from "../helpers/adversarial.js";
import { BIN } from "../helpers/cli.js";

const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const MB = 1_000_000;
const work = mkdtempSync(join(tmpdir(), "journeymap-site-generators-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Maps aimed at the pages written for a generator. */
const SITE_SHAPES: Record<string, () => string> = {
  "personas with separators": () => {
    const personas = Array.from(
      { length: 20_000 },
      (_, i) => `  - id: p${i}\n    name: "Sam · Alex, ${i}\\n• Dana <br /> </div> {x}"\n`,
    ).join("");
    return `journeymap: 1\nid: people\ntitle: People\npersonas:\n${personas}stages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        emotion: 3\n`;
  },
  "title of tags and braces": () =>
    `journeymap: 1\nid: title\ntitle: "${"</div> {props.x} {{ 1 }} <div markdown=1> ".repeat(MB / 45)}"\npersonas:\n  - id: p\n    name: P\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: T\n        emotion: 3\n`,
};

const PROJECTS: Record<string, string> = {
  vitepress: "docs/.vitepress/",
  mkdocs: "mkdocs.yml",
  docusaurus: "docusaurus.config.js",
};

describe("a folder holding a 1 MB hostile map, rendered for a docs generator", () => {
  // Every shape as a VitePress site (its pictures go to public/), the shapes aimed at the pages for all three.
  const SHAPES: Record<string, () => string> = {
    ...Object.fromEntries(Object.entries(adversarialMaps).map(([name, make]) => [name, () => make()])),
    ...SITE_SHAPES,
  };
  const cases = [
    ...Object.keys(adversarialMaps).map((shape) => [shape, "vitepress"]),
    ...Object.keys(SITE_SHAPES).flatMap((shape) => Object.keys(PROJECTS).map((site) => [shape, site])),
  ];
  it.each(cases)("%s (--site %s)", (shape, site) => {
    const text = SHAPES[shape]!();
    expect(text.length).toBeGreaterThan(900_000);
    const folder = join(work, `${shape.replace(/[^a-z0-9]+/gi, "-")}-${site}`);
    mkdirSync(join(folder, "maps"), { recursive: true });
    mkdirSync(join(folder, "docs"), { recursive: true });
    const marker = PROJECTS[site]!;
    if (marker.endsWith("/")) mkdirSync(join(folder, marker), { recursive: true });
    else writeFileSync(join(folder, marker), site === "mkdocs" ? "site_name: x\n" : "module.exports = {};\n");
    writeFileSync(join(folder, "maps/hostile.journey.yaml"), text);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    delete env.NODE_EXTRA_CA_CERTS;
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      ["--max-old-space-size=500", BIN, "render", "maps", "--format", "markdown", "-o", "docs/journeys"],
      { cwd: folder, env, encoding: "utf8", timeout: BUDGET_MS * 4, maxBuffer: 64 << 20 },
    );
    const elapsed = performance.now() - started;
    expect(child.error, "the child ran out of time").toBeUndefined();
    expect(child.stderr, "the child crashed (out of memory or a stack overflow)").not.toMatch(
      /heap out of memory|Maximum call stack|\n\s+at /,
    );
    expect([0, 1]).toContain(child.status);
    console.info(`${shape} --site ${site}: ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(BUDGET_MS);
    // Every page and picture (in docs/, public/ or static/) in proportion to the map.
    const written = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (sum, entry) =>
          sum + (entry.isDirectory() ? written(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
        0,
      );
    expect(written(folder) - text.length).toBeLessThan(40 * text.length);
  });
});
