// Property: any valid map of hostile text, rendered to .xlsx and imported back, is the same map for
// journeymap diff, once the text is what a cell can hold (control characters removed, CRLF made LF,
// list items on one line each: the documented limits of docs/export.md).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffJourneys, isEmptyDiff } from "../../src/diff/index.js";
import { cellText } from "../../src/render/export/cells.js";
import { renderXlsx } from "../../src/render/export/xlsx.js";
import { importSpreadsheet } from "../../src/import/index.js";
import { listOf } from "../../src/journey/fields.js";
import { loadJourney } from "../../src/journey/load.js";
import type { Journey } from "../../src/journey/model.js";
import { hostileJourney, toYaml } from "../helpers/adversarial.js";
import { freeListFields } from "../helpers/fields.js";

/** The map as cells can carry it. */
function asCells(journey: Journey): Journey {
  const text = (value: string) => cellText(value) || "x";
  const list = (items: string[] | undefined) =>
    items?.map((item) => text(item).replace(/\n/g, " ")).filter((item) => item.trim() !== "");
  return {
    ...journey,
    title: text(journey.title),
    ...(journey.description !== undefined ? { description: text(journey.description) } : {}),
    personas: journey.personas.map((persona) => ({ ...persona, name: text(persona.name) })),
    stages: journey.stages.map((stage) => ({
      ...stage,
      name: text(stage.name),
      touchpoints: (stage.touchpoints ?? []).map((touchpoint) => ({
        ...touchpoint,
        name: text(touchpoint.name),
        ...(touchpoint.channel !== undefined ? { channel: text(touchpoint.channel) } : {}),
        ...(touchpoint.owner !== undefined ? { owner: text(touchpoint.owner) } : {}),
        // Every list of text the field registry has, as the generator fills them.
        ...Object.fromEntries(
          freeListFields().map((field) => [field.key, list([...listOf(touchpoint, field.key)]) ?? []]),
        ),
        metrics: Object.fromEntries(
          Object.entries(touchpoint.metrics ?? {}).map(([key, value], index) => [
            `m${index}-${text(key).trim().replace(/\s+/g, "-") || "x"}`,
            typeof value === "string" ? text(value).trim() || "x" : value,
          ]),
        ),
      })),
    })),
  };
}

describe("the round trip through Excel, for any map", () => {
  it("gives back a map that diff finds identical", async () => {
    await fc.assert(
      fc.asyncProperty(hostileJourney, async (generated) => {
        const original = loadJourney(toYaml(asCells(generated)), { file: "original.journey.yaml" });
        fc.pre(original.journey !== undefined);
        const workbook = await renderXlsx(original.journey);
        const { text } = await importSpreadsheet(workbook, { shown: "map.xlsx" });
        const back = loadJourney(text, { file: "back.journey.yaml" });
        expect(back.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
        const diff = diffJourneys(original, back, { lint: false });
        expect(isEmptyDiff(diff), JSON.stringify(diff, null, 1).slice(0, 2000)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  }, 120_000);
});
