// journeymap data pull, lint --data and render --data as a user runs them: the example's values and
// diff, all-or-nothing on bad data with the CSV file's line and column, and hostile source paths.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { runCli } from "../helpers/cli.js";
import { makeRepository } from "../helpers/repository.js";

let repo: string;
const MAP = "maps/office-order.journey.yaml";
const AS_OF = ["--as-of", "2025-06-30", "--window", "90d"];
const original = readFileSync("docs/examples/data/office-order.journey.yaml", "utf8");

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journeymap-data-"));
  mkdirSync(join(repo, ".git"));
  mkdirSync(join(repo, "maps"));
  cpSync("docs/examples/data/exports", join(repo, "maps/exports"), { recursive: true });
  writeFileSync(join(repo, "maps/journeymap.config.yaml"), readFileSync("docs/examples/data/journeymap.config.yaml"));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function reset(text = original): void {
  writeFileSync(join(repo, MAP), text);
}

describe("journeymap data pull", () => {
  it("--dry-run prints the diff of every value and writes nothing", () => {
    reset();
    const run = runCli(["data", "pull", "maps", "--dry-run", ...AS_OF], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`journeymap: would write 22 values into ${MAP}\n`);
    expect(run.stdout).toContain(
      "-          csat: {value: 84, date: 2025-01-31, source: exports/survey-responses.csv, n: 96}\n" +
        "+          csat: {value: 74.6, date: 2025-06-29, source: exports/survey-responses.csv, n: 67}\n",
    );
    // A block mapping keeps its comments and its own target; the value, date and n change in place.
    expect(run.stdout).toContain("-            value: 58        # before the spring slot release\n");
    expect(run.stdout).toContain("+            value: 27.9        # before the spring slot release\n");
    expect(run.stdout).toContain(
      "+      pipeline: {value: 6444.53, date: 2025-06-14, source: exports/hubspot-deals.csv}\n",
    );
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(original);
  });

  it("writes the values, keeps every other line, and a second run is up to date", () => {
    reset();
    expect(runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo })).toMatchObject({
      code: 0,
      stderr: `✔ ${MAP}: 22 values from 3 sources\n`,
    });
    const written = readFileSync(join(repo, MAP), "utf8");
    for (const line of original
      .split("\n")
      .filter((line) => !/value: 58|date: 2025-01-31|csat: \{value: 84/.test(line)))
      expect(written).toContain(line);
    expect(runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo }).stderr).toBe(`✔ ${MAP}: up to date\n`);
    // The lint findings of the measured map, at the as-of day.
    const lint = runCli(["lint", "maps", "--as-of", "2025-06-30", "--format", "json"], { cwd: repo });
    const rules = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]!.messages.map(
      (m) => m.ruleId,
    );
    expect(rules.filter((rule) => rule === "metric-off-target").length).toBeGreaterThan(0);
    expect(rules).not.toContain("stale-metric");
    expect(runCli(["lint", "maps", "--as-of", "2025-12-31", "--format", "json"], { cwd: repo }).stdout).toContain(
      "stale-metric",
    );
  });

  it("keeps a byte-order mark and classic Mac line breaks (lone CRs) in the map it writes", () => {
    reset();
    runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo });
    const pulledWithLf = readFileSync(join(repo, MAP), "utf8");
    reset(`\ufeff${original.replace(/\n/g, "\r")}`);
    expect(runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo }).stderr).toBe(
      `✔ ${MAP}: 22 values from 3 sources\n`,
    );
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(`\ufeff${pulledWithLf.replace(/\n/g, "\r")}`);
  });

  it("a bad row changes no map: the CSV file, line and column, exit 1", () => {
    reset();
    const survey = join(repo, "maps/exports/survey-responses.csv");
    const good = readFileSync(survey, "utf8");
    writeFileSync(survey, good.replace("Delivery slot,", "Delivery slott,"));
    const run = runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo });
    writeFileSync(survey, good);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'maps/exports/survey-responses.csv\n  3:29  error    no touchpoint "Delivery slott" in the map (did you mean "Delivery slot"?)',
    );
    expect(run.stderr).toContain("journeymap: no map was changed\n");
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(original);
  });

  it("refuses source paths that leave the repository, at their place in the map; a missing file is exit 2", () => {
    symlinkSync(tmpdir(), join(repo, "maps/outside"));
    for (const [file, message] of [
      ["/etc/passwd", 'source "/etc/passwd" is refused: it is absolute: write it relative to the map\'s folder'],
      ["../../etc/passwd", 'source "../../etc/passwd" is outside the repository: keep data files in it'],
      [
        "outside/x.csv",
        'source "outside/x.csv" leads outside the repository through a symbolic link: keep data files in it',
      ],
    ] as const) {
      reset(original.replace("file: exports/ga4-funnel.csv", `file: ${JSON.stringify(file)}`));
      const run = runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo });
      expect(run.code, file).toBe(1);
      expect(run.stderr).toContain(`  63:11  error    ${message}  data-source`);
    }
    reset(original.replace("file: exports/ga4-funnel.csv", "file: exports/missing.csv"));
    expect(runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo })).toMatchObject({
      code: 2,
      stderr: `journeymap: cannot read source "maps/exports/missing.csv" (named by ${MAP}): no such file\n`,
    });
  });

  it("refuses a FIFO, a device, a folder and a file over 512 MB without reading them, and names the map", () => {
    const exports = join(repo, "maps/exports");
    spawnSync("mkfifo", [join(exports, "pipe.csv")]);
    symlinkSync("/dev/zero", join(exports, "zero.csv"));
    writeFileSync(join(exports, "huge.csv"), "");
    truncateSync(join(exports, "huge.csv"), 600 * 1024 * 1024); // sparse: no disk is used
    const cannotRead = (file: string, reason: string) =>
      `journeymap: cannot read source "maps/exports/${file}" (named by ${MAP}): ${reason}\n`;
    for (const [file, code, stderr] of [
      ["exports/pipe.csv", 2, cannotRead("pipe.csv", "it is a FIFO (named pipe), not a regular file")],
      ["exports/huge.csv", 2, cannotRead("huge.csv", "it is 600 MB, more than the 512 MB limit for a source")],
      ["exports/", 2, `journeymap: cannot read source "maps/exports" (named by ${MAP}): it is a folder\n`],
      [
        "exports/zero.csv",
        1,
        'source "exports/zero.csv" leads outside the repository through a symbolic link: keep data files in it',
      ],
      ["/dev/zero", 1, 'source "/dev/zero" is refused: it is absolute: write it relative to the map\'s folder'],
    ] as const) {
      reset(original.replace("file: exports/ga4-funnel.csv", `file: ${JSON.stringify(file)}`));
      const started = performance.now();
      const run = runCli(["data", "pull", "maps", ...AS_OF], { cwd: repo });
      expect(performance.now() - started, file).toBeLessThan(20_000);
      expect(run.code, file).toBe(code);
      if (code === 2) expect(run.stderr).toBe(stderr);
      else expect(run.stderr).toContain(`  63:11  error    ${stderr}  data-source`);
      expect(readFileSync(join(repo, MAP), "utf8")).toBe(
        original.replace("file: exports/ga4-funnel.csv", `file: ${JSON.stringify(file)}`),
      );
    }
    for (const file of ["pipe.csv", "zero.csv", "huge.csv"]) rmSync(join(exports, file));
  });
});

describe("render --data", () => {
  it("draws the measured values and the funnel, and writes no map", () => {
    reset();
    const run = runCli(["render", MAP, "--format", "svg", "--data", ...AS_OF], { cwd: repo });
    expect(run.code).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    expect(run.stdout).toContain("✗ off target (target 75%)");
    expect(run.stdout).toContain(">Funnel</text>");
    expect(run.stdout).toContain("43% of the stage before");
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(original);
  });
});

describe("data pull when no row counts", () => {
  const EXPORT = "Date,Touchpoint,Journey,Score\n2024-01-03,pay,checkout,5\n2024-12-31,pay,checkout,4\n";
  const map = (extra = "") => `journeymap: 1
title: Checkout
personas: [{id: buyer, name: Buyer}]
sources:
  - file: exports/survey.csv
    touchpoint: {column: Touchpoint}
    date: {column: Date}${extra}
    metrics: [{metric: csat, column: Score, aggregate: csat}]
stages:
  - id: decision
    name: Decision
    touchpoints:
      - {id: pay, name: Pays, owner: web, metrics: {csat: 50}}
`;
  let folder: string;
  beforeAll(() => {
    folder = makeRepository("data-idle", { "maps/exports/survey.csv": EXPORT });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const pull = (text: string, ...args: string[]) => {
    writeFileSync(join(folder, "maps/checkout.journey.yaml"), text);
    const run = runCli(["data", "pull", "maps", ...args], { cwd: folder });
    expect(readFileSync(join(folder, "maps/checkout.journey.yaml"), "utf8")).toBe(text);
    return run;
  };
  const WARNING =
    "journeymap: warning: maps/checkout.journey.yaml: its sources measured no value, so nothing is written (the notes above say why)\n";

  it("says that no row fell in the window, with the window and the file, and what to do; never up to date", () => {
    expect(pull(map(), "--as-of", "2025-06-30", "--window", "90d")).toEqual({
      code: 0,
      stdout: "",
      stderr:
        "journeymap: note: maps/exports/survey.csv: no row falls in the window of 90 days up to 2025-06-30 (2025-04-02 to 2025-06-30); its rows are dated 2024-01-03 to 2024-12-31: nothing is measured from it; export the rows of the window, or set --as-of and --window to the export's days\n" +
        WARNING,
    });
    expect(pull(map(), "--as-of", "2023-06-30")).toEqual({
      code: 0,
      stdout: "",
      stderr:
        "journeymap: note: maps/exports/survey.csv: no row is dated on or before --as-of 2023-06-30; its rows are dated 2024-01-03 to 2024-12-31: nothing is measured from it; set --as-of to a day the export covers\n" +
        WARNING,
    });
  });

  it("says when where leaves every row out", () => {
    const run = pull(map("\n    where: {Journey: returns}"), "--as-of", "2025-06-30");
    expect(run).toEqual({
      code: 0,
      stdout: "",
      stderr:
        'journeymap: note: maps/exports/survey.csv: none of its 2 rows is about a touchpoint of the map (where and skip leave every row out): check the source\'s "where" and "skip"\n' +
        WARNING,
    });
  });

  it("a row in the window is measured as before", () => {
    expect(pull(map(), "--as-of", "2025-06-30", "--dry-run").stderr).toBe(
      "journeymap: would write 1 value into maps/checkout.journey.yaml\n",
    );
  });
});
