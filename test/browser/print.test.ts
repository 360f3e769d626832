// render --page through the built CLI: the wide map (13 touchpoints) printed on A4 landscape pages, as
// PDF (read back with poppler's pdfinfo and pdftotext) and as one PNG per page (sizes from the PNG
// header); the footer's commit from a real git repository, and the usage errors.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";
import { runCli } from "../helpers/cli.js";
import { runGit } from "../helpers/git.js";
import { pngSize, requireBrowser } from "../helpers/render-checks.js";

const WIDE = "test/fixtures/print/wide.journey.yaml";
const folder = mkdtempSync(join(tmpdir(), "journeymap-print-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const TOUCHPOINTS = [
  "Sees the locker option at checkout",
  "Reads how lockers work",
  "Finds a locker near the station",
  "Picks the delivery day",
  "Gets the order confirmation",
  "Follows the tracking page",
  "Parcel is out for delivery",
  "Parcel is in the locker",
  "Receives the opening code",
  "The code does not open the door",
  "Calls support from the locker",
  "Opens the door and takes the parcel",
  "Rates the delivery",
];
const LANES = ["Touchpoints", "Actions", "Thoughts", "Emotion", "Pain points", "Opportunities"];

/** poppler's tools, which .ci/run installs (apt_install poppler-utils); the tests that need them fail in CI without. */
const poppler = spawnSync("pdfinfo", ["-v"]).error === undefined;

function tool(name: string, args: string[]): string {
  const result = spawnSync(name, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${name} ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** A page's text as pdftotext reads it, with line breaks and runs of spaces as one space. */
const pageText = (pdf: string, page: number) =>
  ` ${tool("pdftotext", ["-f", `${page}`, "-l", `${page}`, pdf, "-"])} `.replace(/\s+/g, " ");

const browser = findBrowser();
requireBrowser(browser, "render --page pdf");

describe.runIf(browser !== undefined && (poppler || process.env.CI === "true"))("render --page a4 to PDF", () => {
  it("prints the wide map on A4 landscape pages: every touchpoint on one page, lane labels and footer on each", () => {
    const output = join(folder, "wide.pdf");
    const run = runCli(["render", WIDE, "-o", output, "--page", "A4"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/✔ .*wide\.journey\.yaml → .*wide\.pdf\nRendered 1 map to 1 file in [\d.]+ s\.\n$/);
    const info = tool("pdfinfo", [output]);
    expect(info).toMatch(/^Pages:\s+4$/m);
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Number(width)).toBeCloseTo(842, 0);
    expect(Number(height)).toBeCloseTo(595, 0);
    const pages = [1, 2, 3, 4].map((page) => pageText(output, page));
    for (const touchpoint of TOUCHPOINTS)
      expect(
        pages.filter((text) => text.includes(touchpoint)),
        touchpoint,
      ).toHaveLength(1);
    pages.forEach((text, p) => {
      for (const lane of LANES) expect(text, `page ${p + 1}`).toContain(` ${lane} `);
      expect(text).toContain("Parcel locker - a first delivery · ");
      expect(text).toContain(`page ${p + 1} of 4 · journeymap `);
    });
    expect(pages[0]).toContain("Ines, commuter");
    expect(pages.filter((text) => text.includes("Delivery (continued)"))).toHaveLength(1);
  }, 120_000);

  it("prints portrait Letter when asked", () => {
    const output = join(folder, "letter.pdf");
    const run = runCli(["render", WIDE, "-o", output, "--page", "letter", "--portrait"]);
    expect(run.code, run.stderr).toBe(0);
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(tool("pdfinfo", [output]))!;
    expect(Number(width)).toBeCloseTo(612, 0);
    expect(Number(height)).toBeCloseTo(792, 0);
  }, 120_000);
});

describe("render --page a4 to PNG", () => {
  it("writes one PNG per page, map-1.png to map-4.png, each the page's size at --scale", () => {
    const output = join(folder, "wide.png");
    const run = runCli(["render", WIDE, "-o", output, "--page", "a4", "--scale", "2"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/→ .*wide-1\.png … wide-4\.png \(4 pages\)\nRendered 1 map to 4 files in [\d.]+ s\.\n$/);
    expect(existsSync(output)).toBe(false);
    for (const page of [1, 2, 3, 4]) {
      const { width, height } = pngSize(readFileSync(join(folder, `wide-${page}.png`)));
      expect(Math.abs(width - 841.89 * 2)).toBeLessThanOrEqual(1);
      expect(Math.abs(height - 595.28 * 2)).toBeLessThanOrEqual(1);
    }
    expect(existsSync(join(folder, "wide-5.png"))).toBe(false);
  }, 120_000);

  it("writes a map that fits on one page as map.png, and refuses several pages on stdout", () => {
    const small = join(folder, "small.journey.yaml");
    writeFileSync(
      small,
      "journeymap: 1\ntitle: Small\npersonas: [{id: p, name: P}]\nstages: [{id: s, name: S, touchpoints: [{name: T}]}]\n",
    );
    const output = join(folder, "small.png");
    const run = runCli(["render", small, "-o", output, "--page", "a3"]);
    expect(run.code, run.stderr).toBe(0);
    expect(pngSize(readFileSync(output)).width).toBe(Math.round(1190.55)); // the default --scale 1
    const piped = runCli(["render", WIDE, "--format", "png", "--page", "a4"]);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toBe(
      `journeymap: "${WIDE}" prints on 4 PNG pages: write them with --output FILE.png (FILE-1.png to FILE-4.png)\n`,
    );
  }, 120_000);
});

describe("the footer's version of the map", () => {
  const repository = join(folder, "repository");
  const map = join(repository, "maps", "wide.journey.yaml");
  let commit: string[] = [];

  it("is the last commit of a tracked, unchanged map; none once it is edited, untracked or outside git", async () => {
    const { lastCommitOf } = await import("../../src/workspace/git.js");
    runGit(folder, ["init", "-q", repository]);
    mkdirSync(join(repository, "maps"));
    copyFileSync(WIDE, map);
    runGit(repository, ["add", "maps/wide.journey.yaml"]);
    runGit(repository, ["commit", "-q", "-m", "A map"]);
    commit = runGit(repository, ["log", "-1", "--format=%h %cs"]).trim().split(" ");
    expect(lastCommitOf(map)).toEqual({ path: "maps/wide.journey.yaml", commit: commit[0], date: commit[1] });
    const untracked = join(repository, "new.journey.yaml");
    writeFileSync(untracked, readFileSync(WIDE));
    expect(lastCommitOf(untracked)).toBeUndefined();
    expect(lastCommitOf(join(tmpdir(), "no-repository-here.journey.yaml"))).toBeUndefined();
  });

  it.runIf(browser !== undefined && poppler)(
    "is printed in the PDF's footer: the commit, else the date",
    () => {
      const output = join(folder, "footer.pdf");
      const printed = () => {
        const run = runCli(["render", map, "-o", output, "--page", "a3"], { cwd: repository });
        expect(run.code, run.stderr).toBe(0);
        return pageText(output, 1);
      };
      expect(printed()).toContain(
        `Parcel locker - a first delivery · maps/wide.journey.yaml · commit ${commit[0]} (${commit[1]}) page 1 of `,
      );
      writeFileSync(map, `${readFileSync(map, "utf8")}# edited\n`);
      utimesSync(map, new Date("2026-01-02T12:00:00Z"), new Date("2026-01-02T12:00:00Z"));
      expect(printed()).toContain(
        "Parcel locker - a first delivery · maps/wide.journey.yaml · modified 2026-01-02 page 1 of ",
      );
    },
    120_000,
  );
});

describe("render --page usage", () => {
  const cases: Array<[string[], string]> = [
    [
      ["-o", "x.svg", "--page", "a4"],
      "--page prints png and pdf, not svg: use --format pdf or png (or an --output ending in .pdf or .png)",
    ],
    [
      ["-o", "x.png", "--portrait"],
      "--portrait needs --page (a4, a3, letter, legal, tabloid): say which paper to print on",
    ],
    [["-o", "x.png", "--page", "b5"], 'unknown paper size "b5": use --page with one of a4, a3, letter, legal, tabloid'],
    [
      ["-o", "x.png", "--page", "a4", "--landscape", "--portrait"],
      "--landscape and --portrait contradict each other: choose one",
    ],
    [
      ["-o", "x.png", "--page", "a4", "--engine", "mermaid-cli"],
      "--page prints the journey-map picture: leave out --engine mermaid-cli",
    ],
  ];
  for (const [args, message] of cases)
    it(`refuses ${args.slice(1).join(" ")} (exit 2)`, () => {
      const run = runCli(["render", WIDE, ...args.map((arg) => (arg.startsWith("x.") ? join(folder, arg) : arg))]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`journeymap: ${message}\n`);
    });
});
