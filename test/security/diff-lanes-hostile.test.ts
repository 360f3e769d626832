// `journeymap diff` on the new format within the hostile-input budget: two ~1 MB versions of each shape
// of test/helpers/adversarial-diff-lanes.ts (thousands of lane entries and opportunity objects changed,
// one lane or opportunity list of tens of thousands of same-text entries with other ids, thousands of
// stages' lanes, names of Object.prototype) are compared, linted and written as every output within 3 s
// of CPU each and a 500 MB heap, in a child process (diff-child.mjs, as diff-hostile.test.ts does), and
// each output reads back with a real parser.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLValidator } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { adversarialLaneDiffs } from "../helpers/adversarial-diff-lanes.js";

const CHILD = fileURLToPath(new URL("./diff-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const FORMATS = ["stylish", "json", "markdown", "svg"] as const;
const BIN = fileURLToPath(new URL("../../bin/journeymap.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "journeymap-diff-lanes-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  steps: Record<string, number>;
  cpu: Record<string, number>;
  sizes: Partial<Record<(typeof FORMATS)[number], number>>;
  peakRss: number;
}

const gfm = new MarkdownIt({ html: true, linkify: true });

describe("a diff of two ~1 MB versions of every hostile shape of lanes and opportunities", () => {
  it.each(Object.keys(adversarialLaneDiffs))(
    "%s",
    (shape) => {
      const [before, after] = adversarialLaneDiffs[shape]!();
      expect(Math.max(before.length, after.length)).toBeGreaterThan(900_000);
      expect(Math.max(before.length, after.length)).toBeLessThan(1_100_000);
      const base = join(folder, shape.replace(/[^a-z0-9]+/gi, "-"));
      writeFileSync(`${base}.old.journey.yaml`, before);
      writeFileSync(`${base}.new.journey.yaml`, after);
      const run = (formats: readonly string[]): Outcome => {
        const child = spawnSync(
          process.execPath,
          ["--max-old-space-size=500", CHILD, `${base}.old.journey.yaml`, `${base}.new.journey.yaml`, base, ...formats],
          {
            encoding: "utf8",
            timeout: BUDGET_MS * 20,
            maxBuffer: 1 << 20,
            env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined },
          },
        );
        expect(child.error, "the child ran out of time").toBeUndefined();
        expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
        const outcome = JSON.parse(child.stdout) as Outcome;
        console.info(`${shape}: wall ${JSON.stringify(outcome.steps)}, CPU ${JSON.stringify(outcome.cpu)}`);
        console.info(`${shape}: sizes ${JSON.stringify(outcome.sizes)}, peak RSS ${outcome.peakRss} MB`);
        const common = outcome.cpu["load old"]! + outcome.cpu["load new"]! + outcome.cpu.diff!;
        for (const format of formats) expect(common + outcome.cpu[format]!, format).toBeLessThan(BUDGET_MS);
        expect(outcome.peakRss).toBeLessThan(600);
        return outcome;
      };
      const sizes = { ...run(["stylish", "json", "markdown"]).sizes, ...run(["svg"]).sizes };
      const input = before.length + after.length;
      for (const format of FORMATS) expect(sizes[format], format).toBeLessThan(40 * input);
      expect(sizes.markdown!).toBeLessThan(3_000_000);
      expect(sizes.stylish!).toBeLessThan(3_000_000);
      expect(sizes.svg!).toBeLessThan(4_000_000);

      const diffs = JSON.parse(readFileSync(`${base}.json`, "utf8")) as JourneyDiff[];
      expect(diffs).toHaveLength(1);
      const markdown = readFileSync(`${base}.markdown`, "utf8");
      const tokens = gfm.parse(markdown, {});
      expect(tokens.flatMap((token) => token.children ?? []).filter((t) => t.type === "link_open")).toEqual([]);
      expect(XMLValidator.validate(readFileSync(`${base}.svg`, "utf8"))).toBe(true);

      // PNG through the CLI: a picture, or the rasterizer's own refusal (too much text, or too many pixels:
      // a picture of hundreds of stages each filling its own declared lane), within the budget.
      const started = performance.now();
      const png = spawnSync(
        process.execPath,
        [BIN, "diff", `${base}.old.journey.yaml`, `${base}.new.journey.yaml`, "--format", "png", "-o", `${base}.png`],
        { encoding: "utf8", timeout: BUDGET_MS * 20, env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined } },
      );
      const wall = performance.now() - started;
      console.info(`${shape}: png exit ${png.status} in ${Math.round(wall)} ms wall`);
      expect(wall).toBeLessThan(2 * BUDGET_MS);
      if (png.status === 0) expect(readFileSync(`${base}.png`).subarray(1, 4).toString()).toBe("PNG");
      else {
        expect(png.status).toBe(2);
        expect(png.stderr).toMatch(
          /^journeymap: the picture (has too much text for PNG \([\d,]+ glyphs, more than 16,000|is too large for PNG at scale 1 \([\d,]+ × [\d,]+ px, more than 20,000,000 pixels\))/,
        );
      }
    },
    BUDGET_MS * 60,
  );
});

describe("what the hostile diffs of lanes and opportunities say", () => {
  const diffOf = async (shape: string) => {
    const { loadJourney } = await import("../../src/journey/load.js");
    const { diffJourneys } = await import("../../src/diff/index.js");
    const [before, after] = adversarialLaneDiffs[shape]!();
    return diffJourneys(
      loadJourney(before, { file: "old.journey.yaml" }),
      loadJourney(after, { file: "new.journey.yaml" }),
      { lint: false },
    );
  };

  it("every touchpoint's lane entries changed: one change per entry, lanes named by their labels", async () => {
    const diff = await diffOf("lane entries changed");
    const first = diff.touchpoints.changed[0]!;
    expect(first.lanes).toEqual([
      {
        lane: "constructor",
        label: "__proto__",
        added: [],
        removed: [],
        changed: [
          {
            id: "f0",
            text: "__proto__ b",
            oldText: "__proto__ a",
            servedBy: { added: ["x0"], removed: [] },
            wait: { old: "5 min", new: "10 min" },
          },
        ],
      },
      {
        lane: "backstage",
        label: "Back office",
        added: [],
        removed: [],
        changed: [
          {
            id: "k0",
            text: "Looks up",
            fail: { old: { risk: "Gone", owner: "ops" }, new: { risk: "Lost", owner: "ops" } },
          },
        ],
      },
      { lane: "systems", label: "toString", added: ["CRM"], removed: ["ERP"], changed: [] },
      {
        lane: "policies",
        label: "Policies",
        added: [],
        removed: [],
        changed: [{ text: "policy b", oldText: "policy a" }],
      },
    ]);
  });

  it("same-text entries with other ids are all added and removed, never paired by their text", async () => {
    const diff = await diffOf("one lane of same-text entries, other ids");
    const [lane] = diff.touchpoints.changed[0]!.lanes!;
    expect(lane!.added.length).toBeGreaterThan(20_000);
    expect(lane!.removed).toHaveLength(lane!.added.length);
    expect(lane!.changed).toEqual([]);
  });

  it("opportunity objects: status moves and texts that became objects, one change each", async () => {
    const diff = await diffOf("opportunity objects changed");
    const first = diff.touchpoints.changed[0]!;
    expect(first.lists.opportunities).toBeUndefined();
    expect(first.opportunities).toEqual([
      {
        id: "o0",
        title: "__proto__",
        fields: {
          status: { old: "planned", new: "in-progress" },
          owner: { new: "ops" },
          value: { old: 1, new: 5 },
          effort: { old: 5, new: 1 },
          confidence: { old: 10, new: 90 },
          due: { old: "2026-01-01", new: "2027-01-01" },
          target: { old: 1, new: 2 },
        },
      },
      { id: "p0", title: "constructor", became: "tracked", fields: { status: { new: "planned" } } },
    ]);
  });
});
