// The PNG writer (png-encode.ts): its file read back by a decoder of its own (inflate and unfilter,
// test/helpers/png-pixels.ts) has resvg's pixels exactly, translucent ones included, and pngcheck
// (Debian's PNG checker, when installed) finds nothing wrong with it, however many slices it took.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, describe, expect, it } from "vitest";
import { encodePng } from "../../src/render/png-encode.js";
import { readPng } from "../helpers/png-pixels.js";

const dir = mkdtempSync(join(tmpdir(), "journeymap-png-encode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const havePngcheck = spawnSync("pngcheck", ["-h"]).error === undefined;
if (!havePngcheck)
  console.warn("\n⚠ pngcheck is not installed (apt-get install pngcheck): the check by it is skipped\n");

/** A picture with opaque, translucent and clear pixels: no background, shapes at several opacities. */
function translucentSvg(width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect x="10" y="10" width="${width - 20}" height="${height / 2}" fill="#0969da" opacity="0.37"/>` +
    `<circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#cf222e" fill-opacity="0.8"/>` +
    `<path d="M0 ${height} L${width} 0" stroke="#1a7f37" stroke-width="7"/>` +
    `<rect x="0" y="${height - 40}" width="${width}" height="40" fill="#ffffff"/></svg>`
  );
}

describe("encodePng", () => {
  it.each([
    ["a small picture", 300, 200],
    ["a picture of several slices (rows of 2,400 px, 6 MB of pixels)", 2400, 640],
  ])("writes %s that reads back as resvg's own PNG does, pixel for pixel", async (_, width, height) => {
    const image = new Resvg(translucentSvg(width, height)).render();
    const ours = await encodePng(image.pixels, image.width, image.height);
    const theirs = readPng(image.asPng());
    const decoded = readPng(ours);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    let [differing, largest, translucent] = [0, 0, 0];
    for (let i = 0; i < decoded.rgba.length; i++) {
      const step = Math.abs(decoded.rgba[i]! - theirs.rgba[i]!);
      largest = Math.max(largest, step);
      if (step > 0) differing++;
      if (i % 4 === 3 && decoded.rgba[i]! > 0 && decoded.rgba[i]! < 255) translucent++;
    }
    // Dividing by alpha may round either way: a step at most, in few pixels.
    expect(largest).toBeLessThanOrEqual(1);
    expect(translucent).toBeGreaterThan((width * height) / 10);
    expect(differing).toBeLessThan(decoded.rgba.length / 100);
    if (havePngcheck) {
      const file = join(dir, `${width}.png`);
      writeFileSync(file, ours);
      expect(execFileSync("pngcheck", [file]).toString()).toMatch(/^OK: /);
    }
  });

  it("refuses fewer pixels than the size says", async () => {
    await expect(encodePng(new Uint8Array(10), 2, 2)).rejects.toThrow(RangeError);
  });
});
