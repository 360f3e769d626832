// Property tests of the loader's two YAML paths: on maps mutated at random and on values that yaml
// writes in every style, whenever the fast path (src/journey/fast-yaml.ts) reads a text it gives what
// yaml's composer gives: the same value (key order included), positions, comments and refusals.
// Seeded and reproducible: FUZZ_SEED picks the seed, FUZZ_RUNS the cases per property (npm run fuzz).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify, type ToStringOptions } from "yaml";
import { describe, expect, it } from "vitest";
import { HANDED_OVER, SNIPPETS, agrees } from "../helpers/loader-paths.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/** Both paths are cheap: ten times the cases. */
const settings = { numRuns: RUNS * 10, seed: SEED, endOnFailure: true };
/** The time a property may take: about 10 ms a case on a loaded machine. */
const LONG = Math.max(60_000, settings.numRuns * 10);

function mapsBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return mapsBelow(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const MAPS = [...mapsBelow("examples"), ...mapsBelow("test/fixtures")].map((path) => readFileSync(path, "utf8"));

describe("the fast path agrees with yaml's composer", () => {
  const pool = [...MAPS, ...SNIPPETS, ...HANDED_OVER];
  const pieces = [
    ...": -#'\"[]{},&*|>!?%@`\n\t\r\n".split(""),
    "\r\n",
    ": ",
    "- ",
    " #",
    "  ",
    "---\n",
    "...\n",
    "\n  ",
    "\n    ",
    "&a ",
    "*a",
    "|\n",
    ">-\n",
    "\\",
    "\\u00e9",
    "''",
    "\ufeff",
    "0o7",
    "1e3",
    "~",
  ];
  const edit = fc.tuple(fc.nat(), fc.constantFrom(...pieces), fc.nat({ max: 3 }));
  const mutated = fc
    .tuple(fc.constantFrom(...pool), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) =>
      edits.reduce((current, [at, piece, removed]) => {
        const position = at % (current.length + 1);
        return current.slice(0, position) + piece + current.slice(position + removed);
      }, text),
    );

  it(
    "on mutated maps",
    () => {
      let read = 0;
      fc.assert(
        fc.property(mutated, (text) => {
          if (agrees(text)) read++;
        }),
        settings,
      );
      // The mutations must leave plenty for the fast path, or this would test nothing.
      expect(read).toBeGreaterThan(settings.numRuns / 8);
    },
    LONG,
  );

  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom("", " x", "x ", "a: b", "a #b", "- x", "#x", "'", '"', "\\", "null", "~", "1", "0o7", "-0", "1.0"),
    fc.constantFrom("12", "0x1F", ".inf", "true", "é", "a\nb", "a\n\nb\n", "  lead", "trail  \n", "\u2028"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("mapping")),
    list: fc.array(tie("node"), { maxLength: 4 }),
    mapping: fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("1", "true", "a b", "x:y")),
      tie("node"),
      {
        maxKeys: 4,
      },
    ),
  })).mapping;
  const options = fc.record({
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 80),
    minContentWidth: fc.constantFrom(0, 20),
    defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
    defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
    collectionStyle: fc.constantFrom("any", "block", "flow"),
    flowCollectionPadding: fc.boolean(),
  });

  it(
    "on values written by yaml in every style",
    () => {
      let read = 0;
      fc.assert(
        fc.property(value, options, (tree, style) => {
          const text = stringify(tree, style as ToStringOptions);
          if (agrees(text)) read++;
        }),
        settings,
      );
      expect(read).toBeGreaterThan(settings.numRuns / 3);
    },
    LONG,
  );
});
