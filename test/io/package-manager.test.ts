// Install hints in the user's own package manager's words: told by the client's user agent, else by
// the lockfile in the working folder, else npm.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectPackageManager, installCommand } from "../../src/io/package-manager.js";

const empty = mkdtempSync(join(tmpdir(), "journeymap-manager-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe("the user's package manager", () => {
  it.each([
    ["pnpm/10.34.9 npm/? node/v20.20.2 linux x64", "pnpm add puppeteer-core"],
    ["yarn/4.18.1 npm/? node/v20.20.2 linux x64", "yarn add puppeteer-core"],
    ["bun/1.3.14 npm/? node/v20.20.2 linux x64", "bun add puppeteer-core"],
    ["npm/11.19.1 node/v20.20.2 linux x64 workspaces/false", "npm install puppeteer-core"],
  ])("from the client that started journeymap: %s", (agent, command) => {
    const manager = detectPackageManager({ npm_config_user_agent: agent }, empty);
    expect(installCommand(["puppeteer-core"], manager)).toBe(command);
  });

  it.each([
    ["pnpm-lock.yaml", "pnpm"],
    ["yarn.lock", "yarn"],
    ["bun.lock", "bun"],
    ["bun.lockb", "bun"],
    ["package-lock.json", "npm"],
  ])("from the lockfile %s when no client says", (lockfile, manager) => {
    const project = mkdtempSync(join(empty, "project-"));
    writeFileSync(join(project, lockfile), "");
    expect(detectPackageManager({}, project)).toBe(manager);
  });

  it("npm when nothing tells", () => {
    expect(detectPackageManager({ npm_config_user_agent: "something-else/1.0" }, empty)).toBe("npm");
    expect(installCommand(["@mermaid-js/mermaid-cli", "puppeteer-core"], "npm")).toBe(
      "npm install @mermaid-js/mermaid-cli puppeteer-core",
    );
  });
});
