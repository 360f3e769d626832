// The budget of the import and export hostile tests: one file rendered to .xlsx ("render") or imported
// ("import") in a child process with a 500 MB heap (test/security/import-child.mjs), its CPU time and
// peak memory checked. TIME_SLACK (default 2) loosens the time bound on a loaded machine.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const CHILD = fileURLToPath(new URL("../security/import-child.mjs", import.meta.url));
export const IMPORT_BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);

export interface ImportOutcome {
  ms: number;
  cpuMs: number;
  size: number;
  refusal?: string;
  peakRss: number;
}

/** What the child measured for `file`, after checking it stayed within the budget and `maxRssMb`. */
export function inImportChild(mode: "render" | "import", file: string, shown: string, maxRssMb: number): ImportOutcome {
  const child = spawnSync(process.execPath, ["--max-old-space-size=500", CHILD, mode, file], {
    encoding: "utf8",
    timeout: IMPORT_BUDGET_MS * 4,
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined },
  });
  expect(child.error, "the child ran out of time").toBeUndefined();
  expect(child.stderr, "the child crashed (out of memory or a stack overflow)").toBe("");
  const outcome = JSON.parse(child.stdout) as ImportOutcome;
  console.info(
    `${mode} ${shown}: ${outcome.ms} ms (CPU ${outcome.cpuMs} ms), peak RSS ${outcome.peakRss} MB${outcome.refusal ? `, refused: ${outcome.refusal.slice(0, 120)}` : ""}`,
  );
  expect(outcome.cpuMs).toBeLessThan(IMPORT_BUDGET_MS);
  expect(outcome.peakRss).toBeLessThan(maxRssMb);
  return outcome;
}
