// The journeymap program: commander wiring, colour, and the one place that turns errors into exit codes.
// Each command's module is loaded only when that command runs (or for the full --help).
import { Command, CommanderError } from "commander";
import { JourneymapError } from "../errors.js";
import { visibleLines } from "../report/visible.js";
import { PACKAGE_VERSION } from "./version.js";
import { stderr, stdout } from "../io/standard-streams.js";

type Register = (program: Command) => void;

/** Every command, in --help order, and how to load its module. */
const COMMANDS = {
  validate: () => import("./validate.js").then((module) => module.registerValidate),
  lint: () => import("./lint.js").then((module) => module.registerLint),
  rules: () => import("./rules.js").then((module) => module.registerRules),
  render: () => import("./render.js").then((module) => module.registerRender),
  diff: () => import("./diff.js").then((module) => module.registerDiff),
  import: () => import("./import.js").then((module) => module.registerImport),
  data: () => import("./data.js").then((module) => module.registerData),
  backlog: () => import("./backlog.js").then((module) => module.registerBacklog),
  init: () => import("./init.js").then((module) => module.registerInit),
  schema: () => import("./schema.js").then((module) => module.registerSchema),
  completion: () => import("./completion.js").then((module) => module.registerCompletion),
} satisfies Record<string, () => Promise<Register>>;

type CommandName = keyof typeof COMMANDS;

/** The command named on the command line (the first word that is not an option), if it is one. */
function requested(argv: readonly string[]): CommandName | undefined {
  const word = argv.slice(2).find((arg) => !arg.startsWith("-"));
  return word !== undefined && Object.hasOwn(COMMANDS, word) ? (word as CommandName) : undefined;
}

/** The program with the command that `argv` asks for, or with every command (for help, a
 * misspelt command, or no command at all). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("journeymap")
    .description("Customer journey maps as code: validate, lint and render *.journey.yaml files.")
    .version(PACKAGE_VERSION, "-v, --version", "print the version")
    .option("--color", "force colours (wins over NO_COLOR; FORCE_COLOR=1 does the same)")
    .option("--no-color", "no colours (also with NO_COLOR=1, FORCE_COLOR=0 or TERM=dumb)")
    .option("--debug", "print stack traces for unexpected errors")
    .showHelpAfterError("(run with --help for usage)")
    // Usage errors quote the arguments, which may be file names from a pull request.
    .configureOutput({ writeOut: (text) => stdout.write(text), writeErr: (text) => stderr.write(visibleLines(text)) })
    .exitOverride();
  const only = requested(argv);
  const names = only ? [only] : (Object.keys(COMMANDS) as CommandName[]);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]()));
  for (const register of registers) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `journeymap lint | head -1`: the reader has gone, so there is no one left to tell; stop quietly.
  const quietOnEpipe = (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  };
  for (const name of ["stdout", "stderr"] as const) whenCreated(name, (stream) => stream.on("error", quietOnEpipe));
  try {
    const program = await buildProgram(argv);
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
    stderr.write(`journeymap: ${visibleLines(error.message)}\n`);
    if (debug) stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`journeymap: unexpected error: ${visibleLines(message)}\n`);
  stderr.write(
    debug && error instanceof Error
      ? `${error.stack}\n`
      : "(run again with --debug for the stack trace, and please report it)\n",
  );
  return 2;
}

/** Calls `use` with a standard stream once it exists. Node creates each on first use, and creating one
 * costs milliseconds (a pipe loads Node's socket code): a run that never writes to standard error
 * should not pay for it. */
function whenCreated(name: "stdout" | "stderr", use: (stream: NodeJS.WriteStream) => void): void {
  const original = Object.getOwnPropertyDescriptor(process, name);
  if (!original?.get || !original.configurable) {
    use(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: original.enumerable,
    get() {
      Object.defineProperty(process, name, original);
      const stream = process[name];
      use(stream);
      return stream;
    },
  });
}
