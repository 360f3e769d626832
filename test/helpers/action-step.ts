// One `run:` step of action.yml run as a GitHub runner runs it: the `${{ … }}` expressions of its env filled
// in from known values (an unknown one fails the test), its script in bash, with the runner's variables.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  env: Record<string, string>;
  run: string;
}

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `step` in `cwd`, its script written into `runner`, with `values` for its expressions and `env` for the runner's variables. */
export async function runActionStep(
  step: ActionStep,
  options: { cwd: string; runner: string; values: Record<string, string>; env: Record<string, string> },
): Promise<StepRun> {
  const stepEnv = Object.fromEntries(
    Object.entries(step.env).map(([name, value]) => [
      name,
      value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
        if (!(expression in options.values)) throw new Error(`the test does not know the expression "${expression}"`);
        return options.values[expression]!;
      }),
    ]),
  );
  const script = join(options.runner, "step.sh");
  writeFileSync(script, step.run);
  const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: options.cwd,
    env: { ...options.env, ...stepEnv },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number>((done) => child.on("close", (status) => done(status ?? -1)));
  return { code, stdout, stderr };
}
