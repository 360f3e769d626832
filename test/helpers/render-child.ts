// `journeymap <args>` in a child process with a 500 MB heap (test/security/render-child.mjs), whose
// exit code, time and peak RSS (native memory included, as the kernel reports it) the hostile-input
// suites bound. TIME_SLACK (default 2) loosens the time bound on a loaded machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect } from "vitest";

const CHILD = fileURLToPath(new URL("../security/render-child.mjs", import.meta.url));
export const BUDGET_MS = 3000 * Number(process.env.TIME_SLACK ?? 2);
export const MEMORY_MB = 500;

export interface ChildOutcome {
  code: number;
  ms: number;
  peakRss: number;
  stderr: string;
}

/** A scratch folder for a suite (removed after it) and the runner that writes its outcome there. */
export function childRenderer(
  name: string,
  env: NodeJS.ProcessEnv = {},
): { folder: string; renderInChild: (args: string[], timeoutMs?: number) => ChildOutcome } {
  const folder = mkdtempSync(join(tmpdir(), `journeymap-${name}-`));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const renderInChild = (args: string[], timeoutMs = BUDGET_MS * 4): ChildOutcome => {
    const result = join(folder, "outcome.json");
    rmSync(result, { force: true });
    const child = spawnSync(process.execPath, ["--max-old-space-size=500", CHILD, result, ...args], {
      encoding: "utf8",
      timeout: timeoutMs,
      env: { ...process.env, NO_COLOR: "1", NODE_EXTRA_CA_CERTS: undefined, ...env },
    });
    expect(child.error, "the child ran out of time").toBeUndefined();
    return { ...(JSON.parse(readFileSync(result, "utf8")) as Omit<ChildOutcome, "stderr">), stderr: child.stderr };
  };
  return { folder, renderInChild };
}
