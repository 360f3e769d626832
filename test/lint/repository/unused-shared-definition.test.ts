// unused-shared-definition: a shared persona, team or metric no map uses, once, when the run covers its
// scope.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

const SHARED =
  "journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\n  - id: student\n    name: Sam\nteams:\n  - id: app\n  - id: ops\n";

describe("unused-shared-definition", () => {
  it("reports each unused definition once, however many maps there are", async () => {
    const one = map("One", "    touchpoints:\n      - name: T\n        owner: app\n", "personas: [parent]\n");
    const { findings, run } = await lintRepository(
      { "journeymap.shared.yaml": SHARED, "one.journey.yaml": one, "two.journey.yaml": one, "three.journey.yaml": one },
      { only: "unused-shared-definition" },
    );
    expect(findings).toEqual([
      {
        file: "journeymap.shared.yaml",
        ruleId: "unused-shared-definition",
        severity: "error",
        line: 5,
        column: 5,
        message: 'no map uses the shared persona "Sam": list "student" in the maps that follow it, or remove it',
        subject: "persona:student",
      },
      {
        file: "journeymap.shared.yaml",
        ruleId: "unused-shared-definition",
        severity: "error",
        line: 9,
        column: 5,
        message: 'no map uses the shared team "ops": list "ops" in the maps that follow it, or remove it',
        subject: "team:ops",
      },
    ]);
    // Its default severity is info, and the maps themselves get no per-map finding for it.
    expect(run.results.map((result) => result.filePath.replace(/.*\//, ""))).toEqual([
      "one.journey.yaml",
      "three.journey.yaml",
      "two.journey.yaml",
      "journeymap.shared.yaml",
    ]);
  });

  it("says nothing when the run does not cover the shared file's folder", async () => {
    const { findings } = await lintRepository(
      { "journeymap.shared.yaml": SHARED, "sub/one.journey.yaml": map("One", "", "personas: [parent]\n") },
      { only: "unused-shared-definition", paths: ["sub"] },
    );
    expect(findings).toEqual([]);
  });

  it("counts a shared metric as used when a map lists it, carries a value for it or has a source fill it", async () => {
    const metrics = ["listed", "valued", "sourced", "unused"].map((id) => `  - {id: ${id}, name: ${id} metric}\n`);
    const sourced = `sources:\n  - {file: answers.csv, stage: {id: awareness}, metrics: [{metric: sourced, aggregate: count}]}\n`;
    const { findings } = await lintRepository(
      {
        "journeymap.shared.yaml": `journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\nmetrics:\n${metrics.join("")}`,
        "one.journey.yaml": map("One", "", "personas: [parent]\nmetrics: [listed]\n"),
        "two.journey.yaml": map("Two", "    metrics: {valued: 3}\n", "personas: [parent]\n"),
        "three.journey.yaml": map("Three", "", `personas: [parent]\n${sourced}`),
      },
      { only: "unused-shared-definition" },
    );
    expect(findings).toEqual([
      {
        file: "journeymap.shared.yaml",
        ruleId: "unused-shared-definition",
        severity: "error",
        line: 9,
        column: 5,
        message:
          'no map uses the shared metric "unused metric": give "unused" values in the maps that measure it, or remove it',
        subject: "metric:unused",
      },
    ]);
  });

  it("counts a shared lane as used when a map lists it or fills it, and reports one no map uses", async () => {
    const lanes = ["listed", "filled", "unused"].map((id) => `  - {id: ${id}, label: ${id} lane}\n`);
    const { findings } = await lintRepository(
      {
        "journeymap.shared.yaml": `journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\nlanes:\n${lanes.join("")}`,
        "one.journey.yaml": map("One", "", "personas: [parent]\nlanes: [listed]\n"),
        "two.journey.yaml": map("Two", "    lanes: {filled: [Something]}\n", "personas: [parent]\n"),
      },
      { only: "unused-shared-definition" },
    );
    expect(findings).toEqual([
      {
        file: "journeymap.shared.yaml",
        ruleId: "unused-shared-definition",
        severity: "error",
        line: 8,
        column: 5,
        message:
          'no map uses the shared lane "unused lane": fill "unused" under `lanes` on the touchpoints or stages of the maps that use it, or remove it',
        subject: "lane:unused",
      },
    ]);
  });
});
