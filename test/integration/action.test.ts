// The GitHub Action (action.yml) run as GitHub runs a composite action: its steps parsed from the file,
// each `run:` script executed by bash with the step's env, in a simulated runner (GITHUB_* variables, a
// workspace, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files). Checks exit codes, annotations, the SARIF
// file, outputs and the step summary as a Markdown parser reads it.
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "../helpers/cli.js";

interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
  if?: string;
}
interface ActionFile {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionFile;
const FIXTURES = join(ROOT, "test/integration/fixtures");

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** Each step's own outputs, by step id. */
  stepOutputs: Record<string, Record<string, string>>;
  stepsRun: string[];
}

interface RunnerOptions {
  /** More environment for every step (npm's settings, for the registry tests). */
  env?: Record<string, string>;
  /** The action's checkout (github.action_path); this repository by default. */
  actionPath?: string;
  /** Stop after this many steps. */
  steps?: number;
}

/** The value of a `${{ … }}` expression, for the few contexts the action may use. */
function evaluate(
  expression: string,
  inputs: Record<string, string>,
  steps: Record<string, Record<string, string>>,
  actionPath = ROOT,
): string {
  // `a || b`: the first operand that is not empty, as GitHub's expressions do for strings.
  if (expression.includes("||")) {
    for (const operand of expression.split("||")) {
      const value = evaluate(operand.trim(), inputs, steps, actionPath);
      if (value !== "") return value;
    }
    return "";
  }
  const input = /^inputs\.([\w-]+)$/.exec(expression);
  if (input?.[1] !== undefined) {
    const declared = action.inputs[input[1]];
    if (!declared) throw new Error(`action.yml reads undeclared input "${input[1]}"`);
    return inputs[input[1]] ?? declared.default ?? "";
  }
  if (expression === "github.action_path") return actionPath;
  if (expression === "github.token") return "";
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (output?.[1] !== undefined && output[2] !== undefined) return steps[output[1]]?.[output[2]] ?? "";
  throw new Error(`the simulated runner does not know the expression "${expression}"`);
}

function substitute(
  text: string,
  inputs: Record<string, string>,
  steps: Record<string, Record<string, string>>,
  actionPath = ROOT,
) {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) =>
    evaluate(expression, inputs, steps, actionPath),
  );
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const equals = line.indexOf("=");
    if (equals > 0) outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return outputs;
}

/** Runs the action's steps in `workspace` as a runner would, stopping at the first failing step. */
function runAction(workspace: string, inputs: Record<string, string>, options: RunnerOptions = {}): ActionRun {
  const actionPath = options.actionPath ?? ROOT;
  const runner = mkdtempSync(join(tmpdir(), "journeymap-runner-"));
  const summaryFile = join(runner, "step-summary.md");
  writeFileSync(summaryFile, "");
  const steps: Record<string, Record<string, string>> = {};
  const result: ActionRun = {
    code: 0,
    stdout: "",
    stderr: "",
    summary: "",
    outputs: {},
    stepOutputs: steps,
    stepsRun: [],
  };
  try {
    for (const step of action.runs.steps.slice(0, options.steps)) {
      const outputFile = join(runner, `output-${result.stepsRun.length}`);
      writeFileSync(outputFile, "");
      const script = join(runner, `step-${result.stepsRun.length}.sh`);
      writeFileSync(script, step.run);
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? runner,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_REPOSITORY: "acme/journeys",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_ENV: join(runner, "env"),
        RUNNER_TEMP: runner,
        RUNNER_OS: "Linux",
        ...options.env,
      };
      for (const [name, value] of Object.entries(step.env ?? {}))
        env[name] = substitute(value, inputs, steps, actionPath);
      // GitHub's command line for `shell: bash`.
      const ran = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
        cwd: workspace,
        env,
        encoding: "utf8",
        timeout: 120_000,
      });
      result.stepsRun.push(step.name);
      result.stdout += ran.stdout;
      result.stderr += ran.stderr;
      if (step.id) steps[step.id] = readOutputs(outputFile);
      result.code = ran.status ?? -1;
      if (result.code !== 0) break;
    }
    result.summary = readFileSync(summaryFile, "utf8");
    for (const [name, output] of Object.entries(action.outputs))
      result.outputs[name] = substitute(output.value, {}, steps, actionPath);
    return result;
  } finally {
    rmSync(runner, { recursive: true, force: true });
  }
}

/** The example repository's top map standing alone: its shared persona and teams written into it, and
 * without its links to the maps that detail it (they are not in the workspace). */
const GOOD = readFileSync(join(ROOT, "examples/freshcart.journey.yaml"), "utf8")
  .replace(
    /^personas: \[parent\].*$/m,
    [
      "personas:",
      "  - id: parent",
      "    name: Dana, working parent",
      "teams:",
      ...["cx", "growth", "app", "ops", "care"].map((id) => `  - id: ${id}`),
    ].join("\n"),
  )
  .replace(/^\s*details: .*\n/gm, "");

function workspaceWith(...maps: string[]): string {
  const workspace = mkdtempSync(join(tmpdir(), "journeymap-workspace-"));
  mkdirSync(join(workspace, "maps"));
  for (const map of maps) {
    const target = join(workspace, "maps", `${map}.journey.yaml`);
    if (map === "good") writeFileSync(target, GOOD);
    else copyFileSync(join(FIXTURES, `${map}.journey.yaml`), target);
  }
  return workspace;
}

const annotations = (stdout: string) => stdout.split("\n").filter((line) => /^::(error|warning|notice) /.test(line));
const markdown = new MarkdownIt({ html: true, linkify: true });

describe("action.yml", () => {
  it("is a composite action whose scripts read inputs only from the environment", () => {
    expect(action.runs.using).toBe("composite");
    for (const step of action.runs.steps) {
      expect(step.shell, step.name).toBe("bash");
      // ${{ }} inside a script would splice text into shell code: a map path or version could inject commands.
      expect(step.run, step.name).not.toMatch(/\$\{\{/);
    }
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).not.toBe("");
    expect(Object.keys(action.inputs).sort()).toEqual([
      "comment-key",
      "comment-timeout",
      "config",
      "diff-comment",
      "issue-label",
      "max-warnings",
      "paths",
      "sarif-file",
      "site-url",
      "sync-issues",
      "sync-timeout",
      "version",
    ]);
  });

  it("refuses a version that is not a version or dist-tag, before running anything", () => {
    const workspace = workspaceWith("good");
    try {
      const run = runAction(workspace, { version: "file:../evil" });
      expect(run.code).toBe(2);
      expect(run.stepsRun).toEqual(["Set up journeymap"]);
      expect(run.stdout).toContain(
        '::error title=journeymap action::version "file:../evil" is not a version or dist-tag',
      );
      // A failed set-up is the tool's failure: exit 2 in the outputs and the summary, never "findings".
      expect(run.outputs["exit-code"]).toBe("2");
      expect(run.summary).toContain(":x: journeymap could not be set up (exit 2: a tool failure, not findings)");
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

// The action runs lint once with several formats (`--format github --format json=FILE --format sarif=FILE`).
let multiFormat = false;
beforeAll(() => {
  const probe = mkdtempSync(join(tmpdir(), "journeymap-probe-"));
  const report = join(probe, "report.json");
  const run = runCli(["lint", "examples/freshcart.journey.yaml", "--format", "github", "--format", `json=${report}`]);
  multiFormat = run.code === 0 && existsSync(report);
  rmSync(probe, { recursive: true, force: true });
});

describe("action.yml runs journeymap lint", () => {
  const workspaces: string[] = [];
  const workspace = (...maps: string[]) => {
    const made = workspaceWith(...maps);
    workspaces.push(made);
    return made;
  };
  afterAll(() => workspaces.forEach((made) => rmSync(made, { recursive: true, force: true })));

  /** Skips visibly while the CLI lacks several formats in one run; under CI the action must work. */
  function needsMultiFormat(): boolean {
    if (multiFormat) return true;
    if (process.env.CI === "true") {
      throw new Error(
        "journeymap lint does not take several --format NAME=FILE reports in one run: action.yml needs it",
      );
    }
    console.warn("skipped: journeymap lint does not take --format NAME=FILE yet, which action.yml uses");
    return false;
  }

  it("passes on a good map: exit 0, no annotations, a clean summary", ({ skip }) => {
    if (!needsMultiFormat()) return skip();
    const run = runAction(workspace("good"), { paths: "maps" });
    expect(run.code).toBe(0);
    expect(annotations(run.stdout)).toEqual([]);
    expect(run.outputs["exit-code"]).toBe("0");
    expect(run.summary).toContain("### journeymap lint");
    expect(run.summary).toContain(":white_check_mark: 1 map linted: 0 errors, 0 warnings (exit 0: clean)");
  });

  it("fails on a bad map with annotations, a SARIF file with the same findings, and a summary table", ({ skip }) => {
    if (!needsMultiFormat()) return skip();
    const dir = workspace("good", "bad");
    const run = runAction(dir, {
      paths: "maps/good.journey.yaml\n  maps/bad.journey.yaml  \n",
      "sarif-file": "out.sarif",
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ "exit-code": "1", "sarif-file": "out.sarif" });
    const found = annotations(run.stdout);
    expect(found).toContainEqual(
      expect.stringMatching(/^::error file=maps\/bad\.journey\.yaml,line=16,col=16,.*\(unknown-owner\)::owner "webb"/),
    );
    expect(found.filter((line) => line.startsWith("::warning "))).toHaveLength(5);

    const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")) as {
      runs: { results: { ruleId: string; level: string }[] }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.length).toBe(found.length);
    expect(results.filter((result) => result.level === "error").map((result) => result.ruleId)).toEqual([
      "unknown-owner",
    ]);

    expect(run.summary).toContain(":x: 2 maps linted: 1 error, 5 warnings, 1 note (exit 1: findings)");
    const html = markdown.render(run.summary);
    expect(html).toMatch(/<td>maps\/bad\.journey\.yaml<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>5<\/td>\s*<td[^>]*>1<\/td>/);
    expect(html).not.toContain("good.journey.yaml"); // only maps with findings are listed
  });

  it("keeps map text inert in the summary: no links, images, HTML or broken table cells", ({ skip }) => {
    if (!needsMultiFormat()) return skip();
    const run = runAction(workspace("bad"), { paths: "maps" });
    const html = markdown.render(run.summary);
    expect(html).not.toMatch(/<a |<img|<b>/);
    // The message, with its brackets, pipe and tags, is one cell's plain text.
    const cell = [...html.matchAll(/<td>([^<]*unknown-owner[^<]*)<\/td>\s*<td>([^<]*)<\/td>/g)][0]?.[2] ?? "";
    const text = cell
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    expect(text).toBe(
      'owner "webb" of touchpoint "Pays <b>now</b> | [link](https://example.com)" is not a declared team: did you mean "web"?',
    );
  });

  it("fails on warnings beyond max-warnings, and passes them otherwise", ({ skip }) => {
    if (!needsMultiFormat()) return skip();
    const dir = workspace("warn");
    const lenient = runAction(dir, { paths: "maps" });
    expect(lenient.code).toBe(0);
    expect(annotations(lenient.stdout).filter((line) => line.startsWith("::warning "))).toHaveLength(7);
    const strict = runAction(dir, { paths: "maps", "max-warnings": "0" });
    expect(strict.code).toBe(1);
    expect(strict.summary).toContain("0 errors, 7 warnings (exit 1: findings)");
  });

  it("takes a path that looks like an option for a path", ({ skip }) => {
    if (!needsMultiFormat()) return skip();
    const run = runAction(workspace("good"), { paths: "--version" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--version");
    expect(run.stdout).not.toMatch(/^\d+\.\d+\.\d+$/m);
  });

  it("exits 2 on a configuration error, still writing a SARIF file and a summary that says so", ({ skip }) => {
    if (!needsMultiFormat()) return skip();
    const dir = workspace("good");
    const run = runAction(dir, { paths: "maps", config: "missing.config.yaml", "sarif-file": "out.sarif" });
    expect(run.code).toBe(2);
    expect(run.outputs["exit-code"]).toBe("2");
    expect(run.stderr).toContain("missing.config.yaml");
    const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")) as {
      version: string;
      runs: { invocations: { executionSuccessful: boolean }[] }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(run.summary).toContain(":x: journeymap could not lint the maps (exit 2: usage, configuration or I/O error)");
  });
});

/** A stand-in npm registry in a child process (the runner's steps run synchronously): it knows journeymap
 * at `versions` and nothing else, and logs each request's path on standard error. */
async function startRegistry(versions: string[]): Promise<{ url: string; stop: () => Promise<string[]> }> {
  const code = `
    import { createServer } from "node:http";
    const versions = ${JSON.stringify(versions)};
    const server = createServer((request, response) => {
      console.error(request.url);
      if (request.url === "/journeymap" && versions.length > 0) {
        const base = "http://127.0.0.1:" + server.address().port;
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({
          name: "journeymap",
          "dist-tags": { latest: versions.at(-1) },
          versions: Object.fromEntries(versions.map((version) => [version, {
            name: "journeymap", version, dist: { tarball: base + "/journeymap/-/journeymap-" + version + ".tgz" },
          }])),
        }));
      } else {
        response.statusCode = 404;
        response.setHeader("content-type", "application/json");
        response.end('{"error":"Not found"}');
      }
    });
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const port = await new Promise<string>((done, fail) => {
    child.stdout.once("data", (chunk: Buffer) => done(chunk.toString().trim()));
    child.once("exit", () => fail(new Error(`the stand-in registry stopped: ${log}`)));
  });
  const closed = new Promise<void>((done) => child.once("close", () => done()));
  return {
    url: `http://127.0.0.1:${port}/`,
    /** Stops the registry; resolves to the paths it was asked for, once its log is read to the end. */
    stop: async () => {
      child.kill();
      await closed;
      return log.split("\n").filter(Boolean);
    },
  };
}

describe("action.yml tells a tool failure from findings, and starts without a build", () => {
  const made: string[] = [];
  const temporary = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

  /** npm with an empty cache and no network: npx cannot fetch anything, as when the registry is down. */
  const offline = () => ({
    npm_config_offline: "true",
    npm_config_cache: temporary("journeymap-npm-cache-"),
    npm_config_update_notifier: "false",
  });

  it("exits 2 with a summary saying journeymap did not run when npx cannot fetch it, not 1 and findings", () => {
    const dir = workspaceWith("good");
    made.push(dir);
    const run = runAction(
      dir,
      { paths: "maps", version: "0.0.0-unfetched", "sarif-file": "out.sarif" },
      { env: offline() },
    );
    expect(run.stderr).toContain("ENOTCACHED"); // npx's own failure, exit 1
    expect(run.code).toBe(2);
    expect(run.outputs["exit-code"]).toBe("2");
    expect(run.stderr).toContain(
      "::error title=journeymap action::journeymap did not run: npx --yes journeymap@0.0.0-unfetched exited 1 without a report (a tool failure, not findings)",
    );
    const text = markdown
      .render(run.summary)
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;#(\d+);|&#(\d+);/g, (_, a?: string, b?: string) => String.fromCharCode(Number(a ?? b)));
    expect(text).toContain(
      "journeymap did not run: npx --yes journeymap@0.0.0-unfetched exited 1 without a report (exit 2: a tool failure, not findings)",
    );
    expect(text).not.toContain("exit 1");
    const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")) as {
      runs: {
        invocations: {
          executionSuccessful: boolean;
          exitCode: number;
          toolExecutionNotifications: { message: { text: string } }[];
        }[];
      }[];
    };
    const invocation = sarif.runs[0]?.invocations[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.exitCode).toBe(2);
    expect(invocation?.toolExecutionNotifications[0]?.message.text).toContain("journeymap did not run");
  });

  it("exits 2 when npx is not there at all (exit 127), with node still running the summary", () => {
    const bin = temporary("journeymap-bin-");
    symlinkSync(process.execPath, join(bin, "node"));
    for (const tool of ["bash", "mktemp", "rm"]) {
      const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
      symlinkSync(found, join(bin, tool));
    }
    const dir = workspaceWith("good");
    made.push(dir);
    const run = runAction(dir, { paths: "maps", version: "0.1.0" }, { env: { PATH: bin } });
    expect(run.stderr).toContain("npx: command not found");
    expect(run.code).toBe(2);
    expect(run.outputs["exit-code"]).toBe("2");
    expect(run.summary).toContain("exited 127 without a report (exit 2: a tool failure, not findings)");
  });

  /** The action's checkout as a user's runner has it from `uses:`: the files in git, nothing built. */
  function unbuiltCheckout(): string {
    const checkout = temporary("journeymap-action-checkout-");
    const files = [
      "action.yml",
      "package.json",
      "action/summary.mjs",
      "action/diff-comment.mjs",
      "action/github-api.mjs",
      "action/sync-issues.mjs",
    ];
    for (const file of files) {
      mkdirSync(join(checkout, file, ".."), { recursive: true });
      copyFileSync(join(ROOT, file), join(checkout, file));
    }
    return checkout;
  }

  it("without version:, runs the release the action is from the registry: no install of its own, no build", async () => {
    const registry = await startRegistry(["0.0.9", version]);
    let requests: string[];
    try {
      const started = performance.now();
      const run = runAction(
        temporary("journeymap-workspace-"),
        {},
        {
          actionPath: unbuiltCheckout(),
          steps: 1,
          env: { npm_config_registry: registry.url, npm_config_cache: temporary("journeymap-npm-cache-") },
        },
      );
      const took = performance.now() - started;
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `journeymap@${version} from the npm registry (the release this action is): nothing to build`,
      );
      expect(run.stepOutputs.setup?.version).toBe(version); // what the lint step runs with npx
      expect(took).toBeLessThan(20_000); // a build takes a minute; one registry request does not
    } finally {
      requests = await registry.stop();
    }
    expect(requests).toEqual(["/journeymap"]);
  });

  it("builds the checkout when its version is not on the registry, and a failed build is exit 2", async () => {
    const registry = await startRegistry(["0.0.9"]);
    try {
      // No package-lock.json in this checkout: npm ci fails at once, as a broken build would.
      const run = runAction(
        temporary("journeymap-workspace-"),
        {},
        {
          actionPath: unbuiltCheckout(),
          env: { npm_config_registry: registry.url, npm_config_cache: temporary("journeymap-npm-cache-") },
        },
      );
      expect(run.stdout).toContain(
        `::notice title=journeymap action::journeymap@${version} is not on the npm registry (an unreleased ref of the action): building the action's checkout`,
      );
      expect(run.stdout).toContain("::error title=journeymap action::npm ci failed in the action's checkout");
      expect(run.code).toBe(2);
      expect(run.stepsRun).toEqual(["Set up journeymap"]);
      expect(run.outputs["exit-code"]).toBe("2");
      expect(run.summary).toContain("journeymap could not be set up (exit 2: a tool failure, not findings)");
    } finally {
      await registry.stop();
    }
  });
});
