// Hostile maps through the text renderers and the PNG step: front matter that stays data, a Markdown
// page linear in the map, Mermaid text that never gains a line or a directive, owners flagged as
// lint reports them, and a PNG too large refused before resvg parses it.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { JourneymapError } from "../../src/errors.js";
import type { Journey, Score, Touchpoint } from "../../src/journey/model.js";
import { DIAGRAM_TOO_LARGE, EVERYONE_ELSE, renderMarkdown } from "../../src/render/markdown.js";
import { renderMermaid } from "../../src/render/mermaid.js";
import { svgToPng } from "../../src/render/png.js";
import { breakPlainText } from "../../src/text/inert-markdown.js";
import { renderSvg } from "../../src/render/svg/index.js";
import { XMLParser } from "fast-xml-parser";
import { markdownText } from "../../src/diff/escape.js";

function journey(touchpoints: Touchpoint[], extra: Partial<Journey> = {}): Journey {
  return {
    journeymap: 1,
    title: "Map",
    personas: [{ id: "dana", name: "Dana" }],
    stages: [{ id: "one", name: "One", touchpoints }],
    ...extra,
  };
}

/** The table rows of a page, cells as a reader sees them (line breaks as "\n"). */
function rows(page: string): string[][] {
  const tokens = new MarkdownIt({ html: true }).parse(page, {});
  const result: string[][] = [];
  for (const token of tokens) {
    if (token.type === "tr_open") result.push([]);
    if (token.type === "inline" && result.length > 0 && token.level > 0)
      result
        .at(-1)!
        .push((token.children ?? []).map((child) => (child.type === "html_inline" ? "\n" : child.content)).join(""));
  }
  return result;
}

describe("--front-matter", () => {
  it("reads back with the yaml parser as exactly the map's title, description and tags, and adds no key", () => {
    const title = "Evil\n---\nadmin: true\n# not a comment: \"double\" 'single' key: value --- ";
    const description = "desc: with colon\n---\n...\n%YAML 1.2";
    const tags = ["- dash", "a: b", "#hash", "[flow]", "*alias", "&anchor", "!tag", "@at", "'"];
    const page = renderMarkdown(journey([], { title, description, tags }), { frontMatter: true });
    const end = page.indexOf("\n---\n", 4);
    expect(page.startsWith("---\n")).toBe(true);
    const front = page.slice(4, end);
    // The values are the map's text, a zero-width space after "@" ("@at" would be a mention on GitHub).
    expect(parseYaml(front)).toEqual({ title, description, tags: tags.map(breakPlainText) });
    expect(tags.map(breakPlainText)[7]).toBe("@\u200bat");
    // The block ends where journeymap ends it: the page's first heading follows.
    expect(page.slice(end + 5)).toMatch(/^\n# Evil<br \/>---<br \/>admin: true/);
  });

  it("keeps every generated title intact, apart from zero-width spaces that keep tags and references apart (yaml parser as oracle)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", minLength: 1 }), fc.stringMatching(/^[<>{}%@#a-z/!: .-]{1,12}$/)),
        (title) => {
          const page = renderMarkdown(journey([], { title }), { frontMatter: true });
          const front = page.slice(4, page.indexOf("\n---\n", 4));
          const value = (parseYaml(front) as { title: string }).title;
          expect(value).toBe(breakPlainText(title));
          expect(value.replace(/\u200b/g, "")).toBe(title.replace(/\u200b/g, ""));
          // What a generator copies it into: no tag, comment, template or reference forms.
          expect(value).not.toMatch(/<[/!?A-Za-z]|\{\{|\{%|\}$|@[A-Za-z0-9]|#[0-9]/);
        },
      ),
      { seed: 8, numRuns: 1000 },
    );
  });
});

describe("the Markdown page is linear in the map", () => {
  it("names only the personas written at a touchpoint: 300 personas × 600 touchpoints stay small", () => {
    const personas = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, name: `Persona number ${i} `.repeat(4) }));
    const touchpoints: Touchpoint[] = Array.from({ length: 600 }, (_, i) => ({
      name: `Touchpoint ${i}`,
      emotion: { p0: 4, [`p${i % 300}`]: 2 },
    }));
    const map = journey(touchpoints, { personas });
    const input = JSON.stringify(map).length;
    const start = performance.now();
    const page = renderMarkdown(map);
    const elapsed = performance.now() - start;
    // Before: every cell listed all 300 personas (~24 MB of Markdown from ~60 KB of map).
    expect(page.length).toBeLessThan(4 * input);
    expect(elapsed).toBeLessThan(2_000);
    expect(page).toContain(DIAGRAM_TOO_LARGE);
    const cells = rows(page).filter((row) => row[0] === "Touchpoint 5")[0]!;
    expect(cells[3]).toBe(
      `${personas[0]!.name.trim()}: 🙂 positive (4)\n${personas[5]!.name.trim()}: 🙁 negative (2)\n${EVERYONE_ELSE}: not recorded`,
    );
  });

  it("bounds a long persona name in the cells and shows it whole in the Personas section", () => {
    const name = "N".repeat(100_000);
    const touchpoints = Array.from({ length: 1_000 }, (_, i): Touchpoint => ({
      name: `T${i}`,
      personas: ["dana"],
      emotion: 3,
    }));
    const map = journey(touchpoints, { personas: [{ id: "dana", name }] });
    const page = renderMarkdown(map);
    expect(page.length).toBeLessThan(4 * JSON.stringify(map).length);
    expect(page).toContain(`### ${name}\n`);
    expect(rows(page).find((row) => row[0] === "T7")![3]).toBe("😐 neutral (3)"); // everyone, one score
  });

  it("embeds the Mermaid diagram while Mermaid can draw it", () => {
    const page = renderMarkdown(journey([{ name: "Visits", emotion: 4 }]));
    expect(page).toContain(`\`\`\`mermaid\n${renderMermaid(journey([{ name: "Visits", emotion: 4 }]))}\`\`\``);
  });
});

describe("owners on the Markdown page", () => {
  it("flags a missing owner and one that is not a declared team, as lint reports them", () => {
    const map = journey(
      [
        { name: "Declared", owner: "growth" },
        { name: "Typo", owner: "growthh" },
        { name: "Nobody" },
        { name: "Hostile", owner: "<b>x</b> | y" },
      ],
      { teams: [{ id: "growth", name: "Growth marketing" }] },
    );
    const owners = Object.fromEntries(rows(renderMarkdown(map)).map((row) => [row[0]!, row[2]!])) as Record<
      string,
      string
    >;
    expect(owners).toMatchObject({
      Declared: "growth",
      Typo: "⚠ growthh (not a declared team)",
      Nobody: "⚠ no owner",
      Hostile: "⚠ <b>x</b> | y (not a declared team)",
    });
    // Without a teams registry any owner is accepted, as lint accepts it.
    const open = rows(renderMarkdown(journey([{ name: "Any", owner: "whoever" }])));
    expect(open.find((row) => row[0] === "Any")![2]).toBe("whoever");
  });
});

describe("Mermaid text stays data", () => {
  const text = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
  it("never gains a line, a directive or front matter, whatever the map's text", () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(fc.tuple(text, fc.integer({ min: 1, max: 5 })), { maxLength: 6 }),
        text,
        (title, stage, tasks, persona) => {
          const map = journey(
            tasks.map(([name, score]) => ({ name, emotion: score as Score })),
            { title, description: title, personas: [{ id: "p", name: persona }], stages: [] },
          );
          map.stages = [
            { id: "s", name: stage, touchpoints: tasks.map(([name, score]) => ({ name, emotion: score as Score })) },
          ];
          const lines = renderMermaid(map).split("\n");
          expect(lines.pop()).toBe("");
          // journey, title, accTitle, accDescr, one section, one line per task.
          expect(lines).toHaveLength(5 + tasks.length);
          expect(lines[0]).toBe("journey");
          for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}(title |accTitle: |accDescr: |section | {2})/);
          // No comment or directive (%%) and no control character anywhere: Mermaid's grammar ends a line at one.
          for (const line of lines) expect(line).not.toMatch(/%|[\u0000-\u001f\u007f]/);
        },
      ),
      { seed: 14, numRuns: 1_000 },
    );
  });
});

describe("PNG size", () => {
  it("is refused from the SVG's root element before resvg parses the picture", async () => {
    const body = "<rect width='1' height='1'/>".repeat(1_000_000); // 28 MB that resvg would parse first
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40000" height="30000">${body}</svg>`;
    const start = performance.now();
    const refusal = await svgToPng(svg, { scale: 2 }).catch((error: unknown) => error);
    expect(performance.now() - start).toBeLessThan(500);
    expect(refusal).toBeInstanceOf(JourneymapError);
    expect((refusal as Error).message).toBe(
      "the picture is too large for PNG at scale 2 (80000 × 60000 px, more than 20,000,000 pixels): use --scale 0.1 or less, or --format svg",
    );
  });
});

describe("printed to a terminal or a CI log, no rendering acts on it", () => {
  const hostile = "Pay \u001b]0;pwned\u0007 \u009b31m \u202egnp ##[add-mask]x\n::error::fake\u2028end";
  const map = journey([{ name: hostile, channel: `::stop-commands::${hostile}`, emotion: 2 }], {
    title: `::error::${hostile}`,
    description: `:: ${hostile}`,
    tags: [hostile],
  });
  const inert = (output: string) => {
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(output).not.toContain("##[");
    expect(output.split("\n").filter((line) => line.trimStart().startsWith("::"))).toEqual([]);
  };

  it("Markdown with front matter: escapes shown, front matter reads back exactly", () => {
    const page = renderMarkdown(map, { frontMatter: true });
    inert(page);
    const front = page.slice(4, page.indexOf("\n---\n", 4));
    expect(parseYaml(front)).toEqual({
      title: breakPlainText(map.title),
      description: breakPlainText(map.description!),
      tags: map.tags!.map(breakPlainText),
    });
    expect(page).toContain("\n&#58;: Pay \\x1b\\]0;pwned\\x07 \\x9b31m \\u202egnp \\#\\#\\[add-mask\\]x<br />");
  });

  it("characters that show nothing (Arabic letter mark, soft hyphen, tags, fillers) are shown escaped on a page and in a diff comment", () => {
    const hidden = "Pay\u061c now\u00ad \u{e0041}\u{e0042} \u3164 \u2061x";
    const page = renderMarkdown(journey([{ name: hidden, channel: "web", emotion: 3 }], { title: "Hidden" }));
    expect(page).toContain("Pay\\u061c now\\xad \\u{e0041}\\u{e0042} \\u3164 \\u2061x");
    expect(page).not.toMatch(/[\u061c\u00ad\u3164\u2061]|\u{e0041}/u);
    expect(markdownText(hidden)).toBe("Pay\\\\u061c now\\\\xad \\\\u\\{e0041\\}\\\\u\\{e0042\\} \\\\u3164 \\\\u2061x");
  });

  it("Mermaid encodes them as entity codes", () => {
    const diagram = renderMermaid(map);
    inert(diagram);
    expect(diagram).toContain("#155;31m #8238;gnp #35;#35;[add-mask]x#10;#58;#58;error#58;#58;fake#8232;end");
  });

  it("SVG keeps them as character references that an XML reader reads back", () => {
    const svg = renderSvg(map);
    inert(svg);
    const parsed = new XMLParser({ htmlEntities: true }).parse(svg) as { svg: { title: string } };
    expect(parsed.svg.title).toBe(map.title.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "\ufffd"));
  });
});
