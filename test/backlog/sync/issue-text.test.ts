// An opportunity's issue from hostile map text, read back by markdown-it as GitHub would render it
// (raw HTML allowed, autolinks on): no HTML, no link but the map's page, no @mention or reference, no
// control character; and the reader sees the map's words.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { issueText, issueTitle } from "../../../src/backlog/sync/issue-text.js";
import { planSync } from "../../../src/backlog/sync/plan.js";
import type { Opportunity } from "../../../src/backlog/types.js";
import { CONTROL, rawHtml } from "../../helpers/oracles.js";

const markdownIt = new MarkdownIt({ html: true, linkify: true });
// GitHub autolinks www. and scheme:// links and e-mail addresses, not bare domains.
markdownIt.linkify.set({ fuzzyLink: false });
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

const PAGE = "https://acme.github.io/maps/checkout/";

function opportunity(more: Partial<Opportunity> = {}): Opportunity {
  return {
    id: "guest-checkout",
    title: "Let guests check out",
    status: "planned",
    map: { title: "Checkout", path: "maps/checkout.journey.yaml", page: PAGE },
    painPoints: [],
    ...more,
  };
}

/** What a reader sees of the body: the links' targets, the raw HTML, each list item's text and all the text
 * (zero-width spaces, which show nothing, left out). */
function read(body: string) {
  const tokens = markdownIt.parse(body, {}).flatMap((token) => [token, ...(token.children ?? [])]);
  const textOf = (token: Token) =>
    (token.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("")
      .replace(/\u200b/g, "");
  const items: string[] = [];
  tokens.forEach((token, i) => {
    if (token.type === "list_item_open" && tokens[i + 1]?.type === "paragraph_open") items.push(textOf(tokens[i + 2]!));
  });
  return {
    links: tokens.filter((token) => token.type === "link_open").map((token) => token.attrGet("href")),
    html: rawHtml(body),
    items,
    text: tokens
      .filter((token) => token.type === "inline")
      .map((token) => textOf(token))
      .join("\n"),
    // The page without the map's link, which is the one URL it holds.
    rendered: markdownIt.render(body).replaceAll(`href="${PAGE}"`, ""),
  };
}

const HOSTILE = [
  "@octocat please look",
  "<script>alert(1)</script>",
  "<!-- hide the rest",
  "[click](javascript:alert(1)) ![x](https://evil.example.com/x.png)",
  "See #12 and GH-7 and acme/shop#3",
  "https://evil.example.com and www.evil.example.com, mail me@evil.example.com",
  "**bold** _em_ `code` ~~gone~~ | a | b |",
  "# heading\n\n---\n- list",
  "red \u001b[31m alert \u202e evil",
  "{{ secrets }} {% raw %} :tada: &amp; &#64;",
];

describe("issue body from hostile map text", () => {
  it("shows each pain point as written, and renders none of it", () => {
    const body = issueText(
      opportunity({
        painPoints: HOSTILE,
        owner: "@acme/checkout-team",
        map: { title: "Checkout <b>now</b> @admin", path: "maps/`x`.journey.yaml", page: PAGE },
      }),
    );
    const shown = read(body);
    expect(shown.html).toEqual(["<sub>", "</sub>"]);
    expect(shown.links).toEqual([PAGE]);
    expect(shown.items).toEqual([
      "@octocat please look",
      "<script>alert(1)</script>",
      "<!-- hide the rest",
      "[click](javascript:alert(1)) ![x](https://evil.example.com/x.png)",
      "See #12 and GH-7 and acme/shop#3",
      "https://evil.example.com and www.evil.example.com, mail me@evil.example.com",
      "**bold** _em_ `code` ~~gone~~ | a | b |",
      "# heading --- - list",
      "red \\x1b[31m alert \\u202e evil",
      "{{ secrets }} {% raw %} :tada: &amp; &#64;",
    ]);
    expect(shown.text).toContain("Owner: @acme/checkout-team");
    expect(shown.text).toContain("Checkout <b>now</b> @admin");
    // GitHub's filters find no mention, reference or autolink: a zero-width space sits in each.
    expect(shown.rendered).not.toMatch(/@[A-Za-z0-9]|#[0-9]|GH-[0-9]|www\.|:\/\//i);
    expect(body).not.toMatch(CONTROL);
  });

  it("links the map page only when it is an http or https URL, with its parentheses encoded", () => {
    expect(
      read(issueText(opportunity({ map: { title: "M", path: "m.yaml", page: "javascript:alert(1)" } }))).links,
    ).toEqual([]);
    expect(
      read(issueText(opportunity({ map: { title: "M", path: "m.yaml", page: "https://x.example/a(b)c d" } }))).links,
    ).toEqual(["https://x.example/a%28b%29c%20d"]);
  });

  it("keeps an issue body under GitHub's 65,536 characters, saying how many pain points it left out", () => {
    const body = issueText(
      opportunity({ painPoints: Array.from({ length: 2000 }, (_, i) => `Pain ${i} ${"x".repeat(200)}`) }),
    );
    expect(body.length).toBeLessThan(65_536 - 200);
    expect(body).toMatch(/^- … and \d+ more: see the map$/m);
  });

  it("holds for any text (property, markdown-it as the oracle)", () => {
    const unit = fc.constantFrom(..."aZ09 @#<>/&;:[]()!*_`~|{}%\\\n\t-=.\u001b\u202e\u200bw".split(""));
    const text = fc.string({ unit, maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 5 }), text, (title, painPoints, owner) => {
        const body = issueText(opportunity({ title, painPoints, owner, map: { title, path: owner, page: PAGE } }));
        const shown = read(body);
        expect(shown.html).toEqual(["<sub>", "</sub>"]);
        expect(shown.links).toEqual([PAGE]);
        expect(shown.items).toHaveLength(painPoints.filter((painPoint) => painPoint.trim()).length);
        expect(shown.rendered).not.toMatch(/@[A-Za-z0-9]|#[0-9]|www\.|:\/\//i);
        expect(body).not.toMatch(CONTROL);
      }),
      { numRuns: 300 },
    );
  });
});

describe("issue title from hostile map text", () => {
  it("is one line of plain text, references broken, controls shown, at most 256 characters", () => {
    expect(issueTitle(opportunity({ title: "  Ping @octocat\nabout #12 <img src=x>\u001b[2J  " }))).toBe(
      "Ping @\u200boctocat about #\u200b12 <\u200bimg src=x>\\x1b[2J",
    );
    expect(issueTitle(opportunity({ title: "x".repeat(1000) }))).toHaveLength(256);
    expect(issueTitle(opportunity({ title: " \n " }))).toBe("Opportunity guest-checkout");
  });
});

describe("the plan", () => {
  it("does not sync an id that could break out of the marker, and says why", () => {
    const plan = planSync(
      [opportunity({ id: "x --> <b>" }), opportunity({ id: "ok" }), opportunity({ id: "ok" })],
      [],
      "maria",
    );
    expect(plan.actions.map((action) => action.id)).toEqual(["ok"]);
    expect(plan.notes).toEqual([
      'opportunity "x --> <b>" is not synced: an id for the issue tracker is at most 100 letters, digits, ".", "_" or "-", starting with a letter or digit',
      'opportunity "ok" appears twice: only the first is synced; give each its own id',
    ]);
  });
});
