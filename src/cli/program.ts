// The journeymap program: commander wiring and colour options. Each command's module is loaded only when
// that command runs (or for the full --help).
import { Command } from "commander";
import { visibleLines } from "../text/visible.js";
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
  init: () => import("./init.js").then((module) => module.registerInit),
  schema: () => import("./schema.js").then((module) => module.registerSchema),
  completion: () =>
    import("./completion.js").then(
      (module) => (program: Command) => module.registerCompletion(program, () => buildProgram()),
    ),
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
