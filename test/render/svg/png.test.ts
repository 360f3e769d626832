// PNG and PDF output of the native picture: a real PNG at the asked scale, a clear error otherwise.
import { describe, expect, it } from "vitest";
import { JourneymapError } from "../../../src/errors.js";
import { svgToPdf } from "../../../src/render/pdf.js";
import { svgToPng } from "../../../src/render/png.js";
import { renderSvg } from "../../../src/render/svg/index.js";
import { examplePath, loadMap } from "./maps.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
}

describe("svgToPng", () => {
  const svg = renderSvg(loadMap(examplePath("freshcart")));

  it("gives a PNG as wide and high as the SVG times the scale", async () => {
    for (const scale of [1, 2]) {
      const png = await svgToPng(svg, { scale });
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const size = svgSize(svg);
      expect(pngSize(png)).toEqual({ width: size.width * scale, height: size.height * scale });
    }
  });

  it("draws the picture, not a blank page: the dark theme's PNG differs from the light one", async () => {
    const light = await svgToPng(svg, { scale: 1 });
    const dark = await svgToPng(renderSvg(loadMap(examplePath("freshcart")), { theme: "dark" }), { scale: 1 });
    expect(Buffer.from(light).equals(Buffer.from(dark))).toBe(false);
    expect(light.length).toBeGreaterThan(20_000);
  });

  it("refuses a scale that is not a number from 0.1 to 10", async () => {
    for (const scale of [0, 0.0001, 0.09, -1, Number.NaN, 11]) {
      await expect(svgToPng(svg, { scale })).rejects.toThrow(
        new JourneymapError(`--scale must be a number from 0.1 to 10 (got "${scale}")`),
      );
    }
  });
});

describe("svgToPdf without a browser", () => {
  it("throws the JourneymapError that says how to get one", async () => {
    const error = await svgToPdf("<svg/>", { browser: "/nonexistent/chromium" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JourneymapError);
    expect((error as JourneymapError).exitCode).toBe(2);
    expect((error as JourneymapError).message).toMatch(
      /^no browser at "\/nonexistent\/chromium": no Chromium or Chrome found/,
    );
  });
});
