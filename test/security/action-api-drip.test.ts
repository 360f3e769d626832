// An API whose answers drip in, one byte a second, against the Action's shared reader of answers
// (action/github-api.mjs) and the diff comment's client that uses it: the request's timeout must end the
// reading of the body, not only the wait for its headers, and the diff comment must fail with its one
// message (an ActionError, exit 2) rather than crash with a stack trace.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBounded } from "../../action/github-api.mjs";
import { ROOT } from "../helpers/cli.js";

const SLACK = Number(process.env.TIME_SLACK ?? 2);

let server: Server;
let base: string;
beforeEach(async () => {
  // Status and headers at once, then a byte of a JSON list every second, forever.
  server = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.write("[");
    const timer = setInterval(() => response.write(" "), 1_000);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("answers that drip", () => {
  it("readBounded stops reading when the request's signal times out, headers long arrived", async () => {
    const started = performance.now();
    const response = await fetch(base, { signal: AbortSignal.timeout(1_500) });
    expect(response.status).toBe(200);
    await expect(readBounded(response, 1024 * 1024)).rejects.toMatchObject({ name: "TimeoutError" });
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThanOrEqual(1_400);
    expect(ms).toBeLessThan(1_500 + 1_000 * SLACK);
  });

  it("the diff comment's client fails with its message, in its timeout", async () => {
    const script = `import { apiClient } from ${JSON.stringify(pathToFileURL(join(ROOT, "action/diff-comment.mjs")).href)};
try {
  await apiClient(${JSON.stringify(base)}, "token", 1500)("GET", "/repos/acme/shop/issues/7/comments?per_page=100&page=1");
} catch (error) {
  process.stdout.write(error.constructor.name + ": " + error.message);
}`;
    const started = performance.now();
    const run = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script]);
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
    });
    expect(run).toEqual({
      code: 0,
      stdout:
        "ActionError: the GitHub API's answer to GET /repos/acme/shop/issues/7/comments?per_page=100&page=1 was cut off: no whole answer in time",
    });
    expect(performance.now() - started).toBeLessThan(1_500 + 1_500 * SLACK);
  });
});
