// The built CLI on a repository whose export is hostile: formula injection, CI log commands, HTML,
// Markdown pipes and backticks, bidi and terminal controls in its cells, in the map's touchpoint
// names and labels, and in the export's file name itself. data pull, render --data and lint --data
// keep all of it data: valid YAML that reads back, a page without raw HTML, a well-formed picture
// without scripts, and terminal and CI output without a control character.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BREAK } from "../../src/render/markdown.js";
import { runCli, type CliRun } from "../helpers/cli.js";
import { CONTROL, markdownTables, rawHtml, shownInCell, svgProblems } from "../helpers/oracles.js";

/** The export's file name: a terminal title, HTML, Markdown and a formula (a file name may hold them all). */
const FILE = "exports/\u001b]0;pwned\u0007 <img src=x onerror=alert(1)> |`=cmd|' calc'!A0`|.csv";
const LABELS = ["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)"];
const NAMES = ["::error file=a,line=1::forged", "##[error]legacy", "<script>alert(1)</script>", "\u202eevil\u202c"];
const COMMENTS = ["| a | `b` |", "\u001b[2J\u001b[1;1H✔ no problems", "<b onmouseover=x>", "::warning::x"];
const MAP = "maps/checkout.journey.yaml";

const field = (text: string) => `"${text.replace(/"/g, '""')}"`;

function csv(extra = ""): string {
  const rows = ["Touchpoint,Score,Comment"];
  for (let i = 0; i < 40; i++) rows.push([LABELS[i % 4]!, String(1 + (i % 5)), COMMENTS[i % 4]!].map(field).join(","));
  // The last touchpoint's rows have no answer: a note names it.
  rows.push([field("@SUM(1+1)"), "", field("x")].join(","));
  return `${rows.join("\n")}\n${extra}`;
}

const map = `journeymap: 1
title: Checkout
personas: [{id: buyer, name: Buyer}]
metrics:
  - {id: csat, name: Satisfaction, unit: percent, better: higher, target: 80, warning: 70}
  - {id: effort, name: Effort, unit: score, better: lower, target: 2}
sources:
  - file: ${JSON.stringify(FILE)}
    touchpoint:
      column: Touchpoint
      ids: {${LABELS.map((label, i) => `${JSON.stringify(label)}: tp-${i}`).join(", ")}}
    metrics:
      - {metric: csat, column: Score, aggregate: csat}
  - file: ${JSON.stringify(FILE)}
    touchpoint: {column: Touchpoint, ids: {${JSON.stringify(LABELS[3])}: tp-3}}
    where: {Score: ""}
    metrics:
      - {metric: effort, column: Score, aggregate: mean}
stages:
  - id: decision
    name: Decision
    touchpoints:
${NAMES.map((name, i) => `      - {id: tp-${i}, name: ${JSON.stringify(name)}, owner: web}`).join("\n")}
`;

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "journeymap-data-hostile-"));
  mkdirSync(join(repo, ".git"));
  mkdirSync(join(repo, "maps/exports"), { recursive: true });
  writeFileSync(join(repo, "maps", FILE), csv());
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function reset(text = map): void {
  writeFileSync(join(repo, MAP), text);
}
const run = (...args: string[]): CliRun => runCli(args, { cwd: repo });

/** Output for a terminal or a CI log: no control character, and no line that a CI runner would take
 * for a command (they start with "::" or "##[", after any indentation). */
function expectInert(output: string): void {
  expect(output).not.toMatch(CONTROL);
  for (const line of output.split("\n")) expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
}

describe("data pull of a hostile export", () => {
  it("writes YAML that reads back with the export's file name as it is, and prints only inert text", () => {
    reset();
    const dry = run("data", "pull", "maps", "--as-of", "2025-06-30", "--dry-run");
    expect(dry.code).toBe(0);
    expectInert(dry.stdout);
    expectInert(dry.stderr);
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(map);
    const pull = run("data", "pull", "maps", "--as-of", "2025-06-30");
    expect(pull.code).toBe(0);
    expectInert(pull.stderr);
    const written = parse(readFileSync(join(repo, MAP), "utf8")) as {
      stages: Array<{ touchpoints: Array<{ name: string; metrics?: Record<string, unknown> }> }>;
    };
    const touchpoints = written.stages[0]!.touchpoints;
    expect(touchpoints.map((touchpoint) => touchpoint.name)).toEqual(NAMES);
    // Scores cycle 1..5 over the four labels: tp-0 has 1,5,4,3,2,... (10 answers each).
    expect(touchpoints.map((touchpoint) => touchpoint.metrics?.csat)).toEqual([
      { value: 40, date: "2025-06-30", source: FILE, n: 10 },
      { value: 40, date: "2025-06-30", source: FILE, n: 10 },
      { value: 40, date: "2025-06-30", source: FILE, n: 10 },
      { value: 40, date: "2025-06-30", source: FILE, n: 10 },
    ]);
  });

  it("notes what it could not measure, naming map text and file names as inert text", () => {
    reset();
    const dry = run("data", "pull", "maps", "--as-of", "2025-06-30", "--dry-run");
    expect(dry.stderr).toContain("journeymap: note: ");
    expect(dry.stderr).toContain('no value for effort at touchpoint "\\u202eevil\\u202c": no answers in its rows');
    expect(dry.stderr).toContain("exports/\\x1b]0;pwned\\x07 <img");
  });

  it("a bad row changes nothing and is reported as inert text, at the CSV file's line", () => {
    reset();
    writeFileSync(join(repo, "maps", FILE), csv(`${field('=HYPERLINK("http://x")\u001b[2J::error::x')},3,y\n`));
    const pull = run("data", "pull", "maps", "--as-of", "2025-06-30");
    const github = run("lint", "maps", "--data", "--as-of", "2025-06-30", "--format", "github");
    writeFileSync(join(repo, "maps", FILE), csv());
    expect(pull.code).toBe(1);
    expectInert(pull.stderr);
    expect(pull.stderr).toContain(
      '43:1  error    no touchpoint "=HYPERLINK(\\"http://x\\")\\u001b[2J::error::x" in the map',
    );
    expect(pull.stderr).toContain("journeymap: no map was changed\n");
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(map);
    expect(github.code).toBe(1);
    expect(github.stdout).toContain("data-source");
    expect(github.stdout).not.toMatch(CONTROL);
    for (const line of github.stdout.split("\n").filter(Boolean))
      expect(line).toMatch(/^::(error|warning|notice) file=/);
  });

  it("a missing source with a hostile name is one inert line, exit 2", () => {
    reset(map.replaceAll(JSON.stringify(FILE), JSON.stringify("exports/\u001b[31mgone\n::error::forged.csv")));
    const pull = run("data", "pull", "maps", "--as-of", "2025-06-30");
    expect(pull).toMatchObject({ code: 2, stdout: "" });
    expectInert(pull.stderr);
    expect(pull.stderr).toBe(
      `journeymap: cannot read source "maps/exports/\\x1b[31mgone\\n::error::forged.csv" (named by ${MAP}): no such file\n`,
    );
  });
});

describe("render --data and lint --data of a hostile export", () => {
  it("the page has no raw HTML, its metrics table its eight columns, the file name as text", () => {
    reset();
    const page = run("render", MAP, "--format", "markdown", "--data", "--as-of", "2025-06-30");
    expect(page.code).toBe(0);
    expect(rawHtml(page.stdout).filter((tag) => tag !== BREAK)).toEqual([]);
    const table = markdownTables(page.stdout).find((rows) => rows[0]![0] === "Stage" && rows[0]!.length === 8)!;
    expect(table.slice(1).map((row) => [row[1], row[2], row[3], row[5], row[7]])).toEqual(
      // Map text as text: its control and bidi characters shown as escapes, in a browser as in a terminal.
      NAMES.map((name) => [shownInCell(name), "Satisfaction", "40% (n = 10)", "✗ off target", shownInCell(FILE)]),
    );
    expect(readFileSync(join(repo, MAP), "utf8")).toBe(map);
  });

  it("the picture is well-formed, with no script, event or external reference", () => {
    reset();
    const picture = run("render", MAP, "--format", "svg", "--data", "--as-of", "2025-06-30");
    expect(picture.code).toBe(0);
    expect(svgProblems(picture.stdout)).toEqual([]);
    expect(picture.stdout).toContain("✗ off target (target 80%)");
  });

  it("lint --data: stylish and github output stay inert", () => {
    reset();
    const stylish = run("lint", "maps", "--data", "--as-of", "2025-06-30");
    expect(stylish.code).toBe(0);
    expectInert(stylish.stdout);
    expectInert(stylish.stderr);
    expect(stylish.stdout).toContain(
      'Satisfaction at touchpoint "\\u202eevil\\u202c" is 40% against a target of 80%, past the warning threshold of 70%',
    );
    const github = run("lint", "maps", "--data", "--as-of", "2025-06-30", "--format", "github");
    expect(github.stdout).not.toMatch(CONTROL);
    expect(github.stdout).not.toContain("##[");
    const lines = github.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,/);
  });
});

describe("a source reads only data", () => {
  const TOKEN = "ghp_0123456789abcdefSECRET";
  const CONFIG = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`;
  let secrets: string;
  beforeAll(() => {
    secrets = mkdtempSync(join(tmpdir(), "journeymap-data-secrets-"));
    mkdirSync(join(secrets, ".git"));
    writeFileSync(join(secrets, ".git/config"), CONFIG);
    writeFileSync(join(secrets, ".env"), `Touchpoint\nTOKEN=${TOKEN}\n`);
    mkdirSync(join(secrets, "maps/exports/.cache"), { recursive: true });
    writeFileSync(join(secrets, "maps/exports/.cache/x.csv"), `Touchpoint\n${TOKEN}\n`);
    symlinkSync("../../.git/config", join(secrets, "maps/exports/config.csv"));
    symlinkSync("../../.git", join(secrets, "maps/exports/git"));
    // A file that is not an export: its first line is no header, and no message lists it.
    writeFileSync(join(secrets, "maps/exports/notes.csv"), `${TOKEN}, more\n1,2\n`);
  });
  afterAll(() => rmSync(secrets, { recursive: true, force: true }));

  const mapOf = (file: string, column = "Touchpoint") => `journeymap: 1
title: Checkout
personas: [{id: buyer, name: Buyer}]
sources:
  - file: ${JSON.stringify(file)}
    touchpoint: {column: ${JSON.stringify(column)}, ids: {"[core]": pay}}
    metrics: [{metric: rows, aggregate: count}]
stages:
  - id: decision
    name: Decision
    touchpoints: [{id: pay, name: Pays, owner: web}]
`;
  const runIn = (...args: string[]) => runCli(args, { cwd: secrets });
  const HIDDEN = "a hidden file or folder (a source reads only data): keep data files out of hidden folders";

  it.each([
    ["../.git/config", 'it names ".git"'],
    ["../.env", 'it names ".env"'],
    ["exports/.cache/x.csv", 'it names ".cache"'],
    ["./exports/../../.git/config", 'it names ".git"'],
    ["exports/config.csv", 'it leads into ".git"'],
    ["exports/git/config", 'it leads into ".git"'],
    ["exports/git/missing", 'it leads into ".git"'],
  ])("%s is refused at the source's place, and no output quotes the file", (file, reason) => {
    writeFileSync(join(secrets, MAP), mapOf(file));
    const message = `source ${JSON.stringify(file)} is refused: ${reason}, ${HIDDEN}`;
    const pull = runIn("data", "pull", "maps", "--as-of", "2025-06-30");
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain(`maps/checkout.journey.yaml\n  5:11  error    ${message}  data-source`);
    const sarif = runIn("lint", "maps", "--data", "--format", "sarif");
    const github = runIn("lint", "maps", "--data", "--format", "github");
    const svg = runIn("render", MAP, "--data", "--format", "svg");
    expect(JSON.stringify(JSON.parse(sarif.stdout))).toContain(JSON.stringify(message).slice(1, -1));
    for (const output of [pull, sarif, github, svg]) {
      expect(output.stdout + output.stderr).not.toContain(TOKEN);
      expect(output.stdout + output.stderr).not.toContain("repositoryformatversion");
    }
  });

  it("a file that is not an export: the header is not listed, a cell is quoted cut short", () => {
    writeFileSync(join(secrets, MAP), mapOf("exports/notes.csv"));
    const pull = runIn("data", "pull", "maps", "--as-of", "2025-06-30");
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain(
      '1:1  error    no column "Touchpoint" (touchpoint) in the header: its 2 columns are named on this line; name one of them',
    );
    expect(pull.stderr).not.toContain(TOKEN);
    writeFileSync(join(secrets, "maps/exports/notes.csv"), `Touchpoint\n${"A".repeat(70)}${TOKEN}\n`);
    const cell = runIn("data", "pull", "maps", "--as-of", "2025-06-30");
    expect(cell.stderr).toContain(`2:1  error    no touchpoint "${"A".repeat(60)}…" in the map`);
    expect(cell.stderr).not.toContain(TOKEN);
  });
});
