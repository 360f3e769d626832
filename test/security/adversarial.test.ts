// Issue 8's "done when": a map of about 1 MB of every adversarial shape is validated, linted and
// rendered to SVG and Markdown within 3 s and a 500 MB heap, or refused with a clear message.
// Each map runs in a child process (node --max-old-space-size=500) so one runaway cannot take the
// suite with it; TIME_SLACK (default 2) loosens the time bound on a loaded machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialMaps } from "../helpers/adversarial.js";

const CHILD = fileURLToPath(new URL("./pipeline-child.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const folder = mkdtempSync(join(tmpdir(), "journeymap-adversarial-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Outcome {
  steps: Record<string, number>;
  findings: number;
  svg: number;
  markdown: number;
  refusal?: string;
  peakRss: number;
}

/** Maps that must be refused, and how (everything else must pass through every step). */
const REFUSED: Record<string, RegExp> = {
  "deep nesting": /^nested too deeply \(more than 64 levels\)/,
  // Unknown keys are schema errors: the point is that finding them (and no suggestion) stays fast.
  "long typos": /^unknown key "ownerr+\d+" in touchpoint: use one of /,
  "alias fan-out": /^aliases expand to more than 1000000 values and characters: this looks like an alias bomb$/,
};

describe("a 1 MB map of every adversarial shape", () => {
  it.each(Object.keys(adversarialMaps))("%s", (shape) => {
    const text = adversarialMaps[shape]!();
    expect(text.length).toBeGreaterThan(900_000);
    // About 1 MB; shapes defined by a count (20,000 comments) may go a little over.
    expect(text.length).toBeLessThan(1_800_000);
    const file = join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
    writeFileSync(file, text);
    const child = spawnSync(process.execPath, ["--max-old-space-size=500", CHILD, file], {
      encoding: "utf8",
      timeout: BUDGET_MS * 4,
      maxBuffer: 1 << 20,
    });
    expect(child.error, "the child ran out of time").toBeUndefined();
    expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
    const outcome = JSON.parse(child.stdout) as Outcome;
    const total = Object.values(outcome.steps).reduce((sum, ms) => sum + ms, 0);
    console.info(`${shape}: ${JSON.stringify(outcome.steps)} total ${total} ms, peak RSS ${outcome.peakRss} MB`);
    expect(total, JSON.stringify(outcome.steps)).toBeLessThan(BUDGET_MS);
    expect(outcome.peakRss).toBeLessThan(600);
    const refused = REFUSED[shape];
    if (refused) {
      expect(outcome.refusal).toMatch(refused);
    } else {
      expect(outcome.refusal).toBeUndefined();
      // Outputs stay in proportion to the map (the issue saw 534 MB of Markdown from 311 KB).
      expect(outcome.svg).toBeLessThan(40 * text.length);
      expect(outcome.markdown).toBeLessThan(40 * text.length);
      // Findings too: a map of n bytes cannot have n × n of them (a shared score is one fall, not one per persona).
      expect(outcome.findings).toBeLessThan(text.length / 8);
    }
  });
});
