// The index page of a folder of Markdown pages: a pure function from the rendered pages to a list of
// links, each with its map's title, for a docs site's journey section.
import { inline } from "./markdown.js";

/** The index page's file name, beside the pages. */
export const INDEX_PAGE = "index.md";

export interface IndexEntry {
  /** The map's title, shown as the link text. */
  title: string;
  /** The page's path relative to the index, its segments separated by "/". */
  page: string;
}

/** Every segment percent-encoded, so that a file name with spaces, brackets or "#" stays one working link. */
export function pageLink(page: string): string {
  return page.split(/[\\/]/).map(encodeURIComponent).join("/");
}

export function renderIndexPage(entries: readonly IndexEntry[]): string {
  const links = entries.map((entry) => `- [${inline(entry.title)}](${pageLink(entry.page)})`);
  return `# Journey maps\n\n${links.length ? links.join("\n") : "_No maps rendered yet._"}\n`;
}
