// duplicate-shared-definition: one id defined twice in a shared file, or again in a shared file below;
// personas, teams and metrics alike.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

const SHARED =
  "journeymap: 1\npersonas:\n  - id: parent\n    name: Dana\n  - id: parent\n    name: Dana again\nteams:\n  - id: app\n";

describe("duplicate-shared-definition", () => {
  it("reports a definition repeated below and the second definition in one file, with the first's place", async () => {
    const { findings } = await lintRepository(
      {
        "journeymap.shared.yaml": SHARED,
        "pharmacy/journeymap.shared.yaml": "journeymap: 1\nteams:\n  - id: app\n    name: Pharmacy app\n",
        "pharmacy/refill.journey.yaml": map("Refill", "", "personas: [parent]\n"),
      },
      { only: "duplicate-shared-definition" },
    );
    expect(findings.map(({ file, line, column, message }) => [file, line, column, message])).toEqual([
      [
        "pharmacy/journeymap.shared.yaml",
        3,
        5,
        expect.stringMatching(
          /^team "app" is also defined in .*journeymap\.shared\.yaml:8, which applies here too: this one wins for the maps below this folder; define it once$/,
        ),
      ],
      [
        "journeymap.shared.yaml",
        5,
        5,
        'persona "parent" is defined twice in this file (first on line 3): keep one definition',
      ],
    ]);
  });

  it("is found when a single map is linted: its shared files are read", async () => {
    const { findings } = await lintRepository(
      { "journeymap.shared.yaml": SHARED, "refill.journey.yaml": map("Refill", "", "personas: [parent]\n") },
      { only: "duplicate-shared-definition", paths: ["refill.journey.yaml"] },
    );
    expect(findings.map((finding) => finding.line)).toEqual([5]);
  });

  it("reports a metric defined in two shared files, one above the other", async () => {
    const { findings } = await lintRepository(
      {
        "journeymap.shared.yaml": "journeymap: 1\nmetrics:\n  - {id: csat, name: CSAT, unit: percent}\n",
        "pharmacy/journeymap.shared.yaml":
          "journeymap: 1\nmetrics:\n  - id: nps\n    name: NPS\n  - id: csat\n    name: Pharmacy CSAT\n",
        "pharmacy/refill.journey.yaml": map("Refill", "    metrics: {csat: 80, nps: 31}\n"),
      },
      { only: "duplicate-shared-definition" },
    );
    expect(findings).toEqual([
      {
        file: "pharmacy/journeymap.shared.yaml",
        ruleId: "duplicate-shared-definition",
        severity: "error",
        line: 5,
        column: 5,
        message: expect.stringMatching(
          /^metric "csat" is also defined in .*journeymap\.shared\.yaml:3, which applies here too: this one wins for the maps below this folder; define it once$/,
        ) as string,
        subject: "metric:csat",
      },
    ]);
  });
});
