// The docs site stays linear in its maps: a long chain of `details:` parents gives every page a few
// breadcrumbs (the root, "…", the nearest parents), never the whole chain; a map's long title is shown
// whole on its own page only, cut in every link to it (breadcrumbs, detailed maps, the index's backlog).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LINK_TITLE_LENGTH } from "../../src/render/markdown.js";
import type { RepositoryFacts } from "../../src/workspace/facts.js";
import { boundedBreadcrumbsOf, breadcrumbsOf, buildGraph } from "../../src/workspace/graph.js";
import { runCli } from "../helpers/cli.js";

/** Maps that each detail the next: m0 → m1 → … (and the last back to `loopTo`, when given). */
function chain(length: number, loopTo?: number): RepositoryFacts[] {
  return Array.from({ length }, (_, i) => {
    const target = i + 1 < length ? `m${i + 1}` : loopTo === undefined ? undefined : `m${loopTo}`;
    return {
      file: `m${i}.journey.yaml`,
      id: `m${i}`,
      links: target ? [{ target, from: "stage" as const, name: "S", stage: "s", subject: "stage:s" }] : [],
      uses: [],
    };
  });
}

describe("boundedBreadcrumbsOf", () => {
  it("names the root and the nearest parents, with a gap between, in time linear in the chain", () => {
    const graph = buildGraph(chain(50_000));
    const started = performance.now();
    const trails = Array.from({ length: 50_000 }, (_, i) => boundedBreadcrumbsOf(graph, `m${i}`, 4));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(trails[0]).toEqual({ top: [], gap: false, near: [] });
    expect(trails[5]).toEqual({ top: [], gap: false, near: ["m0", "m1", "m2", "m3", "m4"] });
    expect(trails[6]).toEqual({ top: ["m0"], gap: true, near: ["m2", "m3", "m4", "m5"] });
    expect(trails[49_999]).toEqual({ top: ["m0"], gap: true, near: ["m49995", "m49996", "m49997", "m49998"] });
    // Short chains keep every crumb, as breadcrumbsOf gives them.
    for (const i of [1, 3, 5]) expect(trails[i]!.near).toEqual(breadcrumbsOf(graph, `m${i}`));
  });

  it("a chain that ends in a cycle has no root: the nearest parents after a gap, each once", () => {
    const ring = buildGraph(chain(10, 0));
    expect(boundedBreadcrumbsOf(ring, "m9", 4)).toEqual({ top: [], gap: true, near: ["m5", "m6", "m7", "m8"] });
    const small = buildGraph(chain(3, 0));
    expect(boundedBreadcrumbsOf(small, "m2", 4)).toEqual({ top: [], gap: false, near: ["m0", "m1"] });
  });
});

describe("the site of a long chain of maps", () => {
  const folder = mkdtempSync(join(tmpdir(), "journeymap-chain-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const MAPS = 300;
  const TITLE = `Root ${"long title ".repeat(10_000)}`.trim();

  it("writes pages of a few crumbs each, and cuts a long title in every link to its page", () => {
    mkdirSync(join(folder, "maps"));
    let input = 0;
    for (let i = 0; i < MAPS; i++) {
      const text = `journeymap: 1
id: m${i}
title: "${i === 0 ? TITLE : `Map ${i}`}"
personas: [{ id: p, name: P }]
stages:
  - id: s
    name: S
${i + 1 < MAPS ? `    details: m${i + 1}\n` : ""}    touchpoints:
      - name: T
        details: m${Math.min(i + 1, MAPS - 1)}
        emotion: 3
        painPoints: [${Array.from({ length: i === 0 ? 1_000 : 1 }, () => "p").join(", ")}]
`;
      input += text.length;
      writeFileSync(join(folder, `maps/m${i}.journey.yaml`), text);
    }
    const run = runCli(["render", "maps", "--format", "markdown", "--output", "site"], { cwd: folder });
    expect(run.code, run.stderr.slice(0, 500)).toBe(0);
    const pages = readdirSync(join(folder, "site")).filter((name) => name.endsWith(".md"));
    expect(pages).toHaveLength(MAPS + 1);
    const size = (name: string) => statSync(join(folder, "site", name)).size;
    // Each page of the chain is as small at the bottom as near the top.
    for (let i = 1; i < MAPS; i++) expect(size(`m${i}.md`), `m${i}.md`).toBeLessThan(2_500);
    const total = pages.reduce((sum, name) => sum + size(name), 0);
    expect(total).toBeLessThan(6 * input);
    const last = readFileSync(join(folder, `site/m${MAPS - 1}.md`), "utf8");
    const root = `${TITLE.slice(0, LINK_TITLE_LENGTH)}…`;
    expect(last.split("\n")[2]).toBe(
      `[Journey maps](index.md) › [${root}](m0.md) › … › ${[295, 296, 297, 298].map((i) => `[Map ${i}](m${i}.md)`).join(" › ")} › Map 299`,
    );
    // The index links to the root once per pain point: each time with the cut title.
    const index = readFileSync(join(folder, "site/index.md"), "utf8");
    expect(index.split(`[${root}](m0.md)`).length - 1).toBeGreaterThan(1_000);
    expect(index.length).toBeLessThan(400_000);
    // The root's own page shows the whole title.
    expect(readFileSync(join(folder, "site/m0.md"), "utf8")).toContain(`# ${TITLE}\n`);
  });
});
