// Hostile map text and file names: no report lets them control a terminal or a CI log, every
// machine-readable report stays parseable, and huge inputs cost time linear in the findings.
import { resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";
import { github } from "../../src/report/github.js";
import { gitlab } from "../../src/report/gitlab.js";
import { json } from "../../src/report/json.js";
import { junit } from "../../src/report/junit.js";
import { reportFormatNames, reportFormats } from "../../src/report/index.js";
import { stylish } from "../../src/report/stylish.js";
import type { FileResult } from "../../src/report/types.js";
import { lintContext } from "./results.js";

const HOSTILE = [
  "\x1b[2J\x1b[31mred", // clear screen, colour
  "\x1b]0;pwned\x07", // OSC: set the terminal title
  "ok\rOVERWRITTEN", // carriage return over the line
  "x\n::error file=evil::injected", // a new workflow command
  "##[group]hidden", // a runner command anywhere in a line
  "\u202egnp.exe", // bidi override reorders the text
  "\u2066isolate\u2069 \x9b31m \x7f",
  "line\u2028separator",
].join(" ");

const finding = (message: string, line = 1, column = 1): Diagnostic => ({
  file: "x",
  ruleId: "missing-channel",
  severity: "warning",
  message,
  line,
  column,
  endLine: line,
  endColumn: column + 4,
});

const hostileResults = (): FileResult[] => [
  {
    filePath: `maps/${HOSTILE}.journey.yaml`,
    source: `title: ${HOSTILE}\nstages: []\n`,
    messages: [finding(`touchpoint "${HOSTILE}" has no channel`), finding(HOSTILE, 2, 1)],
  },
];
const context = { ...lintContext(resolve(".")), root: undefined, cwd: undefined };

/** What must never reach a terminal or a log from the map: the raw control and bidi characters. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("hostile map text and file names", () => {
  it("stylish shows control and bidi characters escaped, with colour off", () => {
    const out = stylish(hostileResults(), { ...context, color: false });
    expect(out).not.toMatch(RAW);
    expect(out).not.toMatch(/^::/m);
    expect(out).toContain("\\x1b[2J\\x1b[31mred");
    expect(out).toContain("\\x1b]0;pwned\\x07");
    expect(out).toContain("ok\\x0dOVERWRITTEN");
    expect(out).toContain("\\u202egnp.exe");
    expect(out).toContain("x\\x0a::error file=evil::injected");
  });

  it("stylish with colour on adds only its own SGR colour codes", () => {
    const out = stylish(hostileResults(), { ...context, color: true });
    // Strip chalk's own styling (ESC [ digits m); nothing raw may remain.
    expect(out.replace(/\x1b\[\d+(;\d+)*m/g, "")).not.toMatch(RAW);
    expect(out).not.toContain("\x1b]");
    expect(out).not.toContain("\x1b[2J");
  });

  it("github: every line is one of our commands, with no raw control characters and no ##[", () => {
    const out = github(hostileResults(), context);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::warning file=[^\n]*::/);
    expect(out).not.toMatch(RAW);
    expect(out).not.toContain("##[");
    expect(out).not.toContain("\r");
    expect(out).toContain("x%0A::error file=evil::injected");
  });

  it.each(reportFormatNames)(
    "%s: printed to a CI log, it carries no raw control character, no ##[ and starts no command",
    (name) => {
      const out = reportFormats[name].formatter(hostileResults(), { ...context, color: false });
      expect(out).not.toMatch(RAW);
      expect(out).not.toMatch(/[\u2028\u2029]/);
      expect(out).not.toContain("##[");
      // The Actions runner trims a line's leading spaces and reads "::" as a command: only github's own lines may.
      const commands = out.split("\n").filter((line) => line.trimStart().startsWith("::"));
      if (name === "github") for (const line of commands) expect(line).toMatch(/^::warning file=[^\n]*::/);
      else expect(commands).toEqual([]);
    },
  );

  it("stylish breaks a file name that starts with :: and a ##[ in messages and code frames, and keeps them readable", () => {
    const results: FileResult[] = [
      {
        filePath: "::stop-commands::token.journey.yaml",
        source: "title: x ##[add-mask]y\n",
        messages: [finding('touchpoint "##[group]x" has no channel', 1, 10)],
      },
    ];
    const out = stylish(results, { ...context, color: false });
    expect(out.split("\n")[0]).toBe(":\u200b:stop-commands::token.journey.yaml");
    expect(out).toContain('touchpoint "#\u200b#[group]x" has no channel');
    expect(out).toContain("    1 | title: x #\u200b#[add-mask]y");
  });

  it("stylish frames the right line of a map with CR-only line endings", () => {
    const results: FileResult[] = [
      {
        filePath: "old-mac.journey.yaml",
        source: "journeymap: 1\rtitle: T\rstages: []\r",
        messages: [finding("m", 3, 1)],
      },
    ];
    expect(stylish(results, { ...context, color: false })).toContain("    3 | stages: []\n");
  });

  it("json, gitlab and junit stay valid and keep the text exactly", () => {
    const results = hostileResults();
    const parsed = JSON.parse(json(results, context)) as Array<{
      filePath: string;
      messages: Array<{ message: string }>;
    }>;
    expect(parsed[0]!.filePath).toBe(results[0]!.filePath);
    expect(parsed[0]!.messages[1]!.message).toBe(HOSTILE);
    expect((JSON.parse(gitlab(results, context)) as Array<{ description: string }>)[1]!.description).toBe(HOSTILE);
    const xml = junit(results, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      processEntities: true,
      htmlEntities: true,
    }).parse(xml) as { testsuites: { testsuite: { testcase: Array<{ failure: { message: string } }> } } };
    // XML cannot hold C0 controls: they become U+FFFD; everything else survives.
    expect(doc.testsuites.testsuite.testcase[1]!.failure.message).toBe(
      HOSTILE.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "\ufffd"),
    );
  });
});

describe("size", () => {
  it("a 110 KB one-line map with many findings prints a report linear in the findings", () => {
    const line = `title: ${"x".repeat(110_000)}`;
    const count = 5_000;
    const messages = Array.from({ length: count }, (_, i) => finding("too long", 1, 1 + i * 20));
    const started = performance.now();
    const out = stylish([{ filePath: "long.journey.yaml", source: line, messages }], { ...context, color: false });
    expect(performance.now() - started).toBeLessThan(5000);
    // Each finding: its line and a frame of about 80 characters, never the 110 KB line.
    expect(out.length).toBeLessThan(count * 400);
    const frame = out.split("\n").find((text) => text.startsWith("    1 | "))!;
    expect(frame.length).toBeLessThan(100);
  });

  it("100,000 findings do not overflow the stack in any report", () => {
    const messages = Array.from({ length: 100_000 }, (_, i) => finding("m", i + 1, 1));
    const results = [{ filePath: "big.journey.yaml", source: "a\n".repeat(100_000), messages }];
    for (const format of [stylish, github, json, gitlab]) expect(() => format(results, context)).not.toThrow();
  });
});
