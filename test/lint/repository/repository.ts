// Lints a small repository written in the test itself, as `journeymap lint <folder>` would, and gives
// back each finding with its file relative to the repository.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { findMaps } from "../../../src/io/find-maps.js";
import type { RuleSeverity } from "../../../src/lint/types.js";
import { lintFiles, type LintRun } from "../../../src/lint/runner.js";

export interface RepositoryFinding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  subject?: string;
}

/** Writes `files` (path → text) under a fresh folder with a .git, lints `paths` (default: the whole
 * folder, as a portfolio) and returns the findings of `only` (every rule when absent). */
export async function lintRepository(
  files: Record<string, string>,
  options: { only?: string; paths?: string[]; rules?: Record<string, RuleSeverity> } = {},
): Promise<{ findings: RepositoryFinding[]; run: LintRun }> {
  const root = mkdtempSync(join(tmpdir(), "journeymap-repository-"));
  try {
    mkdirSync(join(root, ".git"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const paths = (options.paths ?? ["."]).map((path) => join(root, path));
    const folders = paths.filter((path) => !/\.ya?ml$/.test(path));
    const run = await lintFiles(await findMaps(paths), {
      cwd: root,
      noConfig: true,
      folders,
      rules: { ...(options.only ? { [options.only]: "error" as const } : {}), ...options.rules },
    });
    const strip = (file: string) => (file.startsWith(root) ? file.slice(root.length + 1) : file);
    const findings = run.results.flatMap((result) =>
      result.messages
        .filter((message) => !options.only || message.ruleId === options.only)
        .map((message) => ({
          file: strip(result.filePath),
          ruleId: message.ruleId,
          severity: message.severity,
          line: message.line,
          column: message.column,
          message: message.message,
          ...(message.subject ? { subject: message.subject } : {}),
        })),
    );
    return { findings, run };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A small valid map with an id of its own choosing, personas and extra lines under its one stage. */
export function map(title: string, stage = "", head = "personas:\n  - id: parent\n    name: Dana\n"): string {
  return `journeymap: 1\ntitle: ${title}\n${head}stages:\n  - id: awareness\n    name: Awareness\n${stage}`;
}
