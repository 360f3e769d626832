// README's tables are the catalogs as users first meet them: the rules, the report formats, the
// render formats and the diff outputs must be exactly the entries of their registries, in catalog order.
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { diffFormatNames, diffFormats } from "../../src/diff/index.js";
import { ruleDescriptors } from "../../src/lint/index.js";
import { FORMAT_NAMES, renderFormats } from "../../src/render/formats.js";
import { reportFormatNames, reportFormats } from "../../src/report/index.js";

/** The body rows of the first table whose header row is `header`, read with a real Markdown parser. */
function tableWithHeader(markdown: string, header: string[]): string[][] {
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
  const table = tables.find((rows) => JSON.stringify(rows[0]) === JSON.stringify(header));
  return table ? table.slice(1) : [];
}

const readme = readFileSync("README.md", "utf8");

describe("README tables", () => {
  it("the rule table matches the rule catalog: id, default severity and description", () => {
    const catalog = ruleDescriptors().map((rule) => [rule.id, rule.defaultSeverity, rule.description]);
    expect(tableWithHeader(readme, ["rule", "default", "finds"])).toEqual(catalog);
  });

  it("the report format table matches the report catalog", () => {
    const catalog = reportFormatNames.map((name) => [name, reportFormats[name].description]);
    expect(tableWithHeader(readme, ["format", "for"])).toEqual(catalog);
  });

  it("the diff format table matches the diff output catalog", () => {
    const catalog = diffFormatNames.map((name) => [name, diffFormats[name].description]);
    expect(tableWithHeader(readme, ["diff format", "shows"])).toEqual(catalog);
  });

  it("the render format table matches the render-format registry", () => {
    const catalog = FORMAT_NAMES.map((name) => [name, renderFormats[name].description]);
    expect(tableWithHeader(readme, ["format", "what"])).toEqual(catalog);
  });
});
