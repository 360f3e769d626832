// `journeymap lint` end to end: the built CLI as a process, every format and option, exit codes.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { lintJourney } from "../../src/lint/engine.js";
import { reportFormats } from "../../src/report/index.js";
import { BIN, runCli, type JsonReportFile } from "../helpers/cli.js";
import { EXAMPLES_AS_OF } from "../helpers/examples-day.js";

const GAPS = "test/fixtures/lint/gaps.journey.yaml";
const GAPS_TEXT = readFileSync(GAPS, "utf8");
const CLEAN = "examples/freshcart.journey.yaml";
/** A valid map whose only findings are warnings: one touchpoint without a channel or owner. */
const WARNINGS_ONLY = `journeymap: 1
title: Warnings only
personas: [{id: parent, name: Dana}]
stages:
  - id: awareness
    name: Awareness
    touchpoints:
      - name: Sees an ad
        emotion: 3
`;

let repo: string;
function write(name: string, contents: string): string {
  const path = join(repo, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, contents);
  return name;
}

beforeAll(() => {
  const outside = mkdtempSync(join(tmpdir(), "journeymap-lint-"));
  // A config above the repository root, which lint must never read.
  writeFileSync(join(outside, "journeymap.config.yaml"), "rules:\n  touchpoint-owner: error\n");
  repo = join(outside, "repo");
  mkdirSync(join(repo, ".git"), { recursive: true });
  write(
    "maps/warnings.journey.yaml",
    WARNINGS_ONLY.replace("stages:\n", "# journeymap-disable-file missing-stage\nstages:\n"),
  );
});

describe("journeymap lint: results and exit codes", () => {
  it("exits 0 on a clean map", () => {
    expect(runCli(["lint", CLEAN, "--as-of", EXAMPLES_AS_OF])).toEqual({
      code: 0,
      stdout: "✔ 1 map checked, no problems\n",
      stderr: "",
    });
  });

  it("the SaaS example lints clean with its own config (saas stages, an accepted gap suppressed in the map)", () => {
    expect(runCli(["lint", "docs/examples/saas"])).toEqual({
      code: 0,
      stdout: "✔ 1 map checked, no problems\n",
      stderr: "",
    });
    // Without its config the funnel stages apply: awareness, consideration and decision are missing.
    const funnel = runCli([
      "lint",
      "--config",
      "test/fixtures/lint/funnel.config.yaml",
      "--format",
      "json",
      "docs/examples/saas",
    ]);
    expect(
      (JSON.parse(funnel.stdout) as JsonReportFile[])[0]!.messages.filter((m) => m.ruleId === "missing-stage"),
    ).toHaveLength(3);
  });

  it("the starter map from journeymap init lints clean", () => {
    expect(runCli(["init", "starter/customer.journey.yaml"], { cwd: repo }).code).toBe(0);
    expect(runCli(["lint", "starter"], { cwd: repo })).toEqual({
      code: 0,
      stdout: "✔ 1 map checked, no problems\n",
      stderr: "",
    });
  });

  it("exits 1 on errors and prints stylish findings with positions, rule ids and a summary", () => {
    const run = runCli(["lint", GAPS]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const expected = lintJourney(GAPS_TEXT, {}, { file: GAPS });
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(GAPS);
    for (const finding of expected) {
      expect(
        lines.some(
          (line) =>
            line.includes(`${finding.line}:${finding.column}`) &&
            line.includes(finding.message) &&
            line.trimEnd().endsWith(finding.ruleId),
        ),
      ).toBe(true);
    }
    const owner = GAPS_TEXT.split("\n").findIndex((line) => line.includes("owner: retial")) + 1;
    expect(run.stdout).toContain(
      `  ${owner}:16  error    owner "retial" of touchpoint "Signs the new contract" is not a declared team: did you mean "retail"?  unknown-owner\n    ${owner} |         owner: retial  # expect: unknown-owner\n`,
    );
    expect(lines.at(-2)).toBe("✖ 15 problems (3 errors, 10 warnings, 2 info)");
  });

  it("exits 0 on warnings only, 1 when they exceed --max-warnings", () => {
    const map = "maps/warnings.journey.yaml";
    expect(runCli(["lint", map], { cwd: repo }).code).toBe(0);
    expect(runCli(["lint", map, "--max-warnings", "2"], { cwd: repo }).code).toBe(0);
    const over = runCli(["lint", map, "--max-warnings", "1"], { cwd: repo });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("journeymap: too many warnings (2; --max-warnings is 1)\n");
    expect(runCli(["lint", map, "--max-warnings", "some"], { cwd: repo })).toMatchObject({
      code: 2,
      stderr: 'journeymap: --max-warnings needs a whole number of 0 or more (got "some")\n',
    });
  });

  it("--quiet reports errors only", () => {
    const run = runCli(["lint", "--quiet", "--format", "json", GAPS]);
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout) as JsonReportFile[];
    expect(file!.messages.map((m) => m.severity)).toEqual(["error", "error", "error"]);
    // The summary says what --quiet hid, never "no problems" over it.
    expect(runCli(["lint", "--quiet", "maps/warnings.journey.yaml"], { cwd: repo }).stdout).toMatch(
      /^✔ 1 map checked, 0 problems shown \([1-9]\d* warnings? hidden by --quiet\)\n$/,
    );
  });

  it("runs validation first: a map with schema errors reports them and no rule", () => {
    write("invalid/bad.journey.yaml", WARNINGS_ONLY.replace("emotion: 3", "emotion: 8"));
    const run = runCli(["lint", "--format", "json", "invalid"], { cwd: repo });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReportFile[])[0]!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual([
      "9 schema",
    ]);
  });

  it("reads a map from standard input", () => {
    const run = runCli(
      ["lint", "-", "--stdin-filename", "piped.journey.yaml", "--format", "json", "--rule", "missing-stage:off"],
      { input: WARNINGS_ONLY },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        filePath: "piped.journey.yaml",
        errorCount: 0,
        warningCount: 2,
        messages: lintJourney(WARNINGS_ONLY, { rules: { "missing-stage": "off" } }).map(
          ({ file: _file, ...message }) => message,
        ),
      },
    ]);
  });
});

describe("journeymap lint: formats and --output", () => {
  it("--format json gives ESLint's shape with every finding", () => {
    const run = runCli(["lint", "--format", "json", GAPS]);
    expect(run.code).toBe(1);
    const expected = lintJourney(GAPS_TEXT, {}, { file: GAPS });
    expect(JSON.parse(run.stdout)).toEqual([
      {
        filePath: GAPS,
        errorCount: 3,
        warningCount: 10,
        messages: expected.map(({ file: _file, ...message }) => message),
      },
    ]);
  });

  it("--format sarif --output writes the report atomically, prints nothing, keeps the exit code", () => {
    const out = join(repo, "reports", "journeymap.sarif");
    const run = runCli(["lint", "--format", "sarif", "--output", out, join(process.cwd(), GAPS)], { cwd: repo });
    expect(run).toEqual({ code: 1, stdout: "", stderr: "" });
    const log = JSON.parse(readFileSync(out, "utf8")) as SarifLog;
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.tool.driver.version).toBe(version);
    expect(log.runs[0]!.results).toHaveLength(15);
    // The map lies outside this repository: an absolute file URI.
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      `file://${process.cwd()}/${GAPS}`,
    );
    expect(readdirSync(join(repo, "reports"))).toEqual(["journeymap.sarif"]);
  });

  it("--format sarif uses paths relative to the repository root", () => {
    const run = runCli(["lint", "--format", "sarif", "warnings.journey.yaml"], { cwd: join(repo, "maps") });
    const uris = (JSON.parse(run.stdout) as SarifLog).runs[0]!.results.map(
      (result) => result.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(uris[0]).toEqual({ uri: "maps/warnings.journey.yaml", uriBaseId: "%SRCROOT%" });
  });

  it("--format github prints workflow commands", () => {
    const run = runCli(["lint", "--format", "github", "maps"], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '::warning file=maps/warnings.journey.yaml,line=9,col=9,endLine=10,endColumn=19,title=journeymap (missing-channel)::touchpoint "Sees an ad" has no channel: add "channel: <where it happens>" such as web, mobile app, email, store or phone',
        '::warning file=maps/warnings.journey.yaml,line=9,col=9,endLine=10,endColumn=19,title=journeymap (touchpoint-owner)::touchpoint "Sees an ad" has no owner: add "owner: <team>" so someone is accountable for it',
        "",
      ].join("\n"),
    );
  });

  it("--format junit prints XML that parses, a suite per map", () => {
    const run = runCli(["lint", "--format", "junit", GAPS, CLEAN, "--as-of", EXAMPLES_AS_OF]);
    expect(run.code).toBe(1);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(run.stdout) as JunitReport;
    expect(parsed.testsuites.testsuite.map((suite) => suite.name)).toEqual([GAPS, CLEAN]);
    expect(parsed.testsuites.testsuite[1]!.failures).toBe("0");
  });

  it("on GitHub Actions, the default format also prints annotations; an explicit format does not", () => {
    const env = { GITHUB_ACTIONS: "true" };
    const run = runCli(["lint", "maps"], { cwd: repo, env });
    expect(run.stdout).toContain(
      "✖ 2 problems (0 errors, 2 warnings)\n::warning file=maps/warnings.journey.yaml,line=9,",
    );
    const json = runCli(["lint", "maps", "--format", "json"], { cwd: repo, env });
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
  });

  it("an unknown format is a usage error", () => {
    expect(runCli(["lint", "--format", "xml", GAPS])).toMatchObject({
      code: 2,
      stderr: 'journeymap: unknown format "xml": use one of stylish, json, sarif, github, junit, gitlab\n',
    });
  });

  it("an --output that cannot be written is an I/O error, leaving nothing behind", () => {
    // The target is a folder: the rename fails, the temporary file is removed.
    const run = runCli(["lint", "--format", "json", "--output", "maps", "maps"], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^journeymap: cannot write "maps": /);
    expect(readdirSync(join(repo, "maps"))).toEqual(["warnings.journey.yaml"]);
  });
});

describe("journeymap lint: configuration", () => {
  it("--rule overrides a severity, and unknown ids or severities exit 2 with a suggestion", () => {
    expect(runCli(["lint", "maps", "--rule", "touchpoint-owner:error"], { cwd: repo }).code).toBe(1);
    expect(
      runCli(["lint", "maps", "--rule", "touchpoint-owner:off", "--rule", "missing-channel:off"], { cwd: repo }).stdout,
    ).toBe("✔ 1 map checked, no problems\n");
    expect(runCli(["lint", "maps", "--rule", "touchpoint-ownr:error"], { cwd: repo })).toMatchObject({
      code: 2,
      stderr:
        'journeymap: unknown rule "touchpoint-ownr" in --rule (did you mean "touchpoint-owner"?): run "journeymap rules" for the list\n',
    });
    expect(runCli(["lint", "maps", "--rule", "touchpoint-owner:warn"], { cwd: repo })).toMatchObject({
      code: 2,
      stderr:
        'journeymap: bad severity "warn" for rule "touchpoint-owner" in --rule (did you mean "warning"?): use one of error, warning, info, off\n',
    });
  });

  it("finds the nearest config upward from each map, within the repository", () => {
    const saasMap = WARNINGS_ONLY.replace("id: awareness", "id: acquisition").replace(
      "\n        emotion: 3",
      "\n        emotion: 3\n        channel: web\n        owner: growth",
    );
    write("saas/journeymap.config.yaml", "stages: saas\nrules:\n  missing-stage: error\n");
    write("saas/onboarding/trial.journey.yaml", saasMap);
    const run = runCli(["lint", "--format", "json", "saas"], { cwd: repo });
    expect(run.code).toBe(1);
    const messages = (JSON.parse(run.stdout) as JsonReportFile[])[0]!.messages;
    // The saas preset from saas/journeymap.config.yaml, not the funnel; missing-stage raised to error.
    const missing = messages.map((m) => `${m.severity} ${/"([a-z-]+)"/.exec(m.message)![1]}`);
    expect(missing).toEqual([
      "error activation",
      "error adoption",
      "error retention",
      "error expansion",
      "error advocacy",
    ]);
  });

  it("--config uses the named file for every map", () => {
    write("configs/strict.yaml", "rules:\n  touchpoint-owner: error\n");
    expect(runCli(["lint", "maps", "--config", "configs/strict.yaml"], { cwd: repo }).code).toBe(1);
    expect(runCli(["lint", "maps", "--config", "configs/none.yaml"], { cwd: repo })).toMatchObject({
      code: 2,
      stderr: 'journeymap: cannot read the configuration "configs/none.yaml": no such file\n',
    });
  });

  it("a config with an unknown rule or bad severity exits 2 with its position", () => {
    write("broken/journeymap.config.yaml", "rules:\n  touchpoint-ownr: error\n  emotion-dip: loud\n");
    write("broken/a.journey.yaml", WARNINGS_ONLY);
    const run = runCli(["lint", "broken"], { cwd: repo });
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        'journeymap: broken/journeymap.config.yaml:2:3: unknown rule "touchpoint-ownr" (did you mean "touchpoint-owner"?): run "journeymap rules" for the list',
        'broken/journeymap.config.yaml:3:16: bad severity "loud" for rule "emotion-dip": use one of error, warning, info, off',
        "",
      ].join("\n"),
    });
  });

  it("a missing path is a usage error", () => {
    expect(runCli(["lint", "nowhere.journey.yaml"], { cwd: repo })).toMatchObject({
      code: 2,
      stderr: 'journeymap: no such file or folder "nowhere.journey.yaml"\n',
    });
  });

  it("leaves no temporary files beside an --output report", () => {
    const out = join(repo, "out", "report.xml");
    runCli(["lint", "--format", "junit", "-o", out, "maps"], { cwd: repo });
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(join(repo, "out"))).toEqual(["report.xml"]);
  });
});

/** The parts of a SARIF log, a JUnit report and a printed configuration that these tests read. */
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { version: string } };
    results: Array<{
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
    }>;
  }>;
}
interface JunitReport {
  testsuites: { testsuite: Array<{ name: string; failures: string }> };
}
interface PrintedConfig {
  file?: string;
  stages: string[];
  rules: Record<string, string>;
}

describe("journeymap lint: several reports, conventions and hostile inputs", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "journeymap-lint-io-"));
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, "gaps.journey.yaml"), GAPS_TEXT);
    writeFileSync(join(dir, "warnings.journey.yaml"), WARNINGS_ONLY);
  });

  it("-f github -f sarif=FILE: one run, annotations on stdout and a SARIF file that parses", () => {
    const run = runCli(["lint", "-f", "github", "-f", "sarif=reports/lint.sarif", "gaps.journey.yaml"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::"));
    const expected = lintJourney(GAPS_TEXT, {}, { file: "gaps.journey.yaml" });
    expect(annotations).toHaveLength(expected.length);
    const sarif = JSON.parse(readFileSync(join(dir, "reports/lint.sarif"), "utf8")) as SarifLog;
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(expected.map((finding) => finding.ruleId));
  });

  it("-o still names the file of a single format; ambiguous outputs are usage errors", () => {
    expect(runCli(["lint", "-f", "json", "-o", "one.json", "gaps.journey.yaml"], { cwd: dir }).code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "one.json"), "utf8")) as Array<{ filePath: string }>;
    expect(report[0]!.filePath).toBe("gaps.journey.yaml");
    expect(runCli(["lint", "-f", "json", "-f", "github", "gaps.journey.yaml"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: json and github cannot both go to standard output: give all but one a file, as in -f sarif=journeymap.sarif\n",
    });
    expect(
      runCli(["lint", "-f", "json=a.json", "-f", "sarif=a.json", "gaps.journey.yaml"], { cwd: dir }),
    ).toMatchObject({ code: 2, stderr: 'journeymap: two reports would be written to "a.json": name each file once\n' });
    expect(runCli(["lint", "-f", "json=x.json", "-o", "y.json", "gaps.journey.yaml"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journeymap: --output "y.json" has no format to write: every --format already names its file\n',
    });
  });

  it("format names come from the catalog: inherited property names are unknown formats, and --help lists each", () => {
    for (const name of ["__proto__", "toString", "constructor", "hasOwnProperty"]) {
      expect(runCli(["lint", "-f", name, "gaps.journey.yaml"], { cwd: dir })).toEqual({
        code: 2,
        stdout: "",
        stderr: `journeymap: unknown format "${name}": use one of stylish, json, sarif, github, junit, gitlab\n`,
      });
    }
    const help = runCli(["lint", "--help"]).stdout;
    for (const [name, { description }] of Object.entries(reportFormats))
      expect(help).toMatch(new RegExp(`^  ${name} +${description.replace(/[()]/g, "\\$&")}$`, "m"));
  });

  it("a usage or configuration error still writes the SARIF file asked for, and exits 2", () => {
    const run = runCli(["lint", "-f", "sarif=failed.sarif", "--rule", "touchpoint-ownr:error", "gaps.journey.yaml"], {
      cwd: dir,
    });
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toContain('journeymap: unknown rule "touchpoint-ownr" in --rule');
    const sarif = JSON.parse(readFileSync(join(dir, "failed.sarif"), "utf8")) as SarifLog;
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results).toEqual([]);
  });

  it("never writes a report over an input, even through a symlink; the map is unchanged", () => {
    symlinkSync("gaps.journey.yaml", join(dir, "alias.sarif"));
    for (const output of ["gaps.journey.yaml", "./gaps.journey.yaml"]) {
      expect(runCli(["lint", "gaps.journey.yaml", "-o", output], { cwd: dir })).toEqual({
        code: 2,
        stdout: "",
        stderr: `journeymap: cannot write "${output}": it is an input of this run: choose another output file\n`,
      });
    }
    // A link is never written through, whatever it points at.
    expect(runCli(["lint", "gaps.journey.yaml", "-o", "alias.sarif"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: `journeymap: cannot write "alias.sarif": it is a symbolic link (to "gaps.journey.yaml"), and journeymap never writes through a link: remove the link, or name the file it points to\n`,
    });
    expect(readFileSync(join(dir, "gaps.journey.yaml"), "utf8")).toBe(GAPS_TEXT);
    // Nor over the configuration that the run read.
    writeFileSync(join(dir, "strict.yaml"), "rules:\n  missing-channel: error\n");
    expect(runCli(["lint", "gaps.journey.yaml", "-c", "strict.yaml", "-o", "strict.yaml"], { cwd: dir }).code).toBe(2);
    expect(readFileSync(join(dir, "strict.yaml"), "utf8")).toBe("rules:\n  missing-channel: error\n");
  });

  it("refuses a FIFO, a device and oversized input at once with a one-line message", () => {
    expect(spawnSync("mkfifo", [join(dir, "pipe.journey.yaml")]).status).toBe(0);
    const cases: Array<[string[], string]> = [
      [["pipe.journey.yaml"], 'cannot read map "pipe.journey.yaml": it is a FIFO (named pipe), not a regular file'],
      [["/dev/null"], 'cannot read map "/dev/null": it is a device, not a regular file'],
      [
        ["gaps.journey.yaml", "--config", "pipe.journey.yaml"],
        'cannot read the configuration "pipe.journey.yaml": it is a FIFO (named pipe), not a regular file',
      ],
      [
        ["gaps.journey.yaml", "--max-file-size", "1KB"],
        'cannot read map "gaps.journey.yaml": it is 1.5 KB, more than the 1 KB limit (raise it with --max-file-size)',
      ],
    ];
    for (const [args, message] of cases) {
      expect(runCli(["lint", ...args], { cwd: dir })).toEqual({
        code: 2,
        stdout: "",
        stderr: `journeymap: ${message}\n`,
      });
    }
    // The folder walk does not pick up the FIFO at all.
    expect(runCli(["lint", "-f", "json", "."], { cwd: dir }).stderr).toBe("");
  });

  it("standard input from /dev/zero stops at the limit with a message", () => {
    const zero = openSync("/dev/zero", "r");
    try {
      const run = spawnSync(process.execPath, [BIN, "lint", "-", "--max-file-size", "1MB"], {
        stdio: [zero, "pipe", "pipe"],
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        "journeymap: cannot read standard input: it is more than the 1 MB limit (raise it with --max-file-size)\n",
      );
    } finally {
      closeSync(zero);
    }
  });

  it("--max-warnings 0 --quiet fails on warnings that --quiet hides", () => {
    const run = runCli(["lint", "warnings.journey.yaml", "--quiet", "--max-warnings", "0"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^journeymap: too many warnings \(\d+; --max-warnings is 0\)\n$/);
    const warnings = /\((\d+);/.exec(run.stderr)![1];
    // No finding shown, and a summary that says why the run fails (it said "no problems").
    expect(run.stdout).toBe(
      `✖ 1 map checked, 0 problems shown (${warnings} warnings hidden by --quiet); too many warnings (${warnings}, max 0)\n`,
    );
  });

  it("--print-config prints the configuration for a map; --no-config ignores configuration files", () => {
    mkdirSync(join(dir, "saas"));
    writeFileSync(join(dir, "saas/.journeymaprc.yaml"), "stages: saas\nrules:\n  missing-channel: off\n");
    const run = runCli(["lint", "--print-config", "saas/any.journey.yaml", "--rule", "emotion-dip:error"], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const config = JSON.parse(run.stdout) as PrintedConfig;
    expect(config.file).toBe("saas/.journeymaprc.yaml");
    expect(config.stages[0]).toBe("acquisition");
    expect(config.rules).toMatchObject({ "missing-channel": "off", "emotion-dip": "error" });
    const defaults = JSON.parse(
      runCli(["lint", "--print-config", "saas/any.journey.yaml", "--no-config"], { cwd: dir }).stdout,
    ) as PrintedConfig;
    expect(defaults.file).toBeUndefined();
    expect(defaults.stages[0]).toBe("awareness");
    expect(defaults.rules["missing-channel"]).toBe("warning");
  });

  it(".journeymapignore, --ignore-pattern and a '!' argument leave maps out of a folder run", () => {
    const project = mkdtempSync(join(tmpdir(), "journeymap-ignore-"));
    mkdirSync(join(project, ".git"));
    mkdirSync(join(project, "maps/drafts"), { recursive: true });
    writeFileSync(join(project, "maps/ok.journey.yaml"), readFileSync(CLEAN));
    writeFileSync(join(project, "maps/drafts/wip.journey.yaml"), GAPS_TEXT);
    writeFileSync(join(project, "maps/broken.journey.yaml"), GAPS_TEXT);
    const files = (args: string[]) =>
      (JSON.parse(runCli(["lint", "-f", "json", ...args], { cwd: project }).stdout) as Array<{ filePath: string }>).map(
        (result) => result.filePath,
      );
    expect(files(["maps"])).toEqual([
      "maps/broken.journey.yaml",
      "maps/drafts/wip.journey.yaml",
      "maps/ok.journey.yaml",
    ]);
    writeFileSync(join(project, ".journeymapignore"), "drafts/\n");
    expect(files(["maps"])).toEqual(["maps/broken.journey.yaml", "maps/ok.journey.yaml"]);
    expect(files(["maps", "--ignore-pattern", "broken.*"])).toEqual(["maps/ok.journey.yaml"]);
    expect(files(["maps", "!maps/broken.journey.yaml"])).toEqual(["maps/ok.journey.yaml"]);
    expect(files(["maps", "--no-ignore"])).toHaveLength(3);
  });

  it("| head -1 ends quietly, without an EPIPE stack", () => {
    for (let copy = 0; copy < 300; copy++) writeFileSync(join(dir, `copy-${copy}.journey.yaml`), GAPS_TEXT);
    const run = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" lint . | head -1`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")).toHaveLength(2);
  });

  it("--color wins over NO_COLOR; FORCE_COLOR=0 turns colour off, FORCE_COLOR=1 on", () => {
    const escape = "\u001b[";
    expect(runCli(["lint", "--color", "gaps.journey.yaml"], { cwd: dir }).stdout).toContain(escape);
    expect(
      runCli(["lint", "gaps.journey.yaml"], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout,
    ).toContain(escape);
    expect(
      runCli(["lint", "gaps.journey.yaml"], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: "0" } }).stdout,
    ).not.toContain(escape);
    expect(
      runCli(["lint", "--no-color", "gaps.journey.yaml"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout,
    ).not.toContain(escape);
  });
});

describe("journeymap lint: silenced findings in SARIF", () => {
  it("reports a finding that a disable comment silenced as suppressed in source, with the comment's reason", () => {
    const run = runCli(["lint", "docs/examples/saas", "--format", "sarif"]);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout) as {
      runs: { results: { ruleId: string; suppressions?: { kind: string; justification?: string }[] }[] }[];
    };
    const silenced = log.runs[0]!.results.filter((result) => result.suppressions);
    expect(silenced.map((result) => result.ruleId)).toEqual(["persona-stage-gap"]);
    expect(silenced[0]!.suppressions).toEqual([
      { kind: "inSource", justification: "finance leads rarely refer peers; accountants are the channel" },
    ]);
  });
});
