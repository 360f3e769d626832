// A map measuring the metrics of its folder's journeymap.shared.yaml, rendered by the built CLI: the
// picture's metrics and funnel lanes (read back with fast-xml-parser) and the page's metrics tables
// (read back with markdown-it) show the shared names, units and targets.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { markdownTables } from "../helpers/oracles.js";
import { makeRepository } from "../helpers/repository.js";
import { cardText, parse } from "./svg/xml.js";

const SHARED = `journeymap: 1
personas:
  - id: buyer
    name: Buyer
metrics:
  - {id: csat, name: Shared CSAT, unit: percent, better: higher, target: 80}
  - {id: orders, name: Shared orders, unit: count}
`;

/** No metrics list of its own: every value names a shared metric. */
const MAP = `journeymap: 1
title: Checkout
personas: [buyer]
stages:
  - id: consideration
    name: Consideration
    metrics: {orders: 400}
  - id: decision
    name: Decision
    metrics: {orders: 100}
    touchpoints:
      - id: pay
        name: Pays
        metrics: {csat: 72}
`;

let repo: string;
beforeAll(() => {
  repo = makeRepository("shared-render", { "journeymap.shared.yaml": SHARED, "maps/checkout.journey.yaml": MAP });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function render(map: string, format: "svg" | "markdown"): string {
  writeFileSync(join(repo, "maps/checkout.journey.yaml"), map);
  const run = runCli(["render", "maps/checkout.journey.yaml", "--format", format], { cwd: repo });
  expect(run.stderr).toMatch(/^Rendered 1 map to standard output in \d+\.\d s\.\n$/);
  expect(run.code).toBe(0);
  return run.stdout;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("a map measuring shared metrics", () => {
  for (const [name, map] of [
    ["used without listing them", MAP],
    ["listed by id", MAP.replace("stages:", "metrics: [csat, orders]\nstages:")],
  ] as const) {
    it(`${name}: the picture's lanes show the shared names, units and target`, () => {
      const root = parse(render(map, "svg"));
      expect(squeeze(cardText(root, "t1-metrics"))).toBe("SharedCSAT:72%✗offtarget(target80%)");
      expect(squeeze(cardText(root, "stage-1-funnel"))).toBe("Sharedorders400");
      expect(squeeze(cardText(root, "stage-2-funnel"))).toBe("Sharedorders10025%ofthestagebefore");
    });
  }

  it("the page's metrics tables list the shared definitions and judge the value against the shared target", () => {
    const [definitions, values] = markdownTables(render(MAP, "markdown")).slice(-2);
    expect(definitions).toEqual([
      ["Metric", "Id", "Unit", "Better", "Target", "Warning"],
      ["Shared orders", "orders", "count", "", "", ""],
      ["Shared CSAT", "csat", "percent", "higher", "80%", ""],
    ]);
    expect(values).toContainEqual(["Decision", "Pays", "Shared CSAT", "72%", "80%", "✗ off target", "", ""]);
  });
});
