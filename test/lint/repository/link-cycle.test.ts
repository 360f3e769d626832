// link-cycle: details links that loop; each cycle reported once, at the link that starts it.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

describe("link-cycle", () => {
  it("reports a three-map loop once, listing it", async () => {
    const { findings } = await lintRepository(
      {
        "a.journey.yaml": map("A", "    details: b\n"),
        "b.journey.yaml": map("B", "    details: c\n"),
        "c.journey.yaml": map("C", "    details: a\n"),
        "d.journey.yaml": map("D", "    details: a\n"),
      },
      { only: "link-cycle" },
    );
    expect(findings).toEqual([
      {
        file: "a.journey.yaml",
        ruleId: "link-cycle",
        severity: "error",
        line: 9,
        column: 14,
        message:
          'the details links "a" → "b" → "c" → "a" form a cycle: a map details a part of its parent, so remove the link that points back up',
        subject: "stage:awareness details:b",
      },
    ]);
  });

  it("reports a map that details itself, and nothing for a tree", async () => {
    const { findings } = await lintRepository(
      {
        "self.journey.yaml": map("Self", "    details: self\n"),
        "top.journey.yaml": map(
          "Top",
          "    details: left\n    touchpoints:\n      - name: T\n        details: right\n",
        ),
        "left.journey.yaml": map("Left"),
        "right.journey.yaml": map("Right"),
      },
      { only: "link-cycle" },
    );
    expect(findings.map((finding) => [finding.file, finding.message])).toEqual([
      ["self.journey.yaml", expect.stringContaining('"self" → "self" form a cycle')],
    ]);
  });
});
