// Map text in what GitHub renders (the diff comment the Action posts, the pages of a docs site kept in a
// repository) never becomes a mention, a team mention, an issue or pull-request reference, an autolink
// or an e-mail link. The oracle implements the patterns as documented: GitHub's references ("Autolinked
// references and URLs": @user, @org/team, #1, GH-1, owner/repo#1, and custom PREFIX-1 autolinks) and
// the GFM spec's autolink extension (www., http:// and https://, e-mail addresses). GitHub applies them
// to the text of the rendered HTML, after Markdown's backslash escapes are gone: so the oracle reads the
// output back with markdown-it (code spans and fences excluded, as GitHub excludes them) and looks in
// that text. markdown-it also checks that the text still reads as the map's characters.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { markdownText } from "../../src/diff/escape.js";
import { inline, renderMarkdown } from "../../src/render/markdown.js";
import type { Journey } from "../../src/journey/model.js";
import { runCli } from "../helpers/cli.js";

/** What GitHub and cmark-gfm would link or notify, each with its documented shape. */
const GITHUB_PATTERNS: Record<string, RegExp> = {
  mention: /(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)?/,
  "issue reference": /(?:^|[^A-Za-z0-9_])#[0-9]+/,
  "GH- reference": /\bGH-[0-9]+/i,
  "cross-repository reference": /[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+#[0-9]+/,
  // A custom prefix ending in a letter, as GitHub's examples (TICKET-) and GH- do.
  "custom autolink reference": /[A-Za-z]-[0-9]+/,
  "www autolink": /(?:^|[\s*_~(])www\./i,
  "URL autolink": /[A-Za-z][A-Za-z0-9+.-]*:\/\//,
  "e-mail autolink": /[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/,
};

/** Which of GITHUB_PATTERNS match the text. */
function linked(text: string): string[] {
  return Object.entries(GITHUB_PATTERNS)
    .filter(([, pattern]) => pattern.test(text))
    .map(([name, found]) => `${name}: ${found.exec(text)![0]}`);
}

const markdownIt = new MarkdownIt({ html: true, linkify: false });

/** The text of rendered Markdown in which GitHub looks: every text node, outside code. */
function renderedText(markdown: string): string[] {
  const texts: string[] = [];
  for (const token of markdownIt.parse(markdown, {})) {
    if (token.type !== "inline") continue;
    let line = "";
    for (const child of token.children ?? []) {
      if (child.type === "text") line += child.content;
      else if (child.type !== "code_inline") {
        texts.push(line);
        line = "";
      }
    }
    texts.push(line);
  }
  return texts;
}

/** Text that GitHub would act on, as fragments a map could hold; the properties join them at random. */
const FRAGMENTS = [
  "@octocat",
  "@acme/reviewers",
  "mona@example.com",
  "#1",
  "GH-42",
  "gh-7",
  "octo-org/octo-repo#100",
  "JIRA-123",
  "www.example.com",
  "https://example.com/x",
  "http://a.b",
  "ftp://files.example.com",
  "mailto:mona@example.com",
  "@",
  "#",
  "-",
  "1",
  ".",
  "/",
  ":",
  "\\",
  "`",
  "*",
  "_",
  "(",
  "&",
  ";",
  " ",
  "x",
  "&#35;",
  "<",
];
const hostileText = fc
  .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(""));

describe("the diff comment's text", () => {
  it("gives GitHub nothing to mention or link, and reads back as the map's characters", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const texts = renderedText(
          `| ${markdownText(text)} |\n|---|\n| ${markdownText(text)} |\n\n${markdownText(text)}`,
        );
        for (const shown of texts) expect(linked(shown), shown).toEqual([]);
        expect(texts.at(-1)!.replace(/\u200b/g, "")).toBe(text.trim());
      }),
      { seed: 19, numRuns: 1000 },
    );
  });
});

describe("a page's text", () => {
  it("gives GitHub nothing to mention or link, and reads back as the map's characters", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const texts = renderedText(inline(text));
        for (const shown of texts) expect(linked(shown), shown).toEqual([]);
        expect(texts.join("").replace(/\u200b/g, "")).toBe(text.trim().replace(/ {2,}/g, " "));
      }),
      { seed: 19, numRuns: 1000 },
    );
  });

  it("the whole page of a map full of references: nothing linked outside the Mermaid fence", () => {
    const refs = "@octocat, @acme/reviewers, #12, GH-3, acme/app#4, www.example.com, https://x.io, mona@example.com";
    const journey: Journey = {
      journeymap: 1,
      title: `Title ${refs}`,
      description: `Description ${refs}`,
      personas: [{ id: "p", name: `Persona ${refs}`, goals: [refs], frustrations: [refs] }],
      stages: [
        {
          id: "s",
          name: `Stage ${refs}`,
          touchpoints: [{ name: `Touchpoint ${refs}`, owner: refs, channel: refs, emotion: 2, painPoints: [refs] }],
        },
      ],
    };
    const page = renderMarkdown(journey, { frontMatter: true });
    const texts = renderedText(page.replace(/^---\n[\s\S]*?\n---\n/, ""));
    expect(texts.join("\n")).toContain("Touchpoint @\u200boctocat");
    for (const shown of texts) expect(linked(shown), shown).toEqual([]);
  });
});

describe("journeymap diff --format markdown, end to end", () => {
  const folder = mkdtempSync(join(tmpdir(), "journeymap-references-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("a pull request that adds references everywhere: the comment pings and links nobody", () => {
    const refs = "@octocat @acme/reviewers #12 GH-3 acme/app#4 www.example.com https://x.io mona@example.com";
    const map = (name: string, emotion: number, pain: string) => `journeymap: 1
title: "Checkout ${refs}"
personas:
  - id: p
    name: "Dana ${refs}"
  - id: q
    name: "Sam"
stages:
  - id: s
    name: "Stage ${refs}"
    touchpoints:
      - id: t
        name: "${name}"
        owner: "${refs}"
        emotion: { p: ${emotion}, q: 3 }
        painPoints: ["${pain}"]
`;
    writeFileSync(join(folder, "old.journey.yaml"), map(`Pays ${refs}`, 4, "none"));
    writeFileSync(join(folder, "new.journey.yaml"), map(`Pays ${refs} now`, 2, `Fails ${refs}`));
    const run = runCli(["diff", "old.journey.yaml", "new.journey.yaml", "--format", "markdown"], { cwd: folder });
    expect(run.code, run.stderr).toBe(0);
    const texts = renderedText(run.stdout);
    expect(texts.join("\n")).toContain("Dana @\u200boctocat @\u200bacme/reviewers #\u200b12 GH-\u200b3");
    for (const shown of texts) expect(linked(shown), shown).toEqual([]);
  });
});
