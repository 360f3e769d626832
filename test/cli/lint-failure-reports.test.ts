/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- the tests walk parsed reports */
// A lint run that cannot finish (exit 2: a map it cannot read) still writes every report asked for
// with a file, each saying why, read back by the parsers CI uses (issue 20: only SARIF was written).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-failure-reports-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MAP = "journeymap: 1\ntitle: Checkout\nstages: []\n";

function lintWithReports(args: string[]) {
  const out = (name: string) => join(folder, name);
  const run = runCli(
    [
      "lint",
      "--no-config",
      ...args,
      "-f",
      `junit=${out("journeymap.xml")}`,
      "-f",
      `gitlab=${out("gl-code-quality-report.json")}`,
      "-f",
      `sarif=${out("journeymap.sarif")}`,
      "-f",
      `json=${out("journeymap.json")}`,
    ],
    { cwd: folder },
  );
  const xml = readFileSync(out("journeymap.xml"), "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  return {
    run,
    junit: new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml),
    gitlab: JSON.parse(readFileSync(out("gl-code-quality-report.json"), "utf8")),
    sarif: JSON.parse(readFileSync(out("journeymap.sarif"), "utf8")),
    json: JSON.parse(readFileSync(out("journeymap.json"), "utf8")),
  };
}

function expectFailureIn(reports: ReturnType<typeof lintWithReports>, reason: string) {
  const { run, junit, gitlab, sarif, json } = reports;
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`journeymap: ${reason}\n`);
  expect(junit.testsuites).toMatchObject({ name: "journeymap lint", tests: "1", failures: "0", errors: "1" });
  expect(junit.testsuites.testsuite.testcase).toEqual({
    name: "run",
    classname: "journeymap",
    time: "0",
    error: {
      message: `journeymap could not run: ${reason}`,
      type: "error",
      "#text": `journeymap could not run: ${reason}`,
    },
  });
  expect(gitlab).toEqual([
    {
      description: `journeymap could not run: ${reason}`,
      check_name: "journeymap",
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: "blocker",
      location: { path: ".", lines: { begin: 1 } },
    },
  ]);
  expect(sarif.runs[0].invocations).toEqual([
    { executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: reason } }] },
  ]);
  expect(sarif.runs[0].results).toEqual([]);
  expect(json).toEqual([
    {
      filePath: ".",
      errorCount: 1,
      warningCount: 0,
      messages: [{ ruleId: null, fatal: true, severity: "error", message: reason }],
    },
  ]);
}

describe("lint that cannot run still writes every report file", () => {
  it("a map over --max-file-size: junit, gitlab, sarif and json all say why, exit 2", () => {
    writeFileSync(join(folder, "big.journey.yaml"), `${MAP}# ${"x".repeat(2_000)}\n`);
    expectFailureIn(
      lintWithReports(["big.journey.yaml", "--max-file-size", "1KB"]),
      'cannot read map "big.journey.yaml": it is 2.0 KB, more than the 1 KB limit (raise it with --max-file-size)',
    );
  });

  it.runIf(spawnSync("mkfifo", ["--version"]).status === 0)(
    "a map that cannot be read (a named pipe), beside a good one: the same, exit 2",
    () => {
      writeFileSync(join(folder, "good.journey.yaml"), MAP);
      expect(spawnSync("mkfifo", [join(folder, "pipe.journey.yaml")]).status).toBe(0);
      expectFailureIn(
        lintWithReports(["good.journey.yaml", "pipe.journey.yaml"]),
        'cannot read map "pipe.journey.yaml": it is a FIFO (named pipe), not a regular file',
      );
    },
  );
});
