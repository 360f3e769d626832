// `journeymap rules` end to end: the catalog as a table and as JSON.
import { describe, expect, it } from "vitest";
import { rules } from "../../src/lint/rules/index.js";
import { repositoryRules } from "../../src/lint/repository/rules/index.js";
import { runCli } from "../helpers/cli.js";

describe("journeymap rules", () => {
  it("lists every rule with its default severity and description", () => {
    const run = runCli(["rules"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^rule\s+default\s+finds$/);
    for (const { meta } of Object.values(rules)) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${meta.id} +${meta.defaultSeverity} +${meta.description.replace(/[()]/g, "\\$&")}$`),
        ),
      );
    }
    expect(run.stdout).toContain("  saas: acquisition, activation, adoption, retention, expansion, advocacy\n");
  });

  it("--format json gives the catalog for tools", () => {
    const run = runCli(["rules", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      [...Object.values(rules), ...Object.values(repositoryRules)].map(({ meta }) => ({
        id: meta.id,
        description: meta.description,
        defaultSeverity: meta.defaultSeverity,
        docsUrl: meta.docsUrl,
      })),
    );
  });

  it("an unknown format is a usage error", () => {
    expect(runCli(["rules", "--format", "yaml"])).toMatchObject({
      code: 2,
      stderr: 'journeymap: unknown format "yaml": use text or json\n',
    });
  });
});
