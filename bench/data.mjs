// Issue 13: a 1,000,000-row survey export (about 50 MB) aggregated by `data pull` (whole process:
// wall and CPU time, median of 5, and its peak memory), and `data pull` over 100 maps and their
// sources; with the load average, as the machine may be shared.
import { createWriteStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { BIN, ms, timeNodeProcess } from "./lib.mjs";

const TOUCHPOINTS = ["browse", "slot", "pay", "delivery"];

function mapText(file) {
  return [
    "journeymap: 1",
    "title: Bench",
    "personas: [{id: p, name: P}]",
    "metrics:",
    "  - {id: nps, name: NPS, unit: score, better: higher, target: 30}",
    "  - {id: csat, name: CSAT, unit: percent, better: higher, target: 80}",
    "  - {id: ces, name: CES, unit: score, better: lower, target: 3}",
    "sources:",
    `  - file: ${file}`,
    "    touchpoint: {column: Touchpoint}",
    "    date: {column: Submitted At}",
    "    metrics:",
    "      - {metric: nps, column: NPS, aggregate: nps}",
    "      - {metric: csat, column: CSAT, aggregate: csat}",
    "      - {metric: ces, column: CES, aggregate: ces}",
    "stages:",
    "  - id: decision",
    "    name: Decision",
    "    touchpoints:",
    ...TOUCHPOINTS.map((id) => `      - {id: ${id}, name: Touchpoint ${id}}`),
    "",
  ].join("\n");
}

/** A survey export of `rows` responses, one per line (deterministic). */
async function writeSurvey(path, rows) {
  const out = createWriteStream(path);
  out.write("Response ID,Submitted At,Touchpoint,NPS,CSAT,CES,Comment\n");
  let lines = [];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      `R_${100000000 + i},2025-06-${day}T10:${String(i % 60).padStart(2, "0")}:00Z,${TOUCHPOINTS[i % 4]},${i % 11},${1 + (i % 5)},${1 + (i % 7)},"ok, thanks"\n`,
    );
    if (lines.length === 10000) {
      if (!out.write(lines.join(""))) await new Promise((resolve) => out.once("drain", resolve));
      lines = [];
    }
  }
  out.end(lines.join(""));
  await new Promise((resolve) => out.once("finish", resolve));
}

/** A whole process's rows: its wall time (median of 5) against the target, and its CPU time. */
function processRows(measure, timed, targetMs) {
  return [
    {
      issue: 13,
      measure: `${measure}, whole process, median of 5`,
      value: ms(timed.wall),
      target: `≤ ${targetMs} ms`,
      ok: timed.wall <= targetMs,
    },
    { issue: 13, measure: "  its CPU time (user + system)", value: ms(timed.cpu), target: "" },
  ];
}

export async function run({ work }) {
  const rows = [];
  const folder = join(work, "data");
  mkdirSync(join(folder, ".git"), { recursive: true });
  mkdirSync(join(folder, "big"), { recursive: true });
  await writeSurvey(join(folder, "big/survey.csv"), 1_000_000);
  writeFileSync(join(folder, "big/big.journey.yaml"), mapText("survey.csv"));
  const args = [BIN, "data", "pull", join(folder, "big"), "--dry-run", "--as-of", "2025-06-30"];
  const load = loadavg()[0];
  const size = statSync(join(folder, "big/survey.csv")).size / 1e6;
  const big = timeNodeProcess(args, { runs: 5, cwd: folder });
  rows.push(...processRows(`data pull of a 1,000,000-row survey export (${size.toFixed(0)} MB)`, big, 5000), {
    issue: 13,
    measure: "  its peak memory (RSS)",
    value: `${big.peakMb.toFixed(0)} MB`,
    target: "≤ 300 MB",
    ok: big.peakMb <= 300,
  });

  const many = join(folder, "many");
  for (let m = 0; m < 100; m++) {
    const sub = join(many, `team-${m % 10}`);
    mkdirSync(sub, { recursive: true });
    await writeSurvey(join(sub, `survey-${m}.csv`), 200);
    writeFileSync(join(sub, `map-${m}.journey.yaml`), mapText(`survey-${m}.csv`));
  }
  const pulls = timeNodeProcess([BIN, "data", "pull", many, "--dry-run", "--as-of", "2025-06-30"], {
    runs: 5,
    cwd: folder,
  });
  rows.push(...processRows("data pull over 100 maps and their sources", pulls, 3000), {
    issue: 13,
    measure: "  load average (1 min) at the start, on this many cores",
    value: `${load.toFixed(2)} / ${availableParallelism()}`,
    target: "",
  });
  return rows;
}
