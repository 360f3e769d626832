// The examples' dates against the clock. FreshCart's `next-free-slot` is due on 2027-09-30 and its maps
// were reviewed in November 2026 (once a year, by their configuration), so `journeymap lint` of them
// without --as-of says something new from 2027-10-01 on. README's first command and the tests that lint
// an example pin the day (--as-of, test/helpers/examples-day.ts); here the CLI runs with its clock moved
// (test/helpers/moved-clock.mjs, preloaded) to show that the pinned runs say the same on any day, and
// that the unpinned ones do see the overdue work.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { EXAMPLES_AS_OF } from "../helpers/examples-day.js";

const CLOCK = new URL("../helpers/moved-clock.mjs", import.meta.url).pathname;
const FRESHCART = "examples/freshcart.journey.yaml";
const OVERDUE = [
  "examples/freshcart.journey.yaml",
  '  57:18  warning  opportunity "next-free-slot" at touchpoint "Picks a delivery slot" was due on 2027-09-30, 2 days before 2027-10-02, and is in-progress: mark it done or dropped, or set a new "due" date  opportunity-overdue',
];

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
});
