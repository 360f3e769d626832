// `journeymap backlog` as a user runs it: the FreshCart example ranked, every format read back by a real
// parser (JSON.parse, papaparse, markdown-it, fast-xml-parser), filters, groups, formulas from the
// command line and the configuration, maps with errors left out, outputs that never replace an input.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { expectInertInLog, markdownTables, rawHtml, svgProblems } from "../helpers/oracles.js";

const work = mkdtempSync(join(tmpdir(), "journeymap-backlog-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder of maps written from `maps` (file name → YAML), with an optional configuration. */
function repository(maps: Record<string, string>, config?: string): string {
  const folder = mkdtempSync(join(work, "repo-"));
  mkdirSync(join(folder, ".git"));
  for (const [name, text] of Object.entries(maps)) writeFileSync(join(folder, name), text);
  if (config !== undefined) writeFileSync(join(folder, "journeymap.config.yaml"), config);
  return folder;
}

function mapOf(title: string, opportunities: string[]): string {
  return [
    "journeymap: 1",
    `title: ${JSON.stringify(title)}`,
    "stages:",
    "  - id: only",
    "    name: Only",
    "    touchpoints:",
    "      - name: Pays",
    "        painPoints: [Waits]",
    "        opportunities:",
    ...opportunities.map((line) => `          - ${line}`),
    "",
  ].join("\n");
}

const FRESHCART_ORDER = [
  "refund-button",
  "next-free-slot",
  "wallet-first",
  "forbid-substitutions",
  "doorstep-substitutions",
  "pooled-orders",
];

interface JsonBacklog {
  backlog: number;
  formula: string;
  statuses: string[];
  opportunities: Array<{
    rank: number;
    id: string;
    title: string;
    priority: number | null;
    owner: string | null;
    status: string;
  }>;
  groups: Array<{ name: string | null; ids: string[] }>;
}

describe("journeymap backlog", () => {
  it("ranks FreshCart's open opportunities by value × confidence ÷ effort, done work left out", () => {
    const run = runCli(["backlog", "examples"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      "6 opportunities (idea, planned, in-progress) from 4 maps, ranked by rice: value × confidence ÷ effort (RICE without reach); an opportunity without a confidence counts 80 %",
    );
    expect(lines[3]).toBe(
      "   1       1.6      4       2         80%  planned      care      A refund button on the order itself  refund-button · examples/freshcart/refund.journey.yaml",
    );
    const ids = lines.slice(3, 9).map((line) => line.split("  ").at(-1)!.split(" · ")[0]);
    expect(ids).toEqual(FRESHCART_ORDER);
    expect(run.stdout).toContain("1 with another status not shown (journeymap backlog --status all lists every one)");
  });

  it("writes JSON of a documented shape, every status with --status all", () => {
    const run = runCli(["backlog", "examples", "--format", "json", "--status", "all"]);
    expect(run.code).toBe(0);
    const backlog = JSON.parse(run.stdout) as JsonBacklog;
    expect(backlog).toMatchObject({
      backlog: 1,
      formula: "rice",
      statuses: ["idea", "planned", "in-progress", "done", "dropped"],
    });
    expect(backlog.opportunities.map((opportunity) => opportunity.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(backlog.opportunities.find((opportunity) => opportunity.id === "wallet-refund")).toMatchObject({
      rank: 3,
      priority: 1.5,
      status: "done",
      owner: "payments",
    });
  });

  it("groups by owner (owners by name, no owner last) and ranks by another formula", () => {
    const folder = repository({
      "a.journey.yaml": mapOf("A", [
        "{ id: cheap, title: Cheap, value: 2, effort: 1, owner: zed }",
        "{ id: big, title: Big, value: 5, effort: 5, owner: amy }",
        "{ id: orphan, title: Orphan, value: 3, effort: 3 }",
      ]),
    });
    const rice = JSON.parse(
      runCli(["backlog", ".", "-f", "json", "--group-by", "owner"], { cwd: folder }).stdout,
    ) as JsonBacklog;
    expect(rice.opportunities.map((opportunity) => opportunity.id)).toEqual(["cheap", "big", "orphan"]);
    expect(rice.groups).toEqual([
      { name: "amy", ids: ["big"] },
      { name: "zed", ids: ["cheap"] },
      { name: null, ids: ["orphan"] },
    ]);
    const value = JSON.parse(
      runCli(["backlog", ".", "-f", "json", "--priority", "value"], { cwd: folder }).stdout,
    ) as JsonBacklog;
    expect(value.opportunities.map((opportunity) => opportunity.id)).toEqual(["big", "orphan", "cheap"]);
  });

  it("takes the formula and the default confidence from journeymap.config.yaml, and says where one is wrong", () => {
    const maps = {
      "a.journey.yaml": mapOf("A", [
        "{ id: sure, title: Sure, value: 4, effort: 2, confidence: 100 }",
        "{ id: unsure, title: Unsure, value: 4, effort: 2 }",
      ]),
    };
    const full = repository(maps, "backlog:\n  priority:\n    formula: ice\n    defaultConfidence: 100\n");
    const backlog = JSON.parse(runCli(["backlog", ".", "-f", "json"], { cwd: full }).stdout) as JsonBacklog & {
      defaultConfidence: number;
    };
    expect(backlog).toMatchObject({ formula: "ice", defaultConfidence: 100 });
    expect(backlog.opportunities.map((opportunity) => opportunity.priority)).toEqual([16, 16]);
    const wrong = repository(maps, "backlog:\n  priority:\n    formula: eval(1)\n");
    const run = runCli(["backlog", "."], { cwd: wrong });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "journeymap: journeymap.config.yaml:3:14: backlog.priority.formula must be one of rice, ice, value (see docs/backlog.md)\n",
    );
  });

  it("ranks unscored opportunities last, in repository order", () => {
    const folder = repository({
      "a.journey.yaml": mapOf("A", [
        "{ id: no-effort, title: No effort, value: 5 }",
        "{ id: scored, title: Scored, value: 1, effort: 5 }",
        "{ id: nothing, title: Nothing }",
      ]),
    });
    const run = runCli(["backlog", ".", "-f", "json"], { cwd: folder });
    const backlog = JSON.parse(run.stdout) as JsonBacklog;
    expect(backlog.opportunities.map((opportunity) => [opportunity.id, opportunity.priority])).toEqual([
      ["scored", 0.16],
      ["no-effort", null],
      ["nothing", null],
    ]);
    expect(runCli(["backlog", "."], { cwd: folder }).stdout).toContain(
      "2 opportunities without a value or an effort ranked last: score them to rank them",
    );
  });

  it("writes CSV that a CSV parser reads back, formulas kept as text", () => {
    const folder = repository({
      "a.journey.yaml": mapOf("A", [
        `{ id: formula, title: "=HYPERLINK(\\"http://x.test\\",\\"a, b\\")", value: 5, effort: 1, owner: "@ops" }`,
        `{ id: plain, title: 'Say "hi", then go', value: 1, effort: 1 }`,
      ]),
    });
    const run = runCli(["backlog", ".", "-f", "csv"], { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\r\n$/);
    const parsed = Papa.parse<Record<string, string>>(run.stdout.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => [row.rank, row.id, row.title, row.owner])).toEqual([
      ["1", "formula", `'=HYPERLINK("http://x.test","a, b")`, "'@ops"],
      ["2", "plain", 'Say "hi", then go', ""],
    ]);
    expect(parsed.meta.fields).toEqual([
      "rank",
      "priority",
      "id",
      "title",
      "status",
      "owner",
      "value",
      "effort",
      "confidence",
      "due",
      "issue",
      "map",
      "map_title",
      "pain_points",
    ]);
    expect(parsed.data[0]!.pain_points).toBe("Waits");
  });

  it("writes Markdown whose tables markdown-it reads back, with no HTML from the map", () => {
    const folder = repository({
      "a.journey.yaml": mapOf("<b>A</b>", [
        `{ id: html, title: "<script>x</script> | pipe", value: 3, effort: 1, owner: ops }`,
      ]),
    });
    const run = runCli(["backlog", ".", "-f", "markdown"], { cwd: folder });
    expect(rawHtml(run.stdout)).toEqual([]);
    const [table] = markdownTables(run.stdout);
    expect(table![1]).toEqual([
      "1",
      "<script>x</script> | pipe (html)",
      "2.4",
      "3",
      "1",
      "~80%",
      "idea",
      "ops",
      "a.journey.yaml",
    ]);
  });

  it("writes the matrix to a file named .svg, and never over an input", () => {
    const folder = repository({ "a.journey.yaml": mapOf("A", ["{ id: one, title: One, value: 3, effort: 1 }"]) });
    expect(runCli(["backlog", ".", "-o", "matrix.svg", "--theme", "dark"], { cwd: folder }).code).toBe(0);
    const svg = readFileSync(join(folder, "matrix.svg"), "utf8");
    expect(svgProblems(svg)).toEqual([]);
    expect(svg).toContain(">One</text>");
    expect(svg).toContain('fill="#0d1117"');
    const over = runCli(["backlog", ".", "-f", "csv", "-o", "a.journey.yaml"], { cwd: folder });
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(
      'journeymap: cannot write "a.journey.yaml": it is an input of this run: choose another output file\n',
    );
  });

  it("leaves a map with errors out, says so, and exits 1", () => {
    const folder = repository({
      "a.journey.yaml": mapOf("A", ["{ id: kept, title: Kept, value: 3, effort: 1 }"]),
      "b.journey.yaml": mapOf("B", ["{ id: huge, title: Huge, value: 99, effort: 1 }"]),
    });
    const run = runCli(["backlog", ".", "-f", "json"], { cwd: folder });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonBacklog).opportunities.map((opportunity) => opportunity.id)).toEqual([
      "kept",
    ]);
    expect(run.stderr).toContain("b.journey.yaml");
    expect(run.stderr).toContain(
      "journeymap: 1 map has errors and is left out of the backlog: fix it (journeymap validate shows the same problems)\n",
    );
  });

  it("shows map text in the terminal with its controls escaped", () => {
    const folder = repository({
      "a.journey.yaml": mapOf("A", [
        `{ id: ansi, title: "Red \\e[31m alert \\u202e txt ##[error] x", value: 3, effort: 1, owner: "::warning::" }`,
      ]),
    });
    const run = runCli(["backlog", ".", "--group-by", "owner"], { cwd: folder });
    expect(run.code).toBe(0);
    expectInertInLog(run.stdout);
    expect(run.stdout).toContain("Red \\x1b[31m alert \\u202e txt");
  });

  it("refuses an unknown status or grouping with the choices", () => {
    expect(runCli(["backlog", "examples", "--status", "open,closed"]).stderr).toBe(
      'journeymap: unknown status "closed" in --status: use idea, planned, in-progress, done, dropped, open or all, separated by commas\n',
    );
    const grouping = runCli(["backlog", "examples", "--group-by", "team"]);
    expect(grouping.code).toBe(2);
    expect(grouping.stderr).toContain("Allowed choices are none, owner, status");
  });
});
