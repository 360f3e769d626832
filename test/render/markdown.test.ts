// renderMarkdown read back by a CommonMark + GFM parser (markdown-it with raw HTML enabled, so that
// any HTML reaching the page would show up as such): headings, text, lists, the Mermaid fence and
// every table cell must equal the map's text, and no HTML from the map may reach the page.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { loadMapFile } from "../../src/workspace/load.js";
import { EMOTION_WORDS, type Journey } from "../../src/journey/model.js";
import { listOf } from "../../src/journey/fields.js";
import { BREAK, EMOTION_FACES, emotionLabel, renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";

/** A token as markdown-it's own parse returns it. */
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

type Block =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; items: string[] }
  | { type: "fence"; info: string; content: string }
  | { type: "table"; rows: string[][] }
  | { type: "front_matter" };

const markdownIt = new MarkdownIt({ html: true, linkify: false });
const htmlSeen: string[] = [];

/** The text a reader sees in an inline token: line breaks (<br />) as "\n"; any other HTML is recorded;
 * no zero-width space (the page keeps references and template braces apart with them). */
function textOf(token: Token): string {
  return rawTextOf(token).replace(/\u200b/g, "");
}

function rawTextOf(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      if (child.type === "html_inline") {
        htmlSeen.push(child.content);
        return child.content === BREAK ? "\n" : child.content;
      }
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return "\n";
      return `{${child.type}}`; // emphasis, links...: not expected from map text
    })
    .join("");
}

function blocks(markdown: string): Block[] {
  htmlSeen.length = 0;
  let body = markdown;
  const result: Block[] = [];
  if (body.startsWith("---\n")) {
    body = body.slice(body.indexOf("\n---\n", 4) + 5);
    result.push({ type: "front_matter" });
  }
  const tokens = markdownIt.parse(body, {});
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "html_block") htmlSeen.push(token.content);
    if (token.type === "heading_open")
      result.push({ type: "heading", level: Number(token.tag.slice(1)), text: textOf(tokens[i + 1]!) });
    if (token.type === "paragraph_open" && token.level === 0)
      result.push({ type: "paragraph", text: textOf(tokens[i + 1]!) });
    if (token.type === "fence") result.push({ type: "fence", info: token.info, content: token.content });
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
      const items: string[] = [];
      let j = i + 1;
      for (; tokens[j]!.type !== token.type.replace("_open", "_close"); j++)
        if (tokens[j]!.type === "inline") items.push(textOf(tokens[j]!));
      result.push({ type: "list", items });
      i = j;
    }
    if (token.type === "table_open") {
      const rows: string[][] = [];
      let j = i + 1;
      for (; tokens[j]!.type !== "table_close"; j++) {
        if (tokens[j]!.type === "tr_open") rows.push([]);
        if (tokens[j]!.type === "inline") rows[rows.length - 1]!.push(textOf(tokens[j]!));
      }
      result.push({ type: "table", rows });
      i = j;
    }
  }
  return result;
}

/** A map file as the CLI loads it, with the shared personas and teams of its folder. */
function load(path: string): Journey {
  const loaded = loadMapFile(path);
  expect(loaded.diagnostics).toEqual([]);
  return loaded.journey!;
}

/** The page a reader should see, built from the map alone (Markdown trims the ends of every line). */
function expectedBlocks(journey: Journey): Block[] {
  const text = (value: string) => value.trim();
  const expected: Block[] = [{ type: "heading", level: 1, text: text(journey.title) }];
  if (journey.description) expected.push({ type: "paragraph", text: text(journey.description) });
  expected.push({ type: "heading", level: 2, text: "Personas" });
  for (const persona of journey.personas) {
    expected.push({ type: "heading", level: 3, text: text(persona.name) });
    if (persona.description) expected.push({ type: "paragraph", text: text(persona.description) });
    if (persona.goals?.length)
      expected.push({ type: "heading", level: 4, text: "Goals" }, { type: "list", items: persona.goals.map(text) });
    if (persona.frustrations?.length)
      expected.push(
        { type: "heading", level: 4, text: "Frustrations" },
        { type: "list", items: persona.frustrations.map(text) },
      );
  }
  expected.push(
    { type: "heading", level: 2, text: "Journey" },
    { type: "fence", info: "mermaid", content: renderMermaid(journey) },
  );
  expected.push({ type: "heading", level: 2, text: "Stages" });
  const metrics: string[][] = [];
  for (const stage of journey.stages) {
    expected.push({ type: "heading", level: 3, text: text(stage.name) });
    if (stage.description) expected.push({ type: "paragraph", text: text(stage.description) });
    const touchpoints = stage.touchpoints ?? [];
    if (touchpoints.length === 0) expected.push({ type: "paragraph", text: "{em_open}No touchpoints yet.{em_close}" });
    else {
      expected.push({
        type: "table",
        rows: [
          ["Touchpoint", "Channel", "Owner", "Emotion", "Pain points", "Opportunities"],
          ...touchpoints.map((touchpoint) => [
            text(touchpoint.name),
            text(touchpoint.channel ?? ""),
            // Every map here declares its owners' teams or none: a missing owner is flagged, as lint reports it.
            touchpoint.owner === undefined ? "⚠ no owner" : text(touchpoint.owner),
            expect.any(String) as unknown as string, // the emotion cell has its own tests
            (touchpoint.painPoints ?? []).map(text).join("\n"),
            // An opportunity tracked as work shows its status in words and its owner after its title.
            (touchpoint.opportunities ?? [])
              .map((opportunity, i) =>
                typeof opportunity === "object" && opportunity.title !== undefined
                  ? `${text(listOf(touchpoint, "opportunities")[i]!)} (${(opportunity.status ?? "idea").replace("-", " ")}${opportunity.owner === undefined ? "" : `, ${text(opportunity.owner)}`})`
                  : text(listOf(touchpoint, "opportunities")[i]!),
              )
              .join("\n"),
          ]),
        ],
      });
    }
    for (const touchpoint of touchpoints) {
      for (const [name, value] of Object.entries(touchpoint.metrics ?? {})) {
        // These maps carry free-form values only: measured values get their own table (and tests).
        if (typeof value === "object") throw new Error(`measured value "${name}" in a free-form test map`);
        metrics.push([text(stage.name), text(touchpoint.name), name, String(value)]);
      }
    }
  }
  if (metrics.length)
    expected.push(
      { type: "heading", level: 2, text: "Metrics" },
      { type: "table", rows: [["Stage", "Touchpoint", "Metric", "Value"], ...metrics] },
    );
  return expected;
}

const MAPS = [
  "examples/freshcart.journey.yaml",
  "docs/examples/hotel.journey.yaml",
  "docs/examples/bank-account.journey.yaml",
  "test/fixtures/render/tricky.journey.yaml",
];

describe("renderMarkdown read back by a CommonMark + GFM parser", () => {
  for (const path of MAPS) {
    it(`${path}: headings, text, lists, the Mermaid fence and every table cell equal the map's`, () => {
      const journey = load(path);
      expect(blocks(renderMarkdown(journey))).toEqual(expectedBlocks(journey));
      // The only HTML on the page is journeymap's own line break; nothing from the map.
      expect(htmlSeen.filter((html) => html !== BREAK)).toEqual([]);
    });
  }

  it("shows text that looks like HTML or Markdown as text", () => {
    const journey = load("test/fixtures/render/tricky.journey.yaml");
    const page = blocks(renderMarkdown(journey));
    expect(page[0]).toEqual({
      type: "heading",
      level: 1,
      text: 'Ticket #35; "quotes" & <b>bold</b>: 50% off %% now | pipes',
    });
    expect(page[1]).toEqual({
      type: "paragraph",
      text: 'Line one with <script>alert("x")</script> & &amp; entity\n# not a heading\n- not a list',
    });
    expect(page).toContainEqual({
      type: "list",
      items: ["- starts like a list", "1. starts like a numbered list", "> quote"],
    });
    const rendered = markdownIt.render(renderMarkdown(journey).replace(/^---\n[\s\S]*?\n---\n/, ""));
    expect(rendered).not.toMatch(/<(script|img|b|admin|more)\b/);
    expect(rendered).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps | and line breaks inside their table cell", () => {
    const journey = load("test/fixtures/render/tricky.journey.yaml");
    const table = blocks(renderMarkdown(journey)).find((block) => block.type === "table") as { rows: string[][] };
    expect(table.rows[1]).toEqual([
      'Sees an ad: "Save 20%"; #deal, today',
      "social | web",
      "growth & brand",
      "Dana, working parent: #1 fan; <admin>: 🙂 positive (4)\nمريم، مسافرة: 🙁 negative (2)\nÉmile 🚀 (early adopter): 🙂 positive (4)",
      "<img src=x onerror=alert(1)>\nMulti\nline pain",
      "Use `code` and *stars*\na | b || c",
    ]);
    expect(table.rows.every((row) => row.length === 6)).toBe(true);
  });

  it("shows emotion as a word and a face along with the number; one line per persona when they differ", () => {
    for (const score of [1, 2, 3, 4, 5] as const)
      expect(emotionLabel(score)).toBe(`${EMOTION_FACES[score]} ${EMOTION_WORDS[score]} (${score})`);
    expect(emotionLabel(undefined)).toBe("not recorded");
    const journey = load("docs/examples/hotel.journey.yaml");
    const tables = blocks(renderMarkdown(journey)).filter((block) => block.type === "table") as { rows: string[][] }[];
    const cell = (name: string) => tables.flatMap((table) => table.rows).find((row) => row[0] === name)![3];
    expect(cell("Books a room")).toBe(
      "Priya, business traveller: 🙂 positive (4)\nThe Okafors, family of four: 🙁 negative (2)",
    );
    expect(cell("Has breakfast")).toBe("🙂 positive (4)");
    expect(cell("Asks for connecting rooms")).toBe("The Okafors, family of four: 😐 neutral (3)");
    const tricky = load("test/fixtures/render/tricky.journey.yaml");
    const trickyTables = blocks(renderMarkdown(tricky)).filter((block) => block.type === "table") as {
      rows: string[][];
    }[];
    const trickyCell = (name: string) => trickyTables.flatMap((table) => table.rows).find((row) => row[0] === name)![3];
    expect(trickyCell("title of a touchpoint starting with a keyword")).toBe(
      "Dana, working parent: #1 fan; <admin>: not recorded",
    );
    expect(trickyCell("&lt;escaped&gt; &#35; stays literal")).toBe("😀 very positive (5)");
  });

  it("starts with front matter for static site generators when asked", async () => {
    const { parse } = await import("yaml");
    const journey = load("test/fixtures/render/tricky.journey.yaml");
    const page = renderMarkdown(journey, { frontMatter: true });
    const match = /^---\n([\s\S]*?)\n---\n\n# /.exec(page);
    expect(match).not.toBeNull();
    // The values are the map's text; a zero-width space keeps a tag ("</script" ends the script VitePress
    // copies the value into) and a reference apart.
    const values = parse(match![1]!) as { title: string; description: string };
    expect(values.title).toMatch(/<\u200bb>bold<\u200b\/b>/);
    expect(values.description).not.toMatch(/<[/a-z]/i);
    const unbroken = (text: string) => text.replace(/\u200b/g, "");
    expect({ title: unbroken(values.title), description: unbroken(values.description) }).toEqual({
      title: journey.title,
      description: journey.description,
    });
    const freshcart = load("examples/freshcart.journey.yaml");
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(renderMarkdown(freshcart, { frontMatter: true }))![1]!)).toEqual({
      title: freshcart.title,
      description: freshcart.description,
      tags: freshcart.tags,
    });
    expect(renderMarkdown(freshcart).startsWith("# ")).toBe(true);
  });
});
