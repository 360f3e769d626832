// Map text made inert for each output: a map's names and notes are data, never terminal escapes,
// CI log commands, Markdown markup or HTML.
import { escapeControl, escapeInvisible, visible } from "../report/visible.js";
import { breakReferences } from "../text/inert-markdown.js";

/** For a terminal or a CI log: every control or invisible character shown as a visible escape, and
 * nothing a workflow command (see src/report/visible.ts). */
export function terminalText(text: string): string {
  return visible(text);
}

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
