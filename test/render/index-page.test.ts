// The index page read back by a CommonMark parser: one link per page, its text the map's title
// exactly, its target the page's file, whatever characters either holds.
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderIndexPage } from "../../src/render/index-page.js";

function links(markdown: string): { text: string; href: string }[] {
  const found: { text: string; href: string }[] = [];
  for (const token of new MarkdownIt({ html: true }).parse(markdown, {})) {
    const children = token.children ?? [];
    for (let i = 0; i < children.length; i++) {
      if (children[i]!.type !== "link_open") continue;
      let text = "";
      for (i++; children[i]!.type !== "link_close"; i++) {
        // Anything but plain text (HTML, emphasis, a nested link) would show up in the link text.
        text += children[i]!.type === "text" ? children[i]!.content : `{${children[i]!.type}}`;
      }
      found.push({ text, href: String(children.find((child) => child.type === "link_open")!.attrGet("href")) });
    }
  }
  return found;
}

describe("renderIndexPage", () => {
  it("links every page with its map's title, hostile titles and file names included", () => {
    const entries = [
      { title: "Harbour Hotel - a weekend stay", page: "hotel.md" },
      { title: "](javascript:alert(1)) <script>x</script> *stars*", page: "odd name #1 (draft).md" },
      { title: "Nested", page: "teams/app/onboarding.md" },
    ];
    const page = renderIndexPage(entries);
    expect(page.startsWith("# Journey maps\n\n")).toBe(true);
    expect(page).not.toContain("<script>");
    expect(links(page)).toEqual([
      { text: "Harbour Hotel - a weekend stay", href: "hotel.md" },
      { text: "](javascript:alert(1)) <script>x</script> *stars*", href: "odd%20name%20%231%20(draft).md" },
      { text: "Nested", href: "teams/app/onboarding.md" },
    ]);
  });

  it("says so when no page has been rendered yet", () => {
    expect(renderIndexPage([])).toBe("# Journey maps\n\n_No maps rendered yet._\n");
  });
});
