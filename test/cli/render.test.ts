// `journeymap render` end to end through the built CLI: every format, stdout or file or folder (with
// index.md), schema errors, refusals with exit 2, --watch, and the mermaid-cli engine in Chromium.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import type { Journey } from "../../src/journey/model.js";
import { findBrowser } from "../../src/render/browser.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { BIN, ROOT, endsWithSummary, runCli } from "../helpers/cli.js";
import { EXAMPLES_AS_OF } from "../helpers/examples-day.js";
import { pngSize, requireBrowser } from "../helpers/render-checks.js";

const HOTEL = readFileSync("docs/examples/hotel.journey.yaml", "utf8");
const FRESHCART = readFileSync("examples/freshcart.journey.yaml", "utf8");
const BROKEN = HOTEL.replace("emotion: 4\n", "emotion: 9\n");
let dir: string;

function write(name: string, contents: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, contents);
  return path;
}

function journeyOf(text: string) {
  return loadJourney(text).journey!;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "journeymap-render-"));
});

describe("journeymap render: Mermaid and Markdown", () => {
  it("prints the Mermaid diagram of one map on stdout by default", () => {
    const run = runCli(["render", "docs/examples/hotel.journey.yaml"]);
    // The summary goes to standard error: standard output is the diagram alone.
    expect(run).toMatchObject({ code: 0, stderr: endsWithSummary("", "1 map to standard output") });
    expect(run.stdout).toBe(renderMermaid(journeyOf(HOTEL)));
  });

  it("prints the Markdown page with --format markdown, and reads standard input", () => {
    const run = runCli(["render", "-", "--format", "markdown", "--front-matter"], { input: HOTEL });
    expect(run).toMatchObject({ code: 0, stderr: endsWithSummary("", "1 map to standard output") });
    expect(run.stdout).toBe(renderMarkdown(journeyOf(HOTEL), { frontMatter: true }));
  });

  it("takes the format from --output's extension and writes the file; a page gets its picture beside it", () => {
    for (const [extension, render] of [
      [".md", (journey: Journey) => renderMarkdown(journey, { picture: "hotel.svg" })],
      [".mmd", (journey: Journey) => renderMermaid(journey, {})],
    ] as const) {
      const output = join(dir, `single/hotel${extension}`);
      const run = runCli(["render", "docs/examples/hotel.journey.yaml", "--output", output]);
      expect(run).toMatchObject({
        code: 0,
        stdout: "",
        // A page and its picture; a Mermaid file alone.
        stderr: endsWithSummary(
          `✔ docs/examples/hotel.journey.yaml → ${output}\n`,
          `1 map to ${extension === ".md" ? "2 files" : "1 file"}`,
        ),
      });
      expect(readFileSync(output, "utf8")).toBe(render(journeyOf(HOTEL)));
    }
    expect(readFileSync(join(dir, "single/hotel.svg"), "utf8")).toBe(renderSvg(journeyOf(HOTEL)));
    expect(readFileSync(join(dir, "single/hotel.md"), "utf8")).not.toContain("```mermaid");
    // --mermaid adds the diagram beside the picture, at its own width.
    const withMermaid = join(dir, "single/mermaid/hotel.md");
    expect(runCli(["render", "docs/examples/hotel.journey.yaml", "-o", withMermaid, "--mermaid"]).code).toBe(0);
    expect(readFileSync(withMermaid, "utf8")).toBe(
      renderMarkdown(journeyOf(HOTEL), { picture: "hotel.svg", mermaid: true }),
    );
    expect(readFileSync(withMermaid, "utf8")).toContain("journey:\n    useMaxWidth: false\n");
  });

  it("writes one page and picture per map into a folder, named after the map file, plus the portfolio index.md", () => {
    write("maps/hotel.journey.yaml", HOTEL);
    write("maps/retail/freshcart.journey.yaml", FRESHCART);
    const run = runCli(["render", "maps", "--format", "markdown", "--output", "site/journeys"], { cwd: dir });
    expect(run).toMatchObject({
      code: 0,
      stdout: "",
      // Two pages, their pictures, the index and its heat map, the ranked backlog's page and its matrix.
      stderr: endsWithSummary(
        "✔ maps/hotel.journey.yaml → site/journeys/hotel.md\n✔ maps/retail/freshcart.journey.yaml → site/journeys/freshcart.md\n",
        "2 maps to 8 files",
      ),
    });
    const site = join(dir, "site/journeys");
    // No temporary files left.
    expect(readdirSync(site).sort()).toEqual([
      "backlog-matrix.svg",
      "backlog.md",
      "freshcart.md",
      "freshcart.svg",
      "hotel.md",
      "hotel.svg",
      "index.md",
      "portfolio-heatmap.svg",
    ]);
    expect(readFileSync(join(site, "hotel.md"), "utf8")).toBe(
      renderMarkdown(journeyOf(HOTEL), {
        picture: "hotel.svg",
        links: { breadcrumbs: [{ title: "Journey maps", href: "index.md" }], pageOf: () => undefined },
      }),
    );
    const index = new MarkdownIt().parse(readFileSync(join(site, "index.md"), "utf8"), {});
    const hierarchy = index.findIndex((token) => token.type === "inline" && token.content === "Hierarchy");
    const nextHeading = index.findIndex((token, i) => i > hierarchy && token.type === "heading_open");
    const links = index
      .slice(hierarchy, nextHeading)
      .flatMap((token) => token.children ?? [])
      .filter((token) => token.type === "link_open")
      .map((token) => token.attrGet("href"));
    const titles = index.slice(hierarchy, nextHeading).flatMap((token) => {
      const children = token.children ?? [];
      const open = children.findIndex((child) => child.type === "link_open");
      return open === -1 ? [] : [children[open + 1]!.content];
    });
    expect(links).toEqual(["hotel.md", "freshcart.md"]);
    expect(titles).toEqual([journeyOf(HOTEL).title, journeyOf(FRESHCART).title]);
  });

  it("the index's lint column says what journeymap lint says of each map, repository rules included", () => {
    // FreshCart's repository with one broken link (a repository rule's error) and a touchpoint without owner.
    for (const name of [
      "journeymap.shared.yaml",
      "journeymap.config.yaml",
      "freshcart/journeymap.config.yaml",
      "freshcart/delivery.journey.yaml",
      "freshcart/refund.journey.yaml",
    ])
      write(`portfolio/${name}`, readFileSync(join("examples", name), "utf8"));
    write("portfolio/freshcart.journey.yaml", FRESHCART.replace("details: checkout", "details: checkout-v2"));
    write(
      "portfolio/freshcart/checkout.journey.yaml",
      readFileSync("examples/freshcart/checkout.journey.yaml", "utf8").replace(/\n {8}owner: [a-z]+\n/, "\n"),
    );
    mkdirSync(join(dir, "portfolio/.git"), { recursive: true });
    // Both as of one day: the index checks the review and due dates as lint does (test/render/site/lint-dates.test.ts).
    const lint = runCli(["lint", ".", "--format", "json", "--as-of", EXAMPLES_AS_OF], { cwd: join(dir, "portfolio") });
    const reported = JSON.parse(lint.stdout) as Array<{ filePath: string; errorCount: number; warningCount: number }>;
    const expected = new Map(
      reported.map((file) => {
        const parts = [
          file.errorCount ? `${file.errorCount} error${file.errorCount === 1 ? "" : "s"}` : "",
          file.warningCount ? `${file.warningCount} warning${file.warningCount === 1 ? "" : "s"}` : "",
        ].filter(Boolean);
        return [
          file.filePath.replace(/^.*\//, "").replace(".journey.yaml", ".md"),
          parts.length ? `⚠ ${parts.join(", ")}` : "✔ clean",
        ];
      }),
    );
    expect(expected.get("freshcart.md")).toMatch(/^⚠ 1 error/);
    expect(expected.get("checkout.md")).toMatch(/^⚠ /); // touchpoint-owner, a map rule
    const run = runCli(["render", ".", "--format", "markdown", "-o", "../portfolio-site", "--as-of", EXAMPLES_AS_OF], {
      cwd: join(dir, "portfolio"),
    });
    expect(run.code).toBe(0);
    const index = readFileSync(join(dir, "portfolio-site/index.md"), "utf8");
    const table = index.slice(index.indexOf("## Maps\n"), index.indexOf("\n## ", index.indexOf("## Maps\n")));
    const rows = table.split("\n").filter((line) => /^\| \[.*\]\([a-z-]+\.md\) /.test(line));
    const shown = new Map(
      rows.map((row) => {
        const cells = row.split("|").map((cell) => cell.trim());
        return [/\(([a-z-]+\.md)\)/.exec(cells[1]!)![1]!, cells.at(-2)!];
      }),
    );
    expect(shown).toEqual(expected);
  });

  it("passes --mermaid-config through as front matter; a bad config file is a usage error", () => {
    const config = write("mermaid.json", '{"theme": "forest", "themeVariables": {"primaryColor": "#ff0000"}}');
    const run = runCli(["render", "docs/examples/hotel.journey.yaml", "--mermaid-config", config]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      renderMermaid(journeyOf(HOTEL), { config: { theme: "forest", themeVariables: { primaryColor: "#ff0000" } } }),
    );
    const bad = runCli(["render", "docs/examples/hotel.journey.yaml", "--mermaid-config", write("bad.json", "[1, 2]")]);
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toMatch(/^journeymap: the Mermaid config ".*bad\.json" must be a mapping/);
  });

  it("does not render a map with schema errors: shows them like validate, writes nothing for it, exits 1", () => {
    write("mixed/good.journey.yaml", HOTEL);
    write("mixed/broken.journey.yaml", BROKEN);
    const run = runCli(["render", "mixed", "--format", "markdown", "-o", "mixed-out"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const line = BROKEN.split("\n").indexOf("        emotion: 9") + 1;
    expect(run.stderr).toContain("mixed/broken.journey.yaml\n");
    expect(run.stderr).toContain(`  ${line}:18  error    emotion must be a whole number from 1 to 5 (got 9)  schema`);
    expect(readdirSync(join(dir, "mixed-out")).sort()).toEqual([
      "good.md",
      "good.svg",
      "index.md",
      "portfolio-heatmap.svg",
    ]);
    expect(readFileSync(join(dir, "mixed-out/index.md"), "utf8")).not.toContain("broken");
    const single = runCli(["render", "mixed/broken.journey.yaml"], { cwd: dir });
    expect(single).toMatchObject({ code: 1, stdout: "" });
  });

  it("refuses with exit 2: several maps without --output, an --output that is the map, names that clash, bad options", () => {
    write("clash/a/hotel.journey.yaml", HOTEL);
    write("clash/b/hotel.journey.yaml", HOTEL);
    const cases: [string[], RegExp][] = [
      [["render", "maps"], /several maps need --output FOLDER/],
      [
        ["render", "maps/hotel.journey.yaml", "--format", "markdown", "--output", "maps/hotel.journey.yaml"],
        /refusing to overwrite the map "maps\/hotel.journey.yaml"/,
      ],
      [
        ["render", "clash", "--output", "clash-out"],
        /"clash\/b\/hotel.journey.yaml" and "clash\/a\/hotel.journey.yaml" would both be written to "clash-out\/hotel.mmd"/,
      ],
      [["render", "maps", "--output", "all.md"], /names a file, but several maps need a folder/],
      [
        ["render", "maps/hotel.journey.yaml", "--format", "gif"],
        /unknown format "gif": use one of mermaid, markdown, svg, png, pdf, xlsx, pptx, drawio, drawio-svg, vsdx/,
      ],
      [
        ["render", "maps/hotel.journey.yaml", "--format", "svg", "--output", "x.png"],
        /ends in .png but --format is svg/,
      ],
      [
        ["render", "maps/hotel.journey.yaml", "--format", "markdown", "--engine", "mermaid-cli"],
        /--engine applies to svg, png and pdf/,
      ],
      [["render", "maps/hotel.journey.yaml", "--format", "svg", "--engine", "graphviz"], /unknown engine "graphviz"/],
      [["render", "-", "--watch"], /standard input cannot be watched/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, { cwd: dir });
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(run.stderr).toMatch(message);
    }
    expect(readFileSync(join(dir, "maps/hotel.journey.yaml"), "utf8")).toBe(HOTEL);
    expect(existsSync(join(dir, "clash-out"))).toBe(false);
  });

  it("refuses a Mermaid diagram that Mermaid would not draw (every persona at every task), at once; raising maxTextSize allows it", () => {
    const personas = Array.from({ length: 200 }, (_, i) => `  - {id: p${i}, name: Persona ${i}}\n`).join("");
    const touchpoints = Array.from({ length: 200 }, (_, i) => `      - {name: T${i}, emotion: 3}\n`).join("");
    const crowd = write(
      "crowd.journey.yaml",
      `journeymap: 1\ntitle: Crowd\npersonas:\n${personas}stages:\n  - id: s\n    name: S\n    touchpoints:\n${touchpoints}`,
    );
    const message =
      'journeymap: the Mermaid diagram of "Crowd" would be longer than 50,000 characters, Mermaid\'s maxTextSize, so Mermaid would not draw it: ';
    const refused = runCli(["render", crowd, "-f", "mermaid"]);
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toBe(
      `${message}draw the journey-map picture with --format svg, or raise maxTextSize in --mermaid-config\n`,
    );
    // Before any browser is looked for or launched.
    const engine = runCli(["render", crowd, "-o", join(dir, "crowd.png"), "--engine", "mermaid-cli"], {
      env: { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" },
    });
    expect(engine.code).toBe(2);
    expect(engine.stderr).toContain(`${message}draw the journey-map picture with --engine native`);
    expect(existsSync(join(dir, "crowd.png"))).toBe(false);
    const config = write("big.mermaid.json", '{"maxTextSize": 5000000}');
    const raised = runCli(["render", crowd, "-f", "mermaid", "--mermaid-config", config]);
    expect(raised.code, raised.stderr).toBe(0);
    expect(raised.stdout.split("\n").filter((line) => line.startsWith("    T"))).toHaveLength(200);
    // The Markdown page honours the same limit: the diagram, not the note, once it is raised.
    const page = runCli(["render", crowd, "-f", "markdown", "--mermaid-config", config]);
    expect(page.stdout).toContain("```mermaid\n---\nconfig:\n  maxTextSize: 5000000\n");
  });

  it("refuses to write a binary format to a terminal", () => {
    // `script` runs the CLI with a pseudo-terminal as stdout.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} render docs/examples/hotel.journey.yaml --format png`;
    const run = spawnSync("script", ["-qefc", command, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    if (run.error) return console.warn("⚠ skipped: the `script` command is not available to provide a terminal");
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(
      "journeymap: PNG is binary and would garble the terminal: write it with --output FILE.png or redirect stdout",
    );
  });
});

describe("journeymap render --format svg (native engine, the default)", () => {
  // Depends on the native renderer (src/render/svg/): the picture itself is tested with it.
  it("is the default engine for svg: valid XML with the map's title", () => {
    const run = runCli(["render", "docs/examples/hotel.journey.yaml", "--format", "svg"]);
    expect(run).toMatchObject({ code: 0, stderr: endsWithSummary("", "1 map to standard output") });
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toContain("Harbour Hotel - a weekend stay");
    expect(run.stdout).not.toContain('class="journey-section'); // Mermaid's journey diagram is not the native picture
  });
});

/** Runs `render ... --watch` as a process; `until` waits for a condition, `stop` sends Ctrl-C and gives the exit code. */
function watchSession(args: string[]) {
  const child = spawn(process.execPath, [BIN, "render", ...args, "--watch"], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const session = { stderr: "" };
  child.stderr.on("data", (chunk: Buffer) => (session.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const until = async (condition: () => boolean, what: string) => {
    for (let waited = 0; !condition(); waited += 25) {
      if (waited > 20_000) throw new Error(`timed out waiting for ${what}; stderr so far:\n${session.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const stop = () => {
    child.kill("SIGINT");
    return exited;
  };
  return { session, until, stop };
}

describe("journeymap render --watch", () => {
  it("re-renders on change, keeps the last good output on a broken save, and exits 0 on Ctrl-C", async () => {
    const map = write("watch/hotel.journey.yaml", HOTEL);
    const output = join(dir, "watch-out/hotel.md");
    const { session, until, stop } = watchSession([map, "--output", output]);
    try {
      await until(() => session.stderr.includes("watching"), "the first rendering");
      expect(readFileSync(output, "utf8")).toBe(renderMarkdown(journeyOf(HOTEL), { picture: "hotel.svg" }));

      const renamed = HOTEL.replace("title: Harbour Hotel - a weekend stay", "title: Harbour Hotel - a long weekend");
      writeFileSync(map, renamed);
      await until(() => readFileSync(output, "utf8").includes("# Harbour Hotel - a long weekend"), "the re-rendering");
      expect(readFileSync(output, "utf8")).toBe(renderMarkdown(journeyOf(renamed), { picture: "hotel.svg" }));

      writeFileSync(map, BROKEN);
      await until(() => session.stderr.includes("kept the last good rendering"), "the broken save's errors");
      expect(session.stderr).toContain("emotion must be a whole number from 1 to 5 (got 9)");
      expect(readFileSync(output, "utf8")).toBe(renderMarkdown(journeyOf(renamed), { picture: "hotel.svg" }));
    } finally {
      expect(await stop()).toBe(0);
    }
  });
});

const browser = findBrowser();
requireBrowser(browser, "render --engine mermaid-cli");

describe.skipIf(!browser)("journeymap render --engine mermaid-cli", () => {
  it("writes a real SVG, PNG and PDF of the Mermaid diagram from Chromium", () => {
    for (const format of ["svg", "png", "pdf"]) {
      const output = join(dir, `engine/hotel.${format}`);
      const run = runCli(["render", "docs/examples/hotel.journey.yaml", "--engine", "mermaid-cli", "--output", output]);
      expect({ format, ...run }).toEqual({
        format,
        code: 0,
        stdout: "",
        stderr: endsWithSummary(`✔ docs/examples/hotel.journey.yaml → ${output}\n`, "1 map to 1 file"),
      });
    }
    const svg = readFileSync(join(dir, "engine/hotel.svg"), "utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("Harbour Hotel - a weekend stay");
    expect(svg).toContain('class="journey-section');
    const { width } = pngSize(readFileSync(join(dir, "engine/hotel.png")));
    expect(width).toBe(Math.ceil(Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)![1])));
    expect(readFileSync(join(dir, "engine/hotel.pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 90_000); // three browser launches, one per run: ~3 s each alone, far more on a loaded machine

  it("renders a folder of maps with one browser, one PNG per map at --scale", () => {
    write("engine-maps/hotel.journey.yaml", HOTEL);
    write("engine-maps/freshcart.journey.yaml", FRESHCART);
    const run = runCli(
      ["render", "engine-maps", "--engine", "mermaid-cli", "--format", "png", "--scale", "1", "-o", "engine-png"],
      { cwd: dir },
    );
    expect(run).toMatchObject({
      code: 0,
      stderr: endsWithSummary(
        "✔ engine-maps/freshcart.journey.yaml → engine-png/freshcart.png\n✔ engine-maps/hotel.journey.yaml → engine-png/hotel.png\n",
        "2 maps to 2 files",
      ),
    });
    expect(readdirSync(join(dir, "engine-png")).sort()).toEqual(["freshcart.png", "hotel.png"]);
    for (const name of ["freshcart.png", "hotel.png"])
      expect(pngSize(readFileSync(join(dir, "engine-png", name))).width).toBeGreaterThan(100);
  });

  it("re-renders with the mermaid-cli engine under --watch, and still exits 0 on Ctrl-C", async () => {
    const map = write("engine-watch/hotel.journey.yaml", HOTEL);
    const output = join(dir, "engine-watch/hotel.svg");
    const { session, until, stop } = watchSession([map, "--engine", "mermaid-cli", "--output", output]);
    try {
      await until(() => session.stderr.includes("watching"), "the first rendering");
      writeFileSync(map, HOTEL.replace("name: Has breakfast", "name: Has a late breakfast"));
      await until(() => readFileSync(output, "utf8").includes("Has a late breakfast"), "the re-rendering");
      expect(XMLValidator.validate(readFileSync(output, "utf8"))).toBe(true);
    } finally {
      // puppeteer's own Ctrl-C handler would exit 130: a watch ends normally.
      expect(await stop()).toBe(0);
    }
  });

  it("exits 2 with one clear message when there is no browser, and writes nothing", () => {
    const output = join(dir, "engine/never.svg");
    const run = runCli([
      "render",
      "docs/examples/hotel.journey.yaml",
      "--engine",
      "mermaid-cli",
      "--browser",
      "/nonexistent/chrome",
      "-o",
      output,
    ]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toMatch(
      /^journeymap: no browser at "\/nonexistent\/chrome": no Chromium or Chrome found: install one/,
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(output)).toBe(false);
  });
});
