// Every journeymap command that README.md, docs/*.md and the commands' --help show is run, as a
// reader would paste it, against the repository's own files: none may fail (exit 2), crash, or leave
// out the output it names. The commands run in a scratch git repository holding examples/ and
// docs/examples/, whose last commit turns the hotel map into its to-be version (for diff --base) and
// whose origin/main is the commit before.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/render/browser.js";
import { BIN, ROOT } from "../helpers/cli.js";
import { requireBrowser } from "../helpers/render-checks.js";

const PAGES = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const COMMANDS_WITH_EXAMPLES = [
  "validate",
  "lint",
  "render",
  "diff",
  "data pull",
  "init",
  "rules",
  "schema",
  "backlog",
];
const browser = findBrowser();

/** The shell lines of a page's ```sh blocks that run journeymap (a trailing # comment is the shell's). */
function documentedCommands(page: string): string[] {
  const text = readFileSync(join(ROOT, page), "utf8");
  const commands: string[] = [];
  for (const block of text.matchAll(/^```(?:sh|bash|console)\n([\s\S]*?)^```/gm)) {
    for (const line of block[1]!.split("\n")) {
      if (/^(\$ )?(npx )?journeymap\b|\|\s*(npx )?journeymap\b/.test(line)) commands.push(line.replace(/^\$ /, ""));
    }
  }
  return commands;
}

/** The "$ journeymap …" examples of a command's --help. */
function helpExamples(command: string): string[] {
  const help = spawnSync(process.execPath, [BIN, ...command.split(" "), "--help"], { encoding: "utf8" });
  return [...help.stdout.matchAll(/^\s+\$ (.*journeymap.*)$/gm)].map((match) => match[1]!);
}

const cases = [
  ...PAGES.flatMap((page) => documentedCommands(page).map((line) => [page, line] as const)),
  ...COMMANDS_WITH_EXAMPLES.flatMap((command) =>
    helpExamples(command).map((line) => [`${command} --help`, line] as const),
  ),
];

const work = mkdtempSync(join(tmpdir(), "journeymap-docs-commands-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const shims = join(work, ".bin");
mkdirSync(shims);
writeFileSync(join(shims, "journeymap"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
// A home of its own: a documented command may write there (a shell's completion folder).
const home = join(work, "home");
mkdirSync(join(home, ".config/fish/completions"), { recursive: true });
const env = { ...process.env, PATH: `${shims}:${process.env.PATH}`, NO_COLOR: "1", HOME: home };

let repoCount = 0;
/** A fresh scratch repository for each command, so that no command sees another's outputs. */
function scratchRepository(): string {
  const repo = join(work, `repo-${repoCount++}`);
  mkdirSync(repo);
  cpSync(join(ROOT, "examples"), join(repo, "examples"), { recursive: true });
  cpSync(join(ROOT, "docs/examples"), join(repo, "docs/examples"), { recursive: true });
  const git = (...args: string[]) => {
    const result = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
      cwd: repo,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  };
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-qm", "as-is");
  git("update-ref", "refs/remotes/origin/main", "HEAD");
  cpSync(join(repo, "docs/examples/hotel-to-be.journey.yaml"), join(repo, "docs/examples/hotel.journey.yaml"));
  git("commit", "-qam", "to-be");
  return repo;
}

/** The files and folders a command line says it writes: -o/--output PATH and -f format=PATH. */
function namedOutputs(line: string): string[] {
  const outputs = [...line.matchAll(/(?:^|\s)(?:-o|--output)\s+(\S+)/g)].map((match) => match[1]!);
  outputs.push(...[...line.matchAll(/(?:^|\s)(?:-f|--format)\s+[a-z]+=(\S+)/g)].map((match) => match[1]!));
  const redirected = /\s>\s*(\S+)\s*$/.exec(line);
  if (redirected) outputs.push(redirected[1]!);
  return outputs;
}

/** Runs a --watch line until its first pass is written, then stops it as a user does (Ctrl-C). */
function runWatching(line: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", `exec ${line.replace(/^npx /, "")}`], { cwd, env });
    let stdout = "";
    let stderr = "";
    const stop = setTimeout(() => child.kill("SIGINT"), 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/watching/i.test(stdout)) child.kill("SIGINT");
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(stop);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("every documented command runs against the repository's own files", () => {
  it("finds the commands (README, docs and --help examples)", () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const page of [
      "README.md",
      "docs/render.md",
      "docs/diff.md",
      "docs/data.md",
      "lint --help",
      "render --help",
    ]) {
      expect(
        cases.some(([where]) => where === page),
        page,
      ).toBe(true);
    }
  });

  const needsBrowser = (line: string) => /--engine mermaid-cli|\.pdf\b/.test(line);
  if (!browser) requireBrowser(browser, "documented commands that draw with Chromium");

  it.each(cases.filter(([, line]) => browser || !needsBrowser(line)))(
    "%s: %s",
    async (_, line) => {
      const cwd = scratchRepository();
      const shellLine = line.replace(/(^|\|\s*)npx journeymap/g, "$1journeymap");
      const run = /--watch\b/.test(line)
        ? await runWatching(shellLine, cwd)
        : (() => {
            const result = spawnSync("bash", ["-c", shellLine], { cwd, env, encoding: "utf8", timeout: 120_000 });
            return { code: result.status, stdout: result.stdout, stderr: result.stderr };
          })();
      expect(run.stderr).not.toMatch(/unexpected error|no such file|does not exist|matched no|not found/i);
      // 0 clean, 1 findings (a documented lint or --fail-on may find some); 2 is a usage or I/O error.
      expect([0, 1], `exit ${run.code}\n${run.stderr}`).toContain(run.code);
      for (const output of namedOutputs(shellLine)) {
        const path = output.startsWith("~/") ? join(home, output.slice(2)) : join(cwd, output);
        expect(existsSync(path), `${output} was not written`).toBe(true);
        const written = statSync(path);
        expect(written.isDirectory() ? readdirSync(path).length : written.size, `${output} is empty`).toBeGreaterThan(
          0,
        );
      }
      if (/# Mermaid on stdout/.test(line)) expect(run.stdout).toMatch(/^journey\b|^---\n/m);
      // A picture the docs show (docs/images/NAME) is what the documented command draws, byte for byte.
      for (const output of namedOutputs(shellLine)) {
        const shown = join(ROOT, "docs/images", output);
        if (/\.svg$/.test(output) && existsSync(shown)) {
          expect(readFileSync(join(cwd, output), "utf8"), `docs/images/${output} is not what "${line}" draws`).toBe(
            readFileSync(shown, "utf8"),
          );
        }
      }
    },
    150_000,
  );
});
