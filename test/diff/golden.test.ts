// Realistic before/after pairs (test/fixtures/diff/<pair>/): each output is compared with its golden
// file (UPDATE_GOLDEN=1 rewrites them), and what it says is checked: matches, moves, emotions, findings,
// and that the Markdown comment renders as the map text it holds (markdown-it as the GFM parser).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { diffFormats, diffFormatNames, diffJourneys, type JourneyDiff } from "../../src/diff/index.js";
import { loadJourney } from "../../src/journey/load.js";

/** The text outputs and their golden files' extensions (the pictures are checked in picture.test.ts). */
const EXTENSIONS = { stylish: "txt", markdown: "md", json: "json" } as const;
const TEXT_FORMATS = Object.keys(EXTENSIONS) as Array<keyof typeof EXTENSIONS>;
const LABELS: Record<string, [string, string]> = { "as-is-to-be": ["As-is", "To-be"] };

function diffOf(pair: string): JourneyDiff {
  const load = (side: string) => {
    const file = `test/fixtures/diff/${pair}/${side}.journey.yaml`;
    return loadJourney(readFileSync(file), { file });
  };
  return diffJourneys(load("old"), load("new"), LABELS[pair] ? { labels: LABELS[pair] } : {});
}

/** GitHub renders comments with HTML allowed and bare URLs linked; so does this parser. */
const gfm = new MarkdownIt({ html: true, linkify: true });

describe.each(["freshcart-moved", "owner-fixed", "as-is-to-be", "hostile"])("golden diff: %s", (pair) => {
  const diff = diffOf(pair);

  it("every text output of the catalog has a golden file", () => {
    expect(diffFormatNames.filter((name) => diffFormats[name].kind === "text")).toEqual(TEXT_FORMATS);
  });

  it.each(TEXT_FORMATS)("%s output matches its golden file", (name) => {
    const output = diffFormats[name].formatter([diff], { color: false });
    const golden = `test/fixtures/diff/${pair}/expected.${EXTENSIONS[name]}`;
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) writeFileSync(golden, output);
    expect(output).toBe(readFileSync(golden, "utf8"));
  });

  it("json reads back as the diff itself", () => {
    expect(JSON.parse(diffFormats.json.formatter([diff], { color: false }))).toEqual(
      JSON.parse(JSON.stringify([diff])),
    );
  });

  it("markdown renders with no HTML or link from the map, one table row per notable change", () => {
    const markdown = diffFormats.markdown.formatter([diff], { color: false });
    const tokens = gfm.parse(markdown, {});
    const html = tokens.flatMap((token) => [token, ...(token.children ?? [])]).filter((t) => t.type.startsWith("html"));
    expect(html.map((token) => token.content.trim())).toEqual(
      markdown.includes("<details>")
        ? [expect.stringMatching(/^<details><summary>\d+ more changes?<\/summary>$/), "</details>"]
        : [],
    );
    const inline = tokens.flatMap((token) => token.children ?? []);
    expect(inline.filter((token) => token.type === "link_open")).toEqual([]);
    // The labels (one when both versions have the same) and the emotion table's heading: nothing from the map.
    const labels = diff.old.label === diff.new.label ? 1 : 2;
    const emotionHeading = diff.touchpoints.changed.some((change) => change.emotions.length > 0) ? 1 : 0;
    expect(inline.filter((token) => token.type === "strong_open").length).toBe(labels + emotionHeading);
  });
});

describe("what the golden pairs say", () => {
  it("no map compared: one sentence (the Action posts no comment for it)", () => {
    expect(diffFormats.markdown.formatter([], { color: false })).toBe(
      "## Journey map changes\n\nNo journey map changed.\n",
    );
  });

  it("freshcart: a touchpoint moved to another stage, its emotion dropped with a new pain point, an owner changed", () => {
    const diff = diffOf("freshcart-moved");
    const [slot, refund] = diff.touchpoints.changed;
    expect(slot).toMatchObject({
      subject: "touchpoint:consideration/slot",
      matchedBy: "id",
      moved: "stage",
      old: { stage: "decision", stageName: "First order", index: 0, range: { line: 53, column: 9 } },
      new: { stage: "consideration", stageName: "Consideration", index: 1, range: { line: 50, column: 9 } },
      emotions: [
        {
          personas: ["parent"],
          personaNames: ["Dana, working parent"],
          count: 1,
          old: 2,
          new: 1,
          delta: -1,
          direction: "down",
        },
      ],
      lists: { painPoints: { added: ["Slots cost extra"], removed: [] } },
    });
    expect(slot!.metrics[0]!.relativeChange).toBeCloseTo(0.3548, 3);
    expect(diffFormats.markdown.formatter([diff], { color: false })).toContain(
      "| Picks a delivery slot | Dana\\, working parent | 2 | 1 | 📉 2 → 1 \\(−1\\, drop\\) | Slots cost extra |",
    );
    expect(refund).toMatchObject({ fields: { owner: { old: "care", new: "ops" } } });
    expect(diff.findings.introduced.map((f) => [f.ruleId, f.message.slice(0, 28)])).toEqual([
      ["unused-team", 'team "Customer care" owns no'],
    ]);
  });

  it("owner-fixed: adding an owner fixes the warning; a renamed touchpoint without an id is a guess", () => {
    const diff = diffOf("owner-fixed");
    expect(diff.findings.fixed.map((f) => [f.ruleId, f.line])).toEqual([["touchpoint-owner", 32]]);
    expect(diff.findings.introduced).toEqual([]);
    const renamed = diff.touchpoints.changed.find((change) => change.renamed);
    expect(renamed).toMatchObject({
      matchedBy: "similarity",
      old: { name: "Visits the branch to sign" },
      new: { name: "Signs the contract by video call" },
      fields: { channel: { old: "branch", new: "video" } },
    });
    expect(diffFormats.stylish.formatter([diff], { color: false })).toContain(
      "(a guess: matched by its stage and fields",
    );
  });

  it("as-is → to-be: labels, a persona, a team and a stage added, a touchpoint removed, a metric's relative change", () => {
    const diff = diffOf("as-is-to-be");
    expect([diff.old.label, diff.new.label]).toEqual(["As-is", "To-be"]);
    expect(diff.title).toEqual({ old: "Hotel stay - as is", new: "Hotel stay - to be" });
    expect(diff.personas.added.map((p) => p.id)).toEqual(["family"]);
    expect(diff.teams.added.map((t) => t.id)).toEqual(["app"]);
    expect(diff.stages.added.map((s) => s.id)).toEqual(["pre-arrival"]);
    expect(diff.touchpoints.removed.map((t) => t.id)).toEqual(["queue"]);
    expect(diff.touchpoints.added.map((t) => t.id)).toEqual(["mobile-check-in"]);
    const book = diff.touchpoints.changed.find((change) => change.new.id === "book")!;
    expect(book.emotions).toEqual([
      {
        personas: ["business"],
        personaNames: ["Priya, business traveller"],
        count: 1,
        old: 3,
        new: 4,
        delta: 1,
        direction: "up",
      },
      { personas: ["family"], personaNames: ["The Okafors, a family of four"], count: 1, new: 3, direction: "added" },
    ]);
    expect(book.metrics[0]!.relativeChange).toBeCloseTo(0.25, 10);
    expect(diff.touchpoints.changed.filter((change) => change.moved === "order")).toHaveLength(1);
    expect(diffFormats.markdown.formatter([diff], { color: false })).toContain(
      "| Touchpoint | Persona | As\\-is | To\\-be | Change | New pain points |",
    );
  });

  it("hostile text reaches no terminal, log or page as control: escapes shown, HTML and links inert", () => {
    const diff = diffOf("hostile");
    const stylish = diffFormats.stylish.formatter([diff], { color: false });
    expect(stylish).not.toMatch(/[\u001b\u202e]/);
    expect(stylish).toContain('touchpoint "Sees an ad \\x1b[31mRED\\x1b[0m"');
    expect(stylish).toContain('+ pain point "line\\x0abreak | pipe \\u202eevil"');
    const page = gfm.render(diffFormats.markdown.formatter([diff], { color: false }));
    expect(page).not.toMatch(/<img|<script|<a |<strong>Dana/);
    expect(page).toContain("<strong>Checkout &lt;script&gt;alert(1)&lt;/script&gt;</strong>");
    // GitHub finds mentions after the escapes are gone: a zero-width space keeps "@" and the name apart.
    expect(diffFormats.markdown.formatter([diff], { color: false })).toContain("\\@&#8203;octocat");
    expect(page).toContain("@\u200boctocat");
  });
});
