// A source that fills a metric defined in journeymap.shared.yaml, as a user runs it: data pull finds the
// shared definitions of the map's folder (as lint and render do), lint --data and render --data judge the
// value against the shared target, and an unknown metric or a broken shared file changes no map.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type JsonReportFile } from "../helpers/cli.js";
import { makeRepository } from "../helpers/repository.js";
import { cardText, parse } from "../render/svg/xml.js";

const SHARED = `journeymap: 1
personas:
  - id: buyer
    name: Buyer
metrics:
  - id: csat
    name: Shared CSAT
    unit: percent
    better: higher
    target: 80
`;

// The map defines a metric of its own: before data pull knew the shared scope, its source's csat was
// refused as undeclared.
const MAP = `journeymap: 1
title: Checkout
personas: [buyer]
metrics:
  - {id: visits, name: Visits, unit: count}
sources:
  - file: survey.csv
    touchpoint: {column: Touchpoint}
    date: {column: Date}
    metrics:
      - {metric: csat, column: Score, aggregate: csat}
stages:
  - id: decision
    name: Decision
    touchpoints:
      - id: pay
        name: Pays
        channel: web
        owner: web
        emotion: 3
        metrics: {visits: 120}
`;

const FILE = "maps/checkout.journey.yaml";
const AS_OF = ["--as-of", "2025-06-30"];
let repo: string;

beforeAll(() => {
  repo = makeRepository("shared-metrics", {
    "maps/survey.csv":
      "Touchpoint,Date,Score\npay,2025-06-01,5\npay,2025-06-02,2\npay,2025-06-03,3\npay,2025-06-04,4\n",
  });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function reset(map = MAP, shared = SHARED): void {
  writeFileSync(join(repo, FILE), map);
  writeFileSync(join(repo, "journeymap.shared.yaml"), shared);
}

const run = (...args: string[]) => runCli(args, { cwd: repo });

/** The metric-off-target findings of a json report: line, column and message. */
function offTarget(stdout: string): Array<[number, number, string]> {
  return (JSON.parse(stdout) as JsonReportFile[]).flatMap((file) =>
    file.messages
      .filter((message) => message.ruleId === "metric-off-target")
      .map((message): [number, number, string] => [message.line, message.column, message.message]),
  );
}

const OFF =
  'Shared CSAT at touchpoint "Pays" is 50% against a target of 80%, and no opportunity is recorded: add an opportunity saying how to reach the target';

describe("a source that fills a shared metric", () => {
  it("data pull writes its value, and lint then judges it against the shared target", () => {
    reset();
    expect(run("data", "pull", "maps", ...AS_OF)).toMatchObject({
      code: 0,
      stderr: `✔ ${FILE}: 1 value from 1 source\n`,
    });
    expect(readFileSync(join(repo, FILE), "utf8")).toBe(
      MAP.replace(
        "metrics: {visits: 120}",
        "metrics: {visits: 120, csat: {value: 50, date: 2025-06-04, source: survey.csv, n: 4}}",
      ),
    );
    const lint = run("lint", "maps", ...AS_OF, "--format", "json");
    expect(lint.code).toBe(0);
    expect(offTarget(lint.stdout)).toEqual([[21, 46, OFF]]);
  });

  it("lint --data and render --data use the shared definition without writing the map", () => {
    reset();
    // The value is not in the map's text: the finding is placed at the touchpoint's metrics.
    expect(offTarget(run("lint", "maps", "--data", ...AS_OF, "--format", "json").stdout)).toEqual([[21, 18, OFF]]);
    const render = run("render", FILE, "--format", "svg", "--data", ...AS_OF);
    expect(render.code).toBe(0);
    const card = cardText(parse(render.stdout), "t1-metrics").replace(/\s+/g, "");
    expect(card).toBe("Visits:120SharedCSAT:50%✗offtarget(target80%)n=4");
    expect(readFileSync(join(repo, FILE), "utf8")).toBe(MAP);
  });

  it("a source naming a metric neither the map nor the shared file defines changes no map", () => {
    reset(MAP.replace("{metric: csat,", "{metric: cast,"));
    const pull = run("data", "pull", "maps", ...AS_OF);
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain(
      `${FILE}\n  11:18  error    metric "cast" is neither declared in "metrics" nor shared (did you mean "csat"?): declare it, or name a declared metric  data-source\n`,
    );
    expect(pull.stderr).toContain("journeymap: no map was changed\n");
  });

  it("a broken shared file stops the pull at its line and column, and changes no map", () => {
    reset(MAP, SHARED.replace("    target: 80\n", "    target: high\n"));
    const pull = run("data", "pull", "maps", ...AS_OF);
    expect(pull.code).toBe(1);
    expect(pull.stderr).toContain('journeymap.shared.yaml\n  10:13  error    target must be a number (got "high")');
    expect(pull.stderr).toContain("journeymap: no map was changed\n");
    expect(readFileSync(join(repo, FILE), "utf8")).toBe(MAP);
  });
});
