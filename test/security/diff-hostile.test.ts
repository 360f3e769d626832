// Issue 19's "done when" for `journeymap diff`: two ~1 MB versions of a map of every adversarial shape
// (test/helpers/adversarial-diff.ts) are compared, linted and written as every output (stylish, json,
// markdown, svg) within 3 s per output and a 500 MB heap, and each output reads back with a real parser.
// Each pair runs in a child process (node --max-old-space-size=500) so one runaway cannot take the suite
// with it. Time is the child's CPU time, not the wall clock: the machines that run this suite share
// their cores, and TIME_SLACK (default 2) loosens the bound further. PNG is left to the picture's own
// budget (the rasterizer, test/render): it draws the same SVG.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLValidator } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { adversarialDiffs } from "../helpers/adversarial-diff.js";

const CHILD = fileURLToPath(new URL("./diff-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const FORMATS = ["stylish", "json", "markdown", "svg"] as const;
const folder = mkdtempSync(join(tmpdir(), "journeymap-diff-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  steps: Record<string, number>;
  cpu: Record<string, number>;
  sizes: Partial<Record<(typeof FORMATS)[number], number>>;
  peakRss: number;
}

/** GitHub renders comments with HTML allowed and bare URLs linked; so does this parser. */
const gfm = new MarkdownIt({ html: true, linkify: true });

describe("a diff of two ~1 MB versions of every adversarial shape", () => {
  it.each(Object.keys(adversarialDiffs))(
    "%s",
    (shape) => {
      const [before, after] = adversarialDiffs[shape]!();
      // About 1 MB each, at most.
      expect(Math.max(before.length, after.length)).toBeGreaterThan(900_000);
      expect(Math.max(before.length, after.length)).toBeLessThan(1_100_000);
      const base = join(folder, shape.replace(/[^a-z0-9]+/gi, "-"));
      writeFileSync(`${base}.old.journey.yaml`, before);
      writeFileSync(`${base}.new.journey.yaml`, after);
      // The text outputs from one diff; the picture (which lints nothing) from a process of its own.
      const run = (formats: readonly string[]): Outcome => {
        const child = spawnSync(
          process.execPath,
          ["--max-old-space-size=500", CHILD, `${base}.old.journey.yaml`, `${base}.new.journey.yaml`, base, ...formats],
          { encoding: "utf8", timeout: BUDGET_MS * 20, maxBuffer: 1 << 20 },
        );
        expect(child.error, "the child ran out of time").toBeUndefined();
        expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
        const outcome = JSON.parse(child.stdout) as Outcome;
        console.info(`${shape}: wall ${JSON.stringify(outcome.steps)}, CPU ${JSON.stringify(outcome.cpu)}`);
        console.info(`${shape}: sizes ${JSON.stringify(outcome.sizes)}, peak RSS ${outcome.peakRss} MB`);
        // What `journeymap diff --format F` does: read both, diff them, write F.
        const common = outcome.cpu["load old"]! + outcome.cpu["load new"]! + outcome.cpu.diff!;
        for (const format of formats) expect(common + outcome.cpu[format]!, format).toBeLessThan(BUDGET_MS);
        expect(outcome.peakRss).toBeLessThan(600);
        return outcome;
      };
      const outcome = { sizes: { ...run(["stylish", "json", "markdown"]).sizes, ...run(["svg"]).sizes } };
      // Outputs in proportion to the maps (the issue saw 3.2 GB of Markdown from 188 KB).
      const input = before.length + after.length;
      for (const format of FORMATS) expect(outcome.sizes[format], format).toBeLessThan(40 * input);
      // The pull-request comment and the terminal report are capped: a few MB at most, whatever changed.
      expect(outcome.sizes.markdown!).toBeLessThan(3_000_000);
      expect(outcome.sizes.stylish!).toBeLessThan(3_000_000);
      // The picture draws its first 200 changes (src/diff/picture.ts): 38 MB from two 1 MB maps before.
      expect(outcome.sizes.svg!).toBeLessThan(4_000_000);

      // Read back by real parsers.
      const diffs = JSON.parse(readFileSync(`${base}.json`, "utf8")) as JourneyDiff[];
      expect(diffs).toHaveLength(1);
      expect(diffs[0]!.version).toBe(2);
      const markdown = readFileSync(`${base}.markdown`, "utf8");
      const tokens = gfm.parse(markdown, {});
      const html = tokens
        .flatMap((token) => [token, ...(token.children ?? [])])
        .filter((t) => t.type.startsWith("html"));
      expect(html.map((token) => token.content.trim())).toEqual(
        markdown.includes("<details>")
          ? [expect.stringMatching(/^<details><summary>\d+ more changes?<\/summary>$/), "</details>"]
          : [],
      );
      expect(tokens.flatMap((token) => token.children ?? []).filter((t) => t.type === "link_open")).toEqual([]);
      expect(XMLValidator.validate(readFileSync(`${base}.svg`, "utf8"))).toBe(true);
    },
    BUDGET_MS * 40,
  );
});

describe("what the hostile diffs say", () => {
  it("a score for every persona changed at every touchpoint: one change per touchpoint, personas counted", async () => {
    const { loadJourney } = await import("../../src/journey/load.js");
    const { diffJourneys, diffFormats } = await import("../../src/diff/index.js");
    const [before, after] = adversarialDiffs["persona × touchpoint emotions"]!();
    const diff = diffJourneys(
      loadJourney(before, { file: "old.journey.yaml" }),
      loadJourney(after, { file: "new.journey.yaml" }),
      {
        lint: false,
      },
    );
    expect(diff.touchpoints.changed).toHaveLength(16_000);
    expect(diff.touchpoints.changed[0]!.emotions).toEqual([
      {
        personas: ["p0", "p1", "p2", "p3", "p4"],
        personaNames: ["P0", "P1", "P2", "P3", "P4"],
        count: 8000,
        old: 2,
        new: 4,
        delta: 2,
        direction: "up",
      },
    ]);
    const markdown = diffFormats.markdown.formatter([diff], { color: false });
    expect(markdown).toContain(
      "| T0 | P0 · P1 · P2 · P3 · P4 and 7995 more | 2 | 4 | 📈 2 → 4 \\(\\+2\\, rise\\) | – |\n",
    );
    // 500 rows, then one line for the rest.
    expect(markdown).toContain("\n… and 15500 more changes \\(\\-\\-format json lists them all\\)\n");
    expect(markdown.split("\n").filter((line) => /^\| T\d/.test(line))).toHaveLength(500);
  });

  it("narrowed persona lists: the personas no longer involved are counted, five named", async () => {
    const { loadJourney } = await import("../../src/journey/load.js");
    const { diffJourneys, diffFormats } = await import("../../src/diff/index.js");
    const [before, after] = adversarialDiffs["persona lists narrowed"]!();
    const diff = diffJourneys(
      loadJourney(before, { file: "old.journey.yaml" }),
      loadJourney(after, { file: "new.journey.yaml" }),
      {
        lint: false,
      },
    );
    const first = diff.touchpoints.changed[0]!;
    expect(first.personas).toEqual({
      added: [],
      removed: ["p1", "p2", "p3", "p4", "p5"],
      addedCount: 0,
      removedCount: 7999,
      addedNames: [],
      removedNames: ["P1", "P2", "P3", "P4", "P5"],
    });
    expect(first.emotions).toMatchObject([
      { personas: ["p1", "p2", "p3", "p4", "p5"], count: 7999, old: 3, direction: "removed" },
    ]);
    const stylish = diffFormats.stylish.formatter([diff], { color: false });
    expect(stylish).toContain("\n      - 7994 more personas no longer involved\n");
    expect(stylish).toContain("\n  … and ");
  });

  it("the similarity guess stays within its budget: 16,000 unmatched touchpoints against one are compared, never squared", async () => {
    const { loadJourney } = await import("../../src/journey/load.js");
    const { diffJourneys } = await import("../../src/diff/index.js");
    const [before, after] = adversarialDiffs["unmatched touchpoints"]!();
    const diff = diffJourneys(
      loadJourney(before, { file: "old.journey.yaml" }),
      loadJourney(after, { file: "new.journey.yaml" }),
      {
        lint: false,
      },
    );
    // All 16,000 have the same fields as the new one: no single best candidate, so no guess.
    expect(diff.touchpoints.changed).toEqual([]);
    expect(diff.touchpoints.removed).toHaveLength(16_000);
    expect(diff.touchpoints.added).toHaveLength(1);
  });

  it("a long stage name is cut where the diff repeats it", async () => {
    const { loadJourney } = await import("../../src/journey/load.js");
    const { diffJourneys } = await import("../../src/diff/index.js");
    const [before, after] = adversarialDiffs["long stage name"]!();
    const diff = diffJourneys(
      loadJourney(before, { file: "old.journey.yaml" }),
      loadJourney(after, { file: "new.journey.yaml" }),
      {
        lint: false,
      },
    );
    expect(diff.touchpoints.added).toHaveLength(12_000);
    expect(diff.touchpoints.added[0]!.stageName).toBe(`${"Stage ".repeat(70_000).slice(0, 200)}…`);
  });
});
