// Issue 19's budget for the data features: about 1 MB of CSV (or of map naming it) of every hostile
// shape goes through `data pull --dry-run`, `lint --data` (SARIF) and `render --data` (SVG and
// Markdown) within 3 s and 500 MB each, or is refused at its line and column. Each command is the
// built CLI in a child process with a capped heap. The bound is on the child's CPU time (user and
// system), which a machine shared by other jobs does not inflate as it does wall time; TIME_SLACK
// (default 2) loosens it further.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialData, AS_OF, DATA_MAP } from "../helpers/adversarial-data.js";
import { BIN } from "../helpers/cli.js";
import { makeRepository } from "../helpers/repository.js";

const RSS = fileURLToPath(new URL("../../bench/report-rss.mjs", import.meta.url));
const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
const repositories: string[] = [];
afterAll(() => {
  for (const repo of repositories) rmSync(repo, { recursive: true, force: true });
});

const COMMANDS: Record<string, string[]> = {
  pull: ["data", "pull", "maps", "--dry-run", "--as-of", AS_OF, "--window", "90d"],
  lint: ["lint", "maps", "--data", "--as-of", AS_OF, "--format", "sarif"],
  svg: ["render", DATA_MAP, "--data", "--as-of", AS_OF, "--format", "svg"],
  markdown: ["render", DATA_MAP, "--data", "--as-of", AS_OF, "--format", "markdown"],
};

interface Measured {
  code: number;
  /** Wall time, and CPU time (user and system). */
  ms: number;
  cpuMs: number;
  rssMb: number;
  output: string;
}

function measure(repo: string, args: string[]): Measured {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.GITHUB_ACTIONS;
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--import", RSS, "--max-old-space-size=500", BIN, ...args], {
    cwd: repo,
    env,
    encoding: "utf8",
    timeout: BUDGET_MS * 4,
    maxBuffer: 256 << 20,
  });
  const ms = Math.round(performance.now() - started);
  expect(child.error, `${args.join(" ")}: ran out of time`).toBeUndefined();
  const rss = /\nmaxRSS (\d+)\ncpuMs (\d+)\n$/.exec(child.stderr);
  expect(rss, `${args.join(" ")}: crashed\n${child.stderr.slice(-2000)}`).not.toBeNull();
  return {
    code: child.status ?? -1,
    ms,
    cpuMs: Number(rss![2]),
    rssMb: Math.round(Number(rss![1]) / 1024),
    output: child.stdout + child.stderr.slice(0, rss!.index),
  };
}

describe("about 1 MB of hostile data through data pull, lint --data and render --data", () => {
  it.each(Object.keys(adversarialData))(
    "%s",
    (name) => {
      const shape = adversarialData[name]!();
      const repo = makeRepository("data-adversarial");
      repositories.push(repo);
      for (const [path, content] of Object.entries(shape.files)) {
        mkdirSync(dirname(join(repo, path)), { recursive: true });
        writeFileSync(join(repo, path), content);
      }
      // About 1 MB of map or of CSV (a shape defined by a count may go a little over).
      const sizes = Object.values(shape.files).map((content) => content.length);
      const size = Math.max(...sizes);
      expect(size).toBeGreaterThan(500_000);
      expect(size).toBeLessThan(1_300_000);
      const figures: string[] = [];
      for (const [command, args] of Object.entries(COMMANDS)) {
        const run = measure(repo, args);
        figures.push(`${command} ${run.cpuMs} ms CPU (${run.ms} ms wall) ${run.rssMb} MB`);
        expect(run.cpuMs, `${command}: ${run.cpuMs} ms`).toBeLessThan(BUDGET_MS);
        expect(run.rssMb, `${command}: ${run.rssMb} MB`).toBeLessThan(500);
        if (shape.refused) {
          expect(run.code, `${command}\n${run.output.slice(0, 2000)}`).toBe(1);
          expect(run.output).toMatch(shape.refused);
        } else {
          expect(run.code, `${command}\n${run.output.slice(0, 2000)}`).toBe(0);
          // No data-source finding (a SARIF log lists the check among its rules all the same).
          expect(run.output).not.toMatch(/"ruleId": "data-source"|\sdata-source$/m);
        }
      }
      console.info(`${name} (${size} bytes): ${figures.join(", ")}`);
    },
    120_000,
  );
});
