// Issue 24: the issue-tracker sync's planning of 10,000 opportunities against the 10,000 issues it opened,
// in process: linear (issues looked up by id); a sync with nothing to change plans no write. And
// `journeymap backlog` over a repository of 1,000 maps holding 10,000 opportunities, whole process.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, goalRow, medianAndSpread, ms, timeInProcess, timeProcess } from "./lib.mjs";

/** A map with `count` scored opportunities, five to a touchpoint, ids from `first`. */
export function mapWithOpportunities(index, first, count) {
  const lines = ["journeymap: 1", `title: Map ${index}`, "stages:"];
  for (let stage = 0; stage * 10 < count; stage++) {
    lines.push(`  - id: stage-${stage}`, `    name: Stage ${stage}`, "    touchpoints:");
    for (let start = stage * 10; start < Math.min(count, stage * 10 + 10); start += 5) {
      lines.push(`      - name: Touchpoint ${start}`, "        painPoints: [Waits too long]", "        opportunities:");
      for (let k = start; k < Math.min(count, start + 5); k++) {
        const id = first + k;
        lines.push(
          `          - id: opp-${id}`,
          `            title: Opportunity ${id} for the slot picker`,
          `            owner: team-${id % 20}`,
          `            status: ${["idea", "planned", "in-progress", "done"][id % 4]}`,
          `            value: ${(id % 5) + 1}`,
          `            effort: ${(id % 3) + 1}`,
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `journeymap backlog <folder>` of 1,000 maps and 10,000 opportunities: median of whole-process runs. */
function wholeProcess(work) {
  const folder = join(work, "backlog-repository");
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < 1000; i++)
    writeFileSync(join(folder, `map-${String(i).padStart(4, "0")}.journey.yaml`), mapWithOpportunities(i, i * 10, 10));
  const rows = [];
  for (const format of ["stylish", "svg"]) {
    const times = Array.from({ length: 7 }, () =>
      timeProcess(process.execPath, [BIN, "backlog", folder, "-f", format], { runs: 1, warmup: false }),
    );
    const { median, spread } = medianAndSpread(times);
    rows.push(
      goalRow({
        issue: 24,
        measure: `backlog of 1,000 maps, 10,000 opportunities (--format ${format}), whole process`,
        median,
        spread,
        goal: 1000,
        shown: ms,
        target: "≤ 1000 ms",
      }),
    );
  }
  return rows;
}

function opportunities(count, edited = -1) {
  return Array.from({ length: count }, (_, i) => ({
    id: `opportunity-${i}`,
    title: `Opportunity ${i}: fix the slot picker @team #${i}`,
    status: i % 7 === 0 ? "done" : "planned",
    owner: `team-${i % 20}`,
    map: {
      title: `Map ${i % 1000}`,
      path: `maps/map-${i % 1000}.journey.yaml`,
      page: `https://acme.github.io/maps/map-${i % 1000}/`,
    },
    painPoints: [`Waits too long <${i}>`, `Gets lost in step ${i}`, i === edited ? "A new pain point" : "Pays twice"],
    value: (i % 5) + 1,
    effort: (i % 3) + 1,
  }));
}

export async function run({ work }) {
  const { planSync } = await import("../dist/backlog/sync/plan.js");
  const { readMarker } = await import("../dist/backlog/sync/marker.js");
  const rows = [];
  // The issues a first sync opened, as the API lists them back.
  const first = planSync(opportunities(10_000), [], "maria");
  const issues = first.actions.map((action, i) => ({
    number: i + 1,
    url: `https://github.com/acme/shop/issues/${i + 1}`,
    author: "maria",
    state: action.state,
    marker: readMarker(action.body),
  }));
  const unchanged = opportunities(10_000);
  const same = planSync(unchanged, issues, "maria");
  if (same.actions.filter((action) => action.kind !== "open").length !== 0)
    throw new Error("a sync with nothing to change planned a write");
  const time = await timeInProcess(() => planSync(unchanged, issues, "maria"), { runs: 5, warmup: 1 });
  rows.push({
    issue: 24,
    measure: `plan a sync of 10,000 opportunities against ${issues.length.toLocaleString("en")} issues, in process`,
    value: ms(time),
    target: "linear",
  });
  // Linear: a tenth of the opportunities and issues takes about a tenth of the time.
  const tenth = opportunities(1_000);
  const tenthIssues = issues.filter((issue) => Number(issue.marker.id.slice("opportunity-".length)) < 1_000);
  const small = await timeInProcess(() => planSync(tenth, tenthIssues, "maria"), { runs: 5, warmup: 1 });
  rows.push({
    issue: 24,
    measure: `  the same for 1,000 opportunities (×${(time / small).toFixed(1)} for ten times as many)`,
    value: ms(small),
    target: "",
  });
  const edited = opportunities(10_000, 4243);
  const one = planSync(edited, issues, "maria").actions.filter((action) => action.kind !== "open");
  rows.push({
    issue: 24,
    measure: "  writes planned after one opportunity changed",
    value: String(one.length),
    target: "1",
    ok: one.length === 1,
  });
  rows.push(...wholeProcess(work));
  return rows;
}
