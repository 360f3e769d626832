// The import's YAML writer (src/import/map-yaml.ts) against real readers: whatever texts, numbers, lists and
// objects an imported map holds, yaml's parser (YAML 1.2, and YAML 1.1 for tools such as ajv-cli's js-yaml)
// and the map loader's fast path read back exactly the same value, key order included; and the writer keeps
// the layout authors know (block collections, sequences indented below their key, |- for lines).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFastYaml } from "../../src/journey/fast-yaml.js";
import { SourceMap } from "../../src/journey/source-map.js";
import { mapYaml } from "../../src/import/map-yaml.js";

/** Texts that probe every quoting decision: indicators, look-alikes of other types, lines, escapes. */
const TRICKY = [
  "",
  " ",
  "a ",
  " a",
  "- x",
  "-x",
  "-2+3",
  "@SUM(1+1)",
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  "a: b",
  "a:",
  "a #b",
  "#x",
  "yes",
  "No",
  "n",
  "on",
  "null",
  "~",
  "true",
  "12",
  "0x1F",
  "1_000",
  "1:30",
  ".5",
  ".inf",
  "-.INF",
  ".nan",
  "1e3",
  "2026-11-30",
  "3 rooms",
  "<<",
  "---",
  "...",
  "a\nb",
  "a\n\nb",
  "a\n",
  "a\n\n",
  "\na",
  "\n a",
  "a\n b",
  "a \nb",
  "a\n \nb",
  "\n",
  "\t",
  "a\tb",
  "a\rb",
  "a\u0085b",
  "a\u2028b",
  "\uFEFFa",
  "a\u007Fb",
  "emoji 🙂",
  "'quoted'",
  '"double"',
  "back\\slash",
  "{a}",
  "[a]",
  "*alias",
  "&anchor",
  "!tag",
  "%YAML",
  "`x`",
  "|x",
  ">x",
  "?x",
  ",x",
];

const text = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("a", " ", "\n", ":", "#", "-", "'", '"', "\t", "1", "."), maxLength: 8 }),
);
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
  ),
}));
const map = fc.dictionary(text, value, { maxKeys: 5 });

/** Object.entries order, made comparable (the readers give a plain object for each map). */
const same = (read: unknown, written: unknown) => expect(JSON.stringify(read)).toBe(JSON.stringify(written));

describe("the import's YAML writer", () => {
  it("writes what yaml (1.2 and 1.1) and the map loader's fast path read back as the same value", () => {
    fc.assert(
      fc.property(map, (written) => {
        const yaml = mapYaml(written);
        same(parse(yaml), written);
        // A YAML 1.1 reader (yes/no booleans, dates, sexagesimal numbers) reads every text as text, but for
        // y and n, which the writer leaves plain (no common tool reads them as booleans).
        if (!/"[yYnN]"/.test(JSON.stringify(written))) same(parse(yaml, { version: "1.1" }), written);
        const fast = readFastYaml(yaml, new SourceMap(yaml));
        if (fast !== undefined) {
          expect(fast.kind).toBe("value");
          if (fast.kind === "value") same(fast.value, written);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it.each(TRICKY)("%j as a value, a key and a list item", (tricky) => {
    const written = { [tricky]: tricky, list: [tricky, { text: tricky }] };
    const yaml = mapYaml(written);
    same(parse(yaml), written);
    if (!/^[yYnN]$/.test(tricky)) same(parse(yaml, { version: "1.1" }), written);
  });

  it("a key longer than YAML's 1,024 characters on a line: written after ?, read back equal", () => {
    const long = "k".repeat(2_000);
    const written = { [long]: "v", [`${long}!`]: { [long]: ["a", { [long]: 1 }] }, short: [] };
    const yaml = mapYaml(written);
    expect(yaml).toContain(`? ${long}\n: v\n`);
    same(parse(yaml), written);
    const fast = readFastYaml(yaml, new SourceMap(yaml));
    if (fast?.kind === "value") same(fast.value, written);
  });

  it("keeps the layout authors know: block collections, sequences below their key, |- for lines", () => {
    expect(
      mapYaml({
        journeymap: 1,
        title: "Hotel check-in",
        reviewed: "2026-11-30",
        stages: [
          {
            id: "arrival",
            touchpoints: [{ name: "Checks in", painPoints: ["Queue at 6 pm", "yes"], description: "One\nTwo\n" }],
            lanes: { backstage: [{ id: "lookup", text: "@lookup", servedBy: [] }], empty: {} },
          },
        ],
      }),
    ).toBe(
      [
        "journeymap: 1",
        "title: Hotel check-in",
        'reviewed: "2026-11-30"',
        "stages:",
        "  - id: arrival",
        "    touchpoints:",
        "      - name: Checks in",
        "        painPoints:",
        "          - Queue at 6 pm",
        '          - "yes"',
        "        description: |",
        "          One",
        "          Two",
        "    lanes:",
        "      backstage:",
        "        - id: lookup",
        '          text: "@lookup"',
        "          servedBy: []",
        "      empty: {}",
        "",
      ].join("\n"),
    );
  });
});
