// The journeymap program: commander wiring, colour, and the one place that turns errors into exit codes.
import { Command, CommanderError } from "commander";
import { JourneymapError } from "../errors.js";
import { visibleLines } from "../report/visible.js";
import { registerData } from "./data.js";
import { registerDiff } from "./diff.js";
import { registerInit } from "./init.js";
import { registerLint } from "./lint.js";
import { PACKAGE_VERSION } from "./options.js";
import { registerRender } from "./render.js";
import { registerRules } from "./rules.js";
import { registerSchema } from "./schema.js";
import { registerValidate } from "./validate.js";

export function buildProgram(): Command {
  const program = new Command("journeymap")
    .description("Customer journey maps as code: validate, lint and render *.journey.yaml files.")
    .version(PACKAGE_VERSION, "-v, --version", "print the version")
    .option("--color", "force colours (wins over NO_COLOR; FORCE_COLOR=1 does the same)")
    .option("--no-color", "no colours (also with NO_COLOR=1 or FORCE_COLOR=0)")
    .option("--debug", "print stack traces for unexpected errors")
    .showHelpAfterError("(run with --help for usage)")
    // Usage errors quote the arguments, which may be file names from a pull request.
    .configureOutput({ writeErr: (text) => process.stderr.write(visibleLines(text)) })
    .exitOverride();
  registerValidate(program);
  registerLint(program);
  registerRules(program);
  registerRender(program);
  registerDiff(program);
  registerData(program);
  registerInit(program);
  registerSchema(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `journeymap lint | head -1`: the reader has gone, so there is no one left to tell; stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error, argv.includes("--debug"));
  }
}

function exitCodeFor(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message; help and version are not failures.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof JourneymapError) {
    process.stderr.write(`journeymap: ${visibleLines(error.message)}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`journeymap: unexpected error: ${visibleLines(message)}\n`);
  process.stderr.write(
    debug && error instanceof Error
      ? `${error.stack}\n`
      : "(run again with --debug for the stack trace, and please report it)\n",
  );
  return 2;
}

/** A message for the terminal: file names and map text in it are data, never escape sequences; its
 * own line breaks (a list of problems) stay. */
