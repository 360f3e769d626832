// The github report: one workflow command per finding, with data and property escaping.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, github } from "../../src/report/github.js";
import { lintContext, lintResults } from "./results.js";

const COMMAND =
  /^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,]*)::(.*)$/;
const unescape = (text: string) =>
  text.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");

describe("github report", () => {
  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeProperty("a: b, 50%\n")).toBe("a%3A b%2C 50%25%0A");
  });

  it("shows every bidi and invisible character escaped, as the terminal reports do (U+061C, tags, fillers)", () => {
    expect(escapeData("A\u061cB\u{e0041}C\u3164D\u202eE")).toBe("A\\u061cB\\u{e0041}C\\u3164D\\u202eE");
    // Emoji joiners and variation selectors are how the text is written: kept.
    expect(escapeData("👩\u200d💻 ❤\ufe0f")).toBe("👩\u200d💻 ❤\ufe0f");
  });

  it("prints one annotation per finding that reads back to the finding", () => {
    const results = lintResults();
    const output = github(results, lintContext(resolve(".")));
    const lines = output.trimEnd().split("\n");
    const findings = results.flatMap((result) =>
      result.messages.map((message) => ({ ...message, file: result.filePath })),
    );
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, index) => {
      const match = COMMAND.exec(line);
      expect(match, line).not.toBeNull();
      const finding = findings[index]!;
      const [, command, file, startLine, column, endLine, endColumn, title, message] = match!;
      expect(command).toBe({ error: "error", warning: "warning", info: "notice" }[finding.severity]);
      expect({
        file: unescape(file!),
        line: Number(startLine),
        column: Number(column),
        endLine: Number(endLine),
        endColumn: Number(endColumn),
      }).toEqual({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
      });
      expect(unescape(title!)).toBe(`journeymap (${finding.ruleId})`);
      expect(unescape(message!)).toBe(finding.message);
    });
    // Commas and colons stay as they are in the message part; only properties escape them.
    expect(lines[0]).toContain(
      ',title=journeymap (unused-persona)::no touchpoint involves persona "Alex, price-driven switcher": add',
    );
  });

  it("prints nothing when there is nothing to annotate", () => {
    expect(github([{ filePath: "a.journey.yaml", messages: [] }], lintContext(resolve(".")))).toBe("");
  });
});
