// duplicate-opportunity-id: an id written with a title twice, in one map or two; naming it by id alone
// elsewhere is how one opportunity covers several touchpoints.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

const touchpoint = (name: string, opportunities: string) =>
  `    touchpoints:\n      - name: ${name}\n        opportunities:\n${opportunities}`;

describe("duplicate-opportunity-id", () => {
  it("reports the second definition at its id, naming the first's place", async () => {
    const { findings } = await lintRepository(
      {
        "a.journey.yaml": map(
          "A",
          touchpoint("Picks a slot", "          - {id: next-free-slot, title: Next free slot}\n"),
        ),
        "b.journey.yaml": map(
          "B",
          touchpoint("Scrolls slots", "          - {id: next-free-slot, title: Free slot first}\n"),
        ),
      },
      { only: "duplicate-opportunity-id" },
    );
    expect(findings).toEqual([
      {
        file: "b.journey.yaml",
        ruleId: "duplicate-opportunity-id",
        severity: "error",
        line: 12,
        column: 18,
        message: expect.stringMatching(
          /^opportunity "next-free-slot" at touchpoint "Scrolls slots" is already written with a title at touchpoint "Picks a slot" \(.*a\.journey\.yaml:12\): give this one another id, or name the first one by its id alone \("- id: next-free-slot"\)$/,
        ) as string,
        subject: "touchpoint:awareness/Scrolls slots:opportunity:next-free-slot",
      },
    ]);
  });

  it("passes an id written once and named alone elsewhere, and ids that differ", async () => {
    const { findings } = await lintRepository(
      {
        "a.journey.yaml": map(
          "A",
          touchpoint("Picks a slot", "          - {id: next-free-slot, title: Next free slot}\n"),
        ),
        "b.journey.yaml": map(
          "B",
          touchpoint("Scrolls slots", "          - id: next-free-slot\n          - {id: other, title: Other}\n"),
        ),
      },
      { only: "duplicate-opportunity-id" },
    );
    expect(findings).toEqual([]);
  });
});
