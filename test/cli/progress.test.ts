// The progress line of long runs and the summary line of render, as a user sees them: the built CLI
// under a real pseudo-terminal (util-linux's `script`), and piped, in CI and with --quiet for contrast.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateMap } from "../../bench/generate.mjs";
import { BIN, runCli } from "../helpers/cli.js";

let dir: string;
/** 40 maps large enough that drawing them takes a moment: the line is drawn several times. */
let many: string;

/** What a terminal of `columns` columns receives (standard output and error together, as a terminal
 * shows them) from `journeymap ARGS`. The arguments reach the shell as "$@", never as shell text. */
function onTerminal(
  args: string[],
  options: { env?: Record<string, string | undefined>; columns?: number } = {},
): { code: number; output: string } {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CI: undefined,
    GITHUB_ACTIONS: undefined,
    NO_COLOR: "1",
    FORCE_COLOR: undefined,
    TERM: "xterm",
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(" ");
  const command = `stty cols ${options.columns ?? 100} rows 40; exec ${quoted}`;
  const result = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: dir,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  // The terminal turns each "\n" into "\r\n"; the test reads lines as the program wrote them.
  return { code: result.status ?? -1, output: result.stdout.replaceAll("\r\n", "\n") };
}

/** Each drawing of the progress line: what follows a "\r" up to the clear-to-end. */
function drawings(output: string): string[] {
  return [...output.matchAll(/\r([^\r\n\x1b]*)\x1b\[K/g)].map((match) => match[1]!).filter(Boolean);
}

const SUMMARY = /^Rendered 40 maps to 40 files in \d+\.\d s\.$/m;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "journeymap-progress-"));
  many = join(dir, "many");
  mkdirSync(many);
  for (let i = 0; i < 40; i++)
    writeFileSync(
      join(many, `map-${String(i).padStart(2, "0")}.journey.yaml`),
      generateMap({ touchpoints: 60, title: `Map ${i}` }),
    );
});

describe("render on a terminal", () => {
  it("draws the count and an estimate on one line, overwritten in place, cleared before the summary", () => {
    const { code, output } = onTerminal(["render", many, "-f", "svg", "-o", join(dir, "out-tty")]);
    expect(code).toBe(0);
    const drawn = drawings(output);
    expect(drawn.length).toBeGreaterThan(1);
    for (const line of drawn) expect(line).toMatch(/^rendering \d+\/40 maps( · \d+ (s|min) left)?$/);
    expect(drawn.some((line) => / · \d+ s left$/.test(line))).toBe(true);
    // The counts only go up, and the last map is never shown as "40/40": the line is cleared instead.
    const counts = drawn.map((line) => Number(/(\d+)\/40/.exec(line)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(Math.max(...counts)).toBeLessThan(40);
    // Forty maps: the line and the summary replace a line per map.
    expect(output).not.toContain("✔");
    const cleared = output.lastIndexOf("\r\x1b[K");
    expect(cleared).toBeGreaterThan(output.lastIndexOf("rendering"));
    expect(output.slice(cleared + 4)).toMatch(/^Rendered 40 maps to 40 files in \d+\.\d s\.\n$/);
  });

  it("never draws a line wider than the terminal", () => {
    const { output } = onTerminal(["render", many, "-f", "svg", "-o", join(dir, "out-narrow")], { columns: 24 });
    const drawn = drawings(output);
    expect(drawn.length).toBeGreaterThan(0);
    for (const line of drawn) expect([...line].length).toBeLessThanOrEqual(23);
    expect(drawn).toContain("rendering 1/40 maps");
  });

  it("shows no progress in CI, with --quiet, or when standard error is not a terminal", () => {
    const ci = onTerminal(["render", many, "-f", "svg", "-o", join(dir, "out-ci")], { env: { CI: "true" } });
    expect(ci.output).not.toContain("\r");
    expect(ci.output).toMatch(SUMMARY);
    // Outside a terminal, the line per map stays: it says where each file went.
    expect(ci.output).toContain(`✔ many/map-00.journey.yaml → out-ci/map-00.svg\n`);

    // CI=false is a developer's shell that exported it to turn CI behaviour off.
    expect(
      drawings(
        onTerminal(["render", many, "-f", "svg", "-o", join(dir, "out-ci-false")], { env: { CI: "false" } }).output,
      ).length,
    ).toBeGreaterThan(0);

    const quiet = onTerminal(["render", many, "-f", "svg", "-o", join(dir, "out-quiet"), "--quiet"]);
    expect(quiet).toEqual({ code: 0, output: "" });

    const piped = runCli(["render", many, "-f", "svg", "-o", join(dir, "out-piped")], { cwd: dir });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe("");
    expect(piped.stderr).not.toContain("\r");
    expect(piped.stderr).not.toContain("\x1b");
    expect(piped.stderr.split("\n").filter((line) => line.startsWith("✔"))).toHaveLength(40);
    expect(piped.stderr).toMatch(SUMMARY);
  });

  it("shows hostile map file names inert: no escape or bidi control reaches the terminal raw", () => {
    const hostile = join(dir, "hostile");
    mkdirSync(hostile);
    const names = ["evil\x1b]0;owned\x07", "title\x1b[2Jclear", "rtl\u202eedoc", "bell\x07"];
    for (const name of names) writeFileSync(join(hostile, `${name}.journey.yaml`), generateMap({ touchpoints: 5 }));
    const { code, output } = onTerminal(["render", hostile, "-f", "svg", "-o", join(dir, "out-hostile")]);
    expect(code).toBe(0);
    // The only escape sequence is the progress line's own clear-to-end (if it was drawn at all).
    expect(output.replaceAll("\x1b[K", "")).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(output).toContain("evil\\x1b]0;owned\\x07");
    expect(output).toContain("rtl\\u202eedoc");
    expect(output).toMatch(/^Rendered 4 maps to 4 files in \d+\.\d s\.$/m);
  });
});

describe("the summary line", () => {
  const hotel = join(process.cwd(), "docs/examples/hotel.journey.yaml");

  it("counts maps and files, says standard output, and goes to standard error only", () => {
    const one = runCli(["render", hotel]);
    expect(one.code).toBe(0);
    expect(one.stdout.startsWith("---\n") || one.stdout.startsWith("journey")).toBe(true);
    expect(one.stderr).toMatch(/^Rendered 1 map to standard output in \d+\.\d s\.\n$/);

    const page = runCli(["render", hotel, "-o", join(dir, "hotel.md")]);
    // A page and its picture.
    expect(page.stderr).toMatch(/^✔ .*hotel\.journey\.yaml → .*hotel\.md\nRendered 1 map to 2 files in \d+\.\d s\.\n$/);

    expect(runCli(["render", hotel, "--quiet"]).stderr).toBe("");
  });

  it("counts a site's pages, pictures, index and heat map as files", () => {
    const site = runCli(["render", many, "-f", "markdown", "-o", join(dir, "site")], { cwd: dir });
    expect(site.code).toBe(0);
    expect(site.stderr).toMatch(/\nRendered 40 maps to 82 files in \d+\.\d s\.\n$/);
  });

  it("says how many maps had errors", () => {
    const broken = join(dir, "broken");
    mkdirSync(broken);
    writeFileSync(join(broken, "good.journey.yaml"), generateMap({ touchpoints: 5 }));
    writeFileSync(join(broken, "bad.journey.yaml"), "journeymap: 1\ntitle: [\n");
    const run = runCli(["render", broken, "-o", join(dir, "broken-out")], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\nRendered 1 of 2 maps to 1 file in \d+\.\d s; 1 map had errors\.\n$/);
    const none = runCli(["render", join(broken, "bad.journey.yaml"), "-o", join(dir, "bad.svg")], { cwd: dir });
    expect(none.stderr).toMatch(/\nRendered 0 of 1 map in \d+\.\d s; 1 map had errors\.\n$/);
  });
});

describe("lint on a terminal", () => {
  it("draws its progress on standard error and leaves the report's bytes as they are", () => {
    const tty = onTerminal(["lint", many, "-f", "json", "-o", join(dir, "tty.json")]);
    const drawn = drawings(tty.output);
    expect(drawn.length).toBeGreaterThan(0);
    for (const line of drawn) expect(line).toMatch(/^linting \d+\/40 maps( · \d+ (s|min) left)?$/);
    expect(tty.output.endsWith("\r\x1b[K")).toBe(true);
    const piped = runCli(["lint", many, "-f", "json", "-o", join(dir, "piped.json")], { cwd: dir });
    expect(piped.stderr).toBe("");
    expect(readFileSync(join(dir, "tty.json"), "utf8")).toBe(readFileSync(join(dir, "piped.json"), "utf8"));
    expect(onTerminal(["lint", many, "--quiet", "-f", "json", "-o", join(dir, "quiet.json")]).output).toBe("");
  });
});

describe("render --watch", () => {
  it("ends the first run and every save with a summary line of its own", async () => {
    const folder = join(dir, "watched");
    mkdirSync(folder);
    const map = join(folder, "hotel.journey.yaml");
    writeFileSync(map, generateMap({ touchpoints: 5, title: "Hotel" }));
    const child = spawn(
      process.execPath,
      [BIN, "render", "watched", "-f", "markdown", "-o", "watched-site", "--watch"],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const until = async (pattern: RegExp) => {
      const start = performance.now();
      while (!pattern.test(stderr)) {
        if (performance.now() - start > 30_000) throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    try {
      // The first run: a page, its picture, the index and its heat map.
      await until(/watching /);
      expect(stderr).toMatch(
        /^✔ watched\/hotel\.journey\.yaml → watched-site\/hotel\.md\nRendered 1 map to 4 files in \d+\.\d s\.\n/,
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      // A save that changes the title: the page, its picture and the index change; the heat map too.
      writeFileSync(map, generateMap({ touchpoints: 5, title: "Harbour hotel" }));
      await until(/watching [^]*Rendered 1 map to \d files in \d+\.\d s\.\n$/);
      expect(stderr.split("\n").filter((line) => line.startsWith("Rendered"))).toHaveLength(2);
      expect(stderr).not.toContain("\r");
    } finally {
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    }
  }, 60_000);
});
