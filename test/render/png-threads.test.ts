// A run of many PNG maps rasterizes on worker threads (src/render/raster-pool.ts): the files are the
// bytes one thread draws, and what the run says comes in input order, errors included.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generateMap } from "../../bench/generate.mjs";
import { loadJourney } from "../../src/journey/load.js";
import { svgToPng } from "../../src/render/png.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { runCli } from "../helpers/cli.js";

it("writes the same PNG bytes as one thread, and tells each map in input order", async () => {
  const dir = mkdtempSync(join(tmpdir(), "journeymap-png-threads-"));
  mkdirSync(join(dir, "maps"));
  const names = ["a", "b", "c", "d", "e", "f"];
  for (const [i, name] of names.entries())
    writeFileSync(join(dir, "maps", `${name}.journey.yaml`), generateMap({ touchpoints: 5 + i, title: `Map ${name}` }));
  // A broken map in the middle: its report comes between the maps before and after it.
  writeFileSync(join(dir, "maps", "c.journey.yaml"), "journeymap: 1\ntitle: [\n");
  const run = runCli(["render", "maps", "--format", "png", "--scale", "1", "-o", "out"], { cwd: dir });
  expect(run.code).toBe(1);
  const lines = run.stderr.split("\n");
  expect(lines[0]).toBe("✔ maps/a.journey.yaml → out/a.png");
  expect(lines[1]).toBe("✔ maps/b.journey.yaml → out/b.png");
  expect(lines[2]).toBe("maps/c.journey.yaml");
  expect(lines.slice(-5)).toEqual([
    "✔ maps/d.journey.yaml → out/d.png",
    "✔ maps/e.journey.yaml → out/e.png",
    "✔ maps/f.journey.yaml → out/f.png",
    expect.stringMatching(/^Rendered 5 of 6 maps to 5 files in \d+\.\d s; 1 map had errors\.$/) as string,
    "",
  ]);
  for (const name of ["a", "b", "d", "e", "f"]) {
    const journey = loadJourney(readFileSync(join(dir, "maps", `${name}.journey.yaml`))).journey!;
    const expected = await svgToPng(renderSvg(journey), { scale: 1 });
    expect(Buffer.from(readFileSync(join(dir, "out", `${name}.png`))).equals(Buffer.from(expected)), name).toBe(true);
  }
}, 120_000);

it("stops with the first refusal in input order (exit 2), as one thread does", () => {
  const dir = mkdtempSync(join(tmpdir(), "journeymap-png-threads-"));
  mkdirSync(join(dir, "maps"));
  for (const name of ["a", "b", "c", "d"])
    writeFileSync(join(dir, "maps", `${name}.journey.yaml`), generateMap({ touchpoints: 5, title: `Map ${name}` }));
  // At --scale 10 the pictures are far over the pixel budget: the first map's refusal is the one told.
  const run = runCli(["render", "maps", "--format", "png", "--scale", "10", "-o", "out"], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^journeymap: the picture is too large for PNG at scale 10 \(/);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
}, 120_000);
