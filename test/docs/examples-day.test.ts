// The examples' dates against the clock. FreshCart's `next-free-slot` is due on 2027-09-30 and its maps
// were reviewed in November 2026 (once a year, by their configuration), so `journeymap lint` of them
// without --as-of says something new from 2027-10-01 on. README's first command and the tests that lint
// an example pin the day (--as-of, test/helpers/examples-day.ts); here the CLI runs with its clock moved
// (test/helpers/moved-clock.mjs, preloaded) to show that the pinned runs say the same on any day, and
// that the unpinned ones do see the overdue work.
//
// The examples keep real dates on purpose: a user copies them, and a `reviewed` day the map was really
// checked on is what the copy should show. A date moved far ahead would not defuse anything (review-
// overdue reports a review day that has not come), and one far back would warn on the first run. So the
// examples do start warning one day: FIRST_WARNINGS lists that day for every example map, and the docs
// show no example's lint output except README's first command, which pins the day.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, type JsonReportFile } from "../helpers/cli.js";
import { EXAMPLES_AS_OF } from "../helpers/examples-day.js";

const CLOCK = new URL("../helpers/moved-clock.mjs", import.meta.url).pathname;
const FRESHCART = "examples/freshcart.journey.yaml";
const OVERDUE = [
  "examples/freshcart.journey.yaml",
  '  57:18  warning  opportunity "next-free-slot" at touchpoint "Picks a delivery slot" was due on 2027-09-30, 2 days before 2027-10-02, and is in-progress: mark it done or dropped, or set a new "due" date  opportunity-overdue',
];

/** The rules that read the day: what they report of a map changes with --as-of (or the clock). */
const DATE_RULES = new Set(["review-overdue", "opportunity-overdue", "stale-metric"]);

/** Every example map, and the days from which `journeymap lint` of it (without --as-of, with its folder's
 * configuration) reports one of its dates; a map absent from a day's list reports none of its dates then.
 * The data example's metric values are of 2025-01-31, stale (more than 90 days old) from 2025-05-02: it
 * is the example `data pull` refreshes from its CSV exports, and docs/data.md pins --as-of 2025-06-30. */
const FIRST_WARNINGS: Record<string, Array<{ day: string; rule: string }>> = {
  "docs/examples/bank-account.journey.yaml": [],
  "docs/examples/data/office-order.journey.yaml": [{ day: "2025-05-02", rule: "stale-metric" }],
  // reviewed 2026-11-30, and docs/examples/ sets no review period: 180 days, the default.
  "docs/examples/hotel-check-in.journey.yaml": [{ day: "2027-05-30", rule: "review-overdue" }],
  "docs/examples/hotel-to-be.journey.yaml": [],
  "docs/examples/hotel.journey.yaml": [],
  "docs/examples/lanes.journey.yaml": [],
  "docs/examples/saas/trial-to-paid.journey.yaml": [],
  // examples/ reviews once a year (review.every: 365).
  "examples/freshcart.journey.yaml": [
    { day: "2027-10-01", rule: "opportunity-overdue" }, // next-free-slot, due 2027-09-30
    { day: "2027-12-01", rule: "review-overdue" }, // reviewed 2026-11-30
  ],
  "examples/freshcart/checkout.journey.yaml": [{ day: "2027-12-01", rule: "review-overdue" }],
  "examples/freshcart/delivery.journey.yaml": [{ day: "2027-11-17", rule: "review-overdue" }],
  "examples/freshcart/refund.journey.yaml": [{ day: "2027-11-24", rule: "review-overdue" }],
};

/** The example maps on disk, as the repository's paths. */
function exampleMaps(): string[] {
  return ["examples", "docs/examples"]
    .flatMap((folder) =>
      readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" }).map((name) => join(folder, name)),
    )
    .filter((path) => path.endsWith(".journey.yaml"))
    .sort();
}

/** The day before `day` (both YYYY-MM-DD). */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The date rules `journeymap lint` of `paths` reports for each map, as of `day`. */
function dateFindings(paths: string[], day: string): Map<string, string[]> {
  const run = runCli(["lint", ...paths, "--as-of", day, "--format", "json"]);
  expect(run.stderr, day).toBe("");
  return new Map(
    (JSON.parse(run.stdout) as JsonReportFile[]).map((file) => [
      relative(ROOT, join(ROOT, file.filePath)),
      [...new Set(file.messages.flatMap(({ ruleId }) => (ruleId && DATE_RULES.has(ruleId) ? [ruleId] : [])))].sort(),
    ]),
  );
}

/** What FIRST_WARNINGS says lint reports of each map on `day`. */
function scheduled(day: string): Map<string, string[]> {
  return new Map(
    Object.entries(FIRST_WARNINGS).map(([map, warnings]) => [
      map,
      [...new Set(warnings.filter((warning) => warning.day <= day).map((warning) => warning.rule))].sort(),
    ]),
  );
}

/** The CLI as a machine whose clock says `day` runs it. */
function lintOn(day: string, args: string[]) {
  return runCli(["lint", ...args], {
    env: { NODE_OPTIONS: `--import ${JSON.stringify(CLOCK)}`, MOVED_CLOCK: `${day}T12:00:00Z` },
  });
}

/** README's first command's lint, as written there (`npx journeymap lint …`, up to the next `&&`). */
function readmeLint(): string[] {
  const first = /^```sh\n(.*)$/m.exec(readFileSync(`${ROOT}/README.md`, "utf8"))![1]!;
  const lint = first.split("&&").find((part) => part.includes("journeymap lint"))!;
  return lint
    .trim()
    .replace(/^npx journeymap lint /, "")
    .split(/\s+/);
}

describe("the examples' dates, whatever the day", () => {
  it("README's first command lints FreshCart clean on any day: it pins the day with --as-of", () => {
    expect(readmeLint()).toEqual([FRESHCART, "--as-of", EXAMPLES_AS_OF]);
    for (const day of ["2026-12-08", "2027-10-02", "2027-12-02", "2031-02-28"])
      expect(lintOn(day, readmeLint()), day).toEqual({
        code: 0,
        stdout: "✔ 1 map checked, no problems\n",
        stderr: "",
      });
  });

  it("every example map lints as it does today on a later day when the day is pinned", () => {
    const today = runCli(["lint", "examples", "docs/examples", "--as-of", EXAMPLES_AS_OF]);
    expect(lintOn("2031-02-28", ["examples", "docs/examples", "--as-of", EXAMPLES_AS_OF])).toEqual(today);
  });

  it("from 2027-10-01, lint without --as-of says FreshCart's next free slot is overdue", () => {
    const moved = lintOn("2027-10-02", [FRESHCART]);
    expect(moved.code).toBe(0);
    expect(moved.stdout.split("\n").slice(0, 2)).toEqual(OVERDUE);
    expect(moved.stdout).toContain("✖ 1 problem (0 errors, 1 warning)");
    // --as-of says the same as the moved clock: the day is the only thing the clock gives lint.
    const asOf = runCli(["lint", FRESHCART, "--as-of", "2027-10-02"]);
    expect(asOf).toEqual(moved);
    // The day before, nothing was due yet.
    expect(runCli(["lint", FRESHCART, "--as-of", "2027-09-30"]).stdout).toBe("✔ 1 map checked, no problems\n");
  });

  it("FIRST_WARNINGS names every example map", () => {
    expect(Object.keys(FIRST_WARNINGS).sort()).toEqual(exampleMaps());
  });

  it("every example starts warning on the day FIRST_WARNINGS gives, not the day before", () => {
    const days = Object.values(FIRST_WARNINGS)
      .flat()
      .map((warning) => warning.day)
      .filter((day) => day > EXAMPLES_AS_OF)
      .flatMap((day) => [dayBefore(day), day]);
    // The pinned day, each first day and its eve, and a day ten years on (no other date of theirs comes).
    for (const day of new Set([EXAMPLES_AS_OF, ...days, "2036-12-31"]))
      expect(dateFindings(["examples", "docs/examples"], day), day).toEqual(scheduled(day));
  });

  it("on the pinned day, only the data example's metrics are old, as they have been since 2025-05-02", () => {
    expect([...scheduled(EXAMPLES_AS_OF)].filter(([, rules]) => rules.length > 0)).toEqual([
      ["docs/examples/data/office-order.journey.yaml", ["stale-metric"]],
    ]);
    const data = "docs/examples/data";
    expect(dateFindings([data], "2025-05-01").get(`${data}/office-order.journey.yaml`)).toEqual([]);
    expect(dateFindings([data], "2025-05-02").get(`${data}/office-order.journey.yaml`)).toEqual(["stale-metric"]);
  });

  it("no page shows a lint report of an example, whose findings would change with the day", () => {
    const pages = [
      "README.md",
      ...readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".md"))
        .map((name) => `docs/${name}`),
    ];
    const names = Object.keys(FIRST_WARNINGS).map((map) => map.replace(/^.*\//, ""));
    const reports = pages.flatMap((page) =>
      [...readFileSync(join(ROOT, page), "utf8").matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)]
        .map((block) => block[1]!)
        .filter((block) => /^(✔ \d+ maps? checked|✖ \d+ problems? \()/m.test(block))
        .map((block) => ({ page, block })),
    );
    // The one report the docs show: README's, of a typo in a map of the reader's own.
    expect(reports.map(({ page, block }) => `${page}: ${block.split("\n")[0]!}`)).toEqual([
      "README.md: maps/typo.journey.yaml",
    ]);
    for (const { block } of reports) for (const name of names) expect(block).not.toContain(name);
  });
});
