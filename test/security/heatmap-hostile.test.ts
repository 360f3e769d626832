// The portfolio heat map of hostile maps: a 1 MB map of thousands of stages with bidi, markup, joiners
// and a long title draws within the budget (3 s, 500 MB heap, in a child process), to a small SVG whose
// text is inert; a portfolio of maps that share no stage id stays linear in its stages.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_STAGE_COLUMNS, renderHeatmap } from "../../src/render/site/heatmap.js";
import { disjointPortfolio, hostileHeatmapMap } from "../helpers/adversarial-heatmap.js";

const CHILD = fileURLToPath(new URL("./heatmap-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const folder = mkdtempSync(join(tmpdir(), "journeymap-heatmap-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the heat map of hostile maps", () => {
  it("draws a 1 MB map of thousands of hostile stage names within the budget, to a small inert SVG", () => {
    const text = hostileHeatmapMap();
    expect(text.length).toBeGreaterThan(900_000);
    const file = join(folder, "hostile.journey.yaml");
    const result = join(folder, "result.json");
    writeFileSync(file, text);
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const child = spawnSync(process.execPath, ["--max-old-space-size=500", CHILD, file, result, "1"], {
      encoding: "utf8",
      timeout: BUDGET_MS * 4,
      env,
    });
    expect(child.error, "the child ran out of time").toBeUndefined();
    expect(child.stderr).toBe("");
    const outcome = JSON.parse(readFileSync(result, "utf8")) as { ms: number; peakRss: number; bytes: number };
    console.info(`hostile heat map: ${JSON.stringify(outcome)}`);
    expect(outcome.ms).toBeLessThan(BUDGET_MS);
    expect(outcome.peakRss).toBeLessThan(600);
    // Capped columns and tooltips: tens of kilobytes, whatever the map's size.
    expect(outcome.bytes).toBeLessThan(100_000);
    const svg = readFileSync(`${result}.svg`, "utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/[\u202e\u2066]|<b>|##\[/);
    expect(svg).toContain("&#8238;evil&#8294;");
    const titles: string[] = [];
    new XMLParser({
      parseTagValue: false,
      tagValueProcessor: (name, value) => {
        if (name === "title") titles.push(value);
        return value;
      },
    }).parse(svg);
    // Every tooltip names its map and stage, cut to a few hundred characters.
    expect(titles.some((title) => title.startsWith("Title ") && title.includes("· Stage 0 "))).toBe(true);
    for (const title of titles) expect(title.length).toBeLessThan(1_000);
  });

  it("places 1,000 maps × 50 stages that share no stage id in time linear in the stages", () => {
    const time = (count: number) => {
      const maps = disjointPortfolio(count, 50);
      const started = performance.now();
      const svg = renderHeatmap(maps);
      return { ms: performance.now() - started, svg };
    };
    time(200); // warm up
    const small = time(250);
    const large = time(1_000);
    console.info(`disjoint portfolio: 250 maps ${Math.round(small.ms)} ms, 1,000 maps ${Math.round(large.ms)} ms`);
    expect(large.ms).toBeLessThan(BUDGET_MS);
    // Four times the maps: at most about four times the time (eight, on a loaded machine), never sixteen.
    expect(large.ms).toBeLessThan(Math.max(8 * small.ms, 500));
    expect(large.svg.match(/data-score=/g)!.length).toBeLessThanOrEqual(1_000 * MAX_STAGE_COLUMNS);
    expect(large.svg).toContain(`${1_000 * 50 - MAX_STAGE_COLUMNS} more stages are past the first`);
  });
});
