// docs/backlog.md and the command's help are the backlog's catalogs as users meet them: the format
// table, the formula table and the --format and --priority choices must be exactly the registries,
// and the page's sample output what the command prints.
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { BACKLOG_FORMAT_NAMES, BACKLOG_FORMATS } from "../../src/render/backlog/formats.js";
import { PRIORITY_FORMULA_NAMES } from "../../src/backlog/priority.js";
import { runCli } from "../helpers/cli.js";

/** The body rows of the first table whose first header cell is `first`, read with a real Markdown parser. */
function tableStartingWith(markdown: string, first: string): string[][] {
  const tables: string[][][] = [];
  let row: string[] | undefined;
  for (const token of new MarkdownIt().parse(markdown, {})) {
    if (token.type === "table_open") tables.push([]);
    if (token.type === "tr_open") row = [];
    if (token.type === "inline" && row) row.push(token.content.replace(/^`(.*)`$/, "$1"));
    if (token.type === "tr_close" && row) {
      tables[tables.length - 1]!.push(row);
      row = undefined;
    }
  }
  return tables.find((rows) => rows[0]![0] === first)?.slice(1) ?? [];
}

const page = readFileSync("docs/backlog.md", "utf8");

describe("the backlog's catalogs", () => {
  it("docs/backlog.md's format table is the format catalog", () => {
    const catalog = BACKLOG_FORMAT_NAMES.map((name) => [name, BACKLOG_FORMATS[name].description]);
    expect(tableStartingWith(page, "backlog format")).toEqual(catalog);
  });

  it("docs/backlog.md's formula table names every formula, the default first", () => {
    const names = tableStartingWith(page, "formula").map((row) => row[0]!.replace(/^`(\w+)`.*$/, "$1"));
    expect(names).toEqual(PRIORITY_FORMULA_NAMES);
  });

  it("docs/backlog.md shows what journeymap backlog examples/ prints today", () => {
    const shown = /`journeymap backlog examples\/` in this repository:\n\n```text\n([\s\S]*?)```/.exec(page)?.[1];
    expect(shown).toBe(runCli(["backlog", "examples/"]).stdout);
  });

  it("--format and --priority offer exactly the catalogs' names", () => {
    const help = runCli(["backlog", "--help"]).stdout.replace(/\s+/g, " ");
    const choices = (option: string): string[] =>
      JSON.parse(
        `[${new RegExp(`${option} <\\w+> .*?\\(choices: ([^)]*)\\)`).exec(help)![1]!.replace(/, default.*$/, "")}]`,
      ) as string[];
    expect(choices("--format")).toEqual(BACKLOG_FORMAT_NAMES);
    expect(choices("--priority")).toEqual(PRIORITY_FORMULA_NAMES);
  });
});
