// Reads a PNG's pixels (8-bit greyscale, RGB or RGBA, not interlaced: what resvg and Chromium write)
// so a test can measure the ink a text leaves, without an image library.
import { inflateSync } from "node:zlib";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

export function readPng(png: Uint8Array): Pixels {
  const bytes = Buffer.from(png);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error("only 8-bit, non-interlaced PNG");
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[body[9]!] ?? 0;
      if (!channels) throw new Error(`PNG colour type ${body[9]} not read here`);
    } else if (type === "IDAT") data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? line[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      let add = 0;
      if (filter === 1) add = left;
      else if (filter === 2) add = up;
      else if (filter === 3) add = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      line[x] = (line[x]! + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const source = x * channels;
      const target = (y * width + x) * 4;
      if (channels <= 2) {
        out.set([line[source]!, line[source]!, line[source]!, channels === 2 ? line[source + 1]! : 255], target);
      } else {
        out.set(
          [line[source]!, line[source + 1]!, line[source + 2]!, channels === 4 ? line[source + 3]! : 255],
          target,
        );
      }
    }
    previous = line;
  }
  return { width, height, rgba: out };
}

/** The ink in a box: how many pixels differ from the white background (dark or coloured), over white. */
export function ink(pixels: Pixels, box = { x: 0, y: 0, width: pixels.width, height: pixels.height }): number {
  let count = 0;
  for (let y = box.y; y < Math.min(pixels.height, box.y + box.height); y++)
    for (let x = box.x; x < Math.min(pixels.width, box.x + box.width); x++) {
      const at = (y * pixels.width + x) * 4;
      const alpha = pixels.rgba[at + 3]! / 255;
      const [r, g, b] = [0, 1, 2].map((c) => pixels.rgba[at + c]! * alpha + 255 * (1 - alpha)) as [
        number,
        number,
        number,
      ];
      if (Math.min(r, g, b) < 160) count++;
    }
  return count;
}
