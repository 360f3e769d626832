// Finds colour emoji in a drawn picture: the boxes of its colourful (non-grey) pixels, one box per
// group of columns with colour, so a test can tell one glyph per sequence from its parts, and compare
// where a drawer put each emoji with where Chromium did.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { pdfOfPages } from "../../src/render/pdf-native.js";
import { readPng, type Pixels } from "./png-pixels.js";

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Colour pixels in the box. */
  pixels: number;
}

/** A pixel over white whose channels differ by more than a grey's (anti-aliased black text stays grey). */
function colourful(pixels: Pixels, x: number, y: number): boolean {
  const at = (y * pixels.width + x) * 4;
  const alpha = pixels.rgba[at + 3]! / 255;
  const channel = (c: number) => pixels.rgba[at + c]! * alpha + 255 * (1 - alpha);
  const [r, g, b] = [channel(0), channel(1), channel(2)];
  return Math.max(r, g, b) - Math.min(r, g, b) > 60;
}

/** A pixel darker or more colourful than the white background. */
function inked(pixels: Pixels, x: number, y: number): boolean {
  const at = (y * pixels.width + x) * 4;
  const alpha = pixels.rgba[at + 3]! / 255;
  return [0, 1, 2].some((c) => pixels.rgba[at + c]! * alpha + 255 * (1 - alpha) < 200);
}

/** The boxes of colour in rows `top` to `bottom`: columns with colour, split where `gap` columns have none. */
export function colourBoxes(pixels: Pixels, rows = { top: 0, bottom: pixels.height }, gap = 3): Box[] {
  return boxes(pixels, colourful, rows, gap);
}

/** The boxes of ink (dark or coloured pixels), split where `gap` columns have none. */
export function inkBoxes(pixels: Pixels, rows = { top: 0, bottom: pixels.height }, gap = 3): Box[] {
  return boxes(pixels, inked, rows, gap);
}

function boxes(
  pixels: Pixels,
  counts: (pixels: Pixels, x: number, y: number) => boolean,
  rows: { top: number; bottom: number },
  gap: number,
): Box[] {
  const boxes: Box[] = [];
  let current: Box | undefined;
  let empty = 0;
  for (let x = 0; x < pixels.width; x++) {
    let count = 0;
    let [top, bottom] = [Infinity, -Infinity];
    for (let y = rows.top; y < Math.min(rows.bottom, pixels.height); y++)
      if (counts(pixels, x, y)) {
        count++;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    if (count === 0) {
      if (current && ++empty >= gap) current = undefined;
      continue;
    }
    empty = 0;
    if (!current) boxes.push((current = { left: x, right: x, top, bottom, pixels: 0 }));
    current.right = x;
    current.top = Math.min(current.top, top);
    current.bottom = Math.max(current.bottom, bottom);
    current.pixels += count;
  }
  return boxes;
}

/** The PDF of one page (points = px) turned back into pixels by poppler's pdftoppm at 72 dpi. */
export async function pdfPixels(svg: string, width: number, height: number): Promise<Pixels> {
  const folder = mkdtempSync(join(tmpdir(), "journeymap-emoji-"));
  try {
    const file = join(folder, "page.pdf");
    writeFileSync(file, await pdfOfPages([{ width, height, svg }]));
    const done = spawnSync("pdftoppm", ["-r", "72", "-png", "-singlefile", file, join(folder, "page")]);
    expect(done.status, String(done.stderr)).toBe(0);
    return readPng(readFileSync(join(folder, "page.png")));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
