/// <reference lib="dom" />
// A docs site with a map that declares lanes: the generic site (render a folder to Markdown) and one
// built by MkDocs (Debian's mkdocs, `mkdocs build --strict`), read in Chromium as a reader would: the
// map's page shows each lane's values in its stage tables and a stage's values under its heading, the
// picture beside it draws the lanes and opens full size, nothing overflows the content column.
// Screenshot: test-artifacts/site-lanes/lanes.png.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../../src/render/browser.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { markdownTables } from "../helpers/oracles.js";
import { expectReadablePicture, overflowingElements, serveSite } from "../helpers/site-checks.js";

const EXAMPLE = join(ROOT, "docs/examples/lanes.journey.yaml");

/** A folder of maps holding the example, outside the repository (test-artifacts/ is git-ignored, and
 * render leaves out what git ignores). */
function mapsFolder(): string {
  const maps = mkdtempSync(join(tmpdir(), "journeymap-site-lanes-"));
  copyFileSync(EXAMPLE, join(maps, "lanes.journey.yaml"));
  afterAll(() => rmSync(maps, { recursive: true, force: true }));
  return maps;
}
const executable = findBrowser();
const mkdocs = spawnSync("mkdocs", ["--version"], { encoding: "utf8" }).status === 0;
const mustRun = process.env.CI === "true";
if ((!executable || !mkdocs) && !mustRun)
  console.warn(
    `\n⚠ SKIPPED the MkDocs part of test/browser/site-lanes.test.ts: ${executable ? "" : "no Chromium found; "}${mkdocs ? "" : "no mkdocs"}\n`,
  );

describe("the generic site of a folder holding a map with declared lanes", () => {
  const maps = mapsFolder();
  it("writes the map's page with the lanes in its tables and its picture with the lanes drawn", () => {
    const work = join(ROOT, "test-artifacts/site-lanes-generic");
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const run = runCli(["render", maps, "--format", "markdown", "-o", join(work, "site")]);
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(join(work, "site/lanes.md"), "utf8");
    const [table] = markdownTables(page);
    expect(table![0]!.slice(-3)).toEqual(["Behind the scenes", "Who handles it", "Systems"]);
    expect(page).toContain("- Policies: A claim can be reported 24/7");
    const picture = readFileSync(join(work, "site/lanes.svg"), "utf8");
    for (const label of ["Policies", "Who handles it", "Systems"]) expect(picture).toContain(`>${label}</text>`);
    expect(readFileSync(join(work, "site/index.md"), "utf8")).toContain("(lanes.md)");
  });
});

describe.runIf((executable !== undefined && mkdocs) || mustRun)("the same site built by MkDocs", () => {
  const BUILD = join(ROOT, "test-artifacts/site-lanes-mkdocs");
  const SHOTS = join(ROOT, "test-artifacts/site-lanes");
  const CONTENT = '[role="main"]';
  const maps = mapsFolder();
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  let browser: Browser;
  let page: Page;
  const failed: string[] = [];

  beforeAll(async () => {
    rmSync(BUILD, { recursive: true, force: true });
    mkdirSync(join(BUILD, "docs"), { recursive: true });
    writeFileSync(
      join(BUILD, "mkdocs.yml"),
      "site_name: Claims\ntheme:\n  name: mkdocs\nmarkdown_extensions:\n  - md_in_html\n  - attr_list\n  - tables\n",
    );
    writeFileSync(join(BUILD, "docs/index.md"), "# Claims\n\nSee [the journeys](journeys/index.md).\n");
    const render = runCli(["render", maps, "--format", "markdown", "-o", join(BUILD, "docs/journeys")]);
    expect(render.code, render.stderr).toBe(0);
    const build = spawnSync("mkdocs", ["build", "--strict"], { cwd: BUILD, encoding: "utf8", timeout: 300_000 });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    server = await serveSite(join(BUILD, "site"));
    browser = await launchBrowser(executable, "the MkDocs lanes site test");
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico"))
        failed.push(`${response.status()} ${response.url()}`);
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the lanes' values in the built page, the picture opens full size, nothing overflows", async () => {
    await page.goto(`${server!.origin}/journeys/lanes/`, { waitUntil: "networkidle0" });
    const read = await page.evaluate((content) => {
      const root = document.querySelector(content)!;
      return {
        headers: Array.from(root.querySelectorAll("table"))[0]
          ? Array.from(root.querySelectorAll("table")[0]!.querySelectorAll("th")).map((cell) =>
              cell.textContent?.trim(),
            )
          : [],
        cells: Array.from(root.querySelectorAll("td")).map((cell) => cell.innerText.trim()),
        items: Array.from(root.querySelectorAll("li")).map((item) => item.textContent?.trim()),
      };
    }, CONTENT);
    expect(read.headers.slice(-3)).toEqual(["Behind the scenes", "Who handles it", "Systems"]);
    expect(read.cells).toContain("Telephony\nPolicy admin");
    expect(read.cells).toContain("Photos attached to the claim ⚠ can fail: Photos too dark to assess");
    expect(read.items).toContain("Policies: Claims under 2,000 EUR are settled on photos, without an assessor visit.");
    await expectReadablePicture(page, CONTENT, { svg: "/journeys/lanes.svg", pages: [] });
    expect(await overflowingElements(page, CONTENT)).toEqual([]);
    expect(failed).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "lanes.png"), fullPage: true });
  }, 120_000);
});
