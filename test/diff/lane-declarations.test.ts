// `journeymap diff` of the lane declarations themselves, not only their labels: a lane whose kind changed
// (drawn as chips instead of bullets), whose blueprint layer changed (its entries move to another row, to
// the other side of the line of visibility), whose description changed, that moved from the map to a
// shared file, and lanes whose drawn order changed. Each is a change a reviewer reads in stylish and the
// Markdown comment, with its keys in json; a map whose declarations did not change says nothing new.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import type { JourneyDiff } from "../../src/diff/index.js";
import { runCli } from "../helpers/cli.js";

const folder = mkdtempSync(join(tmpdir(), "journeymap-lane-declarations-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const map = (lanes: string[], policies: string) => `journeymap: 1
title: Claims
personas: [{id: p, name: Policyholder}]
lanes:
${lanes.map((lane) => `  - ${lane}`).join("\n")}
stages:
  - id: report
    name: Report
    lanes: {policies: ${policies}}
    touchpoints:
      - id: call
        name: Calls the line
        emotion: 3
        lanes:
          systems: [CRM, Telephony]
          back: [{id: open, text: Opens a claim}]
`;

mkdirSync(join(folder, "old"));
mkdirSync(join(folder, "new"));
const OLD = join(folder, "old", "claims.journey.yaml");
const NEW = join(folder, "new", "claims.journey.yaml");
const SAME = join(folder, "old", "same.journey.yaml");
const oldLanes = [
  "{id: systems, label: Systems, kind: systems}",
  "{id: policies, label: Policies, kind: text}",
  "{id: back, label: Backstage, layer: frontstage, description: What staff do}",
];
writeFileSync(OLD, map(oldLanes, '"Rule A"'));
writeFileSync(SAME, map(oldLanes, '"Rule A"'));
// systems: now a shared lane of kind tags; policies: a list; back: the backstage row, drawn first.
writeFileSync(
  join(folder, "new", "journeymap.shared.yaml"),
  "journeymap: 1\nlanes:\n  - {id: systems, label: Systems, kind: tags}\n",
);
writeFileSync(
  NEW,
  map(
    [
      "{id: back, label: Backstage, layer: backstage, order: 1, description: What staff do out of sight}",
      "{id: policies, label: Policies, kind: list}",
      "systems",
    ],
    '["Rule A"]',
  ),
);
const SHARED = join(folder, "new", "journeymap.shared.yaml");

describe("diff of lane declarations", () => {
  it("stylish: kind, blueprint layer, description, the declaring file and the drawn order, each a line", () => {
    const run = runCli(["diff", OLD, NEW]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    for (const line of [
      '  ~ lane back: blueprint layer "frontstage" → "backstage"  new 5:5',
      '  ~ lane back: description "What staff do" → "What staff do out of sight"  new 5:5',
      '  ~ lane policies: kind "text" → "list"  new 6:5',
      "  ~ lane systems",
      '      ~ kind "systems" → "tags"',
      `      ~ declared in the map → "${SHARED}"`,
      "  ~ lanes: reordered: systems, policies, back → back, policies, systems",
      // One per lane whose declaration changed, one for the order.
      "  4 map-level changes",
    ])
      expect(lines, run.stdout).toContain(line);
    // The stage's policy is the same text, now a list of one: no change of its value.
    expect(run.stdout).not.toContain('stage "Report"');
  });

  it("json: lanes.changed by lane id with each part old → new, and lanes.reordered", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "json"]);
    expect(run.code).toBe(0);
    const [diff] = JSON.parse(run.stdout) as JourneyDiff[];
    expect(diff!.lanes!.added).toEqual([]);
    expect(diff!.lanes!.renamed).toEqual([]);
    expect(diff!.lanes!.changed!.map(({ lane, ...rest }) => ({ id: lane.id, ...rest }))).toEqual([
      {
        id: "back",
        layer: { old: "frontstage", new: "backstage" },
        description: { old: "What staff do", new: "What staff do out of sight" },
      },
      { id: "policies", kind: { old: "text", new: "list" } },
      { id: "systems", kind: { old: "systems", new: "tags" }, declaredIn: { old: "map", new: SHARED } },
    ]);
    expect(diff!.lanes!.reordered).toEqual({
      old: ["systems", "policies", "back"],
      new: ["back", "policies", "systems"],
    });
  });

  it("markdown: the notable ones in the comment's table, read back by markdown-it", () => {
    const run = runCli(["diff", OLD, NEW, "--format", "markdown"]);
    expect(run.code).toBe(0);
    const text = new MarkdownIt()
      .parse(run.stdout, {})
      .flatMap((token) => token.children ?? [])
      .filter((token) => token.type === "text")
      .map((token) => token.content)
      .join("\n");
    expect(text).toContain('blueprint layer "frontstage" → "backstage"');
    expect(text).toContain('kind "systems" → "tags"');
    expect(text).toContain("reordered: systems, policies, back → back, policies, systems");
  });

  it("says nothing about lanes whose declarations are the same", () => {
    const run = runCli(["diff", OLD, SAME, "--format", "json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JourneyDiff[])[0]!.lanes).toBeUndefined();
    expect(runCli(["diff", OLD, SAME]).stdout).toContain("no changes");
  });
});
