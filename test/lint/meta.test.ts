// Meta-tests of the rule catalog: every rule has an id equal to its file name, a docs page whose
// failing and passing examples really fail and pass, a test file, and an entry in the config schema.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { fixableRules } from "../../src/lint/fix/index.js";
import { findMaps } from "../../src/io/find-maps.js";
import { loadJourney } from "../../src/journey/load.js";
import { loadSharedFile, SHARED_FILE } from "../../src/journey/shared.js";
import { lintJourney } from "../../src/lint/engine.js";
import { repositoryRules } from "../../src/lint/repository/rules/index.js";
import type { RepositoryRule } from "../../src/lint/repository/types.js";
import { lintFiles } from "../../src/lint/runner.js";
import { scopeOf } from "../../src/workspace/scope.js";
import { STAGE_PRESETS } from "../../src/lint/presets.js";
import { rules } from "../../src/lint/rules/index.js";
import { DOCS_BASE, RULE_SEVERITIES, type Rule } from "../../src/lint/types.js";

const RULE_FILES = readdirSync("src/lint/rules")
  .filter((name) => name.endsWith(".ts") && name !== "index.ts")
  .map((name) => name.slice(0, -3))
  .sort();

const REPOSITORY_RULE_FILES = readdirSync("src/lint/repository/rules")
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
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(
      [...RULE_FILES, ...REPOSITORY_RULE_FILES].sort(),
    );
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
    // Users look for whether --fix can repair it: the page says so exactly when src/lint/fix has a fixer.
    const fixable = (fixableRules as readonly string[]).includes(id);
    expect(page).toMatch(new RegExp(`^Fixable: ${fixable ? "yes" : "no"}\\.`, "m"));
    const examples = examplesByHeading(page);
    const failing = examples.get("Failing example") ?? [];
    const passing = examples.get("Passing example") ?? [];
    expect(failing.filter((fence) => !fence.startsWith(`# ${SHARED_FILE}`))).toHaveLength(1);
    expect(passing.filter((fence) => !fence.startsWith(`# ${SHARED_FILE}`))).toHaveLength(1);
    // Run with the rule on (whatever its default), so info and off defaults are checked too; ages are
    // measured as of a fixed day (stale-metric's page says which), as the CLI passes --as-of. A fence
    // that starts "# journeymap.shared.yaml" is the shared file in the map's scope.
    const run = (fences: string[]) => {
      const shared = fences.find((fence) => fence.startsWith(`# ${SHARED_FILE}\n`));
      const scope = shared ? scopeOf([loadSharedFile(shared, SHARED_FILE)]) : undefined;
      const map = fences.filter((fence) => fence !== shared);
      expect(map).toHaveLength(1);
      return lintJourney(
        loadJourney(map[0]!, scope ? { shared: scope } : {}),
        { rules: { [id]: "error" } },
        { asOf: "2025-06-30" },
      );
    };
    const failed = run(failing);
    expect(failed.filter((finding) => finding.ruleId === "schema" || finding.ruleId === "yaml-syntax")).toEqual([]);
    expect(failed.filter((finding) => finding.ruleId === id).length).toBeGreaterThan(0);
    expect(run(passing).filter((finding) => finding.ruleId === id || finding.ruleId === "schema")).toEqual([]);
  });
});

describe("the repository rule catalog", () => {
  it("lists exactly the files in src/lint/repository/rules/, none with a map rule's id", () => {
    expect(Object.keys(repositoryRules).sort()).toEqual(REPOSITORY_RULE_FILES);
    expect(REPOSITORY_RULE_FILES.filter((id) => RULE_FILES.includes(id))).toEqual([]);
  });
});

/** Writes a docs page's example fences (each starting "# <path>") into a fresh repository and lints it whole. */
async function lintExample(id: string, fences: string[]): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), `journeymap-${id}-`));
  try {
    mkdirSync(join(root, ".git"));
    for (const fence of fences) {
      const path = /^# (\S+)\n/.exec(fence)?.[1];
      expect(path, "each example file starts with # <path>").toBeTruthy();
      mkdirSync(dirname(join(root, path!)), { recursive: true });
      writeFileSync(join(root, path!), fence);
    }
    const run = await lintFiles(await findMaps([root]), {
      cwd: root,
      noConfig: true,
      folders: [root],
      rules: { [id]: "error" },
    });
    return run.results.flatMap((result) => result.messages.map((message) => message.ruleId));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe.each(REPOSITORY_RULE_FILES)("repository rule %s", (id) => {
  it("exports one rule whose id equals its file name, with a description and docs link", async () => {
    const module = (await import(`../../src/lint/repository/rules/${id}.ts`)) as Record<string, RepositoryRule>;
    const exported = Object.values(module);
    expect(exported).toHaveLength(1);
    const { meta } = exported[0]!;
    expect(meta.id).toBe(id);
    expect(repositoryRules[id]).toBe(exported[0]);
    expect(meta.description).toMatch(/^[a-z].{10,}[^.]$/);
    expect(meta.rationale.length).toBeGreaterThan(40);
    expect(meta.docsUrl).toBe(`${DOCS_BASE}${id}.md`);
  });

  it("has a test file", () => {
    expect(existsSync(`test/lint/repository/${id}.test.ts`)).toBe(true);
  });

  it("has a docs page whose failing example fails and passing example passes, linted as a repository", async () => {
    const page = readFileSync(`docs/rules/${id}.md`, "utf8");
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`Default severity: **${repositoryRules[id]!.meta.defaultSeverity}**`);
    expect(page).toMatch(/^Fixable: no\./m);
    const examples = examplesByHeading(page);
    expect(await lintExample(id, examples.get("Failing example") ?? [])).toContain(id);
    const passed = await lintExample(id, examples.get("Passing example") ?? []);
    expect(passed.filter((ruleId) => ruleId === id || ruleId === "schema" || ruleId === "yaml-syntax")).toEqual([]);
  });
});
