// `journeymap render --format svg|png|pdf` with the default native engine, end to end through the
// built CLI: the same picture as the API, a PNG at --scale, clear failures with the right exit codes.
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSvg } from "../../src/render/svg/index.js";
import { endsWithSummary, runCli } from "../helpers/cli.js";
import { examplePath, loadMap } from "../render/svg/maps.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "journeymap-render-native-"));
});

const sizeOf = (svg: string) => {
  const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
};

describe("journeymap render, native engine", () => {
  it("prints the native SVG to stdout: valid XML, the same bytes as renderSvg", () => {
    const run = runCli(["render", examplePath("freshcart"), "--format", "svg"]);
    expect(run).toMatchObject({ code: 0, stderr: endsWithSummary("", "1 map to standard output") });
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toBe(renderSvg(loadMap(examplePath("freshcart"))));
  });

  it("applies --theme dark", () => {
    const run = runCli(["render", examplePath("hotel"), "--format", "svg", "--theme", "dark"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(renderSvg(loadMap(examplePath("hotel")), { theme: "dark" }));
  });

  it("writes a PNG as large as the SVG times --scale (default 1)", () => {
    const { width, height } = sizeOf(renderSvg(loadMap(examplePath("hotel"))));
    for (const [args, scale] of [
      [[], 1],
      [["--scale", "2"], 2],
    ] as const) {
      const output = join(dir, `hotel-${scale}.png`);
      const run = runCli(["render", examplePath("hotel"), "--format", "png", "-o", output, ...args]);
      expect(run).toMatchObject({
        code: 0,
        stderr: expect.stringMatching(
          /^✔ \S*hotel\.journey\.yaml → \S*hotel-\d\.png\nRendered 1 map to 1 file in \d+\.\d s\.\n$/,
        ) as string,
      });
      const png = readFileSync(output);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
        width: width * scale,
        height: height * scale,
      });
    }
  });

  it("exits 2 with a message for a bad --theme or --scale, and writes nothing", () => {
    const output = join(dir, "never.png");
    const theme = runCli(["render", examplePath("hotel"), "--format", "svg", "--theme", "sepia"]);
    expect(theme).toMatchObject({ code: 2, stdout: "" });
    expect(theme.stderr).toContain('unknown theme "sepia"');
    const scale = runCli(["render", examplePath("hotel"), "--format", "png", "--scale", "0", "-o", output]);
    expect(scale.code).toBe(2);
    expect(scale.stderr).toContain("--scale");
    expect(existsSync(output)).toBe(false);
  });

  it("exits 1 on an invalid map and draws nothing", () => {
    const run = runCli(["render", "-", "--format", "svg", "--stdin-filename", "broken.journey.yaml"], {
      input: "journeymap: 1\ntitle: Broken\n",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("<svg");
  });

  it("exits 2 for --format pdf --engine chrome without a browser, and writes nothing", () => {
    const output = join(dir, "never.pdf");
    const run = runCli([
      "render",
      examplePath("hotel"),
      "--format",
      "pdf",
      "--engine",
      "chrome",
      "--browser",
      "/nonexistent/chromium",
      "-o",
      output,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^journeymap: no browser at "\/nonexistent\/chromium"/);
    expect(existsSync(output)).toBe(false);
  });
});
