// Issue 23's exports under hostile maps: every map of about 1 MB of test/helpers/adversarial-exports.ts
// is exported to PowerPoint, draw.io (and its SVG) and Visio by the built CLI within 3 s and 500 MB, in
// a child process (node --max-old-space-size=500, render-child.mjs) whose peak RSS the kernel reports;
// TIME_SLACK (default 2) loosens the time bound on a loaded machine. Each output is read back: the
// draw.io XML and every part of the zip packages by an XML parser.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { exportMaps } from "../helpers/adversarial-exports.js";
import { eightLongCurves, escapedEverywhere, everyoneServedByEveryone } from "../helpers/adversarial-exports-speed.js";
import { BUDGET_MS, MEMORY_MB, childRenderer } from "../helpers/render-child.js";

const { folder, renderInChild } = childRenderer("exports-hostile");

/** No XML-forbidden character and no raw bidi or C1 control in a part. */
function expectCleanXml(xml: string, part: string): void {
  expect(XMLValidator.validate(xml), part).toBe(true);
  expect(xml, part).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
}

async function expectCleanPackage(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.values(zip.files).filter((entry) => !entry.dir && /\.(xml|rels)$/.test(entry.name));
  expect(parts.length).toBeGreaterThan(3);
  for (const part of parts) expectCleanXml(await part.async("string"), part.name);
}

const EXPORTS = [".pptx", ".drawio", ".drawio.svg", ".vsdx"];

describe("a 1 MB map of every hostile shape, exported", () => {
  for (const [shape, make] of Object.entries(exportMaps)) {
    it(`${shape}: ${EXPORTS.join(", ")} within 3 s and 500 MB each`, async () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeLessThan(1_250_000);
      const map = join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
      writeFileSync(map, text);
      for (const extension of EXPORTS) {
        const output = join(folder, `export${extension}`);
        const outcome = renderInChild(["render", map, "-o", output]);
        console.info(`${shape} → ${extension}: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
        expect(outcome.code, outcome.stderr).toBe(0);
        expect(outcome.ms, extension).toBeLessThan(BUDGET_MS);
        expect(outcome.peakRss, extension).toBeLessThan(MEMORY_MB);
        if (extension === ".pptx" || extension === ".vsdx") await expectCleanPackage(output);
        else expectCleanXml(readFileSync(output, "utf8"), extension);
      }
    }, 120_000);
  }
});

// The blueprint a megabyte of servedBy links makes, texts that all need escaping, and eight curves over
// 11,000 touchpoints: exported within the same budget, every package read back with each entry's CRC-32
// checked (the zip is journeymap's own).
describe("a 1 MB blueprint of links, a map of escapes and one of long curves, exported", () => {
  const maps = {
    "every entry served by every process": everyoneServedByEveryone,
    "escapes everywhere": escapedEverywhere,
    "eight curves over 11,000 touchpoints": eightLongCurves,
  };
  for (const [shape, make] of Object.entries(maps)) {
    it(`${shape}: ${EXPORTS.join(", ")} within 3 s and 500 MB each`, async () => {
      const text = make();
      expect(Buffer.byteLength(text)).toBeLessThan(1_250_000);
      const map = join(folder, `${shape.replace(/[^a-z0-9]+/gi, "-")}.journey.yaml`);
      writeFileSync(map, text);
      for (const extension of EXPORTS) {
        const output = join(folder, `export${extension}`);
        const outcome = renderInChild(["render", map, "-o", output]);
        console.info(`${shape} → ${extension}: ${outcome.ms} ms, peak RSS ${outcome.peakRss} MB`);
        expect(outcome.code, outcome.stderr).toBe(0);
        expect(outcome.ms, extension).toBeLessThan(BUDGET_MS);
        expect(outcome.peakRss, extension).toBeLessThan(MEMORY_MB);
        if (extension === ".pptx" || extension === ".vsdx") {
          await JSZip.loadAsync(readFileSync(output), { checkCRC32: true });
          await expectCleanPackage(output);
        } else expectCleanXml(readFileSync(output, "utf8"), extension);
      }
    }, 120_000);
  }
});
