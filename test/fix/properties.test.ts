// Properties of fixMap over generated maps with hostile names: the result loads clean, fixing twice is
// fixing once, only fixed lines change, and removing disable comments never unsuppresses a finding.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixMap } from "../../src/lint/fix/index.js";
import { loadJourney } from "../../src/journey/load.js";
import { resolveConfig } from "../../src/lint/config.js";
import { lintJourney } from "../../src/lint/engine.js";

const TEAMS = ["growth", "app", "web-a", "web-b", "support"];
const PERSONAS = ["parent", "student"];
const RULES = [
  "touchpoint-owner",
  "missing-channel",
  "missing-emotion",
  "unknown-owner",
  "emotion-dip",
  "tuochpoint-owner",
];

/** Names as a hostile pull request writes them: quotes, colons, "#", unicode, control characters. */
const name = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  fc.constantFrom(
    'He said "no": # twice',
    "Crème brûlée",
    "🙂",
    "2024",
    "null",
    "a\tb",
    "x\u202ey",
    "-",
    "' ",
    "id: a, ",
  ),
);
/** A declared id, or a one-edit typo of one, or something unrelated. */
const reference = (ids: string[]) =>
  fc.oneof(
    fc.constantFrom(...ids),
    fc.tuple(fc.constantFrom(...ids), fc.nat(), fc.constantFrom("", "x", "-")).map(([id, at, letter]) => {
      const i = at % id.length;
      return id.slice(0, i) + letter + id.slice(i + 1);
    }),
    fc.constantFrom("nobody", "Growth", "gro wth"),
  );

const touchpoint = fc.record({
  name,
  flow: fc.boolean(),
  owner: fc.option(reference(TEAMS), { nil: undefined }),
  personas: fc.option(fc.array(reference(PERSONAS), { maxLength: 2 }), { nil: undefined }),
  emotion: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  comment: fc.option(fc.tuple(fc.constantFrom("next-line", "line", "nextline"), fc.subarray(RULES, { maxLength: 3 })), {
    nil: undefined,
  }),
});

function mapOf(touchpoints: Array<typeof touchpoint extends fc.Arbitrary<infer T> ? T : never>): string {
  const lines = [
    "# a journey map",
    "journeymap: 1",
    "title: Generated",
    "personas:",
    ...PERSONAS.flatMap((id) => [`  - id: ${id}`, `    name: ${id}`]),
    "teams:",
    ...TEAMS.map((id) => `  - id: ${id}`),
    "stages:",
    "  - id: awareness",
    "    name: Awareness",
    "    touchpoints:",
  ];
  for (const t of touchpoints) {
    const fields: Array<[string, string]> = [["name", JSON.stringify(t.name)]];
    if (t.owner !== undefined) fields.push(["owner", JSON.stringify(t.owner)]);
    if (t.personas !== undefined) fields.push(["personas", `[${t.personas.map((p) => JSON.stringify(p)).join(", ")}]`]);
    if (t.emotion !== undefined) fields.push(["emotion", String(t.emotion)]);
    const directive = t.comment ? `# journeymap-disable-${t.comment[0]} ${t.comment[1].join(", ")}` : undefined;
    if (directive && t.comment![0] !== "line") lines.push(`      ${directive}`);
    const trailing = directive && t.comment![0] === "line" ? `  ${directive}` : "";
    if (t.flow) lines.push(`      - {${fields.map(([k, v]) => `${k}: ${v}`).join(", ")}}${trailing}`);
    else
      fields.forEach(([key, value], i) =>
        lines.push(`${i === 0 ? "      - " : "        "}${key}: ${value}${i === 0 ? trailing : ""}`),
      );
  }
  return `${lines.join("\n")}\n`;
}

const maps = fc.array(touchpoint, { minLength: 1, maxLength: 8 }).map(mapOf);
const without = (findings: ReturnType<typeof lintJourney>, ruleIds: string[]) =>
  findings
    .filter((finding) => !ruleIds.includes(finding.ruleId))
    .map(({ ruleId, message }) => `${ruleId}: ${message}`)
    .sort();

describe("fixMap properties", () => {
  it("gives a map that loads clean, needs no second fixing, and has every touchpoint id", () => {
    fc.assert(
      fc.property(maps, (text) => {
        expect(loadJourney(text).diagnostics).toEqual([]);
        const fixed = fixMap(text).text;
        const loaded = loadJourney(fixed);
        expect(loaded.diagnostics).toEqual([]);
        expect(fixMap(fixed)).toEqual({ text: fixed, fixes: [] });
        // A touchpoint keeps no id only where a disable-line comment on its first line would move.
        const lines = fixed.split("\n");
        const touchpoints = loaded.journey!.stages.flatMap((stage) => stage.touchpoints ?? []);
        for (const t of touchpoints)
          if (t.id === undefined)
            expect(lines[loaded.source.rangeOf(t)!.line - 1]).toContain("journeymap-disable-line");
        const ids = touchpoints.flatMap((t) => (t.id === undefined ? [] : [t.id]));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 60 },
    );
  });

  it("changes only fixed lines: without the inserted ids, the corrected references and the removed comments, the text is the input", () => {
    fc.assert(
      fc.property(maps, (text) => {
        const fixed = fixMap(text).text;
        const undone = fixed.replace(/^( {6}- \{?)id: (?:[a-z0-9-]+|"[a-z0-9-]+")(?:\n {8}|, )/gm, "$1").split("\n");
        const original = text.split("\n");
        // Every line no fix may touch is still there, unchanged and in order; every other line of the
        // result is an original line with a reference corrected or a disable comment cut.
        const fixable = (line: string) => /journeymap-|owner: |personas: |\{/.test(line);
        let at = 0;
        for (const line of original.filter((line) => !fixable(line))) {
          while (at < undone.length && undone[at] !== line) {
            const changed = undone[at]!;
            expect(fixable(changed) || original.some((o) => fixable(o) && o.startsWith(changed.trimEnd()))).toBe(true);
            at++;
          }
          expect(undone[at]).toBe(line);
          at++;
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never unsuppresses a finding and leaves no fixable unused comment", () => {
    fc.assert(
      fc.property(maps, (text) => {
        // Only comment removals and ids: references stay, so findings compare one to one.
        const config = { rules: { "unknown-owner": "off", "unknown-persona": "off" } } as const;
        const before = lintJourney(text, config);
        const fixed = fixMap(text, { config: resolveConfig(config) }).text;
        const after = lintJourney(fixed, config);
        expect(without(after, ["unused-disable"])).toEqual(without(before, ["unused-disable"]));
        for (const finding of after.filter((f) => f.ruleId === "unused-disable"))
          expect(finding.message).toMatch(/unknown (rule|comment directive)/);
      }),
      { numRuns: 60 },
    );
  });
});
