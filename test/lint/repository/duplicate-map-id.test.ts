// duplicate-map-id: two maps with one id, when a link names it or a map writes it.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

describe("duplicate-map-id", () => {
  it("reports the second map at its written id, naming the first", async () => {
    const { findings } = await lintRepository(
      {
        "a/checkout.journey.yaml": map("A").replace("journeymap: 1\n", "journeymap: 1\nid: checkout\n"),
        "b/pay.journey.yaml": map("B").replace("journeymap: 1\n", "journeymap: 1\nid: checkout\n"),
      },
      { only: "duplicate-map-id" },
    );
    expect(findings).toEqual([
      {
        file: "b/pay.journey.yaml",
        ruleId: "duplicate-map-id",
        severity: "error",
        line: 2,
        column: 5,
        message: expect.stringMatching(
          /^map id "checkout" is also the id of .*a\/checkout\.journey\.yaml: links reach only that one; give this map its own id \(id: checkout-2\) or rename the file$/,
        ) as string,
        subject: "map",
      },
    ]);
  });

  it("reports two default ids (file names) once a link names them, at the start of the file", async () => {
    const files = {
      "a/checkout.journey.yaml": map("A"),
      "b/checkout.journey.yaml": map("B"),
    };
    expect((await lintRepository(files, { only: "duplicate-map-id" })).findings).toEqual([]);
    const linked = { ...files, "top.journey.yaml": map("Top", "    details: checkout\n") };
    const { findings } = await lintRepository(linked, { only: "duplicate-map-id" });
    expect(findings.map((finding) => [finding.file, finding.line, finding.column])).toEqual([
      ["b/checkout.journey.yaml", 1, 1],
    ]);
  });
});
