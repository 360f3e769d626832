// Markdown that stays text for the programs that read it after a Markdown parser: GitHub's filters that
// turn references into mentions and links, and docs generators that run a page as a template or expand
// directives in its source (VitePress, Jekyll, MDX). For map text that is already Markdown-escaped.

/** A zero-width space as a character reference: shown as nothing, read by no filter as part of a word. */
export const ZERO_WIDTH_SPACE = "&#8203;";

// GitHub finds mentions and references in the text of the rendered HTML, after Markdown's backslash
// escapes are gone, and cmark-gfm's autolink extension works on the parsed text too: so "\@octocat" is
// still a mention. Each pattern below needs two characters side by side (GitHub's mention filter an
// ASCII letter or digit right after "@"; issue references a digit right after "#" or after "GH-" and a
// custom autolink's "TICKET-" (a prefix ending in a letter: dates stay as they are); the GFM autolinks
// "www." (after "_" or "*" too) and "://"; an e-mail address an "@" followed by
// its domain): a zero-width space between them matches none, and the text reads the same. This is what
// Dependabot and Renovate write in their pull requests for the same reason. A backslash escape before
// the first character (as `diff`'s comment writes every punctuation mark) is allowed for.
const REFERENCES =
  /(\\?@)(?=[A-Za-z0-9])|(\\?#)(?=[0-9])|([A-Za-z]\\?-)(?=[0-9])|(www)(?=\\?\.)|(\\?:)(?=\\?\/\\?\/)/gi;

/** Markdown-escaped text in which GitHub finds no @mention, team, issue or pull-request reference,
 * autolinked URL or e-mail address. `space` is the zero-width space as written: a character reference
 * in Markdown, the character itself in plain text. */
export function breakReferences(markdown: string, space = ZERO_WIDTH_SPACE): string {
  return markdown.replace(REFERENCES, (found) => `${found}${space}`);
}

/**
 * Plain text that a generator copies, decoded, into its HTML and scripts (a front-matter title or
 * description: VitePress writes it into the page's <script> as JSON, where "</script" ends the script
 * whatever the escapes, and renders it with markdown-it, where a "{...}" at the end is attributes;
 * Jekyll and GitHub show it): a zero-width space after a "<" that would start a tag or a comment (no
 * "</script" or "<!--@include" can form), inside "{{" and "{%", after a "}" that ends the text, and
 * wherever GitHub would find a reference. It reads as the same text; text with none of these is
 * unchanged.
 */
export function breakPlainText(text: string): string {
  return breakReferences(text, "\u200b").replace(/<(?=[/!?A-Za-z])|\{(?=[{%])|\}$/g, (found) => `${found}\u200b`);
}

/**
 * Markdown-escaped text that a docs generator shows as it is: the braces of "{{" (a Vue interpolation
 * in VitePress, a Liquid output in Jekyll: both read the HTML or the source after Markdown, where
 * "\{\{" is "{{" again) and "{%" (a Liquid tag) kept apart by a zero-width space; a zero-width space
 * after every "}", so that no text ends in "{...}", which markdown-it-attrs (VitePress) turns into
 * attributes of the element, such as `{onclick=...}`, after the escapes are gone; and text starting
 * with "import " or "export " (an ES module statement in MDX) starts with a character reference.
 * "<" must already be a character reference ("&lt;"): VitePress expands "<!--@include: PATH-->" in the
 * raw source, before any Markdown, where a backslash does not stop it.
 */
export function breakTemplates(markdown: string): string {
  return markdown
    .replace(/\\\{(?=\\\{|%)|\\\}/g, (brace) => `${brace}${ZERO_WIDTH_SPACE}`)
    .replace(/^(?:i(?=mport\s)|e(?=xport\s))/, (letter) => `&#${letter.charCodeAt(0)};`);
}
