// Meta-tests of the rule catalog: every rule has an id equal to its file name, a docs page whose
// failing and passing examples really fail and pass, a test file, and an entry in the config schema.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { fixableRules } from "../../src/fix/index.js";
import { lintJourney } from "../../src/lint/engine.js";
import { STAGE_PRESETS } from "../../src/lint/presets.js";
import { rules } from "../../src/lint/rules/index.js";
import { DOCS_BASE, RULE_SEVERITIES, type Rule } from "../../src/lint/types.js";

const RULE_FILES = readdirSync("src/lint/rules")
  .filter((name) => name.endsWith(".ts") && name !== "index.ts")
  .map((name) => name.slice(0, -3))
  .sort();

/** The parts of the config schema that the catalog must match. */
interface ConfigSchema {
  properties: { rules: { properties: Record<string, unknown> } };
  definitions: { severity: { enum: string[] }; preset: { enum: string[] } };
}

/** The YAML code blocks under each "## ..." heading of a Markdown page, read with a real Markdown parser. */
function examplesByHeading(markdown: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let heading = "";
  const tokens = new MarkdownIt().parse(markdown, {});
  tokens.forEach((token, index) => {
    if (token.type === "heading_open" && token.tag === "h2") heading = tokens[index + 1]!.content;
    if (token.type === "fence" && token.info.trim() === "yaml")
      sections.set(heading, [...(sections.get(heading) ?? []), token.content]);
  });
  return sections;
}

describe("the rule catalog", () => {
  it("lists exactly the files in src/lint/rules/", () => {
    expect(Object.keys(rules).sort()).toEqual(RULE_FILES);
  });

  it("has the rules the issue asks for, with their default severities", () => {
    const severities = Object.fromEntries(Object.values(rules).map(({ meta }) => [meta.id, meta.defaultSeverity]));
    expect(severities).toMatchObject({
      "missing-stage": "warning",
      "stage-order": "warning",
      "empty-stage": "warning",
      "touchpoint-owner": "warning",
      "unknown-owner": "error",
      "unknown-persona": "error",
      "unused-persona": "warning",
      "persona-stage-gap": "warning",
      "missing-emotion": "warning",
      "missing-channel": "warning",
      "duplicate-id": "error",
      "pain-without-opportunity": "warning",
      "emotion-dip": "warning",
      "unused-disable": "warning",
      "unknown-metric": "error",
      "metric-off-target": "warning",
      "stale-metric": "warning",
      "metric-without-source": "info",
    });
  });

  it("is described by the config schema: every rule id, severity and preset", () => {
    const schema = JSON.parse(readFileSync("schemas/journeymap.config.schema.json", "utf8")) as ConfigSchema;
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(RULE_FILES);
    expect(schema.definitions.severity.enum).toEqual(RULE_SEVERITIES);
    expect(schema.definitions.preset.enum).toEqual(Object.keys(STAGE_PRESETS));
  });
});

describe.each(RULE_FILES)("rule %s", (id) => {
  it("exports one rule whose id equals its file name, with a description and docs link", async () => {
    const module = (await import(`../../src/lint/rules/${id}.ts`)) as Record<string, Rule>;
    const exported = Object.values(module);
    expect(exported).toHaveLength(1);
    const { meta } = exported[0]!;
    expect(meta.id).toBe(id);
    expect(rules[id]).toBe(exported[0]);
    expect(meta.description).toMatch(/^[a-z].{10,}[^.]$/);
    expect(meta.rationale.length).toBeGreaterThan(40);
    expect(RULE_SEVERITIES).toContain(meta.defaultSeverity);
    expect(meta.docsUrl).toBe(`${DOCS_BASE}${id}.md`);
  });

  it("has a test file", () => {
    expect(existsSync(`test/lint/rules/${id}.test.ts`)).toBe(true);
  });

  it("has a docs page whose failing example fails and passing example passes", () => {
    const path = `docs/rules/${id}.md`;
    expect(existsSync(path)).toBe(true);
    const page = readFileSync(path, "utf8");
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`Default severity: **${rules[id]!.meta.defaultSeverity}**`);
    // Users look for whether --fix can repair it: the page says so exactly when src/fix has a fixer.
    const fixable = (fixableRules as readonly string[]).includes(id);
    expect(page).toMatch(new RegExp(`^Fixable: ${fixable ? "yes" : "no"}\\.`, "m"));
    const examples = examplesByHeading(page);
    const failing = examples.get("Failing example") ?? [];
    const passing = examples.get("Passing example") ?? [];
    expect(failing).toHaveLength(1);
    expect(passing).toHaveLength(1);
    // Run with the rule on (whatever its default), so info and off defaults are checked too; ages are
    // measured as of a fixed day (stale-metric's page says which), as the CLI passes --as-of.
    const run = (code: string) => lintJourney(code, { rules: { [id]: "error" } }, { asOf: "2025-06-30" });
    const failed = run(failing[0]!);
    expect(failed.filter((finding) => finding.ruleId === "schema" || finding.ruleId === "yaml-syntax")).toEqual([]);
    expect(failed.filter((finding) => finding.ruleId === id).length).toBeGreaterThan(0);
    expect(run(passing[0]!).filter((finding) => finding.ruleId === id || finding.ruleId === "schema")).toEqual([]);
  });
});
