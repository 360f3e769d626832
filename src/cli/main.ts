// The journeymap program's entry: the one place that turns errors into exit codes (the commands are
// wired in program.ts).
import { CommanderError } from "commander";
import { JourneymapError } from "../errors.js";
import { visibleLines } from "../text/visible.js";
import { stderr, stdout } from "../io/standard-streams.js";
import { buildProgram } from "./program.js";

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
  // The command has finished (render --watch only when stopped): once what it wrote is out, end now.
  // Left to end by itself, Node tears the JavaScript heap down piece by piece and waits for V8's
  // background threads, about 8 ms of a 60 ms run; process.exit() skips that ('exit' handlers still run).
  await Promise.all([stdout.drained(), stderr.drained()]);
  process.exit();
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
