// Map text as one line of GitHub-flavoured Markdown that renders as the text itself: no markup, link,
// HTML or table cell break, no @mention, reference or autolink, controls shown as escapes.
import { escapeControl, escapeInvisible } from "./visible.js";
import { breakReferences } from "./inert-markdown.js";

/** For Markdown (GFM, as GitHub renders it): ASCII punctuation backslash-escaped, so no markup, link,
 * HTML or table cell break can start; no @mention, team, issue reference, autolink or e-mail address
 * for GitHub's filters, which read the text after the escapes are gone (src/text/inert-markdown.ts);
 * controls shown as escapes; one line. */
export function markdownText(text: string): string {
  return breakReferences(
    escapeInvisible(text)
      .replace(/\t/g, escapeControl)
      .replace(/[!-/:-@[-`{-~]/g, (character) => `\\${character}`),
  );
}
