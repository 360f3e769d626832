// unknown-map-link: a details link to an id no map of the run has; only when a folder is linted whole.
import { describe, expect, it } from "vitest";
import { lintRepository, map } from "./repository.js";

describe("unknown-map-link", () => {
  it("reports a stage's and a touchpoint's link to a missing map at the id, with the closest id", async () => {
    const { findings } = await lintRepository(
      {
        "top.journey.yaml": map(
          "Top",
          "    details: chekout\n    touchpoints:\n      - name: Pays\n        details: gone\n",
        ),
        "checkout.journey.yaml": map("Checkout"),
      },
      { only: "unknown-map-link" },
    );
    expect(findings).toEqual([
      {
        file: "top.journey.yaml",
        ruleId: "unknown-map-link",
        severity: "error",
        line: 9,
        column: 14,
        message:
          'stage "Awareness" details map "chekout", which no map in this run has as its id: did you mean "checkout"?',
        subject: "stage:awareness details:chekout",
      },
      {
        file: "top.journey.yaml",
        ruleId: "unknown-map-link",
        severity: "error",
        line: 12,
        column: 18,
        message:
          'touchpoint "Pays" details map "gone", which no map in this run has as its id: use a map\'s id (its file name without .journey.yaml, or its id:)',
        subject: "touchpoint:awareness/Pays details:gone",
      },
    ]);
  });

  it("finds a map by its written id and by its file name in kebab-case", async () => {
    const { findings } = await lintRepository(
      {
        "top.journey.yaml": map(
          "Top",
          "    details: pay\n    touchpoints:\n      - name: Ships\n        details: home-delivery\n",
        ),
        "sub/payment.journey.yaml": map("Payment").replace("journeymap: 1\n", "journeymap: 1\nid: pay\n"),
        "sub/Home Delivery.journey.yaml": map("Delivery"),
      },
      { only: "unknown-map-link" },
    );
    expect(findings).toEqual([]);
  });

  it("does not run when map files are named one by one: the map linked to may not be among them", async () => {
    const { findings } = await lintRepository(
      { "top.journey.yaml": map("Top", "    details: elsewhere\n") },
      { only: "unknown-map-link", paths: ["top.journey.yaml"] },
    );
    expect(findings).toEqual([]);
  });
});
