// The README's rule table is the catalog as users first meet it: ids, default severities and
// descriptions must be exactly those of ruleDescriptors(), in catalog order.
import { readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { ruleDescriptors } from "../../src/lint/index.js";

/** The body rows of the first table whose header starts with "rule", read with a real Markdown parser. */
function ruleTable(markdown: string): string[][] {
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
  const table = tables.find((rows) => rows[0]?.[0] === "rule");
  return table ? table.slice(1) : [];
}

describe("README rule table", () => {
  it("matches the rule catalog: id, default severity and description", () => {
    const table = ruleTable(readFileSync("README.md", "utf8"));
    const catalog = ruleDescriptors().map((rule) => [rule.id, rule.defaultSeverity, rule.description]);
    expect(table).toEqual(catalog);
  });
});
