// Colour on a real terminal (a pseudo-terminal from util-linux's `script`): on by default, off for
// TERM=dumb (escapes would show as text there), and NO_COLOR, FORCE_COLOR and --color still decide first.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";

const ESCAPE = "\u001b[";
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

/** `journeymap lint` of a map with findings, its standard output a terminal; returns what the terminal showed. */
function onTerminal(env: Record<string, string>, ...flags: string[]): string {
  const command = [process.execPath, BIN, "lint", "test/fixtures/lint", ...flags]
    .map((word) => `'${word.replace(/'/g, "'\\''")}'`)
    .join(" ");
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };
  for (const key of ["NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI"]) delete base[key];
  const run = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stdout, run.stderr).toContain("problem"); // the report reached the terminal
  return run.stdout;
}

if (hasScript)
  describe("colour on a terminal", () => {
    it("is on for a terminal, off for TERM=dumb", () => {
      expect(onTerminal({ TERM: "xterm-256color" })).toContain(ESCAPE);
      expect(onTerminal({ TERM: "dumb" })).not.toContain(ESCAPE);
    });

    it("NO_COLOR, FORCE_COLOR and --color decide before TERM", () => {
      expect(onTerminal({ TERM: "xterm-256color", NO_COLOR: "1" })).not.toContain(ESCAPE);
      expect(onTerminal({ TERM: "dumb", FORCE_COLOR: "1" })).toContain(ESCAPE);
      expect(onTerminal({ TERM: "dumb" }, "--color")).toContain(ESCAPE);
      expect(onTerminal({ TERM: "xterm-256color" }, "--no-color")).not.toContain(ESCAPE);
    });
  });

// Without util-linux's script: skipped with a message here, a failure in CI (every Debian has it).
else if (process.env.CI === "true")
  it("colour on a terminal: util-linux's script is required in CI", () => {
    throw new Error("no `script` for a pseudo-terminal: apt-get install util-linux");
  });
else console.warn("skipped: colour on a terminal needs util-linux's script for a pseudo-terminal");
