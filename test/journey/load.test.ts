// The loader: typed model out, and every problem as a diagnostic at the exact line and column.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";

const MINIMAL = `journeymap: 1
title: Minimal
personas:
  - id: parent
    name: Dana
stages:
  - id: awareness
    name: Awareness
    touchpoints:
      - name: Sees an ad
        owner: growth
        emotion: 4
`;

/** The one diagnostic of a text, without the file name. */
function only(text: string | Uint8Array) {
  const { diagnostics } = loadJourney(text, { file: "map.journey.yaml" });
  expect(diagnostics, JSON.stringify(diagnostics)).toHaveLength(1);
  const { file, ...rest } = diagnostics[0]!;
  expect(file).toBe("map.journey.yaml");
  return rest;
}

describe("loading a valid map", () => {
  it("returns the typed journey with no diagnostics", () => {
    const loaded = loadJourney(readFileSync("examples/freshcart.journey.yaml"), { file: "freshcart.journey.yaml" });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey?.title).toBe("FreshCart - first grocery order");
    expect(loaded.journey?.stages.map((stage) => stage.id)).toEqual([
      "awareness",
      "consideration",
      "decision",
      "retention",
      "advocacy",
    ]);
    const slot = loaded.journey!.stages[2]!.touchpoints![0]!;
    expect(slot).toMatchObject({
      name: "Picks a delivery slot",
      owner: "app",
      emotion: 2,
      metrics: { "slot-abandon-rate": 0.31 },
    });
  });

  it("knows the source range of every element, key and value", () => {
    const { journey, source } = loadJourney(MINIMAL);
    const touchpoint = journey!.stages[0]!.touchpoints![0]!;
    expect(source.rangeOf(touchpoint)).toEqual({ line: 10, column: 9, endLine: 12, endColumn: 19 });
    expect(source.keyRangeOf(touchpoint, "owner")).toEqual({ line: 11, column: 9, endLine: 11, endColumn: 14 });
    expect(source.valueRangeOf(touchpoint, "owner")).toEqual({ line: 11, column: 16, endLine: 11, endColumn: 22 });
    expect(source.rangeOf(journey!.stages[0]!)).toEqual({ line: 7, column: 5, endLine: 12, endColumn: 19 });
    expect(source.itemRangeOf(journey!.personas, 0)).toEqual({ line: 4, column: 5, endLine: 5, endColumn: 15 });
    expect(source.rangeAt(["stages", 0, "touchpoints", 0, "emotion"])).toEqual({
      line: 12,
      column: 18,
      endLine: 12,
      endColumn: 19,
    });
  });

  it("keeps x- extension keys on every object and ignores them", () => {
    const text = MINIMAL.replace("title: Minimal", "title: Minimal\nx-jira: CX-12").replace(
      "owner: growth",
      "owner: growth\n        x-score: {a: 1}",
    );
    const loaded = loadJourney(text);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey?.["x-jira"]).toBe("CX-12");
  });

  it("keeps positions right after a byte-order mark and with CRLF line endings", () => {
    const text = "\uFEFF" + MINIMAL.replace("emotion: 4", "emotion: 9").replace(/\n/g, "\r\n");
    expect(only(Buffer.from(text, "utf8"))).toEqual({
      ruleId: "schema",
      severity: "error",
      message: "emotion must be a whole number from 1 to 5 (got 9)",
      line: 12,
      column: 18,
      endLine: 12,
      endColumn: 19,
    });
  });

  it("resolves anchors and aliases", () => {
    const text = MINIMAL.replace("      - name: Sees an ad", "      - &ad\n        name: Sees an ad").concat(
      "      - *ad\n",
    );
    const loaded = loadJourney(text);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.journey!.stages[0]!.touchpoints).toHaveLength(2);
  });
});

describe("schema messages, placed at the key, the value or the mapping", () => {
  it("an unknown key points at the key and suggests the known one", () => {
    expect(only(MINIMAL.replace("owner: growth", "ownr: growth"))).toMatchObject({
      ruleId: "schema",
      message: 'unknown key "ownr" in touchpoint (did you mean "owner"?)',
      line: 11,
      column: 9,
      endLine: 11,
      endColumn: 13,
    });
  });

  it("an unknown key with no near match lists the keys to use", () => {
    const { message } = only(MINIMAL.replace("title: Minimal", "title: Minimal\nbanana: 1"));
    expect(message).toMatch(
      /^unknown key "banana" in the map: use one of "journeymap", "id", "title", .*or start your own keys with "x-"$/,
    );
  });

  it("a missing key points at the enclosing mapping and names it", () => {
    expect(only(MINIMAL.replace("  - id: awareness\n", "  - description: x\n"))).toMatchObject({
      message: 'stage "Awareness" is missing "id"',
      line: 7,
      column: 5,
      endLine: 12,
    });
  });

  it("a missing format version says how to fix it", () => {
    expect(only(MINIMAL.replace("journeymap: 1\n", "")).message).toBe(
      'the map is missing "journeymap": add "journeymap: 1", the format version, at the top',
    );
  });

  it.each([
    ["emotion: 4", "emotion: 0", "emotion must be a whole number from 1 to 5 (got 0)"],
    [
      "emotion: 4",
      "emotion: 3.5",
      "emotion must be a whole number from 1 to 5, or a mapping from persona id to such a number (got 3.5)",
    ],
    [
      "emotion: 4",
      "emotion: happy",
      'emotion must be a whole number from 1 to 5, or a mapping from persona id to such a number (got "happy")',
    ],
    ["emotion: 4", "emotion: {parent: 6}", 'emotion of "parent" must be a whole number from 1 to 5 (got 6)'],
    ["owner: growth", "owner: [a, b]", "owner must be text (got a list)"],
    ["owner: growth", "owner:", "owner must be text (got nothing)"],
    ["journeymap: 1", "journeymap: 2", "journeymap must be 1, the format version this tool reads (got 2)"],
    [
      "id: parent",
      "id: Working Parent",
      'persona "Dana" has id "Working Parent": ids are lowercase kebab-case, like "working-parent"',
    ],
    ["name: Sees an ad", "name: ''", "name must not be empty"],
    // An id is repeated in every finding and diff entry about its element: a 400 KB one made diff take 4 GB.
    [
      "id: parent",
      `id: ${"p".repeat(101)}`,
      'persona "Dana" has an id of 101 characters: an id has at most 100, use a short kebab-case name',
    ],
  ])("%s → %s", (from, to, message) => {
    expect(only(MINIMAL.replace(from, to)).message).toBe(message);
  });

  it("a bad value points at the value", () => {
    expect(only(MINIMAL.replace("emotion: 4", "emotion: {parent: 6}"))).toMatchObject({
      line: 12,
      column: 27,
      endColumn: 28,
    });
  });

  it("an empty list of stages is refused; personas may be empty or absent (shared ones, checked by lint)", () => {
    const noPersonas = loadJourney(MINIMAL.replace("personas:\n  - id: parent\n    name: Dana\n", "personas: []\n"));
    expect(noPersonas.diagnostics).toEqual([]);
    expect(noPersonas.journey?.personas).toEqual([]);
    const absent = loadJourney(MINIMAL.replace("personas:\n  - id: parent\n    name: Dana\n", ""));
    expect(absent.diagnostics).toEqual([]);
    expect(absent.journey?.personas).toEqual([]);
    const { diagnostics } = loadJourney(MINIMAL.replace(/stages:[\s\S]*$/, "stages: []\n"));
    expect(diagnostics.map((d) => d.message)).toEqual(["stages must list at least one stage"]);
  });

  it("reports every problem of a map at once, in source order", () => {
    const text = MINIMAL.replace("owner: growth", "ownr: growth")
      .replace("emotion: 4", "emotion: 8")
      .replace("title: Minimal", "title: 5");
    const { diagnostics } = loadJourney(text);
    expect(diagnostics.map((d) => d.line)).toEqual([2, 11, 12]);
  });
});

describe("bad input is a diagnostic, never an exception", () => {
  it("an empty file", () => {
    expect(only("")).toMatchObject({
      ruleId: "schema",
      line: 1,
      column: 1,
    });
    expect(only("").message).toMatch(/^the file is empty/);
    expect(only("# only a comment\n\n").message).toMatch(/^the file is empty/);
  });

  it("a list or a scalar instead of a mapping", () => {
    expect(only("- a\n- b\n").message).toBe(
      'a journey map must be a mapping with "journeymap", "title", "personas" and "stages" (got a list)',
    );
    expect(only("just text\n").message).toMatch(/must be a mapping .*\(got "just text"\)$/);
  });

  it("YAML syntax errors, with their position", () => {
    expect(only("journeymap: 1\ntitle: [unclosed\n")).toMatchObject({ ruleId: "yaml-syntax", line: 3 });
    expect(only('journeymap: 1\ntitle: "open\n').ruleId).toBe("yaml-syntax");
  });

  it("tabs as indentation", () => {
    const found = only("journeymap: 1\npersonas:\n\t- id: a\n");
    expect(found).toMatchObject({ ruleId: "yaml-syntax", line: 3, column: 1 });
    expect(found.message).toMatch(/tab/i);
  });

  it("duplicate keys, at the second one", () => {
    expect(only(MINIMAL.replace("owner: growth", "owner: growth\n        owner: app"))).toMatchObject({
      ruleId: "yaml-syntax",
      message: 'key "owner" appears twice in this mapping: keys must be unique (the first is on line 11)',
      line: 12,
      column: 9,
    });
  });

  it("several documents in one file", () => {
    expect(only(`${MINIMAL}---\n${MINIMAL}`)).toMatchObject({
      ruleId: "yaml-syntax",
      message: "several YAML documents in one file: keep one journey map per file",
      line: 13,
      column: 1,
    });
  });

  it("an alias bomb is refused quickly", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const started = Date.now();
    const found = only(`${levels.join("\n")}\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(found.ruleId).toBe("yaml-syntax");
    expect(found.message).toMatch(/alias bomb/);
  });

  it("an alias that refers to itself", () => {
    expect(only("journeymap: 1\ntitle: &t [*t]\n").ruleId).toBe("yaml-syntax");
  });

  it("binary bytes and non-UTF-8 text, at the offending byte", () => {
    expect(only(Buffer.from([0x6a, 0x3a, 0x20, 0x31, 0x0a, 0x00, 0x01, 0x02]))).toMatchObject({
      ruleId: "yaml-syntax",
      message: "the file is binary, not a YAML journey map",
      line: 2,
      column: 1,
    });
    // Past the first 8 KB (where a binary file shows itself), a NUL is still refused, where it is.
    const late = `journeymap: 1\ntitle: T\n${"# padding\n".repeat(1000)}stages: [{id: s, name: "a\u0000b"}]\n`;
    for (const input of [late, Buffer.from(late)])
      expect(only(input)).toMatchObject({
        ruleId: "yaml-syntax",
        message:
          'the file has a NUL byte here, which YAML text cannot hold: remove it (write "\\0" in double quotes for the character)',
        line: 1003,
        column: 26,
        endColumn: 27,
      });
    expect(
      loadJourney('journeymap: 1\ntitle: "a\\0b"\npersonas: [p]\nstages: [{id: s, name: S}]\n').diagnostics,
    ).toEqual([]);
    expect(
      only(Buffer.concat([Buffer.from("journeymap: 1\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from("\n")])),
    ).toMatchObject({
      message: "the file is not valid UTF-8: save it as UTF-8 text",
      line: 2,
      column: 11,
    });
  });

  it("__proto__ and constructor keys are unknown keys, and pollute nothing", () => {
    const text = MINIMAL.replace(
      "title: Minimal",
      "title: Minimal\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}",
    );
    const { diagnostics } = loadJourney(text);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'unknown key "__proto__" in the map: use one of "journeymap", "id", "title", "description", "owner", "type", "status", "reviewed", "tags", "personas", "teams", "metrics", "lanes", "sources", "stages", or start your own keys with "x-"',
      expect.stringMatching(/^unknown key "constructor" in the map/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keys that are not plain text", () => {
    expect(only("journeymap: 1\n? [a, b]\n: c\n")).toMatchObject({
      ruleId: "yaml-syntax",
      message: "keys must be plain text",
      line: 2,
    });
  });
});

describe("a map of several megabytes", () => {
  it("loads, with positions at its end still right", async () => {
    const { generateMapOfSize } = await import("../../bench/generate.mjs");
    const text = generateMapOfSize(3 * 1024 * 1024);
    expect(text.length).toBeGreaterThan(3_000_000);
    const last = text.lastIndexOf("emotion: {");
    const broken = `${text.slice(0, last)}emotion: 11${text.slice(text.indexOf("\n", last))}`;
    const { diagnostics } = loadJourney(broken);
    const lastEmotionLine = broken.split("\n").findIndex((line) => line.includes("emotion: 11")) + 1;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      line: lastEmotionLine,
      column: 18,
      message: "emotion must be a whole number from 1 to 5 (got 11)",
    });
  });
});
