// The docs site's Lint column reads the day as `journeymap lint` does: review-overdue, opportunity-overdue
// and stale-metric judge the maps at render's --as-of (today by default), so the index says what lint says
// of the same folder on the same day, and says it again on any later day when the day is pinned. Oracles:
// lint's json report (the counts per map) and markdown-it (the index's Maps table, read back by its
// header). The clock is moved with test/helpers/moved-clock.mjs, as a machine whose clock says that day.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type JsonReportFile } from "../../helpers/cli.js";
import { EXAMPLES_AS_OF } from "../../helpers/examples-day.js";

const CLOCK = new URL("../../helpers/moved-clock.mjs", import.meta.url).pathname;

/** Reviewed on 2026-01-10, every 30 days: overdue from 2026-02-10; its mobile key is due on 2026-03-01. */
const CHECK_IN = `journeymap: 1
title: Check-in
owner: front-desk
reviewed: 2026-01-10
teams:
  - id: front-desk
    name: Front desk
personas:
  - id: guest
    name: Guest
stages:
  - id: arrival
    name: Arrival
    touchpoints:
      - name: Checks in at the desk
        owner: front-desk
        channel: desk
        emotion: {guest: 2}
        painPoints: [Queue at 6 pm]
        opportunities:
          - id: mobile-key
            title: Mobile key in the app
            owner: front-desk
            status: planned
            due: 2026-03-01
`;

const REVIEW_OVERDUE =
  '  4:11  warning  the map was last reviewed on 2026-01-10, 31 days before 2026-02-10 (more than 30): ask "front-desk" to check it against the journey today and update "reviewed"  review-overdue';

let repository: string;
beforeAll(() => {
  repository = mkdtempSync(join(tmpdir(), "journeymap-site-dates-"));
  mkdirSync(join(repository, ".git"));
  mkdirSync(join(repository, "maps"));
  writeFileSync(join(repository, "maps/journeymap.config.yaml"), "stages: []\nreview:\n  every: 30\n");
  writeFileSync(join(repository, "maps/check-in.journey.yaml"), CHECK_IN);
});
afterAll(() => rmSync(repository, { recursive: true, force: true }));

/** The CLI in `cwd`, on a machine whose clock says `day` (or the real clock). */
function run(args: string[], options: { cwd?: string; day?: string } = {}) {
  return runCli(args, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.day
      ? { env: { NODE_OPTIONS: `--import ${JSON.stringify(CLOCK)}`, MOVED_CLOCK: `${options.day}T12:00:00Z` } }
      : {}),
  });
}

/** The site of `folders` rendered into a fresh folder: its index's Lint column, by map page. */
function siteLint(folders: string[], more: string[], options: { cwd?: string; day?: string } = {}) {
  const site = mkdtempSync(join(tmpdir(), "journeymap-site-dates-out-"));
  try {
    const rendered = run(["render", ...folders, "--format", "markdown", "-o", `${site}/`, "--quiet", ...more], options);
    expect(rendered, rendered.stderr).toMatchObject({ code: 0, stderr: "" });
    const index = readFileSync(join(site, "index.md"), "utf8");
    return { column: lintColumn(index), index };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

/** The Maps table of an index as markdown-it reads it: each row's page and its Lint cell. */
function lintColumn(index: string): Map<string, string> {
  const tokens = new MarkdownIt().parse(index, {});
  const heading = tokens.findIndex((token) => token.type === "inline" && token.content === "Maps");
  const start = tokens.findIndex((token, i) => i > heading && token.type === "table_open");
  const end = tokens.findIndex((token, i) => i > start && token.type === "table_close");
  const rows: string[][] = [];
  const pages: string[] = [];
  for (const token of tokens.slice(start, end)) {
    if (token.type === "tr_open") rows.push([]);
    if (token.type !== "inline") continue;
    rows.at(-1)!.push(token.content);
    const href = token.children?.find((child) => child.type === "link_open")?.attrGet("href");
    if (rows.at(-1)!.length === 1 && href) pages.push(String(href));
  }
  const [header, ...body] = rows;
  const lint = header!.indexOf("Lint");
  expect(lint).toBeGreaterThan(0);
  return new Map(body.map((cells, i) => [pages[i]!, cells[lint]!]));
}

/** What the Lint column should say of each map, from lint's json report of the same run. */
function lintSays(args: string[], options: { cwd?: string; day?: string } = {}): Map<string, string> {
  const linted = run(["lint", ...args, "--format", "json"], options);
  expect(linted.stderr).toBe("");
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return new Map(
    (JSON.parse(linted.stdout) as JsonReportFile[]).map((file) => {
      const parts = [
        file.errorCount ? plural(file.errorCount, "error") : "",
        file.warningCount ? plural(file.warningCount, "warning") : "",
      ].filter(Boolean);
      const page = file.filePath.replace(/^.*\//, "").replace(".journey.yaml", ".md");
      return [page, parts.length ? `⚠ ${parts.join(", ")}` : "✔ clean"];
    }),
  );
}

describe("the site's Lint column on the day of --as-of", () => {
  const cwd = () => repository;

  it("shows the review lint reports overdue; the day before the limit, neither reports anything", () => {
    const due = run(["lint", "maps", "--as-of", "2026-02-10"], { cwd: cwd() });
    expect(due.stdout.split("\n").slice(0, 2)).toEqual(["maps/check-in.journey.yaml", REVIEW_OVERDUE]);
    expect(siteLint(["maps"], ["--as-of", "2026-02-10"], { cwd: cwd() }).column).toEqual(
      new Map([["check-in.md", "⚠ 1 warning"]]),
    );

    const before = run(["lint", "maps", "--as-of", "2026-02-09"], { cwd: cwd() });
    expect(before).toEqual({ code: 0, stdout: "✔ 1 map checked, no problems\n", stderr: "" });
    expect(siteLint(["maps"], ["--as-of", "2026-02-09"], { cwd: cwd() }).column).toEqual(
      new Map([["check-in.md", "✔ clean"]]),
    );
  });

  it("counts an opportunity past its due date as lint does", () => {
    const late = run(["lint", "maps", "--as-of", "2026-03-02"], { cwd: cwd() });
    expect(late.stdout).toContain("was due on 2026-03-01, 1 day before 2026-03-02, and is planned");
    expect(late.stdout).toContain("✖ 2 problems (0 errors, 2 warnings)");
    expect(siteLint(["maps"], ["--as-of", "2026-03-02"], { cwd: cwd() }).column).toEqual(
      new Map([["check-in.md", "⚠ 2 warnings"]]),
    );
  });

  it("without --as-of, judges the maps at today's date, as lint does", () => {
    for (const [day, status] of [
      ["2026-02-09", "✔ clean"],
      ["2026-02-10", "⚠ 1 warning"],
      ["2026-03-02", "⚠ 2 warnings"],
    ] as const) {
      expect(lintSays(["maps"], { cwd: cwd(), day }), day).toEqual(new Map([["check-in.md", status]]));
      expect(siteLint(["maps"], [], { cwd: cwd(), day }).column, day).toEqual(new Map([["check-in.md", status]]));
    }
  });

  it("says what lint says of every example, on the day they are pinned to and on the days their dates pass", () => {
    const examples = ["examples", "docs/examples"];
    // docs/examples' data map has metric values of 2025-01-31: stale-metric reports them on any of these days.
    for (const day of [EXAMPLES_AS_OF, "2027-05-30", "2027-10-02", "2027-12-02"]) {
      const expected = lintSays([...examples, "--as-of", day]);
      expect(expected.size, day).toBe(11);
      expect(siteLint(examples, ["--as-of", day]).column, day).toEqual(expected);
    }
  });

  it("writes the same index for a pinned day, whatever the clock says", () => {
    const on = (day: string) => siteLint(["examples", "docs/examples"], ["--as-of", EXAMPLES_AS_OF], { day }).index;
    expect(on("2031-02-28")).toBe(on("2026-12-08"));
  });
});
