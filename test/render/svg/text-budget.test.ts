// The picture's text budget: any one text is laid out within TEXT_MAX_CHARACTERS and TEXT_MAX_LINES
// (cut with an ellipsis that fits the box), with at most 30 marks on a character and 4 joiners in an
// emoji cluster, in time linear in the text however it is made (CJK walls took 9 s for 300 KB).
import { describe, expect, it } from "vitest";
import {
  MAX_MARKS_PER_CHARACTER,
  TEXT_MAX_CHARACTERS,
  TEXT_MAX_LINES,
  boundMarks,
  measure,
  wrap,
} from "../../../src/render/svg/text.js";

const font = { size: 12 };
const cjk = (count: number) => Array.from({ length: count }, (_, i) => String.fromCodePoint(0x4e00 + i)).join("");
const graphemes = (text: string) => [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)];

/** The fastest of three runs, in ms. */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("wrap within the budget", () => {
  it("lays out at most TEXT_MAX_LINES lines of a long text, the last ending in an ellipsis that fits", () => {
    for (const text of ["lorem ipsum dolor sit amet ".repeat(5_000), "x".repeat(100_000), cjk(100_000)]) {
      const lines = wrap(text, font, 156);
      expect(lines).toHaveLength(TEXT_MAX_LINES);
      for (const line of lines) {
        expect(line.width).toBeLessThanOrEqual(156);
        expect(line.width).toBeCloseTo(measure(line.text, font));
      }
      expect(lines.at(-1)!.text).toMatch(/[^ ]…$/);
      // Everything before the ellipsis is the text's own beginning, in order.
      const shown = lines.map((line) => line.text).join(text.includes(" ") ? " " : "");
      expect(text.startsWith(shown.slice(0, -1))).toBe(true);
    }
  });

  it("cuts a text past TEXT_MAX_CHARACTERS even in a box wide enough for all of it", () => {
    const lines = wrap("a ".repeat(10_000), font, 1_000_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text.length).toBeLessThanOrEqual(TEXT_MAX_CHARACTERS + 1);
    expect(lines[0]!.text.endsWith("…")).toBe(true);
  });

  it("leaves a text within the budget whole, without an ellipsis", () => {
    const text = cjk(100);
    const lines = wrap(text, font, 156);
    expect(lines.length).toBeLessThan(TEXT_MAX_LINES);
    expect(lines.map((line) => line.text).join("")).toBe(text);
  });

  it("takes the same time for a CJK wall of 300 KB as for one of 30 KB", () => {
    const small = cjk(10_000);
    const large = cjk(100_000);
    wrap(small, font, 156); // warm up
    const smallMs = fastest(() => wrap(small, font, 156));
    const largeMs = fastest(() => wrap(large, font, 156));
    expect(largeMs, `${smallMs.toFixed(2)} ms → ${largeMs.toFixed(2)} ms`).toBeLessThan(Math.max(5 * smallMs, 20));
  });

  it("breaks a word of CJK and single emoji by code point, never inside a surrogate pair", () => {
    const word = `${cjk(30)}😀😀😀${cjk(30)}`;
    const lines = wrap(word, font, 100);
    expect(lines.map((line) => line.text).join("")).toBe(word);
    for (const line of lines) expect(line.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});

describe("boundMarks", () => {
  it("keeps at most 30 marks on a character (Unicode's stream-safe limit)", () => {
    const bounded = boundMarks(`a${"\u0301".repeat(100_000)}b${"\u0316".repeat(5)}`);
    expect(bounded).toBe(`a${"\u0301".repeat(MAX_MARKS_PER_CHARACTER)}b${"\u0316".repeat(5)}`);
  });

  it("leaves ordinary text alone: accents, Vietnamese, NFD Korean, families, flags, skin tones", () => {
    for (const text of [
      "Café crème",
      "Tiếng Việt",
      "\u1100\u1161\u11a8\u1102\u1161", // 각나 in conjoining jamo
      "👨‍👩‍👧‍👦 👩🏽‍❤️‍💋‍👨🏿 🇺🇦 👍🏾",
      "مرحبا שלום",
    ])
      expect(boundMarks(text)).toBe(text);
  });

  it("keeps at most four ZWJ in one emoji cluster, so a line can break the rest", () => {
    const run = Array.from({ length: 1_000 }, () => "👩").join("\u200d");
    const bounded = boundMarks(run);
    for (const cluster of graphemes(bounded)) expect(cluster.segment.split("\u200d").length).toBeLessThanOrEqual(5);
    const lines = wrap(run, font, 156);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(156);
  });
});
