// "Did you mean": likely typos get the known word, unrelated words get nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SUGGESTED_LENGTH, Suggester, SuggestionBudget, closest } from "../../src/journey/suggest.js";

const TOUCHPOINT_KEYS = [
  "id",
  "name",
  "channel",
  "owner",
  "personas",
  "emotion",
  "painPoints",
  "opportunities",
  "metrics",
];

describe("closest", () => {
  it.each([
    ["ownr", "owner"],
    ["titel", "title"],
    ["pain_points", "painPoints"],
    ["PainPoints", "painPoints"],
    ["emotions", "emotion"],
    ["chanel", "channel"],
  ])("%s → %s", (typo, expected) => {
    expect(closest(typo, [...TOUCHPOINT_KEYS, "title"])).toBe(expected);
  });

  it("suggests nothing for a word unlike every candidate", () => {
    expect(closest("banana", TOUCHPOINT_KEYS)).toBeUndefined();
    expect(closest("x", TOUCHPOINT_KEYS)).toBeUndefined();
  });
});

/** The plain definition: full table, every candidate, the first of the closest wins. */
function reference(word: string, candidates: readonly string[]): string | undefined {
  const normal = (text: string) => text.toLowerCase().replace(/[-_\s]/g, "");
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const target = normal(word);
  const allowed = Math.max(1, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_SUGGESTED_LENGTH) continue;
    const d = distance(target, normal(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= allowed ? best : undefined;
}

describe("suggestions within a budget", () => {
  it("gives the answer of the plain definition: the first of the closest candidates", () => {
    const letters = fc.stringMatching(/^[abc_-]{0,9}$/);
    fc.assert(
      fc.property(letters, fc.array(letters, { maxLength: 12 }), (word, candidates) => {
        expect(closest(word, candidates)).toBe(reference(word, candidates));
      }),
      { numRuns: 2000, seed: 19 },
    );
  });

  it("suggests among thousands of candidates (no cap on their number any more)", () => {
    const personas = Array.from({ length: 2000 }, (_, i) => `persona-${String(i).padStart(4, "0")}`);
    expect(closest("persona-x1234", personas)).toBe("persona-1234");
    expect(closest("persona-1243", personas)).toBe("persona-1243");
  });

  it("answers a word asked again from memory, at no cost", () => {
    const budget = new SuggestionBudget(2_000);
    const suggester = new Suggester(["owner", "channel", "emotion"], budget);
    expect(suggester.closest("ownr")).toBe("owner");
    for (let i = 0; i < 10_000; i++) expect(suggester.closest("ownr")).toBe("owner");
    expect(budget.spent).toBe(false);
  });

  it("stops suggesting once the run's budget is spent, at the same word every time", () => {
    const answers = () => {
      const teams = Array.from({ length: 50 }, (_, i) => `team-${i}`);
      const suggester = new Suggester(teams, new SuggestionBudget(3_000));
      return Array.from({ length: 50 }, (_, i) => suggester.closest(`tem-${i}`));
    };
    const first = answers();
    expect(first).toEqual(answers());
    const stop = first.indexOf(undefined);
    expect(stop).toBeGreaterThan(0);
    expect(first.slice(stop).every((answer) => answer === undefined)).toBe(true);
  });
});
