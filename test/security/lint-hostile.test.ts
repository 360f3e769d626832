// Issue 19's hostile shapes for the loader and lint: each ~1 MB input through the built CLI in a child
// process with a 500 MB heap, within 3 s (TIME_SLACK multiplies the bound on a loaded machine), with
// the answer a user needs: suggestions while the budget lasts, deep nesting and a late NUL refused at
// their position (and the other maps of the folder still linted), invisible characters escaped.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, type JsonReportFile } from "../helpers/cli.js";
import {
  DEEP_BLOCKS_AT,
  INVISIBLE_MARKS,
  brokenLinks,
  deepBlocks,
  invisibleNames,
  lateNul,
  manyPersonas,
  oneLine,
  unknownKeysOnOneLine,
  unknownPersonas,
} from "../helpers/adversarial-lint.js";

const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const folder = mkdtempSync(join(tmpdir(), "journeymap-lint-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI's lint (or another command: `command`) in a child with a 500 MB heap, timed. */
function lint(args: string[], command = "lint", cwd = folder): Run {
  const env = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: undefined, NODE_EXTRA_CA_CERTS: undefined };
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=500", BIN, command, ...args], {
    cwd,
    env,
    encoding: "utf8",
    timeout: BUDGET_MS * 4,
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - started;
  expect(child.error, "the child ran out of time").toBeUndefined();
  expect(child.stderr).not.toMatch(/unexpected error|Maximum call stack|heap out of memory/);
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, ms };
}

function write(name: string, text: string): string {
  const path = join(folder, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  expect(text.length).toBeLessThan(1_100_000);
  return name;
}

function within(run: Run, label: string): void {
  console.info(`${label}: ${Math.round(run.ms)} ms`);
  expect(run.ms, label).toBeLessThan(BUDGET_MS);
}

const messages = (run: Run) => (JSON.parse(run.stdout) as JsonReportFile[]).flatMap((file) => file.messages);
/** Findings of a rule in a json report: those listed, and those its cap left out (docs/ci.md, "Big reports"). */
const counted = (run: Run, ruleId: string) =>
  (JSON.parse(run.stdout) as (JsonReportFile & { leftOutByRule?: Record<string, number> })[]).reduce(
    (n, file) =>
      n + file.messages.filter((message) => message.ruleId === ruleId).length + (file.leftOutByRule?.[ruleId] ?? 0),
    0,
  );

describe("did you mean, with one budget per map", () => {
  it("20,000 unknown persona references among 2,000 personas", async () => {
    const map = write("unknown-personas.journey.yaml", unknownPersonas());
    const run = lint(["-f", "json", map]);
    within(run, "unknown personas");
    expect(run.code).toBe(1);
    expect(counted(run, "unknown-persona")).toBe(20_000);
    // The first ones get their suggestion; once the map's budget is spent, the list of personas instead
    // (the report lists the first 1,000 of a rule: the last one is read from the library, in this process).
    const listed = messages(run).filter((message) => message.ruleId === "unknown-persona");
    expect(listed[0]!.message).toBe(
      'touchpoint "T0" names persona "persona-x0000", which is not declared: did you mean "persona-0000"?',
    );
    const { lintJourney } = (await import(join(ROOT, "dist/index.js"))) as typeof import("../../src/index.js");
    const unknown = lintJourney(readFileSync(join(folder, map), "utf8")).filter(
      (finding) => finding.ruleId === "unknown-persona",
    );
    expect(unknown).toHaveLength(20_000);
    expect(unknown.at(-1)!.message).toMatch(
      /which is not declared: use one of persona-0000, .* and 1992 more, or declare/,
    );
  });

  it("lint --fix-dry-run with 9,000 misspelt persona scores among 12,000 personas", () => {
    const map = write("many-personas.journey.yaml", manyPersonas());
    const run = lint(["--fix-dry-run", "-f", "json", map]);
    within(run, "many personas --fix-dry-run");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "+      - {id: t0, name: T, owner: web, emotion: {buyer-0000: 3, buyer-0001: 3, buyer-0002: 3}}",
    );
  });

  it("6,000 broken details links across a folder of 300 maps", () => {
    for (const [name, text] of Object.entries(brokenLinks())) write(`links/${name}`, text);
    const run = lint(["-f", "json", "links"]);
    within(run, "broken links");
    expect(run.code).toBe(1);
    const links = messages(run).filter((message) => message.ruleId === "unknown-map-link");
    expect(links).toHaveLength(6000);
    expect(links[0]!.message).toBe(
      'touchpoint "T" details map "map-x0000", which no map in this run has as its id: did you mean "map-0000"?',
    );
  });
});

describe("refused where the problem is, and the rest of the folder linted", () => {
  it("2,000 levels of block nesting closed by one line", () => {
    write("deep/deep.journey.yaml", deepBlocks());
    write(
      "deep/plain.journey.yaml",
      "journeymap: 1\ntitle: T\npersonas: [{id: a, name: A}]\nstages: [{id: s, name: S}]\n",
    );
    const run = lint(["-f", "json", "deep"]);
    within(run, "deep block nesting");
    expect(run.code).toBe(1);
    const [deep, plain] = JSON.parse(run.stdout) as JsonReportFile[];
    expect(deep!.messages).toEqual([
      {
        ruleId: "yaml-syntax",
        severity: "error",
        message: "nested too deeply (more than 64 levels): a journey map needs a handful, flatten this part",
        ...DEEP_BLOCKS_AT,
        endLine: DEEP_BLOCKS_AT.line,
        endColumn: DEEP_BLOCKS_AT.column + 1,
      },
    ]);
    expect(plain!.filePath).toBe(join("deep", "plain.journey.yaml"));
    expect(plain!.messages.map((message) => message.ruleId)).toContain("missing-stage");
  });

  it("a NUL byte after the first 8 KB", () => {
    const map = write("late-nul.journey.yaml", lateNul());
    const run = lint(["-f", "json", map]);
    within(run, "late NUL");
    expect(run.code).toBe(1);
    const [nul, ...others] = messages(run);
    expect(others).toEqual([]);
    expect(nul).toMatchObject({ ruleId: "yaml-syntax", line: 28_008, column: 27 });
    expect(nul!.message).toMatch(/^the file has a NUL byte here/);
  });
});

describe("one-line maps and invisible characters", () => {
  it("a 1 MB map on one line, with a finding in every touchpoint", () => {
    const map = write("one-line.journey.yaml", oneLine());
    const run = lint(["-f", "json", map]);
    within(run, "one-line map");
    expect(run.code).toBe(1);
    expect(counted(run, "unknown-persona")).toBeGreaterThan(20_000);
  });

  it("a 1 MB map on one line with a schema error in each of its 40,000 touchpoints", () => {
    const map = write("unknown-keys.journey.yaml", unknownKeysOnOneLine());
    // validate and lint: ajv's validator appended each touchpoint's errors to a copy of all the errors before.
    for (const command of ["validate", "lint"]) {
      const run = lint(["-f", "json", map], command);
      within(run, `unknown keys (${command})`);
      expect(run.code).toBe(1);
      const found = messages(run);
      expect(counted(run, "schema")).toBeGreaterThan(40_000);
      expect(found.slice(0, 2).map((message) => message.message)).toEqual([
        'touchpoint "t0" is missing "name"',
        'unknown key "nme" in touchpoint (did you mean "name"?)',
      ]);
    }
  });

  it("bidi controls and characters that show nothing are escaped in the default report", () => {
    const map = write("invisible.journey.yaml", invisibleNames());
    const run = lint([map]);
    within(run, "invisible names");
    expect(run.code).toBe(1);
    for (const mark of INVISIBLE_MARKS) expect(run.stdout).not.toContain(mark);
    expect(run.stdout).not.toMatch(/[\p{Bidi_Control}]/u);
    expect(run.stdout).toContain('names persona "x\\u061cy"');
    expect(run.stdout).toContain('names persona "x\\u{e0041}y"');
  });
});
