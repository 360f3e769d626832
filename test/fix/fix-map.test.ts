// fixMap on hand-written before/after maps (byte-exact), and the cases where a fix must hold back.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadJourney } from "../../src/journey/load.js";
import { resolveConfig } from "../../src/lint/config.js";
import { lintJourney } from "../../src/lint/engine.js";
import { fixMap } from "../../src/lint/fix/index.js";

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");

/** A map around the given touchpoint lines (written at the touchpoints' indentation). */
function mapWith(touchpoints: string, head = ""): string {
  return `journeymap: 1\ntitle: T\npersonas:\n  - id: parent\n    name: Dana\n${head}stages:\n  - id: awareness\n    name: Awareness\n    touchpoints:\n${touchpoints}`;
}

describe("fixMap on fixture pairs", () => {
  for (const name of ["ids", "disable-comments", "references"]) {
    it(`${name}: gives the hand-written result, which loads clean and needs no more fixing`, () => {
      const before = fixture(`${name}.journey.yaml`);
      const after = fixture(`${name}.fixed.journey.yaml`);
      const result = fixMap(before, { file: `${name}.journey.yaml` });
      expect(result.text).toBe(after);
      expect(loadJourney(result.text).diagnostics).toEqual([]);
      expect(fixMap(after)).toEqual({ text: after, fixes: [] });
    });
  }

  it("says what it fixed, where it was in the input, in source order", () => {
    expect(fixMap(fixture("references.journey.yaml")).fixes).toEqual([
      {
        fixId: "unknown-owner",
        message: 'owner "grwoth" → "growth", the declared team one edit away',
        line: 20,
        column: 16,
      },
      {
        fixId: "unknown-persona",
        message: 'persona "parnet" → "parent", the declared persona one edit away',
        line: 21,
        column: 20,
      },
      { fixId: "unknown-owner", message: 'owner "ap" → "app", the declared team one edit away', line: 26, column: 16 },
      {
        fixId: "unknown-persona",
        message: 'persona "studnt" → "student", the declared persona one edit away',
        line: 28,
        column: 19,
      },
      {
        fixId: "unknown-persona",
        message: 'persona "parnt" → "parent", the declared persona one edit away',
        line: 33,
        column: 20,
      },
    ]);
  });

  it("reports positions in the input even after earlier steps moved lines", () => {
    const text = mapWith(
      "      - name: A\n        channel: web\n        emotion: 3\n        owner: x\n" +
        "      # journeymap-disable-next-line missing-channel\n      - id: b\n        name: B\n        channel: web\n        emotion: 3\n        owner: x\n",
    );
    const { fixes } = fixMap(text);
    expect(fixes.map(({ fixId, line, column }) => [fixId, line, column])).toEqual([
      ["touchpoint-id", 10, 9],
      ["unused-disable", 14, 1],
    ]);
  });
});

describe("fixMap holds back", () => {
  it("returns a map with a YAML or schema error as it is", () => {
    for (const text of ["journeymap: 1\ntitle: [\n", mapWith("      - name: A\n        owner: 3\n")]) {
      const result = fixMap(text);
      expect(result.text).toBe(text);
      expect(result.fixes).toEqual([]);
    }
  });

  it("follows the configuration: a rule that is off is not fixed, touchpoint ids are always added", () => {
    const text = mapWith(
      "      # journeymap-disable-next-line missing-channel\n      - name: A\n        channel: web\n",
    );
    const config = resolveConfig({ rules: { "unused-disable": "off" } });
    expect(fixMap(text, { config }).text).toBe(
      mapWith(
        "      # journeymap-disable-next-line missing-channel\n      - id: a\n        name: A\n        channel: web\n",
      ),
    );
  });

  it("does not fix a reference whose finding a comment suppresses, and keeps that comment", () => {
    const text = mapWith(
      "      - id: a\n        name: A\n        owner: ap # journeymap-disable-line unknown-owner -- a partner\n",
      "teams:\n  - id: app\n",
    );
    expect(fixMap(text)).toEqual({ text, fixes: [] });
  });

  it("leaves a touchpoint shared through an alias alone (one edit would give two touchpoints one id)", () => {
    const text = mapWith("      - &shared\n        name: A\n      - *shared\n");
    expect(fixMap(text)).toEqual({ text, fixes: [] });
  });

  it("does not move a suppressed line: a first key other than name on a line a comment targets", () => {
    const text = mapWith(
      "      # journeymap-disable-next-line unknown-owner\n      - owner: ap\n        name: A\n",
      "teams:\n  - id: growth\n",
    );
    const result = fixMap(text);
    expect(result.text).toBe(text);
    expect(lintJourney(result.text).filter((finding) => finding.ruleId === "unknown-owner")).toEqual([]);
  });

  it("leaves a first key with an anchor before it or an explicit key alone, not a tag on its own line", () => {
    for (const touchpoint of ["      - ? name\n        : A\n", "      - &first name: A\n"]) {
      const text = mapWith(touchpoint);
      expect(loadJourney(text).diagnostics).toEqual([]);
      expect(fixMap(text).text).toBe(text);
    }
    expect(fixMap(mapWith("      - !!map\n        name: A\n")).text).toBe(
      mapWith("      - !!map\n        id: a\n        name: A\n"),
    );
  });

  it("does not correct to an id already in the list or the emotion mapping", () => {
    const text = mapWith("      - id: a\n        name: A\n        personas: [parnet, paretn]\n");
    // Both typos are one edit from "parent": the first is corrected, the second would repeat it.
    expect(fixMap(text).text).toContain("personas: [parent, paretn]");
  });
});

describe("fixMap keeps the file's bytes", () => {
  it("keeps CRLF line endings, in inserted lines too", () => {
    const lf = mapWith("      # journeymap-disable-next-line missing-channel\n      - name: A\n        channel: web\n");
    const fixed = fixMap(lf.replace(/\n/g, "\r\n")).text;
    expect(fixed).toBe(mapWith("      - id: a\n        name: A\n        channel: web\n").replace(/\n/g, "\r\n"));
  });

  it("keeps a byte-order mark", () => {
    const fixed = fixMap(`\ufeff${mapWith("      - name: A\n")}`).text;
    expect(fixed).toBe(`\ufeff${mapWith("      - id: a\n        name: A\n")}`);
  });

  it("removes a last comment line that has no line ending, with the ending before it", () => {
    const text = mapWith(
      "      - id: a\n        name: A\n        channel: web\n# journeymap-disable-line missing-channel",
    );
    expect(fixMap(text).text).toBe(mapWith("      - id: a\n        name: A\n        channel: web"));
  });

  it("keeps quote styles and comments around a corrected owner", () => {
    const text = mapWith("      - id: a\n        name: A\n        owner: 'ap' # theirs\n", "teams:\n  - id: app\n");
    expect(fixMap(text).text).toBe(text.replace("'ap'", "'app'"));
  });
});

describe("fixMap scales", () => {
  /** A map of n touchpoints without ids, half with an owner typo, a fifth under an unused comment. */
  function big(n: number): string {
    const touchpoints: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i % 5 === 0) touchpoints.push("      # journeymap-disable-next-line missing-channel, touchpoint-owner");
      touchpoints.push(
        `      - name: "Step ${i % 50}: ${"é".repeat(i % 3)}"`,
        `        owner: ${i % 2 ? "grwoth" : "app"}`,
      );
      touchpoints.push("        channel: web", "        emotion: 3");
    }
    return mapWith(`${touchpoints.join("\n")}\n`, "teams:\n  - id: growth\n  - id: app\n");
  }

  it("takes time linear in the map (four times the touchpoints, under twelve times the time, where quadratic is sixteen)", () => {
    const time = (n: number) => {
      const text = big(n);
      const started = performance.now();
      const { fixes } = fixMap(text);
      expect(fixes).toHaveLength(n + n / 2 + n / 5);
      return performance.now() - started;
    };
    time(100); // warm up the JIT
    const small = time(400);
    const large = time(1600);
    expect(large).toBeLessThan(small * 12);
  }, 60_000);

  it("handles a 100,000-character name and names full of YAML syntax", () => {
    const long = "Ä".repeat(100_000);
    const text = mapWith(`      - name: "${long}"\n      - name: "a: b # c, {d}: [e] 'f' \\"g\\""\n`);
    const fixed = fixMap(text).text;
    expect(fixed).toBe(
      mapWith(
        `      - id: ${"a".repeat(40)}\n        name: "${long}"\n      - id: a-b-c-d-e-f-g\n        name: "a: b # c, {d}: [e] 'f' \\"g\\""\n`,
      ),
    );
  });
});
