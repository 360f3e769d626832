// Text for a terminal or a CI log shows every character that would reorder it or show nothing as an
// escape: Unicode's own lists (Bidi_Control, Default_Ignorable_Code_Point) are the oracle, read through
// the property escapes of Node's regular expressions, so a character no list here names is caught.
import { describe, expect, it } from "vitest";
import { escapeInvisible, inertJson, visible, visibleChar } from "../../src/text/visible.js";

/** Characters that emoji and scripts are written with: shown as they are. */
const KEPT = /^[\u200c\u200d\p{Variation_Selector}]$/u;

function* unicode(property: RegExp): Generator<string> {
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (property.test(char)) yield char;
  }
}

const HIDDEN = [...unicode(/^[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]$/u)].filter((c) => !KEPT.test(c));

describe("invisible and bidi characters", () => {
  it("covers every Bidi_Control and Default_Ignorable_Code_Point but the joiners and variation selectors", () => {
    expect(HIDDEN.length).toBeGreaterThan(3800);
    const missed = HIDDEN.filter((char) => visible(`a${char}b`) === `a${char}b`);
    expect(missed.map((char) => char.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it.each([
    ["\u061c", "\\u061c"],
    ["\u200e", "\\u200e"],
    ["\u202e", "\\u202e"],
    ["\u2067", "\\u2067"],
    ["\ufeff", "\\ufeff"],
    ["\u2028", "\\u2028"],
    ["\u180e", "\\u180e"],
    ["\u3164", "\\u3164"],
    ["\u115f", "\\u115f"],
    ["\u{e0041}", "\\u{e0041}"],
    ["\u00ad", "\\xad"],
  ])("%j is shown as %s", (char, shown) => {
    expect(visible(`name${char}x`)).toBe(`name${shown}x`);
    expect(escapeInvisible(`name${char}x`)).toBe(`name${shown}x`);
    // JSON printed to a terminal: the same value for a parser, no raw character for the terminal.
    const json = inertJson(JSON.stringify({ name: `a${char}b` }));
    expect(json).not.toContain(char);
    expect(JSON.parse(json)).toEqual({ name: `a${char}b` });
  });

  it("emoji with joiners and variation selectors, and ideographic variation sequences, are shown as they are", () => {
    for (const text of ["👨‍👩‍👧", "❤️", "☺︎", "葛\u{e0100}", "میخواهم"]) {
      expect(visible(text)).toBe(text);
      expect(inertJson(JSON.stringify(text))).toBe(JSON.stringify(text));
    }
  });

  it("a code frame, one UTF-16 unit at a time, never shows a tag whole", () => {
    const shown = [..."a\u{e0041}b".split("")].map(visibleChar).join("");
    expect(shown).not.toContain("\u{e0041}");
    expect(shown.startsWith("a\\udb40")).toBe(true);
    expect(visibleChar("\u061c")).toBe("\\u061c");
  });
});
