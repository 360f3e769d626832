// The loader's two YAML paths side by side: the fast path (src/journey/fast-yaml.ts) must give what
// yaml's composer (compose-yaml.ts) gives whenever it reads a text at all.
import { expect } from "vitest";
import { readFastYaml } from "../../src/journey/fast-yaml.js";
import { composeYaml } from "../../src/journey/compose-yaml.js";
import { SourceMap } from "../../src/journey/source-map.js";
import { parseDirectives } from "../../src/lint/suppressions.js";

/** Every position the source map knows, element by element, in a stable order. */
function positions(value: unknown, source: SourceMap): unknown[] {
  const found: unknown[] = [];
  const seen = new Set<object>();
  const visit = (element: unknown, path: string) => {
    if (typeof element !== "object" || element === null || seen.has(element)) return;
    seen.add(element);
    found.push([path, source.rangeOf(element)]);
    if (Array.isArray(element)) {
      element.forEach((item, index) => {
        found.push([`${path}/${index}`, source.itemRangeOf(element, index)]);
        visit(item, `${path}/${index}`);
      });
    } else {
      for (const [key, item] of Object.entries(element)) {
        found.push([`${path}/${key}:key`, source.keyRangeOf(element, key)]);
        found.push([`${path}/${key}`, source.valueRangeOf(element, key)]);
        visit(item, `${path}/${key}`);
      }
    }
  };
  visit(value, "");
  return found;
}

/** What a path gives, in a form `toEqual` compares fully (key order and -0 included). */
function outcomeOf(text: string, read: typeof composeYaml) {
  const source = new SourceMap(text);
  const outcome = read(text, source);
  if (!outcome) return undefined;
  if (outcome.kind !== "value") return { kind: outcome.kind, outcome };
  return {
    kind: outcome.kind,
    value: outcome.value,
    keys: JSON.stringify(outcome.value, (_key, item: unknown) =>
      typeof item === "object" && item !== null && !Array.isArray(item) ? Object.entries(item) : item,
    ),
    positions: positions(outcome.value, source),
  };
}

/** Checks one text; true when the fast path read it. */
export function agrees(text: string): boolean {
  const fast = outcomeOf(text, readFastYaml as typeof composeYaml);
  if (fast === undefined) return false;
  const full = outcomeOf(text, composeYaml);
  expect(fast, JSON.stringify(text)).toEqual(full);
  // The comments the fast path found are the ones yaml's lexer finds.
  const outcome = readFastYaml(text, new SourceMap(text));
  if (outcome?.kind === "value" && text.includes("journeymap-"))
    expect(parseDirectives(text, outcome.comments)).toEqual(parseDirectives(text));
  return true;
}

/** Texts that exercise each form the fast path reads, and the edges where it must hand over. */
export const SNIPPETS = [
  "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e, 'f': 2, \"g\": null}\n",
  "--- # a document\nlist:\n- a\n- b\nnext: ~\n",
  "key:   spaced value   # comment\nother: 'it''s'\nthird: \"tab\\tand \\u00e9 \\x41 \\U0001F600\"\n",
  "literal: |\n  line one\n\n  line three\n    indented\nfolded: >-\n  folded\n  text\n\n  para\nkeep: |-\n  x\n",
  "anchors:\n  - &a {x: 1}\n  - *a\n  - &b\n    y: 2\n  - *b\nalias: *a\n",
  "flow: [a, [b, c], {d: [e]}, ]\nmultiline: [a,\n  b, # note\n  c]\n",
  "numbers: [0o17, 0x1F, -0, +12, 1.50, .5, 1e3, -.inf, .NaN, 12abc, 1_000]\nbools: [true, False, TRUE, yes, no, on]\n",
  "nulls: [~, null, Null, NULL, nil]\nempty:\nquoted empty: ''\n",
  "  indented: root\n  second: key\n",
  "crlf: yes\r\nlist:\r\n  - a\r\n  - b # c\r\nblock: |\r\n  x\r\n  y\r\n",
  "\"quoted key\": 1\n'single key' : 2\nplain key with spaces  : 3\n",
  "a:\n  b:\n    c:\n      - d: 1\n        e: 2\n      - f\n",
  "# journeymap-disable-file missing-channel\nx: 1 # journeymap-disable-line touchpoint-owner\ny: '# not a comment'\n",
  "weird: a:b\nhash: a#b\ncolon: 'a: b'\nurl: http://example.com/path?x=1#frag\n",
  "unicode: héllo \u2028 \u0085 \u00a0 wörld\nemoji: 🎉\n",
  "__proto__: {x: 1}\nconstructor: 2\n",
  "alias: *nowhere\n",
  "self: &s [*s]\n",
  "list:\n  -   a: 1\n      b: 2\n  # between\n      # deeper\n  -    c\n",
  "block: |\n  text\n# at the left\nnext: >\n    four\n    spaces\n\n\n# comment\nlast: x\n",
  "flow: {a: [1,\n     2],\n  b: 3}\nroot: [\n  x\n  ]\n",
  "key with trailing spaces   :    value\n",
  "- a\n- [b, c]\n- {d: e}\n- 'f'\n- |\n  g\n- *x\n",
  'json: {"a":1,"b":[true,false,null]}\n',
  "a: &x 1\nb: *x\nc: &x two\nd: *x\n",
  "deep: {a: {b: {c: {d: [e, {f: g}]}}}}\n",
  "spaces: [ a , b ,c ]\nmap: { a : 1 , b: 2 }\n",
  "-5: negative key\n.5: dot key\n?x: question key\n:y: colon key\n",
];

/** Texts the fast path hands to the composer, which has the words for them. */
export const HANDED_OVER = [
  "dup: 1\ndup: 2\n",
  "<<: {a: 1}\n",
  "tagged: !!str 1\n",
  "%YAML 1.2\n---\na: 1\n",
  "a: 1\n---\nb: 2\n",
  "a: b: c\n",
  "a:\n  - b\n  c: d\n",
  "multi: plain\n  continued\n",
  'multi: "quoted\n  continued"\n',
  "a: [b\nc: d\n",
  "a: |\n    over\n  under\n",
  "? complex\n: key\n",
  "- - nested\n",
  "&anchor key: value\n",
  "a: 1\n\tb: 2\n",
  "'q':'no space after the colon, in a block'\n",
  "block: |\n    text\n  # a comment between the text's indent and its key's\nlast: x\n",
  "a: 1\rb: 2\n",
];
