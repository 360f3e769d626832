// Runs the built CLI (bin/journeymap.js, as a user would) and captures what it printed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/journeymap.js", import.meta.url));

/** One file of the json report (ESLint's shape), as a test reads it back with JSON.parse. */
export interface JsonReportFile {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: Array<Omit<Diagnostic, "file">>;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {},
): CliRun {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: "1",
    FORCE_COLOR: undefined,
    GITHUB_ACTIONS: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Render's standard error: `lines` as given, then its summary line, `Rendered <what> in <time>.` with
 * any time (an asymmetric matcher for toEqual and toMatchObject). */
export function endsWithSummary(lines: string, what: string): string {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return expect.stringMatching(
    new RegExp(`^${escape(lines)}Rendered ${escape(what)} in \\d+\\.\\d s\\.\\n$`),
  ) as string;
}
