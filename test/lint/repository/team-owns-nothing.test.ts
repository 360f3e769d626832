// team-owns-nothing: a shared team maps name that owns no map and no touchpoint anywhere.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

const SHARED = "journeymap: 1\nteams:\n  - id: app\n  - id: legal\n    name: Legal\n  - id: cx\n";

describe("team-owns-nothing", () => {
  it("reports a team listed by two maps that owns nothing, once; a map owner owns something", async () => {
    const head = "owner: cx\npersonas: [{id: parent, name: Dana}]\nteams: [app, legal]\n";
    const stage = "    touchpoints:\n      - name: T\n        owner: app\n";
    const { findings } = await lintRepository(
      {
        "journeymap.shared.yaml": SHARED,
        "a.journey.yaml": map("A", stage, head),
        "b.journey.yaml": map("B", stage, head),
      },
      { only: "team-owns-nothing" },
    );
    expect(findings).toEqual([
      {
        file: "journeymap.shared.yaml",
        ruleId: "team-owns-nothing",
        severity: "error",
        line: 4,
        column: 5,
        message:
          'team "Legal" is named by 2 maps but owns no map and no touchpoint: make it the owner of the touchpoints it is accountable for',
        subject: "team:legal",
      },
    ]);
  });
});
