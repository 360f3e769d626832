// Issue 24: the issue-tracker sync's planning of 10,000 opportunities against the 10,000 issues it opened,
// in process: linear (issues looked up by id); a sync with nothing to change plans no write.
import { ms, timeInProcess } from "./lib.mjs";

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

export async function run() {
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
  return rows;
}
