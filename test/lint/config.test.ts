// Lint configuration: the config file's own schema with positions in messages, presets, --rule
// options, and the search from a map's folder up to the repository root.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  ConfigFinder,
  findRepositoryRoot,
  parseConfig,
  parseRuleOption,
  resolveConfig,
} from "../../src/lint/config.js";
import { STAGE_PRESETS } from "../../src/lint/presets.js";
import { yaml } from "./rule-tester.js";

const problems = (text: string): string => {
  try {
    parseConfig(text, "journeymap.config.yaml");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be rejected");
};

describe("parseConfig", () => {
  it("reads a valid configuration in one pass to the same value yaml gives, in every form the loader reads", () => {
    const texts = [
      readFileSync(join(__dirname, "../../examples/journeymap.config.yaml"), "utf8"),
      readFileSync(join(__dirname, "../../examples/freshcart/journeymap.config.yaml"), "utf8"),
      readFileSync(join(__dirname, "../../docs/examples/journeymap.config.yaml"), "utf8"),
      "stages: &funnel [awareness, 'consideration', \"decision\"]  # a comment\nrules: {touchpoint-owner: error}\n",
      "review:\n  every: 13w\nrules:\n  missing-channel: off\n  emotion-dip: 'warning'\n",
    ];
    for (const text of texts) expect(parseConfig(text, "c.yaml")).toEqual(parse(text) ?? {});
  });

  it("a configuration the one pass does not read (a tag, a duplicate key) goes through yaml, with its messages", () => {
    expect(parseConfig("stages: !!str funnel\n", "c.yaml")).toEqual({ stages: "funnel" });
    expect(problems("stages: funnel\nstages: saas\n")).toMatch(
      /^journeymap\.config\.yaml:2:1: Map keys must be unique/,
    );
  });

  it("reads stages (a list or a preset) and rule severities", () => {
    expect(
      parseConfig(
        "stages: [signup, first-order]\nrules:\n  touchpoint-owner: error\n  missing-channel: off\n",
        "c.yaml",
      ),
    ).toEqual({
      stages: ["signup", "first-order"],
      rules: { "touchpoint-owner": "error", "missing-channel": "off" },
    });
    expect(parseConfig("stages: saas\n", "c.yaml")).toEqual({ stages: "saas" });
    expect(parseConfig("", "c.yaml")).toEqual({});
    expect(parseConfig("# only a comment\n", "c.yaml")).toEqual({});
  });

  it("names an unknown rule at its key, with a suggestion", () => {
    expect(problems("rules:\n  touchpoint-owner: error\n  toucpoint-ownr: off\n")).toBe(
      'journeymap.config.yaml:3:3: unknown rule "toucpoint-ownr" (did you mean "touchpoint-owner"?): run "journeymap rules" for the list',
    );
  });

  it("names a bad severity at its value, with a suggestion", () => {
    expect(problems("rules:\n  missing-channel: warn\n")).toBe(
      'journeymap.config.yaml:2:20: bad severity "warn" for rule "missing-channel" (did you mean "warning"?): use one of error, warning, info, off',
    );
  });

  it("reports every problem, one per line", () => {
    expect(problems("stages: sass\nrule:\n  a: b\n").split("\n")).toEqual([
      'journeymap.config.yaml:1:9: unknown stage preset "sass" (did you mean "saas"?): use one of funnel, saas, service-design, or a list of stage ids',
      'journeymap.config.yaml:2:1: unknown key "rule" (did you mean "rules"?): a configuration has "stages", "rules", "data" and "review"',
    ]);
  });

  it("reads the review period in days or weeks, and names a bad one or an unknown key at its place", () => {
    expect(resolveConfig(parseConfig("review:\n  every: 90\n", "c.yaml")).reviewDays).toBe(90);
    expect(resolveConfig(parseConfig("review:\n  every: 13w\n", "c.yaml")).reviewDays).toBe(91);
    expect(resolveConfig({}).reviewDays).toBe(180);
    expect(problems("review:\n  every: 0\n")).toBe(
      "journeymap.config.yaml:2:10: review.every must be a number of days, or days or weeks such as 90d or 13w",
    );
    expect(problems("review:\n  every: soon\n")).toBe(
      "journeymap.config.yaml:2:10: review.every must be a number of days, or days or weeks such as 90d or 13w",
    );
    expect(problems("review:\n  evry: 90\n")).toBe(
      'journeymap.config.yaml:2:3: unknown key "evry" (did you mean "every"?): "review" has "every"',
    );
    expect(() => resolveConfig({ review: { every: 1.5 } })).toThrow(
      "review.every needs a whole number of days from 1 to 36500 (got 1.5)",
    );
  });

  it("checks stage ids and duplicates", () => {
    expect(problems("stages:\n  - signup\n  - First Order\n")).toBe(
      'journeymap.config.yaml:3:5: stage id "First Order" must be a lowercase kebab-case id like "first-order"',
    );
    expect(problems("stages: [signup, repeat, signup]\n")).toBe(
      'journeymap.config.yaml:1:26: stage "signup" is listed twice in "stages"',
    );
  });

  it("reports YAML syntax errors and wrong shapes with positions", () => {
    expect(problems("rules: [a\n")).toMatch(/^journeymap\.config\.yaml:\d+:\d+: /);
    expect(problems("rules: error\n")).toBe(
      'journeymap.config.yaml:1:8: "rules" must be a mapping of rule id to severity',
    );
    expect(problems("- a\n")).toBe("journeymap.config.yaml:1:1: the configuration must be a mapping");
  });
});

describe("resolveConfig and --rule", () => {
  it("defaults to the funnel stages and each rule's default severity", () => {
    const config = resolveConfig();
    expect(config.stages).toEqual(STAGE_PRESETS.funnel);
    expect(config.rules["unknown-owner"]).toBe("error");
    expect(config.rules["touchpoint-owner"]).toBe("warning");
  });

  it("rejects what the schema would, for callers of the API", () => {
    expect(() => resolveConfig({ rules: { "no-such-rule": "error" } })).toThrow(
      'unknown rule "no-such-rule" in the configuration',
    );
    expect(() => resolveConfig({ stages: "service-desing" })).toThrow(
      'unknown stage preset "service-desing" (did you mean "service-design"?)',
    );
  });

  it("parses --rule id:severity", () => {
    expect(parseRuleOption("touchpoint-owner:error")).toEqual(["touchpoint-owner", "error"]);
    expect(() => parseRuleOption("touchpoint-owner")).toThrow('--rule "touchpoint-owner" needs the form id:severity');
    expect(() => parseRuleOption("touchpoint-ownr:error")).toThrow(
      'unknown rule "touchpoint-ownr" in --rule (did you mean "touchpoint-owner"?)',
    );
    expect(() => parseRuleOption("touchpoint-owner:fatal")).toThrow(
      'bad severity "fatal" for rule "touchpoint-owner" in --rule',
    );
  });
});

describe("ConfigFinder", () => {
  const tree = () => {
    const outside = mkdtempSync(join(tmpdir(), "journeymap-config-"));
    const repo = join(outside, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "maps", "saas", "deep"), { recursive: true });
    mkdirSync(join(repo, "maps", "retail"), { recursive: true });
    // Above the repository root: must never be read.
    writeFileSync(join(outside, "journeymap.config.yaml"), "rules:\n  missing-channel: off\n");
    return { outside, repo };
  };

  it("uses the nearest file upward, stopping at the repository root", () => {
    const { repo } = tree();
    writeFileSync(join(repo, "maps", "saas", ".journeymaprc.yaml"), "stages: saas\n");
    const finder = new ConfigFinder();
    const saas = finder.forFolder(join(repo, "maps", "saas", "deep"));
    expect(saas.stages).toEqual(STAGE_PRESETS.saas);
    expect(saas.file).toMatch(/maps\/saas\/\.journeymaprc\.yaml$/);
    const retail = finder.forFolder(join(repo, "maps", "retail"));
    expect(retail.file).toBeUndefined();
    expect(retail.rules["missing-channel"]).toBe("warning");
    expect(findRepositoryRoot(join(repo, "maps", "retail"))).toBe(repo);
  });

  it("prefers journeymap.config.yaml to .journeymaprc.yaml in one folder, and caches per folder", () => {
    const { repo } = tree();
    writeFileSync(
      join(repo, "journeymap.config.yaml"),
      yaml`
      stages: service-design
    `,
    );
    writeFileSync(join(repo, ".journeymaprc.yaml"), "stages: saas\n");
    const finder = new ConfigFinder();
    const first = finder.forFolder(join(repo, "maps", "retail"));
    expect(first.stages).toEqual(STAGE_PRESETS["service-design"]);
    // A cached lookup does not read the file again: changing it has no effect within one run.
    writeFileSync(join(repo, "journeymap.config.yaml"), "stages: [other]\n");
    expect(finder.forFolder(join(repo, "maps", "retail"))).toBe(first);
    expect(finder.forFolder(join(repo, "maps", "saas", "deep"))).toBe(first);
  });

  it("a broken config file is an error that names the file and position", () => {
    const { repo } = tree();
    writeFileSync(join(repo, "maps", "journeymap.config.yaml"), "rules:\n  emotion-dip: loud\n");
    expect(() => new ConfigFinder().forFolder(join(repo, "maps", "retail"))).toThrow(
      /journeymap\.config\.yaml:2:16: bad severity "loud" for rule "emotion-dip"/,
    );
  });

  it("outside a repository, climbs no higher than the working directory; a map outside it gets its own folder only", () => {
    const planted = mkdtempSync(join(tmpdir(), "journeymap-planted-"));
    // A configuration planted in a shared folder above the project (like /tmp): must not apply.
    writeFileSync(join(planted, "journeymap.config.yaml"), "rules:\n  missing-channel: off\n");
    const project = join(planted, "project");
    mkdirSync(join(project, "maps"), { recursive: true });
    const finder = new ConfigFinder({ cwd: project });
    expect(finder.forFolder(join(project, "maps")).file).toBeUndefined();
    expect(finder.forFolder(join(project, "maps")).rules["missing-channel"]).toBe("warning");
    writeFileSync(join(project, ".journeymaprc.yaml"), "stages: saas\n");
    expect(new ConfigFinder({ cwd: project }).forFolder(join(project, "maps")).stages).toEqual(STAGE_PRESETS.saas);
    const elsewhere = join(planted, "elsewhere", "maps");
    mkdirSync(elsewhere, { recursive: true });
    expect(new ConfigFinder({ cwd: project }).forFolder(elsewhere).file).toBeUndefined();
  });
});

describe("hostile configurations", () => {
  it("an alias bomb is a configuration error, not an unexpected one", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const previous = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`;
      }),
      "rules: {}",
    ].join("\n");
    expect(problems(bomb)).toBe(
      "journeymap.config.yaml:1:1: aliases expand to too many values: this looks like an alias bomb",
    );
  });

  it("deep nesting is a configuration error with a reason", () => {
    expect(problems(`rules: ${"[".repeat(100_000)}`)).toBe(
      'journeymap.config.yaml:1:1: the configuration is nested more than 64 levels deep: a configuration has "stages" and "rules"',
    );
    const blockNesting = Array.from({ length: 3000 }, (_, depth) => `${" ".repeat(depth)}k${depth}:`).join("\n");
    expect(problems(blockNesting)).toMatch(/^journeymap\.config\.yaml:\d+:\d+: /);
  });
});
