// The loader on hostile and odd YAML: nesting, aliases, duplicate keys, tags, encodings, line endings,
// each a diagnostic at the right place with a message that says what to do, in linear time.
import { describe, expect, it } from "vitest";
import { loadJourney, MAX_ALIAS_EXPANSION, MAX_DEPTH } from "../../src/journey/load.js";
import { closest } from "../../src/journey/suggest.js";

const HEAD = "journeymap: 1\ntitle: T\n";
const withTouchpoint = (touchpoint: string) =>
  `${HEAD}personas: [{id: a, name: A}]\nstages: [{id: s, name: S, touchpoints: [${touchpoint}]}]\n`;
const VALID = withTouchpoint("{name: n}");

/** The diagnostics of a text as "line:column message". */
function found(text: string | Uint8Array): string[] {
  return loadJourney(text, { file: "map.journey.yaml" }).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const TOO_DEEP = `nested too deeply (more than ${MAX_DEPTH} levels): a journey map needs a handful, flatten this part`;

describe("deep nesting is refused at its position, never a stack overflow", () => {
  it.each([1_000, 500_000])("%i flow brackets", (levels) => {
    const { value, ms } = timed(() => found(`${HEAD}x-a: ${"[".repeat(levels)}${"]".repeat(levels)}\n`));
    // The 65th bracket: "x-a: " is 5 characters, so column 6 + 64.
    expect(value).toEqual([`3:${6 + MAX_DEPTH} ${TOO_DEEP}`]);
    expect(ms).toBeLessThan(1500);
  });

  it("flow mappings, and brackets inside quotes and comments do not count", () => {
    const quoted = `${HEAD}x-a: "${"[".repeat(200)}"\nx-b: 1 # ${"{".repeat(200)}\npersonas: [{id: a, name: A}]\nstages: [{id: s, name: S}]\n`;
    expect(found(quoted)).toEqual([]);
    expect(found(`${HEAD}x-a: ${"{a: ".repeat(100)}1${"}".repeat(100)}\n`)).toEqual([
      `3:${6 + 4 * MAX_DEPTH} ${TOO_DEEP}`,
    ]);
  });

  it("a block scalar full of brackets is text, not nesting", () => {
    const text = `${VALID.replace("title: T", `title: T\ndescription: |\n  ${"[".repeat(300)}\n  - - - - -`)}`;
    expect(found(text)).toEqual([]);
  });

  it("nesting by indentation and compact sequences", () => {
    const indented = `${HEAD}x-a:\n${Array.from({ length: 200 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")} x\n`;
    expect(found(indented)).toEqual([`${3 + MAX_DEPTH}:${MAX_DEPTH + 1} ${TOO_DEEP}`]);
    const compact = `${HEAD}x-a:\n  ${"- ".repeat(100_000)}x\n`;
    const { value, ms } = timed(() => found(compact));
    expect(value).toEqual([`4:${3 + 2 * MAX_DEPTH} ${TOO_DEEP}`]);
    expect(ms).toBeLessThan(1500);
  });

  // yaml's parser recurses once for each level a line closes: ~2,000 levels closed by one line overflowed.
  it.each([
    ["keys", (i: number) => `${" ".repeat(i + 1)}k${i}:`, 1_900, `${3 + MAX_DEPTH}:${MAX_DEPTH + 1}`],
    [
      "keys in lists",
      (i: number) => `${" ".repeat(2 * i + 1)}- k${i}:`,
      1_000,
      `${3 + MAX_DEPTH / 2}:${MAX_DEPTH + 2}`,
    ],
  ])("%s nested by indentation and closed by one line", (_, line, levels, at) => {
    const deep = `${HEAD}x-a:\n${Array.from({ length: levels }, (_, i) => line(i)).join("\n")} x\nx-b: 1\n`;
    const { value, ms } = timed(() => found(deep));
    expect(value).toEqual([`${at} ${TOO_DEEP}`]);
    expect(ms).toBeLessThan(1500);
  });

  it("text over many lines, each indented one more, is text however far it goes", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i + 2)}w${i}`).join("\n");
    const loaded = loadJourney(`${VALID.replace("title: T", `title: T\ndescription: w\n${lines}`)}`);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey?.description).toBe(["w", ...Array.from({ length: 300 }, (_, i) => `w${i}`)].join(" "));
  });

  it("text indented that far, then nesting deeper still: refused, never a stack overflow", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i + 2)}w${i}`).join("\n");
    const keys = Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n");
    const deep = `${HEAD}description: w\n${lines}\nx-a:\n${keys} x\nx-b: 1\n`;
    expect(found(deep)).toEqual([`${304 + MAX_DEPTH}:${MAX_DEPTH + 1} ${TOO_DEEP}`]);
  });

  it(`${MAX_DEPTH} levels are fine`, () => {
    const levels = MAX_DEPTH - 1; // the map itself is the first level
    expect(found(`${VALID}x-a: ${"[".repeat(levels)}${"]".repeat(levels)}\n`)).toEqual([]);
  });
});

describe("aliases", () => {
  it("an alias reuses its anchor's value: fan-out is linear, and bounded", () => {
    const list = `[${Array(1000).fill("text").join(", ")}]`;
    const text = `${VALID}x-a: &a ${list}\nx-b: [${Array(150).fill("*a").join(", ")}]\n`;
    const { value, ms } = timed(() => found(text));
    expect(value).toEqual([]);
    expect(ms).toBeLessThan(1000);
    const bomb = `${VALID}x-a: &a ${list}\nx-b: [${Array(5_000).fill("*a").join(", ")}]\n`;
    const refused = timed(() => found(bomb));
    expect(refused.value).toEqual([
      expect.stringMatching(
        new RegExp(
          `^6:\\d+ aliases expand to more than ${MAX_ALIAS_EXPANSION} values and characters: this looks like an alias bomb$`,
        ),
      ),
    ]);
    expect(refused.ms).toBeLessThan(2000);
  });

  it("a long text repeated by aliases counts its characters", () => {
    const text = `${VALID}x-a: &a ${"y".repeat(100_000)}\nx-b: [${Array(20).fill("*a").join(", ")}]\n`;
    expect(found(text)).toEqual([expect.stringMatching(/^6:\d+ aliases expand to more than/)]);
  });

  it("an alias to an anchor defined later, or never, names the anchor to define", () => {
    expect(found(`${VALID}x-a: *later\nx-b: &later 1\n`)).toEqual([
      '5:6 unknown alias "*later": define "&later" before it',
    ]);
  });

  it("an anchor redefined later: each alias takes the latest one before it, as YAML says", () => {
    const loaded = loadJourney(`${VALID}x-a: &n 1\nx-b: *n\nx-c: &n 2\nx-d: *n\n`);
    expect(loaded.diagnostics).toEqual([]);
    expect([loaded.journey?.["x-b"], loaded.journey?.["x-d"]]).toEqual([1, 2]);
  });

  it("an anchored key can be reused as a value", () => {
    const loaded = loadJourney(`${VALID}&k x-a: 1\nx-b: *k\n`);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey?.["x-b"]).toBe("x-a");
  });
});

describe("duplicate keys, checked in linear time", () => {
  it('metric keys 1 and "1" are the same key: reported, not collapsed', () => {
    expect(found(withTouchpoint('{name: n, metrics: {1: 2, "1": 3}}'))).toEqual([
      '4:67 key "1" appears twice in this mapping: keys must be unique (the first is on line 4)',
    ]);
  });

  it("numbers keep the key as written: 1.0 and 1 are two metrics", () => {
    const loaded = loadJourney(withTouchpoint("{name: n, metrics: {1.0: 2, 1: 3, true: 4, null: 5, 0x10: 6}}"));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey!.stages[0]!.touchpoints![0]!.metrics).toEqual({
      "1.0": 2,
      "1": 3,
      true: 4,
      null: 5,
      "0x10": 6,
    });
  });

  it("every duplicate is reported, with control characters in the key escaped", () => {
    expect(found(`${VALID}"x-\\e[2J": 1\n"x-\\e[2J": 2\nstages: []\n`)).toEqual([
      '6:1 key "x-\\u001b[2J" appears twice in this mapping: keys must be unique (the first is on line 5)',
      '7:1 key "stages" appears twice in this mapping: keys must be unique (the first is on line 4)',
    ]);
  });

  it("30,000 keys in one mapping load in well under a second or two", () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `  k${i}: 1`).join("\n");
    const { value, ms } = timed(() => found(`${VALID}x-a:\n${keys}\n  k7: 2\n`));
    expect(value).toEqual([
      '30006:3 key "k7" appears twice in this mapping: keys must be unique (the first is on line 13)',
    ]);
    expect(ms).toBeLessThan(15_000); // the old pairwise check took 23 s; loose: the machine is shared
  });

  it("30,000 unknown keys: one message each, found in linear time", () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `zz${i}: 1`).join("\n");
    const { value, ms } = timed(() => found(`${VALID}${keys}\n`));
    expect(value).toHaveLength(30_000);
    expect(value[29_999]).toMatch(/^30004:1 unknown key "zz29999" in the map: use one of/);
    expect(ms).toBeLessThan(15_000);
  });
});

describe("tags", () => {
  it.each([
    ["!!binary aGVsbG8=", "tag !!binary is not allowed in a journey map: write plain text"],
    ["!!timestamp 2001-12-14", "tag !!timestamp is not allowed in a journey map: write plain text"],
    ["!!omap [a: 1]", "tag !!omap is not allowed in a journey map: write plain text"],
    ["!!set {a}", "tag !!set is not allowed in a journey map: write plain text"],
    ["!!pairs [a: 1]", "tag !!pairs is not allowed in a journey map: write plain text"],
    ["!!float 3", "tag !!float is not allowed in a journey map: write the number without a tag"],
    ["!custom thing", "tag !custom is not allowed in a journey map: write plain text"],
    ["&x !!binary aGVsbG8=", "tag !!binary is not allowed in a journey map: write plain text"],
  ])("%s", (value, message) => {
    const column = value.indexOf("!") + 1 + "        channel: ".length;
    const text = `${HEAD}personas: [{id: a, name: A}]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - name: n\n        channel: ${value}\n`;
    expect(found(text)).toEqual([`9:${column} ${message}`]);
  });

  it("YAML's plain types written out change nothing", () => {
    const loaded = loadJourney(
      withTouchpoint("{name: !!str 12, emotion: !!int 4, channel: !<tag:yaml.org,2002:str> web}"),
    );
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey!.stages[0]!.touchpoints![0]).toEqual({ name: "12", emotion: 4, channel: "web" });
  });

  it("a tag on a key", () => {
    expect(found(`${VALID}!!binary x-a: 1\n`)).toEqual([
      "5:1 tag !!binary is not allowed in a journey map: write plain text",
    ]);
  });
});

describe("merge keys and odd scalars", () => {
  it('"<<" is named as a merge key, with what to do instead', () => {
    expect(found(withTouchpoint("{<<: {name: n}}"))).toEqual([
      '4:42 merge keys ("<<") are not part of a journey map: write the keys out, or reuse the whole mapping with an alias',
    ]);
  });

  it(".nan, .inf and huge numbers are not emotion scores or metrics", () => {
    expect(found(withTouchpoint("{name: n, emotion: .nan, metrics: {a: .inf, b: 1e400}}"))).toEqual([
      "4:60 emotion must be a whole number from 1 to 5, or a mapping from persona id to such a number (got NaN)",
      '4:79 metric "a" must be a number or text or a mapping (got Infinity)',
      '4:88 metric "b" must be a number or text or a mapping (got Infinity)',
    ]);
  });
});

describe("encodings and line endings", () => {
  const map = `${HEAD}personas: [{id: a, name: A}]\nstages: [{id: s, name: S}]\n`;

  it.each([
    ["UTF-16 (little-endian)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(map, "utf16le")])],
    ["UTF-16 (big-endian)", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(map, "utf16le").swap16()])],
    ["UTF-16 (little-endian)", Buffer.from(map, "utf16le")],
    ["UTF-32 (little-endian)", Buffer.from([0xff, 0xfe, 0, 0, 0x6a, 0, 0, 0])],
  ])("%s is named, with the fix", (name, bytes) => {
    expect(found(bytes)).toEqual([`1:1 the file is ${name}: save it as UTF-8`]);
  });

  it("CR-only line endings are line breaks, and positions count them", () => {
    expect(found(map.replace(/\n/g, "\r"))).toEqual([]);
    const broken = map.replace("name: A", "name: A, colour: x").replace(/\n/g, "\r");
    expect(found(broken)).toEqual(['3:29 unknown key "colour" in persona (did you mean "color"?)']);
  });
});

describe("the suggestion is bounded", () => {
  it("no suggestion for very long words or very many candidates, and quickly", () => {
    expect(closest(`${"a".repeat(100_000)}`, ["owner"])).toBeUndefined();
    expect(
      closest(
        "ownr",
        Array.from({ length: 10_000 }, (_, i) => `owner${i}`),
      ),
    ).toBeUndefined();
    expect(closest(`owner${"x".repeat(60)}`, [`owner${"x".repeat(59)}`])).toBeUndefined();
    expect(closest(`owner${"x".repeat(50)}`, [`owner${"x".repeat(49)}`])).toBe(`owner${"x".repeat(49)}`);
  });

  it("2,000 long unknown keys are reported in linear time", () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${"a".repeat(500)}${i}: 1`).join("\n");
    const { value, ms } = timed(() => found(`${VALID}${keys}\n`));
    expect(value).toHaveLength(2000);
    expect(ms).toBeLessThan(2000);
  });
});
