// `journeymap validate` end to end: the built CLI as a process, its output and exit codes.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, type JsonReportFile } from "../helpers/cli.js";

// The example map, with its shared persona written into it, so that each case stands alone in a temporary folder.
const VALID = readFileSync("examples/freshcart.journey.yaml", "utf8").replace(
  /^personas: \[parent\].*$/m,
  "personas:\n  - id: parent\n    name: Dana, working parent",
);
let dir: string;

function write(name: string, contents: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, contents);
  return name;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "journeymap-validate-"));
});

describe("journeymap validate", () => {
  it("exits 0 on valid maps and says so", () => {
    const run = runCli(["validate", "examples/freshcart.journey.yaml", "docs/examples/hotel.journey.yaml"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe("✔ 2 maps checked, no problems\n");
  });

  it("prints problems in the stylish way: file, line:col, severity, message, rule, code frame, summary", () => {
    write(
      "maps/typo.journey.yaml",
      VALID.replace(
        "        owner: growth\n        personas: [parent]",
        "        ownr: growth\n        personas: [parent]",
      ),
    );
    const run = runCli(["validate", "maps/typo.journey.yaml"], { cwd: dir });
    expect(run.code).toBe(1);
    const line = VALID.split("\n").findIndex((text) => text === "        owner: growth") + 1;
    expect(run.stdout).toBe(
      [
        "maps/typo.journey.yaml",
        `  ${line}:9  error    unknown key "ownr" in touchpoint (did you mean "owner"?)  schema`,
        `    ${line} |         ownr: growth`,
        "       |         ^^^^",
        "",
        "✖ 1 problem (1 error, 0 warnings)",
        "",
      ].join("\n"),
    );
    expect(run.stderr).toBe("");
  });

  it("a shared-definitions file named on the command line is checked against its own schema", () => {
    const good = runCli(["validate", "examples/journeymap.shared.yaml"]);
    expect(good).toMatchObject({ code: 0, stderr: "" });
    write("shared/journeymap.shared.yaml", "journeymap: 1\npersonas:\n  - id: dana\n");
    const bad = runCli(["validate", "shared/journeymap.shared.yaml"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout.split("\n").slice(0, 2)).toEqual([
      "shared/journeymap.shared.yaml",
      '  3:5  error    persona "dana" is missing "name"  schema',
    ]);
    // The same file through lint: the same finding, and no map rule's (it has no title or stages to miss).
    const linted = runCli(["lint", "shared/journeymap.shared.yaml", "--format", "json"], { cwd: dir });
    expect(linted.code).toBe(1);
    const [file, ...others] = JSON.parse(linted.stdout) as JsonReportFile[];
    expect(others).toEqual([]);
    expect(file!.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([["schema", 3, 5]]);
    const clean = runCli(["lint", "examples/journeymap.shared.yaml", "--format", "json"]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual([
      { filePath: "examples/journeymap.shared.yaml", errorCount: 0, warningCount: 0, messages: [] },
    ]);
  });

  it("--format json prints ESLint's shape on stdout", () => {
    write("json/bad.journey.yaml", VALID.replace("emotion: 2\n", "emotion: 7\n"));
    const run = runCli(["validate", "--format", "json", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    const line = VALID.split("\n").findIndex((text) => text === "        emotion: 2") + 1;
    expect(JSON.parse(run.stdout)).toEqual([
      {
        filePath: "json/bad.journey.yaml",
        errorCount: 1,
        warningCount: 0,
        messages: [
          {
            ruleId: "schema",
            severity: "error",
            message: "emotion must be a whole number from 1 to 5 (got 7)",
            line,
            column: 18,
            endLine: line,
            endColumn: 19,
          },
        ],
      },
    ]);
  });

  it("walks folders for *.journey.yaml and *.journey.yml, skipping node_modules and .git", () => {
    write("tree/a.journey.yaml", VALID);
    write("tree/sub/b.journey.yml", VALID);
    write("tree/notes.yaml", "not: a map");
    write("tree/node_modules/pkg/c.journey.yaml", "broken: [");
    write("tree/.git/d.journey.yaml", "broken: [");
    const run = runCli(["validate", "--format", "json", "tree"], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReportFile[]).map((file) => file.filePath)).toEqual([
      "tree/a.journey.yaml",
      "tree/sub/b.journey.yml",
    ]);
  });

  it("expands quoted globs", () => {
    write("glob/x.journey.yaml", VALID);
    write("glob/y.journey.yaml", VALID);
    const run = runCli(["validate", "--format", "json", "glob/*.journey.yaml"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it("reads standard input with -, named by --stdin-filename", () => {
    const run = runCli(["validate", "-", "--stdin-filename", "piped.journey.yaml", "--format", "json"], {
      input: VALID.replace("title:", "titel:"),
    });
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout) as JsonReportFile[];
    expect(file!.filePath).toBe("piped.journey.yaml");
    expect(file!.messages.map((m) => m.message)).toContain('unknown key "titel" in the map (did you mean "title"?)');
  });

  it("colours only on request: --color forces it, --no-color and NO_COLOR turn it off", () => {
    write("colour/bad.journey.yaml", "journeymap: 1\n");
    expect(runCli(["validate", "colour", "--color"], { cwd: dir, env: { NO_COLOR: undefined } }).stdout).toContain(
      "\u001b[",
    );
    expect(
      runCli(["validate", "colour", "--color", "--no-color"], { cwd: dir, env: { NO_COLOR: undefined } }).stdout,
    ).not.toContain("\u001b[");
    expect(runCli(["validate", "colour"], { cwd: dir, env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout).not.toContain(
      "\u001b[",
    );
  });
});

describe("bad input: one clear line naming the file, a trustworthy exit code, no stack trace", () => {
  const badMaps: [string, string | Buffer, RegExp][] = [
    ["empty", "", /1:1 +error +the file is empty/],
    ["list", "- a\n- b\n", /1:1 +error +a journey map must be a mapping .*\(got a list\)/],
    ["scalar", "hello\n", /1:1 +error +a journey map must be a mapping/],
    ["syntax", "journeymap: 1\ntitle: [oops\n", /3:1 +error +.* +yaml-syntax/],
    ["tabs", "journeymap: 1\npersonas:\n\t- id: a\n", /3:1 +error +.*tab.* +yaml-syntax/i],
    [
      "duplicate",
      "journeymap: 1\ntitle: a\ntitle: b\n",
      /3:1 +error +key "title" appears twice in this mapping: keys must be unique \(the first is on line 2\) +yaml-syntax/,
    ],
    ["documents", `${VALID}---\n${VALID}`, /error +several YAML documents in one file/],
    [
      "bomb",
      "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
      /alias bomb/,
    ],
    ["binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), /1:\d+ +error +the file is binary/],
    [
      "latin1",
      Buffer.concat([Buffer.from("journeymap: 1\ntitle: Caf"), Buffer.from([0xe9, 0x0a])]),
      /2:11 +error +the file is not valid UTF-8/,
    ],
    ["proto", VALID.replace("owner: cx", "owner: cx\n__proto__: {admin: true}"), /unknown key "__proto__" in the map/],
    [
      "unknown-key",
      VALID.replace("channel: messaging", "chanel: messaging"),
      /unknown key "chanel" in touchpoint \(did you mean "channel"\?\)/,
    ],
    [
      "wrong-type",
      VALID.replace("title: FreshCart - first grocery order", "title: [a]"),
      /title must be text \(got a list\)/,
    ],
    ["emotion", VALID.replace("emotion: 5", "emotion: 6"), /emotion must be a whole number from 1 to 5 \(got 6\)/],
    ["missing", VALID.replace("    name: Dana, working parent\n", ""), /persona "parent" is missing "name"/],
  ];

  it.each(badMaps)("%s → exit 1 with file:line:col", (name, contents, expected) => {
    write(`bad/${name}.journey.yaml`, contents);
    const run = runCli(["validate", `bad/${name}.journey.yaml`], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^bad/${name}\\.journey\\.yaml\\n`));
    expect(run.stdout).toMatch(expected);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it("a missing file → exit 2", () => {
    expect(runCli(["validate", "nope.journey.yaml"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journeymap: no such file or folder "nope.journey.yaml"\n',
    });
  });

  it("a folder with no maps → exit 2", () => {
    mkdirSync(join(dir, "empty-folder"), { recursive: true });
    expect(runCli(["validate", "empty-folder"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journeymap: no journey maps (*.journey.yaml or *.journey.yml) in folder "empty-folder"\n',
    });
  });

  it("a glob that matches nothing → exit 2", () => {
    expect(runCli(["validate", "nothing/*.journey.yaml"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journeymap: no journey maps match "nothing/*.journey.yaml"\n',
    });
  });

  it("an unreadable file → exit 2", () => {
    const unreadable = write("locked.journey.yaml", VALID);
    mkdirSync(join(dir, "dir.journey.yaml"), { recursive: true });
    if (process.getuid?.() !== 0) {
      // root reads everything; the folder case below covers unreadable input for root.
      chmodSync(join(dir, unreadable), 0);
    }
    const run = runCli(["validate", "dir.journey.yaml/"], { cwd: dir });
    expect(run.code).toBe(2);
  });

  it("usage errors → exit 2: no paths, unknown option, unknown format, unknown command", () => {
    expect(runCli(["validate"]).code).toBe(2);
    expect(runCli(["validate", "--frobnicate", "x"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown option '--frobnicate'") as string,
    });
    expect(runCli(["validate", "--format", "xml", "examples"])).toMatchObject({
      code: 2,
      stderr: 'journeymap: unknown format "xml": use one of stylish, json\n',
    });
    expect(runCli(["frobnicate"]).code).toBe(2);
  });

  it("a FIFO, a device or a map above --max-file-size → exit 2 at once, naming the file", () => {
    expect(spawnSync("mkfifo", [join(dir, "pipe.journey.yaml")]).status).toBe(0);
    expect(runCli(["validate", "pipe.journey.yaml"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'journeymap: cannot read map "pipe.journey.yaml": it is a FIFO (named pipe), not a regular file\n',
    });
    expect(runCli(["validate", "/dev/zero"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journeymap: cannot read map "/dev/zero": it is a device, not a regular file\n',
    });
    write("sized.journey.yaml", VALID);
    const size = Buffer.byteLength(VALID);
    expect(
      runCli(["validate", "sized.journey.yaml", "--max-file-size", String(size - 1)], { cwd: dir }).stderr,
    ).toMatch(
      /^journeymap: cannot read map "sized\.journey\.yaml": it is [\d.]+ KB, more than the [\d.]+ (KB|bytes) limit \(raise it with --max-file-size\)\n$/,
    );
    expect(runCli(["validate", "sized.journey.yaml", "--max-file-size", String(size)], { cwd: dir }).code).toBe(0);
  });

  it("-f json=FILE writes the report to a file, never over a map", () => {
    write("ok.journey.yaml", VALID);
    expect(runCli(["validate", "-f", "json=out/report.json", "ok.journey.yaml"], { cwd: dir })).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const report = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")) as Array<{ filePath: string }>;
    expect(report.map((result) => result.filePath)).toEqual(["ok.journey.yaml"]);
    expect(runCli(["validate", "-f", "json=ok.journey.yaml", "ok.journey.yaml"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journeymap: cannot write "ok.journey.yaml": it is an input of this run: choose another output file\n',
    });
    expect(readFileSync(join(dir, "ok.journey.yaml"), "utf8")).toBe(VALID);
  });
});

describe("help and version", () => {
  it("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(runCli(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each(["validate", "init", "schema", "lint", "render", "rules"])("%s --help shows a worked example", (command) => {
    const run = runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain(`$ journeymap ${command}`);
  });
});
