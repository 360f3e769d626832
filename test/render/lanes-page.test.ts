// A map's declared lanes on the Markdown page and in the Mermaid text, read back by real parsers:
// markdown-it finds each lane's values in its column (up to three lanes that touchpoints fill) or in
// the stage's Lanes list (more), a stage's values under its heading, and map text only as text; the
// Mermaid diagram names the lanes it drops in one %% comment that no label can turn into a directive.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { MAX_LANE_COLUMNS, renderMarkdown } from "../../src/render/markdown.js";
import { droppedLanesComment, renderMermaid } from "../../src/render/mermaid.js";
import { GENERATORS, GENERIC_LAYOUT } from "../../src/render/site/generators.js";
import { markdownTables, rawHtml } from "../helpers/oracles.js";
import { loadMap, loadText } from "./svg/maps.js";

const markdownIt = new MarkdownIt({ html: true });
const EXAMPLE = "docs/examples/lanes.journey.yaml";

/** The text of every list item markdown-it reads, nested items indented by two spaces per level. */
function listItems(markdown: string): string[] {
  const items: string[] = [];
  let depth = 0;
  for (const token of markdownIt.parse(markdown, {})) {
    if (token.type === "list_item_open") depth++;
    else if (token.type === "list_item_close") depth--;
    else if (token.type === "inline" && depth > 0) items.push(`${"  ".repeat(depth - 1)}${token.content}`);
  }
  return items.map((item) => item.replace(/\\(.)/g, "$1"));
}

/** The page's part for one stage: from its heading to the next. */
function stagePart(markdown: string, name: string): string {
  const start = markdown.indexOf(`### ${name}\n`);
  const next = markdown.indexOf("\n### ", start + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

const map = (declared: number, label = (k: number) => `Lane ${k}`) => `journeymap: 1
title: Lanes
personas: [{ id: p, name: P }]
lanes:
${Array.from({ length: declared }, (_, k) => `  - { id: lane-${k + 1}, label: ${JSON.stringify(label(k + 1))} }`).join("\n")}
stages:
  - id: s
    name: S
    lanes: { lane-1: Stage-wide rule }
    touchpoints:
      - name: One
        emotion: 3
        lanes:
${Array.from({ length: declared }, (_, k) => `          lane-${k + 1}: [Value ${k + 1}a, { text: Value ${k + 1}b, wait: 2 days, fail: { risk: Lost } }]`).join("\n")}
      - name: Two
        emotion: 4
`;

describe("the Markdown page", () => {
  it("gives each lane touchpoints fill a column of the stage table, and a stage's values a list under its heading", () => {
    const page = renderMarkdown(loadMap(EXAMPLE));
    const report = stagePart(page, "Reporting the accident");
    expect(listItems(report)).toEqual([
      "Policies: A claim can be reported 24/7; a handler calls back within 4 working hours.",
    ]);
    const [table] = markdownTables(report);
    expect(table![0]!.slice(-3)).toEqual(["Behind the scenes", "Who handles it", "Systems"]);
    expect(table![1]!.slice(-3)).toEqual([
      "Opens a claim and checks the policy is active (wait 12 min)",
      "Claims agent",
      "Telephony\nPolicy admin",
    ]);
    expect(table![2]!.slice(-3)).toEqual([
      "Photos attached to the claim ⚠ can fail: Photos too dark to assess",
      "",
      "Claims app\nDocument store",
    ]);
    expect(table![0]).not.toContain("Policies");
    expect(rawHtml(page).filter((html) => html !== "<br />")).toEqual([]);
  });

  it(`lists the lanes under each stage's table past ${MAX_LANE_COLUMNS} lanes, nested as the generator nests lists`, () => {
    const journey = loadText(map(MAX_LANE_COLUMNS + 1));
    for (const site of [GENERIC_LAYOUT, GENERATORS.mkdocs.layout]) {
      const page = renderMarkdown(journey, { site });
      const [table] = markdownTables(page);
      expect(table![0]).not.toContain("Lane 1");
      const section = page.slice(page.indexOf("#### Lanes"));
      expect(listItems(section)).toEqual([
        "One",
        ...Array.from({ length: MAX_LANE_COLUMNS + 1 }, (_, k) => [
          `  Lane ${k + 1}`,
          `    Value ${k + 1}a`,
          `    Value ${k + 1}b ⚠ can fail: Lost (wait 2 days)`,
        ]).flat(),
      ]);
    }
    const columns = renderMarkdown(loadText(map(MAX_LANE_COLUMNS)));
    expect(markdownTables(columns)[0]![0]!.slice(-MAX_LANE_COLUMNS)).toEqual(["Lane 1", "Lane 2", "Lane 3"]);
    expect(columns).not.toContain("#### Lanes");
  });

  it("shows labels and values as text: no HTML, heading or table break gets through", () => {
    const hostile = "<img src=x onerror=alert(1)> | # *bold*";
    const page = renderMarkdown(loadText(map(2, () => hostile).replace(/Value 1a/g, JSON.stringify(hostile))));
    expect(rawHtml(page).filter((html) => html !== "<br />")).toEqual([]);
    const [table] = markdownTables(page);
    expect(table![0]!.slice(-2)).toEqual([hostile, hostile]);
    expect(table![1]!.at(-2)).toBe(`${hostile}\nValue 1b ⚠ can fail: Lost (wait 2 days)`);
    const html = markdownIt.render(page);
    expect(html).not.toMatch(/<img|<em>/);
    expect(html).toContain("<li>&lt;img src=x onerror=alert(1)&gt; | # *bold*: Stage-wide rule</li>");
  });

  it("is unchanged for a map that declares no lanes", () => {
    const journey = loadMap("docs/examples/hotel.journey.yaml");
    expect(renderMarkdown({ ...journey, lanes: [] })).toBe(renderMarkdown(journey));
  });
});

describe("the Mermaid diagram", () => {
  it("names the lanes that hold values in one comment line, and says nothing for a map without lanes", () => {
    const diagram = renderMermaid(loadMap(EXAMPLE));
    const comments = diagram.split("\n").filter((line) => line.trim().startsWith("%%"));
    expect(comments).toEqual([
      "  %% lanes not drawn (Mermaid's journey has none; the svg picture and the Markdown page show them): Policies, Behind the scenes, Who handles it, Systems",
    ]);
    expect(renderMermaid(loadMap("docs/examples/hotel.journey.yaml"))).not.toContain("%%");
  });

  it("keeps a hostile label inside the comment: no directive, no line break, bounded", () => {
    const journey = loadText(map(40, (k) => (k === 1 ? '%%{init: {"theme": "dark"}}%%\nsection Injected' : `L${k}`)));
    const comment = droppedLanesComment(journey)!;
    expect(comment).not.toMatch(/%%\{|\n|\}%%/);
    expect(comment.startsWith("  %% lanes not drawn")).toBe(true);
    expect(comment).toMatch(/ and 28 more$/);
    const diagram = renderMermaid(journey);
    expect(diagram.match(/%%/g)).toHaveLength(1);
    expect(diagram).not.toMatch(/^\s*section Injected/m);
  });
});
