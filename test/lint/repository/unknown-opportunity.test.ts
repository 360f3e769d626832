// unknown-opportunity: an id named alone, or a fail point's opportunity, that no map of the run writes
// with a title; only when folders are linted whole.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

const touchpoint = (name: string, rest: string) => `    touchpoints:\n      - name: ${name}\n${rest}`;
const files = {
  "a.journey.yaml": map(
    "A",
    touchpoint("Picks a slot", "        opportunities:\n          - {id: next-free-slot, title: Next free slot}\n"),
  ),
  "b.journey.yaml": map(
    "B",
    touchpoint(
      "Scrolls slots",
      [
        "        opportunities:",
        "          - id: next-free-slots",
        "        lanes:",
        "          backstage:",
        "            - {text: Holds the slot, fail: {risk: Slot lost, opportunity: hold-slot}}",
        "",
      ].join("\n"),
    ),
    "personas:\n  - id: parent\n    name: Dana\nlanes:\n  - {id: backstage, label: Back office, layer: backstage}\n",
  ),
};

describe("unknown-opportunity", () => {
  it("reports ids named alone and a fail point's opportunity that nothing defines, with the closest id", async () => {
    const { findings } = await lintRepository(files, { only: "unknown-opportunity" });
    expect(findings.map(({ file, line, column, message }) => ({ file, line, column, message }))).toEqual([
      {
        file: "b.journey.yaml",
        line: 14,
        column: 17,
        message:
          'opportunity at touchpoint "Scrolls slots" names id "next-free-slots", which no map in this run writes with a title: did you mean "next-free-slot"?',
      },
      {
        file: "b.journey.yaml",
        line: 17,
        column: 75,
        message:
          'the fail point of "Holds the slot" names opportunity "hold-slot", which no map in this run writes with a title: write it with its title on one touchpoint (id, title, owner, status), or fix the id',
      },
    ]);
  });

  it("says nothing when map files are named one by one: the definition may be in a map not read", async () => {
    const { findings } = await lintRepository(files, { only: "unknown-opportunity", paths: ["b.journey.yaml"] });
    expect(findings).toEqual([]);
  });
});
