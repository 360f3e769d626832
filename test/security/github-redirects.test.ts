// An API that answers with a redirect (to another host, which would get the token): neither the sync nor
// the diff comment follows it, each says so in one message (exit 2), and the other host hears nothing.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";

let api: Server;
let elsewhere: Server;
let apiBase = "";
const heardElsewhere: string[] = [];
let folder = "";

const listen = async (server: Server) => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    heardElsewhere.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""}`);
    response.end("[]");
  });
  const target = await listen(elsewhere);
  api = createServer((request, response) => {
    response.writeHead(307, { Location: `${target}/steal${request.url}` });
    response.end();
  });
  apiBase = await listen(api);
  folder = mkdtempSync(join(tmpdir(), "journeymap-redirect-"));
  mkdirSync(join(folder, ".git"));
  writeFileSync(
    join(folder, "checkout.journey.yaml"),
    "journeymap: 1\ntitle: Checkout\nstages:\n  - id: pay\n    name: Pays\n    touchpoints:\n      - name: Enters a card\n        opportunities:\n          - { id: guest-checkout, title: Let guests check out }\n",
  );
});
afterAll(async () => {
  for (const server of [api, elsewhere]) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
  rmSync(folder, { recursive: true, force: true });
});

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: "1",
      GITHUB_ACTIONS: undefined,
      GITHUB_TOKEN: "secret-token",
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_API_URL: apiBase,
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, args, { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("redirects from the GitHub API", () => {
  it("the sync stops at the first, at once (no retries), and the token goes nowhere else", async () => {
    const started = performance.now();
    const result = await run([BIN, "backlog", "--sync", "github", "--timeout", "30s"], folder);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "journeymap: GitHub API GET /user answered 307, a redirect: not followed, as the token goes to the API only (check the API URL, GITHUB_API_URL)\n",
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(heardElsewhere).toEqual([]);
  }, 30_000);

  it("the diff comment's client says what it met, as the step's one message", async () => {
    const script = `import { apiClient } from ${JSON.stringify(pathToFileURL(join(ROOT, "action/diff-comment.mjs")).href)};
try {
  await apiClient(process.env.GITHUB_API_URL, "secret-token")("GET", "/repos/acme/shop/issues/7/comments?per_page=100&page=1");
} catch (error) {
  process.stdout.write(error.constructor.name + ": " + error.message);
}`;
    const result = await run(["--input-type=module", "-e", script], folder);
    expect(result).toEqual({
      code: 0,
      stdout:
        "ActionError: GitHub API GET /repos/acme/shop/issues/7/comments?per_page=100&page=1 answered 307, a redirect: not followed, as the token goes to the API only (check GITHUB_API_URL)",
      stderr: "",
    });
    expect(heardElsewhere).toEqual([]);
  }, 30_000);
});
