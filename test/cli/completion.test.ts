// `journeymap completion bash|zsh|fish`: each script is read by its real shell (syntax check), then its
// completion is asked for as the shell would: the bash function with COMP_WORDS, the same function in
// zsh's bash layer, and fish's `complete -C`. The values offered are the ones the commands accept, read
// from each command's own "use one of" refusal.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const has = (shell: string) => spawnSync(shell, ["-c", "exit 0"]).status === 0;
let dir: string;
const scripts: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "journeymap-completion-"));
  for (const shell of ["bash", "zsh", "fish"]) {
    const run = runCli(["completion", shell]);
    expect(run.code, run.stderr).toBe(0);
    scripts[shell] = join(dir, `journeymap.${shell}`);
    writeFileSync(scripts[shell], run.stdout);
  }
  // A folder of maps and other files, for path completion.
  const maps = join(dir, "maps");
  mkdirSync(join(maps, "drafts"), { recursive: true });
  for (const file of ["checkout.journey.yaml", "refund.journey.yml", "notes.txt", "journeymap.config.yaml"])
    writeFileSync(join(maps, file), "");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The completion function called as `complete -F` calls it, for the last word of `words`. */
const CALL = 'COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _journeymap; printf "%s\\n" "${COMPREPLY[@]}"';
/** How each shell loads the script and calls the function: zsh through its bashcompinit layer, which
 * calls it in sh emulation, as here. */
const CALLERS = {
  bash: ["--norc", "-c", `source "$1"; shift; ${CALL}`],
  zsh: [
    "-f",
    "-c",
    `autoload -U compinit && compinit -u -D; source "$1"; shift; complete_words() { emulate -L sh; setopt kshglob noshglob braceexpand; ${CALL}; }; complete_words "$@"`,
  ],
};

/** What bash or zsh offers for the last word of `words`, sorted. */
function offered(shell: keyof typeof CALLERS, words: string[], cwd = dir): string[] {
  const run = spawnSync(shell, [...CALLERS[shell], "_", scripts[shell]!, ...words], { cwd, encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.split("\n").filter(Boolean).sort();
}
const bash = (words: string[], cwd = dir) => offered("bash", words, cwd);
const zsh = (words: string[], cwd = dir) => offered("zsh", words, cwd);

/** What fish offers for a command line (its own `complete -C`), without the descriptions. */
function fish(line: string, cwd = dir): string[] {
  const run = spawnSync("fish", ["--no-config", "-c", "source $argv[1]; complete -C $argv[2]", scripts.fish!, line], {
    cwd,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  return run.stdout
    .split("\n")
    .filter(Boolean)
    .map((candidate) => candidate.split("\t")[0]!)
    .sort();
}

/** The values a command accepts for an option, from its refusal of a wrong one ("use one of a, b" or "use a or b"). */
function accepted(args: string[]): string[] {
  const run = runCli(args);
  expect(run.code).toBe(2);
  const list = /: use (?:one of )?(.+)$/m.exec(run.stderr)?.[1] ?? "";
  return list
    .split(/, | or /)
    .map((word) => word.trim())
    .sort();
}

const OPTIONS_WITH_VALUES: [string[], string[]][] = [
  [
    ["validate", "--format"],
    ["validate", "--format", "nope", "examples"],
  ],
  [
    ["lint", "--format"],
    ["lint", "--format", "nope", "examples"],
  ],
  [
    ["rules", "--format"],
    ["rules", "--format", "nope"],
  ],
  [
    ["render", "--format"],
    ["render", "--format", "nope", "examples/freshcart.journey.yaml"],
  ],
  [
    ["render", "--engine"],
    ["render", "--engine", "nope", "examples/freshcart.journey.yaml"],
  ],
  [
    ["render", "--theme"],
    ["render", "--theme", "nope", "examples/freshcart.journey.yaml"],
  ],
  [
    ["diff", "--format"],
    ["diff", "--format", "nope", "a", "b"],
  ],
  [
    ["diff", "--fail-on"],
    ["diff", "--fail-on", "nope", "examples/freshcart.journey.yaml", "examples/freshcart.journey.yaml"],
  ],
];

describe("journeymap completion bash", () => {
  it("is a script bash reads without error, that registers the completion", () => {
    expect(spawnSync("bash", ["-n", scripts.bash!]).status).toBe(0);
    const run = spawnSync("bash", ["--norc", "-c", 'source "$1" && complete -p journeymap', "_", scripts.bash!], {
      encoding: "utf8",
    });
    expect(run.stdout.trim()).toBe("complete -o filenames -F _journeymap journeymap");
  });

  it("completes commands, subcommands and options", () => {
    expect(bash(["journeymap", "li"])).toEqual(["lint"]);
    expect(bash(["journeymap", "data", "p"])).toEqual(["pull"]);
    expect(bash(["journeymap", "completion", ""])).toEqual(["bash", "fish", "zsh"]);
    expect(bash(["journeymap", "lint", "--max-"])).toEqual(["--max-file-size", "--max-warnings"]);
    expect(bash(["journeymap", "--no-"])).toEqual(["--no-color"]);
  });

  it("offers each option's values, exactly the ones the command accepts", () => {
    for (const [[command, option], refused] of OPTIONS_WITH_VALUES) {
      expect(bash(["journeymap", command!, option!, ""], process.cwd()), `${command} ${option}`).toEqual(
        accepted(refused),
      );
    }
    expect(bash(["journeymap", "render", "--format", ""])).toEqual([
      "drawio",
      "drawio-svg",
      "markdown",
      "mermaid",
      "pdf",
      "png",
      "pptx",
      "svg",
      "vsdx",
      "xlsx",
    ]);
    expect(bash(["journeymap", "render", "-f", "s"])).toEqual(["svg"]);
  });

  it("completes maps and folders for paths, after options and their values too, and any file for --output", () => {
    const cwd = join(dir, "maps");
    expect(bash(["journeymap", "lint", ""], cwd)).toEqual(["checkout.journey.yaml", "drafts", "refund.journey.yml"]);
    expect(bash(["journeymap", "lint", "--format", "json", "c"], cwd)).toEqual(["checkout.journey.yaml"]);
    expect(bash(["journeymap", "render", "--output", "n"], cwd)).toEqual(["notes.txt"]);
    expect(bash(["journeymap", "lint", "--max-warnings", ""], cwd)).toEqual([]); // a number of your own
  });
});

if (has("zsh"))
  describe("journeymap completion zsh", () => {
    it("is a script zsh reads without error, whose completion gives what bash's does", () => {
      expect(spawnSync("zsh", ["-n", scripts.zsh!]).status).toBe(0);
      expect(zsh(["journeymap", "li"])).toEqual(["lint"]);
      expect(zsh(["journeymap", "render", "--format", ""])).toEqual([
        "drawio",
        "drawio-svg",
        "markdown",
        "mermaid",
        "pdf",
        "png",
        "pptx",
        "svg",
        "vsdx",
        "xlsx",
      ]);
      expect(zsh(["journeymap", "lint", ""], join(dir, "maps"))).toEqual([
        "checkout.journey.yaml",
        "drafts",
        "refund.journey.yml",
      ]);
    });
  });

if (has("fish"))
  describe("journeymap completion fish", () => {
    it("is a script fish reads without error, and fish's own completion offers commands, values and maps", () => {
      expect(spawnSync("fish", ["--no-execute", scripts.fish!]).status).toBe(0);
      expect(fish("journeymap li")).toEqual(["lint"]);
      expect(fish("journeymap data p")).toEqual(["pull"]);
      expect(fish("journeymap render --format ")).toEqual([
        "drawio",
        "drawio-svg",
        "markdown",
        "mermaid",
        "pdf",
        "png",
        "pptx",
        "svg",
        "vsdx",
        "xlsx",
      ]);
      expect(fish("journeymap diff --fail-on ")).toEqual(["emotion-drop", "new-errors", "new-warnings"]);
      expect(fish("journeymap lint ", join(dir, "maps"))).toEqual([
        "checkout.journey.yaml",
        "drafts/",
        "refund.journey.yml",
      ]);
    });
  });

// A missing shell: skipped with a message here, a failure in CI, where .ci/run installs both.
const missingShells = ["zsh", "fish"].filter((shell) => !has(shell));
if (missingShells.length > 0 && process.env.CI === "true")
  it("journeymap completion zsh and fish: both shells are required in CI", () => {
    throw new Error(`${missingShells.join(" and ")} not installed: .ci/run installs them (apt-get install zsh fish)`);
  });
else if (missingShells.length > 0)
  console.warn(`skipped: ${missingShells.join(" and ")} not installed (apt-get install zsh fish)`);

it("refuses a shell it does not know, with the choices", () => {
  const run = runCli(["completion", "powershell"]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("Allowed choices are bash, zsh, fish.");
});
