// `journeymap backlog --sync github` in a child process with a 500 MB heap, against a fake GitHub API,
// without blocking this process (the fake answers meanwhile): the hostile and deadline tests of the sync.
import { spawn } from "node:child_process";
import { BIN } from "./cli.js";

export interface SyncRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from the spawn to the child's end. */
  ms: number;
}

/** Runs the sync in `cwd` against the API at `apiBase`, with the owner's token and `args` after it. */
export function syncInChild(apiBase: string, cwd: string, args: readonly string[] = []): Promise<SyncRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: "1",
    GITHUB_ACTIONS: undefined,
    NODE_EXTRA_CA_CERTS: undefined,
    GITHUB_TOKEN: "owner-token",
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: apiBase,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=500", BIN, "backlog", "--sync", "github", ...args], {
      cwd,
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - started }));
  });
}
