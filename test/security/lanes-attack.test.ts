// Issue 22's surface attacked after it was built (test/helpers/adversarial-lanes-attack.ts): a deck of a
// map that scores emotions and follows no persona (pptxgenjs threw on a chart of no series: exit 2 and
// "unexpected error"), and the diff of ~1 MB versions whose every lane declaration changed, within the
// budget in every output, each run a child process with a 500 MB heap.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import {
  lanesNamedLikeFields,
  openOverrides,
  redeclaredLanes,
  scoredWithoutPersonas,
} from "../helpers/adversarial-lanes-attack.js";
import { runCli } from "../helpers/cli.js";
import { BUDGET_MS, childRenderer, MEMORY_MB } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("lanes-attack");

describe("a deck of a map that scores emotions and follows no persona", () => {
  it("is written with no emotion chart (the picture draws no curve either), its lanes on their slide", async () => {
    const map = join(folder, "no-persona.journey.yaml");
    writeFileSync(map, scoredWithoutPersonas);
    const deck = join(folder, "no-persona.pptx");
    const run = runCli(["render", map, "-o", deck]);
    expect(run.stderr).not.toContain("unexpected error");
    expect(run.code, run.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(deck));
    const names = Object.keys(zip.files);
    expect(names.filter((name) => name.startsWith("ppt/charts/"))).toEqual([]);
    const slides = await Promise.all(
      names.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")),
    );
    expect(slides.join("\n")).not.toContain("Emotions along the journey");
    expect(slides.join("\n")).toContain("Systems");
  });
});

describe("diff of two ~1 MB versions whose every lane declaration changed", () => {
  const count = 6_000;
  const versions = redeclaredLanes(count);
  const files = { old: join(folder, "old.journey.yaml"), new: join(folder, "new.journey.yaml") };
  writeFileSync(files.old, versions.old);
  writeFileSync(files.new, versions.new);

  it("stylish, markdown, json and svg within 3 s and 500 MB each; json has every lane's change and both orders", () => {
    expect(versions.new.length).toBeLessThanOrEqual(1_000_000);
    expect(versions.new.length).toBeGreaterThan(600_000);
    for (const format of ["stylish", "markdown", "json", "svg"]) {
      const output = join(folder, `redeclared.${format}`);
      const outcome = renderInChild(["diff", files.old, files.new, "-f", format, "-o", output]);
      const label = `${format}: exit ${outcome.code} in ${outcome.ms} ms, ${outcome.peakRss} MB, ${statSync(output).size} bytes`;
      if (process.env.JOURNEYMAP_SHOW_FIGURES) console.log(label);
      expect(outcome.stderr, label).not.toContain("unexpected error");
      expect([0, 1], `${label}\n${outcome.stderr}`).toContain(outcome.code);
      expect(outcome.ms, label).toBeLessThanOrEqual(BUDGET_MS);
      expect(outcome.peakRss, label).toBeLessThanOrEqual(MEMORY_MB);
    }
    const [diff] = JSON.parse(readFileSync(join(folder, "redeclared.json"), "utf8")) as JourneyDiff[];
    expect(diff!.lanes!.changed).toHaveLength(count);
    expect(diff!.lanes!.changed![0]).toMatchObject({
      lane: { id: `lane-${count - 1}` },
      // lane-5999: kind and layer each shifted by one (test/helpers/adversarial-lanes-attack.ts).
      kind: { old: "systems", new: "list" },
      layer: { old: "support", new: "customer" },
      description: { old: "d", new: "d+" },
    });
    expect(diff!.lanes!.reordered!.new[0]).toBe(`lane-${count - 1}`);
    expect(diff!.lanes!.reordered!.old[0]).toBe("lane-0");
    // The stylish report is cut, and says where the rest is.
    expect(readFileSync(join(folder, "redeclared.stylish"), "utf8")).toContain("--format json lists them all");
  });
});

describe("declared lanes named like the built-in fields (actions, evidence, pain points, owner)", () => {
  it("keeps each value on its side through the workbook and back, and diff finds the round trip the same map", () => {
    const map = join(folder, "clash.journey.yaml");
    const workbook = join(folder, "clash.xlsx");
    const back = join(folder, "clash-back.journey.yaml");
    writeFileSync(map, lanesNamedLikeFields);
    expect(runCli(["render", map, "-o", workbook]).code).toBe(0);
    const imported = runCli(["import", workbook, "-o", back]);
    expect(imported.code, imported.stderr).toBe(0);
    const [touchpoint] = (parse(readFileSync(back, "utf8")) as { stages: Array<{ touchpoints: unknown[] }> }).stages[0]!
      .touchpoints as Array<Record<string, unknown>>;
    expect(touchpoint).toMatchObject({
      owner: "p",
      actions: ["Built-in action"],
      evidence: ["Built-in evidence"],
      painPoints: ["Built-in pain"],
      lanes: { actions: ["Lane action"], evidence: ["Lane tag"], "pain-points": ["Lane pain"], owner: ["Lane person"] },
    });
    const diff = runCli(["diff", map, back]);
    expect(diff.stdout, diff.stderr).toContain("no changes");
  });
});

describe("a deck of texts that leave a right-to-left override open", () => {
  it("isolates each of the author's texts, so the fail point, the owner and the status after them read as written", async () => {
    const map = join(folder, "overrides.journey.yaml");
    const deck = join(folder, "overrides.pptx");
    writeFileSync(map, openOverrides);
    const run = runCli(["render", map, "-o", deck]);
    expect(run.code, run.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(deck));
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async("string")),
    );
    // The runs' text as a reader's program decodes it (the deck writes bidi controls as references).
    const text = slides
      .join("\n")
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&amp;/g, "&");
    // FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE around each text: the override ends at the PDI.
    expect(text).toContain(
      "\u2068Looks up \u202ebooking\u2069 [wait \u20685 \u202emin\u2069; fail point: \u2068Not \u202efound\u2069 (desk)]",
    );
    expect(text).toContain("\u2068Mobile \u202ekey\u2069 — planned, Front desk");
    // Texts with no bidi control are written as they are.
    expect(text).not.toContain("\u2068Front desk");
  });
});
