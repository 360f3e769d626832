// Map text made inert for each output: a map's names and notes are data, never terminal escapes,
// CI log commands, Markdown markup or HTML.
import { visible } from "../text/visible.js";

/** For a terminal or a CI log: every control or invisible character shown as a visible escape, and
 * nothing a workflow command (see src/text/visible.ts). */
export function terminalText(text: string): string {
  return visible(text);
}

/** For Markdown (GFM, as GitHub renders it), one line: shared with the backlog sync's issues. */
export { markdownText } from "../text/markdown-text.js";
